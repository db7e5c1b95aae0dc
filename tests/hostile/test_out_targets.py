"""``--out`` of every command that writes a file for another program — the attendance files,
the record lists, the workbook, the calendar, the programme overview and a toolkit package —
aimed at what it must never replace (the database, its ``-wal``/``-shm``, a backup, a link to
any of them, a folder, ``/dev/full``), and run out of disk space mid-write.

Each refusal is exit 2 with one line naming the path, and the target is left as it was. A full
disk is a file size limit (``RLIMIT_FSIZE``) on the command's own process, as in
``tests/cli/test_unwritable.py``: exit 2, one line naming the file, no traceback, and neither
the file nor a temporary file left behind.
"""

from __future__ import annotations

import copy
import json
import os
import resource
import signal
import stat
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.cli.running import run
from worksession.cli import main
from worksession.programmes.library import load_library
from worksession.workflows.demo import demo_document

ROOT = Path(__file__).resolve().parents[2]
PROGRAMME = "samenwerken-in-de-wijk"


def _commands(target: Path, db: Path) -> dict[str, list[str]]:
    at = ["--db", str(db)]
    return {
        "attendance-pdf": ["attendance", "1", "--out", str(target.with_suffix(".pdf")), *at],
        "attendance-xlsx": ["attendance", "1", "--out", str(target.with_suffix(".xlsx")), *at],
        "attendance-csv": ["attendance", "1", "--out", str(target.with_suffix(".csv")), *at],
        "attendance-txt": ["attendance", "1", "--out", str(target.with_suffix(".txt")), *at],
        "csv": ["export", "1", "--csv", str(target), *at],
        "xlsx": ["export", "1", "--xlsx", str(target), *at],
        "ics": ["export", "1", "--ics", str(target), *at],
        "overview": ["overview", PROGRAMME, "--out", str(target), *at],
        "package": ["package", "export", "--programme", PROGRAMME, "--out", str(target), *at],
    }


COMMANDS = list(_commands(Path("x"), Path("y")))


@pytest.fixture(scope="module")
def dbfile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One database for every refusal: each test checks that it is left as it was."""
    path = tmp_path_factory.mktemp("data") / "ws.sqlite3"
    assert main(["demo", "--db", str(path)]) == 0
    assert main(["backup", "--db", str(path)]) == 0
    return path


def _refused_targets(tmp_path: Path, db: Path) -> dict[str, Callable[[], Path]]:
    def link(name: str, to: Path) -> Callable[[], Path]:
        def make() -> Path:
            path = tmp_path / name
            path.symlink_to(to)
            return path

        return make

    def folder() -> Path:
        path = tmp_path / "map"
        path.mkdir()
        return path

    backups = db.parent / "backups"
    return {
        "database": lambda: db,
        "wal": lambda: db.with_name(db.name + "-wal"),
        "shm": lambda: db.with_name(db.name + "-shm"),
        "backup": lambda: next(backups.iterdir()),
        "in-backups": lambda: backups / "nieuw",
        "link-to-database": link("link", db),
        "link-to-wal": link("wal-link", db.with_name(db.name + "-wal")),
        "folder": folder,
        "dev-full": lambda: Path("/dev/full"),
    }


TARGETS = list(_refused_targets(Path("x"), Path("y")))


def _state(path: Path) -> object:
    """What must not change: a file's bytes, a folder's listing, a device's kind."""
    if path.is_symlink():
        return ("link", os.readlink(path))
    if not path.exists():
        return None
    if path.is_dir():
        return sorted(os.listdir(path))
    if not stat.S_ISREG(path.stat().st_mode):
        return stat.S_IFMT(path.stat().st_mode)
    return path.read_bytes()


