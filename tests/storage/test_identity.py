"""What makes a file a worksession database, read without writing: header, pages, application id."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from worksession.storage.backups import check_backup
from worksession.storage.errors import StorageError
from worksession.storage.identity import (
    SQLITE_HEADER,
    is_ours,
    read_header,
    read_identity,
    whole_pages,
)
from worksession.storage.opening import open_database
from worksession.storage.revisions import HEAD_REVISION


def test_a_worksession_database_is_ours_at_the_current_revision(tmp_path: Path) -> None:
    path = tmp_path / "ws.sqlite3"
    open_database(path).close()
    before = path.read_bytes()
    identity = read_identity(path)
    assert is_ours(identity.application_id)
    assert identity.revision == HEAD_REVISION and "work_session" in identity.tables
    assert read_header(path) == SQLITE_HEADER and whole_pages(path)
    assert path.read_bytes() == before  # only looked at


def test_another_applications_sqlite_file_is_not_ours_and_no_backup(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite3"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE notes (text TEXT)")
    connection.commit()
    connection.close()
    assert not is_ours(read_identity(path).application_id)
    with pytest.raises(StorageError):
        check_backup(path)


def test_a_file_cut_off_midway_a_page_is_not_whole_pages(tmp_path: Path) -> None:
    path = tmp_path / "ws.sqlite3"
    open_database(path).close()
    data = path.read_bytes()
    path.write_bytes(data[: len(data) - 100])
    assert not whole_pages(path)
    path.write_bytes(data[:50])
    assert not whole_pages(path)
