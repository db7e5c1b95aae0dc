"""An export never overwrites a file the app owns, nor a device, a FIFO or a folder.

Each case names a target the user could type after ``--out``/``--json``; the command exits 2
with one line naming the path, and the target (and the database) stay exactly as they were.
"""

from __future__ import annotations

import gc
import os
import stat
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.cli.running import run
from worksession.programmes.library import load_library
from worksession.storage.opening import open_database
from worksession.user.locations import data_dir
from worksession.workflows.certificates import personal_certificate_file
from worksession.workflows.demo import create_demo_session
from worksession.workflows.export_targets import RefusedTarget, write_export
from worksession.workflows.plan_export import write_plan_pdf


@pytest.fixture
def dbfile(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "ws.sqlite3"
    assert run(capsys, "demo", "--db", str(path))[0] == 0
    return path


def _commands(target: Path, db: Path) -> dict[str, list[str]]:
    return {
        "pdf": ["pdf", "1", "--out", str(target), "--db", str(db)],
        "export": ["export", "1", "--json", str(target), "--db", str(db)],
        "overview": ["overview", "samenwerken-in-de-wijk", "--out", str(target), "--db", str(db)],
        "csv": ["export", "1", "--csv", str(target), "--db", str(db)],
        "xlsx": ["export", "1", "--xlsx", str(target), "--db", str(db)],
        "ics": ["export", "1", "--ics", str(target), "--db", str(db)],
    }


def _refused(capsys: pytest.CaptureFixture[str], argv: list[str], target: Path) -> str:
    code, out, err = run(capsys, *argv)
    assert code == 2, (out, err)
    assert len(err.strip().splitlines()) == 1 and str(target) in err
    return err


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not p.is_symlink()
    }


@pytest.mark.parametrize("command", ["pdf", "export", "overview", "csv", "xlsx", "ics"])
@pytest.mark.parametrize(
    "target_of",
    [
        lambda db: db,
        lambda db: db.with_name(db.name + "-wal"),
        lambda db: db.with_name(db.name + "-shm"),
        lambda db: db.with_name(db.name + "-journal"),
        lambda db: db.parent / "backups" / "manual.sqlite3",
        lambda db: db.parent / "." / db.name,
    ],
    ids=["database", "wal", "shm", "journal", "backup", "dot-path"],
)
def test_the_database_and_its_files_are_refused(
    capsys: pytest.CaptureFixture[str],
    dbfile: Path,
    command: str,
    target_of: Callable[[Path], Path],
) -> None:
    run(capsys, "backup", "--db", str(dbfile))
    target = target_of(dbfile)
    before = _snapshot(dbfile.parent)
    _refused(capsys, _commands(target, dbfile)[command], target)
    assert _snapshot(dbfile.parent) == before
    assert run(capsys, "list", "--db", str(dbfile))[1].startswith("1\t")


