"""Attacks on ``package import`` beyond the forged zips of ``tests/programmes``: the own
folder changed between the check and the move, names a disk folds into one, a catalogue that
stands in for a shipped one, a size that needs zip64, and two imports at the same moment."""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import struct
import subprocess
import sys
import unicodedata
import zipfile
from pathlib import Path
from typing import Any

import pytest

from tests.cli.running import run
from tests.programmes import package_forgery as forgery
from tests.programmes.package_forgery import snapshot
from worksession.programmes.library import user_sessions_dir
from worksession.programmes.package_entries import RefusedPackage, check_name, read_entries
from worksession.programmes.package_reading import read_package
from worksession.support.paths import sessions_dir
from worksession.workflows import package_import
from worksession.workflows.package_import import FolderChanged, ImportPlan, install, plan_import

ROOT = Path(__file__).resolve().parents[2]


def _package(files: dict[str, bytes], ids: dict[str, list[str]], **changes: Any) -> bytes:
    """A package of ``files`` whose manifest gives each file the ids it really holds."""
    content = json.loads(forgery.manifest(files, **changes))
    for item in content["files"]:
        item["ids"] = ids.get(item["name"], item["ids"])
    raw = json.dumps(content, indent=2).encode("utf-8")
    return forgery.zipped([("manifest.json", raw), *files.items()])


# -- the own folder changed between the check and the move ------------------------------------


def _swapped_after_the_plan(tmp_path: Path, swapped: str) -> tuple[ImportPlan, Path, Path]:
    """A plan made for the own folder, after which ``swapped`` (a folder in it, or "" for
    itself) becomes a link to another, empty place."""
    own = tmp_path / "own"
    (own / "programmes").mkdir(parents=True)
    (own / "casus").mkdir()
    elsewhere = tmp_path / "elders"
    elsewhere.mkdir()
    plan = plan_import(
        read_package(forgery.package()), user_folder=own, shipped_folder=sessions_dir()
    )
    (own / swapped).rename(tmp_path / "moved")
    (own / swapped).symlink_to(elsewhere, target_is_directory=True)
    return plan, own / swapped, elsewhere


@pytest.mark.parametrize("swapped", ["programmes", "casus", ""])
def test_a_folder_swapped_for_a_link_after_the_check_gets_nothing(
    tmp_path: Path, swapped: str
) -> None:
    plan, link, elsewhere = _swapped_after_the_plan(tmp_path, swapped)
    with pytest.raises(FolderChanged) as changed:
        install(plan, replace=False)
    assert str(link) in str(changed.value)
    assert list(elsewhere.iterdir()) == []
    assert not list((tmp_path / "moved").rglob("*.toml"))


