"""``package export`` and ``package import``: a reproducible zip of a programme, its casus and
the own catalogues they use; a round trip into a clean folder; replacing asks for --replace and
keeps what was there; a shipped programme is shadowed, never changed."""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from pathlib import Path

import pytest

from tests.cli.running import run
from tests.programmes import package_forgery as forgery
from tests.programmes.package_forgery import snapshot
from worksession.programmes.library import load_library, user_sessions_dir
from worksession.support.paths import sessions_dir
from worksession.user.locations import data_dir

OWN_THEMES = b"""# Eigen thema's van de trainer.

[[themes]]
id = "eigen-thema"
title = "Samen eten in de wijk"
"""
OWN_ROLES = b"""[[roles]]
id = "buurtkok"
name = "Buurtkok"
domain = "residents"
"""


def own_casus() -> bytes:
    return forgery.own_casus().replace(
        b'themes = ["eenzaamheid",', b'themes = ["eigen-thema", "eenzaamheid",', 1
    )


def own_toolkit() -> dict[str, bytes]:
    """A trainer's own folder: a programme, two casus (one not exported), two catalogues."""
    files = {
        "programmes/eigen-avond.toml": forgery.own_programme(),
        "casus/eigen-casus.toml": own_casus(),
        "casus/niet-mee.toml": forgery.own_casus().replace(b"eigen-casus", b"niet-mee"),
        "catalogues/eigen-themas.toml": OWN_THEMES,
        "catalogues/eigen-rollen.toml": OWN_ROLES,
    }
    for name, data in files.items():
        path = user_sessions_dir() / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return files


def export(capsys: pytest.CaptureFixture[str], out: Path, *casus: str) -> tuple[int, str, str]:
    arguments = ["--casus", *casus] if casus else []
    return run(
        capsys, "package", "export", "--programme", "eigen-avond", *arguments, "--out", str(out)
    )


