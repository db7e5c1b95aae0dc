"""What every command shares: the exit codes, bad input as ``UserError``, opening the database
(closed when the command ends), reading the files and the toolkit the user names.

The helpers import the storage layer when they run, so `--help` stays instant.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from worksession.i18n import _
from worksession.support.line_output import one_line

if TYPE_CHECKING:
    from worksession.domain.interchange import Document
    from worksession.programmes.model import Library
    from worksession.storage.database import Database

EXIT_OK = 0
EXIT_BAD_INPUT = 2


class UserError(Exception):
    """Bad input: printed as one line on stderr, exit 2."""


# Every database a command opened, closed when it ends: a connection left to the garbage
# collector would checkpoint and remove the WAL whenever it happens to be freed.
OPENED: list[Database] = []


def close_opened() -> None:
    while OPENED:
        OPENED.pop().close()


def write_failure(args: argparse.Namespace, error: Exception) -> str | None:
    """One line for a database or file that cannot be written; None for any other error."""
    from worksession.storage.engine import sqlite_path, to_url
    from worksession.storage.write_failures import explain_write_failure
    from worksession.user.locations import database_location

    try:
        database = sqlite_path(to_url(database_location(args.db)))
    except Exception:  # the data folder itself may be what cannot be made
        database = None
    return explain_write_failure(error, database)


def open_db(args: argparse.Namespace) -> Database:
    from worksession.storage.errors import StorageError
    from worksession.storage.opening import open_database
    from worksession.user.locations import database_location, team_choice
    from worksession.user.settings import backup_retention_days

    try:
        database = open_database(
            database_location(args.db),
            retention_days=backup_retention_days(),
            team=team_choice(getattr(args, "team", None)),
        )
    except StorageError as error:
        raise UserError(str(error)) from error
    OPENED.append(database)
    return database


def session_document(db: Database, session_id: int) -> Document:
    from worksession.storage.document import read_document
    from worksession.storage.errors import NotFound

    try:
        return read_document(db=db, session_id=session_id)
    except NotFound as error:
        raise UserError(_("there is no session with id {id}").format(id=session_id)) from error


def read_input(path: Path, limit: int | None = None) -> bytes:
    """The bytes of a file the user named; a file that cannot be read is bad input.

    With ``limit``, only a regular file of at most that many bytes is read (never a FIFO)."""
    from worksession.support.bounded_read import read_limited

    try:
        return path.read_bytes() if limit is None else read_limited(path, limit)
    except OSError as error:
        raise UserError(f"{path}: {error.strerror or error}") from error


def database_path(args: argparse.Namespace) -> Path | None:
    """The SQLite file of ``--db`` (None for a server database), whether or not it is open."""
    from worksession.storage.engine import sqlite_path, to_url
    from worksession.user.locations import database_location

    return sqlite_path(to_url(database_location(args.db)))


def export_target(args: argparse.Namespace, out: Path) -> None:
    """Refuse an ``--out`` that is the database, a file the app owns, a device or a pipe,
    before anything is read, rendered or made (``RefusedTarget``: exit 2)."""
    from worksession.workflows.export_targets import check_export_target

    check_export_target(out, database=database_path(args))


def unwritable(path: Path, error: OSError) -> UserError:
    """A file or folder that could not be written, named (the error's own text may name a
    temporary file beside it)."""
    return UserError(f"{path}: {error.strerror or error}")


def write_out(args: argparse.Namespace, out: Path, data: bytes) -> None:
    """Write ``data`` to ``out`` atomically, refused once more if it became a file the app owns
    (``RefusedTarget``); a failure to write is a ``UserError`` naming ``out``. Every command
    that makes its file itself writes it here."""
    from worksession.workflows.export_targets import write_export

    try:
        write_export(out, data, database=database_path(args))
    except OSError as error:
        raise unwritable(out, error) from error


def toolkit_library() -> Library:
    from worksession.programmes.library import load_library

    library = load_library()
    for problem in library.problems:
        print(
            one_line(_("worksession: unusable: {problem}").format(problem=problem)), file=sys.stderr
        )
    return library
