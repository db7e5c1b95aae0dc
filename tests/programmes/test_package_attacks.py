"""Attacks on ``package import``: each forged package is refused naming the entry, the command
exits 2, and the trainer's toolkit folder is byte for byte what it was (or still absent)."""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.cli.running import run
from tests.programmes import package_forgery as forgery
from tests.programmes.package_forgery import snapshot
from worksession.programmes.library import user_sessions_dir
from worksession.programmes.package_entries import RefusedPackage, check_name
from worksession.programmes.package_reading import read_package
from worksession.user.locations import data_dir

NAMES = sorted(forgery.ATTACKS)
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=30),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=6)
    ),
    max_leaves=16,
)


def own_toolkit() -> Path:
    """An own folder holding a casus and a programme that the attacks' ids would replace."""
    folder = user_sessions_dir()
    (folder / "casus").mkdir(parents=True)
    (folder / "programmes").mkdir()
    (folder / "casus" / "eigen-casus.toml").write_bytes(forgery.own_casus())
    (folder / "programmes" / "eigen-avond.toml").write_bytes(forgery.own_programme("Oud"))
    return folder


@pytest.mark.parametrize("name", NAMES)
def test_each_forged_package_is_refused_naming_the_entry(name: str) -> None:
    forge, entry, word = forgery.ATTACKS[name]
    with pytest.raises(RefusedPackage) as refused:
        read_package(forge())
    assert refused.value.entry == entry
    assert word in str(refused.value)


@pytest.mark.parametrize("name", NAMES)
def test_each_attack_exits_2_and_leaves_the_own_folder_as_it_was(
    name: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    forge, entry, word = forgery.ATTACKS[name]
    folder = own_toolkit()
    before = snapshot(data_dir())
    package = tmp_path / "pakket.zip"
    package.write_bytes(forge())
    for extra in ([], ["--replace"]):
        code, out, err = run(capsys, "package", "import", str(package), *extra)
        assert (code, out) == (2, "")
        (line,) = err.splitlines()
        assert line.startswith(f"worksession: {package}: {entry}")
        assert word in line
    assert snapshot(data_dir()) == before
    assert not list(tmp_path.glob("escaped*")) and not (folder.parent / "escaped.toml").exists()


@pytest.mark.parametrize(
    "name",
    [
        "casus/nul.toml",
        "casus/COM1.toml",
        "casus/a?b.toml",
        'casus/a"b.toml',
        "casus/a|b.toml",
        "casus/.verborgen.toml",
        "casus/sub/x.toml",
        "andere/x.toml",
        "casus/x.txt",
        "casus/x.toml\x00.exe",
        "manifest.json/x",
    ],
)
def test_names_no_toolkit_file_has_are_refused(name: str) -> None:
    with pytest.raises(RefusedPackage) as refused:
        check_name(name)
    assert refused.value.entry == name


def test_a_refused_package_does_not_even_make_the_own_folder(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    package = tmp_path / "pakket.zip"
    package.write_bytes(forgery.traversal())
    assert run(capsys, "package", "import", str(package))[0] == 2
    assert not user_sessions_dir().exists()


def test_a_good_forged_package_passes_so_the_attacks_test_one_thing_each() -> None:
    checked = read_package(forgery.package())
    assert checked.programme == "eigen-avond"
    assert checked.casus == ("eigen-casus",)
    assert [f.packed.name for f in checked.files] == [forgery.CASUS, forgery.PROGRAMME]


@pytest.mark.parametrize(
    ("make", "entry"),
    [
        (lambda: b"", ""),
        (lambda: b"PK\x03\x04" * 100, ""),
        (lambda: b"PK\x05\x06" + b"\0" * 18, "manifest.json"),  # an empty zip
    ],
)
def test_empty_and_broken_zips_are_refused(make: Callable[[], bytes], entry: str) -> None:
    with pytest.raises(RefusedPackage) as refused:
        read_package(make())
    assert refused.value.entry == entry


def test_a_package_larger_than_the_limit_is_not_read(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    package = tmp_path / "groot.zip"
    with package.open("wb") as handle:
        handle.truncate(9 * 1024 * 1024)
    code, _out, err = run(capsys, "package", "import", str(package))
    assert code == 2 and str(package) in err and "MB" in err


def test_a_fifo_given_as_the_package_is_refused_without_waiting(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    fifo = tmp_path / "pijp.zip"
    os.mkfifo(fifo)
    code, _out, err = run(capsys, "package", "import", str(fifo))
    assert code == 2 and str(fifo) in err


GOOD = forgery.package()


@settings(max_examples=300)
@given(
    st.lists(st.tuples(st.integers(0, len(GOOD) - 1), st.integers(0, 255)), min_size=1, max_size=6),
    st.integers(0, len(GOOD)),
)
def test_a_package_damaged_anywhere_is_refused_or_read_never_a_crash(
    changes: list[tuple[int, int]], keep: int
) -> None:
    data = bytearray(GOOD)
    for position, value in changes:
        data[position] = value
    with contextlib.suppress(RefusedPackage):
        read_package(bytes(data[:keep] if keep < len(GOOD) // 2 else data))


@settings(max_examples=300)
@given(
    st.sampled_from(
        [
            "format",
            "version",
            "programme",
            "casus",
            "files",
            "name",
            "kind",
            "ids",
            "size",
            "sha256",
        ]
    ),
    JSON_VALUES,
)
def test_any_manifest_value_is_refused_or_read_never_a_crash(field: str, value: object) -> None:
    files = forgery.good_files()
    content = json.loads(forgery.manifest(files))
    if field in content:
        content[field] = value
    else:
        content["files"][0][field] = value
    data = forgery.zipped([("manifest.json", json.dumps(content).encode()), *files.items()])
    with contextlib.suppress(RefusedPackage):
        read_package(data)