def test_pdf_onto_the_database_by_a_relative_name_is_refused(
    capsys: pytest.CaptureFixture[str], dbfile: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The finding as reported: ``pdf 1 --out ws.sqlite3`` made the database a PDF."""
    monkeypatch.chdir(dbfile.parent)
    before = dbfile.read_bytes()
    _refused(capsys, ["pdf", "1", "--out", "ws.sqlite3", "--db", "ws.sqlite3"], Path("ws.sqlite3"))
    assert dbfile.read_bytes() == before
    assert run(capsys, "show", "1", "--db", str(dbfile))[0] == 0


def test_a_symlink_or_hard_link_to_the_database_is_the_database(
    capsys: pytest.CaptureFixture[str], dbfile: Path, tmp_path: Path
) -> None:
    elsewhere = tmp_path / "elders"
    elsewhere.mkdir()
    symlink = elsewhere / "plan.pdf"
    symlink.symlink_to(dbfile)
    hardlink = elsewhere / "plan.json"
    os.link(dbfile, hardlink)
    before = dbfile.read_bytes()
    _refused(capsys, _commands(symlink, dbfile)["pdf"], symlink)
    _refused(capsys, _commands(hardlink, dbfile)["export"], hardlink)
    _refused(capsys, _commands(symlink, dbfile)["overview"], symlink)  # the programme as PDF
    assert symlink.is_symlink() and dbfile.read_bytes() == before
    assert hardlink.read_bytes() == before


def test_the_default_database_and_the_data_folder_are_refused(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Without --db the database lives in the data folder; nothing in that folder is an export."""
    assert run(capsys, "demo")[0] == 0
    folder = data_dir()
    personal = personal_certificate_file()
    personal.write_bytes(b"certificate")
    before = _snapshot(folder)
    for target in (folder / "worksession.sqlite3", personal, folder / "nieuw.pdf"):
        code, _out, err = run(capsys, "pdf", "1", "--out", str(target))
        assert code == 2 and str(target) in err
    assert _snapshot(folder) == before


def test_sign_refuses_the_personal_certificate_before_asking_anything(
    capsys: pytest.CaptureFixture[str], dbfile: Path, tmp_path: Path
) -> None:
    plan = tmp_path / "plan.pdf"
    assert run(capsys, "pdf", "1", "--out", str(plan), "--db", str(dbfile))[0] == 0
    target = personal_certificate_file()
    _refused(capsys, ["sign", str(plan), "--out", str(target), "--db", str(dbfile)], target)
    assert not target.exists()
    _refused(capsys, ["sign", str(plan), "--out", str(dbfile), "--db", str(dbfile)], dbfile)


def test_a_fifo_or_a_folder_is_not_replaced(
    capsys: pytest.CaptureFixture[str], dbfile: Path, tmp_path: Path
) -> None:
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    folder = tmp_path / "map.pdf"
    folder.mkdir()
    _refused(capsys, _commands(fifo, dbfile)["export"], fifo)
    _refused(capsys, _commands(folder, dbfile)["pdf"], folder)
    assert stat.S_ISFIFO(fifo.lstat().st_mode) and folder.is_dir()


def _device_node(folder: Path) -> Path:
    """A character device like /dev/full, made in ``folder`` where allowed (as root), so a
    regression replaces a node of the test's own and never the system's."""
    node = folder / "full"
    try:
        os.mknod(node, stat.S_IFCHR | 0o600, os.makedev(1, 7))
    except PermissionError:
        return Path("/dev/full")  # not root: /dev is not writable, the system's node is safe
    return node


def test_export_to_a_device_leaves_the_device(
    capsys: pytest.CaptureFixture[str], dbfile: Path, tmp_path: Path
) -> None:
    device = _device_node(tmp_path)
    before = device.lstat()
    _refused(capsys, _commands(device, dbfile)["export"], device)
    _refused(capsys, _commands(device, dbfile)["pdf"], device)
    after = device.lstat()
    assert stat.S_ISCHR(after.st_mode)
    assert (after.st_ino, after.st_rdev) == (before.st_ino, before.st_rdev)


def test_an_ordinary_file_is_still_replaced(
    capsys: pytest.CaptureFixture[str], dbfile: Path, tmp_path: Path
) -> None:
    target = tmp_path / "plan.json"
    target.write_text("oud")
    link = tmp_path / "link.json"
    link.symlink_to(target)
    assert run(capsys, *_commands(target, dbfile)["export"])[0] == 0
    assert run(capsys, *_commands(link, dbfile)["export"])[0] == 0
    assert target.read_text().startswith("{")


def test_a_database_named_through_a_link_is_still_guarded(
    capsys: pytest.CaptureFixture[str], dbfile: Path, tmp_path: Path
) -> None:
    """``--db`` may be a link: its backups and working files are the real file's."""
    elsewhere = tmp_path / "elders"
    elsewhere.mkdir()
    link = elsewhere / "link.sqlite3"
    link.symlink_to(dbfile)
    assert run(capsys, "backup", "--db", str(link))[0] == 0
    (backup,) = (dbfile.parent / "backups").iterdir()
    for target in (
        backup,
        dbfile.parent / "backups" / "plan.pdf",
        dbfile.with_name(dbfile.name + "-wal"),
        link,
        dbfile,
    ):
        # A connection the previous command left to the collector would remove the -wal and
        # -shm when it is freed, in the middle of the comparison: free it first.
        gc.collect()
        before = _snapshot(dbfile.parent)
        _refused(capsys, _commands(target, link)["pdf"], target)
        assert _snapshot(dbfile.parent) == before and link.is_symlink()


def test_the_shared_writer_checks_again_at_the_moment_of_writing(tmp_path: Path) -> None:
    """A target chosen as a plain file that became a FIFO before the write is still refused,
    and the plan writer refuses its own database whoever calls it."""
    target = tmp_path / "plan.json"
    os.mkfifo(target)
    with pytest.raises(RefusedTarget, match=r"plan\.json"):
        write_export(target, b"{}", database=None)
    assert stat.S_ISFIFO(target.lstat().st_mode)
    db = open_database(tmp_path / "ws.sqlite3")
    try:
        session = create_demo_session(db=db, library=load_library())
        assert db.path is not None and session.id is not None
        before = db.path.read_bytes()
        with pytest.raises(RefusedTarget, match="database"):
            write_plan_pdf(db=db, session_id=session.id, out=db.path)
        assert db.path.read_bytes() == before
    finally:
        db.close()


@pytest.mark.parametrize(
    ("name", "suffix"),
    [
        ("pdf", ".pdf"),
        ("export", ".json"),
        ("overview", ".txt"),
        ("csv", ".csv"),
        ("xlsx", ".xlsx"),
        ("ics", ".ics"),
        ("attendance", ".xlsx"),
        ("package", ".zip"),
    ],
)
def test_an_out_that_cannot_be_written_is_one_line_naming_it(
    capsys: pytest.CaptureFixture[str], dbfile: Path, name: str, suffix: str
) -> None:
    """Every command writes its file through one writer: a folder that is not there is one
    line naming the file the user typed (not the temporary one beside it), exit 2."""
    target = dbfile.parent / "no such folder" / f"out{suffix}"
    commands = {
        **_commands(target, dbfile),
        "attendance": ["attendance", "1", "--out", str(target), "--db", str(dbfile)],
        "package": [
            "package",
            "export",
            "--programme",
            "samenwerken-in-de-wijk",
            "--out",
            str(target),
            "--db",
            str(dbfile),
        ],
    }
    err = _refused(capsys, commands[name], target)
    assert err.strip() == f"worksession: {target}: No such file or directory"
    assert not target.parent.exists()
