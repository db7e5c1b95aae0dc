"""Hostile toolkit files: deep nesting, an endless integer, a symlink to /dev/zero, a FIFO, a
huge file. Each is listed as unusable with its reason; everything else loads, nothing blocks."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.cli.running import run
from worksession.i18n import set_language
from worksession.programmes.library import load_library, user_sessions_dir
from worksession.programmes.parsing import MAX_TOOLKIT_BYTES, kind_of, read_toolkit_file
from worksession.support.paths import sessions_dir


def _deep(path: Path) -> None:
    path.write_text('id = "diep"\ntitle = "x"\nsteps = ' + "[" * 3000 + "]" * 3000 + "\n")


def _long_number(path: Path) -> None:
    path.write_text('id = "lang"\ntitle = "x"\n\n[[steps]]\nminutes = ' + "7" * 5000 + "\n")


def _zero(path: Path) -> None:
    path.symlink_to("/dev/zero")


def _fifo(path: Path) -> None:
    os.mkfifo(path)


def _huge(path: Path) -> None:
    text = (sessions_dir() / "programmes" / "avondsessie.toml").read_text(encoding="utf-8")
    path.write_text(text + "#" * MAX_TOOLKIT_BYTES + "\n", encoding="utf-8")


HOSTILE: dict[str, tuple[Callable[[Path], None], int, str]] = {
    "nested 3000 deep": (_deep, 3, "nested"),
    "a 5000-digit integer": (_long_number, 5, "digits"),
    "a symlink to /dev/zero": (_zero, 1, "not a regular file"),
    "a FIFO": (_fifo, 1, "not a regular file"),
    "a file over 1 MB": (_huge, 1, "larger than 1 MB"),
}


@pytest.mark.parametrize("name", HOSTILE)
def test_a_hostile_file_is_one_problem_with_its_reason(name: str, tmp_path: Path) -> None:
    set_language("en")
    make, line, reason = HOSTILE[name]
    path = tmp_path / "programmes" / "kwaad.toml"
    path.parent.mkdir()
    make(path)
    assert kind_of(path) == "programme"
    entries, problems = read_toolkit_file(path, "programme")
    assert entries == []
    (problem,) = problems
    assert (problem.path, problem.line) == (path, line)
    assert reason in problem.message


def _hostile_own_folder() -> Path:
    own = user_sessions_dir()
    for folder in ("programmes", "casus"):
        (own / folder).mkdir(parents=True)
    for index, (make, _line, _reason) in enumerate(HOSTILE.values()):
        make(own / ("programmes" if index % 2 else "casus") / f"kwaad-{index}.toml")
    shutil.copy(sessions_dir() / "casus" / "mijnstreek.toml", own / "casus" / "eigen.toml")
    return own


def test_the_library_lists_every_hostile_file_and_loads_the_rest() -> None:
    _hostile_own_folder()
    library = load_library()
    assert sorted(problem.path.name for problem in library.problems) == [
        f"kwaad-{index}.toml" for index in range(len(HOSTILE))
    ]
    assert "avondsessie" in library.programmes and "mijnstreek" in library.casus
    assert library.casus["mijnstreek"].source.origin == "user"


@pytest.mark.parametrize("command", ["programmes", "casus"])
def test_the_listings_name_each_unusable_file_and_carry_on(
    command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    _hostile_own_folder()
    code, out, err = run(capsys, command)
    assert code == 0
    assert ("avondsessie\t" if command == "programmes" else "mijnstreek\t") in out
    unusable = err.splitlines()
    assert len(unusable) == len(HOSTILE)
    assert all("kwaad-" in line and ".toml:" in line for line in unusable)


def test_check_names_each_hostile_file(capsys: pytest.CaptureFixture[str]) -> None:
    own = _hostile_own_folder()
    files = sorted(str(path) for path in own.rglob("kwaad-*.toml"))
    code, out, err = run(capsys, "check", *files, str(own / "casus" / "eigen.toml"))
    assert code == 2
    assert len(err.splitlines()) == len(HOSTILE)
    assert out.count(": in orde (") == 1