@pytest.mark.parametrize("target", TARGETS)
@pytest.mark.parametrize("command", COMMANDS)
def test_every_out_refuses_what_the_app_owns_and_what_is_no_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, dbfile: Path, command: str, target: str
) -> None:
    chosen = _refused_targets(tmp_path, dbfile)[target]()
    argv = _commands(chosen, dbfile)[command]
    named = Path(argv[argv.index("--out") + 1] if "--out" in argv else argv[3])
    if command.startswith("attendance") and named != chosen:
        # The attendance kind is its suffix: the same path with another suffix is no
        # attack on it, so the path itself is given (its suffix is then refused or kept).
        named = chosen
        argv[argv.index("--out") + 1] = str(chosen)
    watched = [dbfile, chosen, *sorted((dbfile.parent / "backups").iterdir())]
    before = {str(path): _state(path) for path in watched}
    code, out, err = run(capsys, *argv)
    assert code == 2, (out, err)
    assert len(err.strip().splitlines()) == 1 and str(named) in err, err
    assert {str(path): _state(path) for path in watched} == before


def _big_document() -> dict[str, object]:
    """The demo session with 400 people present and long agreements: every file made of it
    is larger than the limit below."""
    document = demo_document(load_library())
    people = document["participants"]
    for number in range(400):
        person = copy.deepcopy(people[number % len(people)])
        person.update(
            key=f"p-extra-{number}",
            name=f"Deelnemer {number}",
            organisation="Organisatie " * 15,
            present=True,
        )
        people.append(person)
    for agreement in document["agreements"]:
        agreement["what"] = "Een lange afspraak. " * 400
    return dict(document)


def _limited(limit: int) -> None:
    # Past the limit a write fails with EFBIG, as on a full disk with ENOSPC; ignoring SIGXFSZ
    # keeps the process alive to say so.
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))


@pytest.fixture(scope="module")
def big_database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("groot")
    source = folder / "groot.json"
    source.write_text(json.dumps(_big_document()), encoding="utf-8")
    database = folder / "ws.sqlite3"
    result = _worksession(["import", str(source), "--db", str(database)], limit=None)
    assert result.returncode == 0, result.stderr
    return database


def _worksession(argv: list[str], *, limit: int | None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "worksession", *argv],
        preexec_fn=None if limit is None else lambda: _limited(limit),
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        check=False,
    )


# The database's -shm is 32 kB: reading the session must still work under the limit. The
# package is made without the database, so its limit is far smaller than the package.
LIMITS = {command: 40 * 1024 for command in COMMANDS} | {"package": 1024}
NAMES = {
    "attendance-pdf": "lijst.pdf",
    "attendance-xlsx": "lijst.xlsx",
    "attendance-csv": "lijst.csv",
    "csv": "afspraken.csv",
    "xlsx": "plan.xlsx",
    "ics": "plan.ics",
    "overview": "programma.pdf",
    "package": "pakket.zip",
}


def _largest_write(path: Path) -> int:
    """The most bytes written to one file: a workbook's sheets are written unpacked first."""
    if path.suffix != ".xlsx":
        return path.stat().st_size
    with zipfile.ZipFile(path) as archive:
        return max(entry.file_size for entry in archive.infolist())


@pytest.mark.parametrize("command", sorted(NAMES))
def test_a_full_disk_names_the_file_and_leaves_nothing_half_written(
    tmp_path: Path, big_database: Path, command: str
) -> None:
    target = tmp_path / "uit" / NAMES[command]
    target.parent.mkdir()
    argv = _commands(target, big_database)[command]
    if command.startswith("attendance"):
        argv[argv.index("--out") + 1] = str(target)
    free = _worksession(argv, limit=None)
    assert free.returncode == 0, free.stderr
    assert _largest_write(target) > LIMITS[command]  # so the limit below is what stops it
    target.unlink()

    full = _worksession(argv, limit=LIMITS[command])
    assert full.returncode == 2, full.stderr
    assert "Traceback" not in full.stderr and "Exception" not in full.stderr, full.stderr
    assert len(full.stderr.strip().splitlines()) == 1 and str(target) in full.stderr
    assert list(target.parent.iterdir()) == []  # no file, no temporary file