def move_home(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, name: str) -> None:
    """Another user's data folder: a clean toolkit folder."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / name))


def test_round_trip_into_a_clean_folder_gives_the_same_files(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = own_toolkit()
    out = tmp_path / "pakket.zip"
    code, stdout, err = export(capsys, out, "eigen-casus")
    assert (code, err) == (0, "")
    assert "casus/niet-mee.toml" not in stdout
    exported = {name: data for name, data in files.items() if name != "casus/niet-mee.toml"}

    move_home(monkeypatch, tmp_path, "other")
    assert not user_sessions_dir().exists()
    code, stdout, err = run(capsys, "package", "import", str(out))
    assert (code, err) == (0, "")
    assert len([line for line in stdout.splitlines() if line.startswith("geschreven\t")]) == 4
    assert {
        path.relative_to(user_sessions_dir()).as_posix(): path.read_bytes()
        for path in user_sessions_dir().rglob("*")
        if path.is_file()
    } == exported
    library = load_library()
    assert library.problems == []
    assert library.programmes["eigen-avond"].source.origin == "user"
    assert library.themes["eigen-thema"].title == "Samen eten in de wijk"
    assert "buurtkok" in library.roles


def test_two_exports_are_the_same_bytes_with_fixed_times_and_permissions(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    own_toolkit()
    first, second = tmp_path / "een.zip", tmp_path / "twee.zip"
    assert export(capsys, first, "eigen-casus")[0] == 0
    (user_sessions_dir() / "casus" / "eigen-casus.toml").touch()  # a newer time changes nothing
    assert export(capsys, second, "eigen-casus")[0] == 0
    assert first.read_bytes() == second.read_bytes()

    archive = zipfile.ZipFile(io.BytesIO(first.read_bytes()))
    names = archive.namelist()
    assert names[0] == "manifest.json" and names[1:] == sorted(names[1:])
    for info in archive.infolist():
        assert info.date_time == (1980, 1, 1, 0, 0, 0)
        assert info.external_attr >> 16 == 0o100644
        assert info.compress_type == zipfile.ZIP_DEFLATED
    manifest = json.loads(archive.read("manifest.json"))
    assert manifest["format"] == "worksession-toolkit-package" and manifest["version"] == 1
    assert (manifest["programme"], manifest["casus"]) == ("eigen-avond", ["eigen-casus"])
    for item in manifest["files"]:
        data = archive.read(item["name"])
        assert item["size"] == len(data)
        assert item["sha256"] == hashlib.sha256(data).hexdigest()
    assert [item["name"] for item in manifest["files"]] == sorted(names[1:])


def test_an_existing_id_needs_replace_which_keeps_the_old_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    own_toolkit()
    out = tmp_path / "pakket.zip"
    assert export(capsys, out)[0] == 0
    mine = user_sessions_dir() / "programmes" / "mijn-avond.toml"  # same id, another name
    (user_sessions_dir() / "programmes" / "eigen-avond.toml").rename(mine)
    old = forgery.own_programme("Mijn eigen versie")
    mine.write_bytes(old)
    before = snapshot(data_dir())

    code, stdout, err = run(capsys, "package", "import", str(out))
    assert (code, stdout) == (2, "")
    assert "vervangt uw programmes/mijn-avond.toml" in err and "--replace" in err
    assert snapshot(data_dir()) == before

    code, stdout, err = run(capsys, "package", "import", str(out), "--replace")
    assert (code, err) == (0, "")
    assert not mine.exists()
    (kept,) = (user_sessions_dir() / "replaced").rglob("mijn-avond.toml")
    assert kept.read_bytes() == old
    assert f"vervangen\t{mine}\tbewaard als {kept}" in stdout
    new = user_sessions_dir() / "programmes" / "eigen-avond.toml"
    assert new.read_bytes() == forgery.own_programme()
    assert load_library().problems == []


def test_importing_what_is_there_already_writes_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    own_toolkit()
    out = tmp_path / "pakket.zip"
    assert export(capsys, out, "eigen-casus")[0] == 0
    before = snapshot(data_dir())
    code, stdout, _err = run(capsys, "package", "import", str(out))
    assert code == 0 and stdout.count("al aanwezig\t") == 4
    assert snapshot(data_dir()) == before


def test_a_shipped_programme_is_shadowed_by_an_own_copy_and_never_changed(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    shipped = sessions_dir() / "programmes" / "avondsessie.toml"
    shipped_bytes = shipped.read_bytes()
    changed = shipped_bytes.replace(b"Avondsessie samenwerken in de wijk", b"Avond in Sittard", 1)
    package = tmp_path / "avond.zip"
    package.write_bytes(
        forgery.package({"programmes/avondsessie.toml": changed}, programme="avondsessie", casus=[])
    )
    code, _out, err = run(capsys, "package", "import", str(package))
    assert code == 2 and "in plaats van programma 'avondsessie' uit de meegeleverde" in err

    code, stdout, err = run(capsys, "package", "import", str(package), "--replace")
    assert (code, err) == (0, "")
    assert shipped.read_bytes() == shipped_bytes
    assert "komt in plaats van meegeleverd\tprogramma 'avondsessie'" in stdout
    programme = load_library().programmes["avondsessie"]
    assert (programme.title, programme.source.origin) == ("Avond in Sittard", "user")


def test_an_unchanged_shipped_programme_in_a_package_is_not_copied(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    out = tmp_path / "avond.zip"
    code, stdout, err = run(
        capsys, "package", "export", "--programme", "avondsessie", "--casus", "mijnstreek",
        "--out", str(out),
    )  # fmt: skip
    assert (code, err) == (0, "")
    assert "catalogues/" not in stdout  # the shipped catalogues come with every copy of the app
    code, stdout, _err = run(capsys, "package", "import", str(out))
    assert code == 0 and stdout.count("al aanwezig\t") == 2
    assert not list(user_sessions_dir().rglob("*.toml"))


def test_export_refuses_an_out_in_the_apps_folder_and_an_unknown_id(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    own_toolkit()
    inside = data_dir() / "pakket.zip"
    code, _out, err = export(capsys, inside)
    assert code == 2 and str(inside) in err and not inside.exists()
    code, _out, err = export(capsys, tmp_path / "x.zip", "bestaat-niet")
    assert code == 2 and "bestaat-niet" in err and not (tmp_path / "x.zip").exists()


def test_export_warns_of_a_theme_no_catalogue_has(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    own_toolkit()
    (user_sessions_dir() / "catalogues" / "eigen-themas.toml").unlink()
    code, _out, err = export(capsys, tmp_path / "x.zip", "eigen-casus")
    assert code == 0
    assert "'eigen-casus'" in err and "'eigen-thema'" in err


def test_export_refuses_a_file_name_an_import_would_refuse(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    own_toolkit()
    casus = user_sessions_dir() / "casus" / "eigen-casus.toml"
    casus.rename(casus.with_name("wat?.toml"))
    out = tmp_path / "x.zip"
    code, _out, err = export(capsys, out, "eigen-casus")
    assert code == 2 and "wat?.toml" in err and not out.exists()