@pytest.mark.parametrize("swapped", ["programmes", "casus"])
def test_a_swap_during_the_install_sends_no_file_elsewhere_either(
    tmp_path: Path, swapped: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan, _link, elsewhere = _swapped_after_the_plan(tmp_path, swapped)
    # As if the swap came just after the install's first look: each move checks again.
    monkeypatch.setattr(package_import, "_check_folders", lambda plan: None)
    with pytest.raises(FolderChanged):
        install(plan, replace=False)
    assert list(elsewhere.iterdir()) == []
    own = tmp_path / "own"
    assert not [p for p in own.iterdir() if p.name.startswith(".package-import")]
    assert not list(own.rglob("*.toml")) and not list((tmp_path / "moved").rglob("*.toml"))


def test_a_folder_the_install_makes_must_be_no_link(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    own = tmp_path / "own"
    own.mkdir()
    elsewhere = tmp_path / "elders"
    elsewhere.mkdir()
    plan = plan_import(
        read_package(forgery.package()), user_folder=own, shipped_folder=sessions_dir()
    )
    (own / "casus").symlink_to(elsewhere, target_is_directory=True)  # not there at the plan
    with pytest.raises(FolderChanged):
        install(plan, replace=False)
    assert list(elsewhere.iterdir()) == []
    assert not list(own.rglob("*.toml"))


def test_a_folder_that_was_a_link_when_checked_is_written_through_it(tmp_path: Path) -> None:
    own = tmp_path / "own"
    own.mkdir()
    synced = tmp_path / "gedeeld"
    (synced / "programmes").mkdir(parents=True)
    (own / "programmes").symlink_to(synced / "programmes", target_is_directory=True)
    plan = plan_import(
        read_package(forgery.package()), user_folder=own, shipped_folder=sessions_dir()
    )
    install(plan, replace=False)
    assert (synced / "programmes" / "eigen-avond.toml").read_bytes() == forgery.own_programme()


# -- names a disk takes for one ---------------------------------------------------------------

CAFE_NFC = unicodedata.normalize("NFC", "casus/café.toml")
CAFE_NFD = unicodedata.normalize("NFD", "casus/café.toml")


def test_one_name_in_nfc_and_nfd_is_one_file_and_refused() -> None:
    assert CAFE_NFC != CAFE_NFD
    files = {forgery.PROGRAMME: forgery.own_programme(), CAFE_NFC: forgery.own_casus()}
    data = forgery.zipped(
        [("manifest.json", forgery.manifest(files)), *files.items(), (CAFE_NFD, b"x")]
    )
    with pytest.raises(RefusedPackage) as refused:
        read_package(data)
    assert refused.value.entry == CAFE_NFD


def test_an_nfd_entry_meets_the_own_nfc_file_and_asks_before_replacing(tmp_path: Path) -> None:
    own = tmp_path / "own"
    (own / "casus").mkdir(parents=True)
    mine = own / CAFE_NFC
    mine.write_bytes(forgery.own_casus().replace(b'id = "eigen-casus"', b'id = "mijn-cafe"'))
    files = {forgery.PROGRAMME: forgery.own_programme(), CAFE_NFD: forgery.own_casus()}
    package = read_package(_package(files, {CAFE_NFD: ["eigen-casus"]}))
    plan = plan_import(package, user_folder=own, shipped_folder=sessions_dir())
    assert plan.replaces == (mine,) and plan.asks
    before = snapshot(own)
    with pytest.raises(ValueError, match="caf"):
        install(plan, replace=False)
    assert snapshot(own) == before


@pytest.mark.parametrize(
    "name",
    [
        "programmes/aux .toml",  # Windows drops the space: the AUX device
        "programmes/CON.toml",
        "programmes/conin$.toml",
        "programmes/COM\u00b9.toml",
        "programmes/lpt0.toml",
        "programmes/nul.eigen.toml",
        "programmes/con/avond.toml",  # a device as a folder
        "casus/x.toml ",
        "casus/x.toml.",
        "casus/ab\u202elmot.toml",  # shows as "abtoml.toml"
        "casus/a\x85b.toml",  # C1: a line break to some programs
        "casus/a\u2028b.toml",
    ],
)
def test_a_name_no_disk_or_reader_takes_as_it_is_is_refused_naming_it(name: str) -> None:
    with pytest.raises(RefusedPackage) as refused:
        check_name(name)
    assert refused.value.entry == name
    # The whole package is refused for it too, before its manifest is compared.
    files = {**forgery.good_files(), name: forgery.own_programme()}
    data = forgery.zipped([("manifest.json", forgery.manifest(files)), *files.items()])
    with pytest.raises(RefusedPackage, match="toolkit") as whole:
        read_entries(data)
    assert whole.value.entry == name


@pytest.mark.parametrize("name", ["programmes/con-avond.toml", "casus/Café.toml", "casus/x .toml"])
def test_names_that_only_look_like_devices_pass(name: str) -> None:
    check_name(name)


# -- a catalogue that stands in for a shipped one ---------------------------------------------


def _theme_catalogue(theme_id: str, title: str) -> bytes:
    return (
        f'[[themes]]\nid = "{theme_id}"\ntitle = "{title}"\ntarget_group = "Iedereen"\n'
        'description = "Een thema uit een pakket."\n'
    ).encode()


def test_a_catalogue_that_redefines_a_shipped_theme_asks_and_names_it(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    files = {
        **forgery.good_files(),
        "catalogues/themas.toml": _theme_catalogue("eenzaamheid", "Iets anders"),
    }
    path = tmp_path / "pakket.zip"
    path.write_bytes(
        _package(files, {"catalogues/themas.toml": ["eenzaamheid"]}),
    )
    code, out, err = run(capsys, "package", "import", str(path))
    assert code == 2 and out == ""
    assert "eenzaamheid" in err and "--replace" in err and len(err.strip().splitlines()) == 1
    assert not list(user_sessions_dir().rglob("*.toml"))
    shipped = (sessions_dir() / "catalogues" / "themas.toml").read_bytes()
    code, out, _err = run(capsys, "package", "import", str(path), "--replace")
    assert code == 0 and "eenzaamheid" in out
    assert (sessions_dir() / "catalogues" / "themas.toml").read_bytes() == shipped


# -- a size that needs zip64 ------------------------------------------------------------------


def _with_central_size(data: bytes, name: str, size: int, zip64: bytes) -> bytes:
    """``data`` with the central directory entry of ``name`` declaring ``size`` unpacked."""
    start = 0
    out = bytearray(data)
    while True:
        start = out.find(b"PK\x01\x02", start)
        assert start >= 0, name
        name_length, extra_length, comment_length = struct.unpack_from("<HHH", out, start + 28)
        entry = bytes(out[start + 46 : start + 46 + name_length]).decode()
        if entry == name:
            break
        start += 46 + name_length + extra_length + comment_length
    if size < 0xFFFFFFFF:
        struct.pack_into("<I", out, start + 24, size)
        return bytes(out)
    struct.pack_into("<I", out, start + 24, 0xFFFFFFFF)
    struct.pack_into("<H", out, start + 30, extra_length + len(zip64))
    at = start + 46 + name_length + extra_length
    out[at:at] = zip64
    # The end record points at the directory: its size grew by the extra field.
    end = out.rfind(b"PK\x05\x06")
    (directory_size,) = struct.unpack_from("<I", out, end + 12)
    struct.pack_into("<I", out, end + 12, directory_size + len(zip64))
    return bytes(out)


@pytest.mark.parametrize("size", [4 * 1024**3, 2**64 - 1, 0xFFFFFFFE])
def test_a_declared_size_of_gigabytes_is_refused_before_a_byte_is_inflated(size: int) -> None:
    data = _with_central_size(
        forgery.package(), forgery.PROGRAMME, size, struct.pack("<HHQ", 1, 8, size)
    )
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.getinfo(forgery.PROGRAMME).file_size == size  # zipfile reads the lie
    with pytest.raises(RefusedPackage) as refused:
        read_package(data)
    assert refused.value.entry in (forgery.PROGRAMME, "")


# -- two imports at the same moment -----------------------------------------------------------


def _import_process(path: Path, env: dict[str, str]) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "worksession", "package", "import", str(path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env=env,
    )


def test_two_imports_at_once_leave_one_copy_of_each_file_and_no_temporary_folder(
    tmp_path: Path,
) -> None:
    path = tmp_path / "pakket.zip"
    path.write_bytes(forgery.package())
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    own = user_sessions_dir()
    expected = {
        name: hashlib.sha256(data).hexdigest() for name, data in forgery.good_files().items()
    }
    for _round in range(4):
        shutil.rmtree(own, ignore_errors=True)
        processes = [_import_process(path, env) for _ in range(3)]
        results = [(p.wait(timeout=120), *p.communicate()) for p in processes]
        for code, _out, err in results:
            assert code in (0, 2) and "Traceback" not in err, err
            if code == 2:  # the later one finds a file the earlier one just moved in
                assert len(err.strip().splitlines()) == 1, err
                assert ".toml" in err and str(own) in err
        assert any(code == 0 for code, _out, _err in results)
        found = {
            p.relative_to(own).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in own.rglob("*")
            if p.is_file()
        }
        assert found == expected
        assert sorted(p.name for p in own.iterdir()) == ["casus", "programmes"]
