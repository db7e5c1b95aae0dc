"""On the command line a damaged database stays refused, naming the backup, until the coach
runs ``restore FILE`` or ``restore --empty``."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.running import run


def _damaged_with_backup(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> tuple[str, str]:
    database = str(tmp_path / "ws.sqlite3")
    assert run(capsys, "demo", "--db", database)[0] == 0
    code, out, _err = run(capsys, "backup", "--db", database)
    assert code == 0
    Path(database).write_bytes(b"\0" * 8192)  # the header wiped
    return database, out.strip()


def test_the_backup_is_offered_at_every_start_until_restored(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    database, backup = _damaged_with_backup(capsys, tmp_path)
    for _attempt in range(3):
        code, out, err = run(capsys, "list", "--db", database)
        assert (code, out) == (2, "")
        assert backup in err and "restore --empty" in err
    assert run(capsys, "restore", backup, "--db", database)[0] == 0
    code, out, _err = run(capsys, "list", "--db", database)
    assert code == 0 and "Kaalheide" in out


def test_restore_empty_is_the_explicit_choice_for_a_new_database(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    database, _backup = _damaged_with_backup(capsys, tmp_path)
    assert run(capsys, "list", "--db", database)[0] == 2
    assert run(capsys, "restore", "--empty", "--db", database)[0] == 0
    assert run(capsys, "list", "--db", database) == (0, "", "")
    assert run(capsys, "restore", "--db", database)[0] == 2  # neither a file nor --empty
