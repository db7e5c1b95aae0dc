"""Open a database location: refuse what is not ours, back up, migrate to the current schema.

A refused file is never written to: it is inspected read-only before any engine touches it.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError, ProgrammingError

from worksession.i18n import _
from worksession.storage.backups import (
    RETENTION_DAYS,
    default_backup_dir,
    list_backups,
    make_backup,
)
from worksession.storage.database import Database
from worksession.storage.engine import (
    WRITING,
    create_db_engine,
    sqlite_path,
    to_url,
)
from worksession.storage.erasures import erasure_list_path
from worksession.storage.errors import DatabaseRefused, StorageError
from worksession.storage.identity import (
    APPLICATION_ID,
    SQLITE_HEADER,
    is_ours,
    read_header,
    read_identity,
    whole_pages,
)
from worksession.storage.integrity import quick_check
from worksession.storage.private_files import create_private, remove_stale
from worksession.storage.recovery import damaged, still_damaged
from worksession.storage.revisions import HEAD_REVISION, KNOWN_REVISIONS
from worksession.storage.schema import create_schema, is_empty
from worksession.storage.server import inspect_server, is_server, refuse_migrating_as_coach
from worksession.support.paths import migrations_dir

if TYPE_CHECKING:
    from alembic.config import Config

# Files Alembic reads (env.py, versions/): in the standalone build they are shipped as data.
MIGRATIONS = migrations_dir()
CREATING = ".creating"  # suffix of a database being built under a temporary name


def alembic_config() -> Config:
    from alembic.config import Config  # only when a migration runs: Alembic is slow to import

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def current_revision(engine: Engine) -> str | None:
    """The schema revision recorded in the database; None for a database without one."""
    with engine.connect() as connection:
        try:
            row = connection.execute(text("SELECT version_num FROM alembic_version")).first()
        except (OperationalError, ProgrammingError):
            return None  # no alembic_version table yet: a new, empty database
    return None if row is None else str(row[0])


def open_database(
    location: str | Path,
    *,
    retention_days: int = RETENTION_DAYS,
    backup_dir: Path | None = None,
    team: str | None = None,
) -> Database:
    """Open (creating if needed) the database at ``location``, a path or an SQLAlchemy URL.

    ``team``: on a server, the team the coach's new sessions belong to (``teams``); without
    it a coach's only team. An SQLite file has no teams and ignores it.

    A migration backs the database up first and thins out the backups older than
    ``retention_days``: the app and the command line pass the user's setting.

    Raises ``DatabaseRefused`` for an empty file, a file that is not SQLite, an SQLite file of
    another application, or a database written by a newer version; the file is left untouched.
    On a PostgreSQL server the same for a database with another application's tables, and a
    ``StorageError`` (one line) for a server out of reach or a refused role or password; a
    ``MissingDriver`` when its driver is not installed. A server database is not backed up
    before a migration here: its backups are archives the coach makes (``archive_backups``).
    Raises ``DatabaseDamaged`` for a damaged file (set aside), and again at every open until the
    coach restores the offered backup or chooses to start empty (see ``recovery``).
    """
    url = to_url(location)
    path = sqlite_path(url)
    if path is not None:
        remove_stale_temporaries(path, backup_dir)
        refusal = still_damaged(path)
        if refusal is not None:
            raise refusal
        inspect_sqlite_file(path)
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            _create_in_place(path)
    engine = create_db_engine(url, team=team)
    try:
        if is_server(url):
            inspect_server(engine, url)  # reachable, and empty or ours: before anything is written
        _migrate(engine, path, backup_dir, retention_days)
        database = Database(engine=engine, url=url, path=path)
        if path is not None and erasure_list_path(path).exists():
            # A backup put in place by hand loses the erased, too. Imported only then: the
            # operations bring the table models, which the start window lists sessions without.
            from worksession.storage.operations.privacy import reapply_erasures

            reapply_erasures(database)
    except BaseException:
        engine.dispose()
        raise
    return database


def _create_in_place(path: Path) -> None:
    """A new database with its schema, appearing under its name only once it is complete.

    Built under a temporary name and linked into place: a kill midway leaves a temporary (removed
    at a later start), never a half-made file that would be refused for ever. Linking (not
    renaming) never replaces a database another process created meanwhile.
    """
    temporary = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}{CREATING}")
    companions = [temporary.with_name(temporary.name + suffix) for suffix in ("-wal", "-shm")]
    # Private from the start; SQLite gives its -wal and -shm the mode of the database file.
    try:
        create_private(temporary)
    except OSError as error:  # name the database the user asked for, not our temporary
        raise OSError(error.errno, error.strerror, str(path)) from error
    try:
        engine = create_db_engine(to_url(temporary))
        try:
            _migrate(engine, None, None, RETENTION_DAYS)  # nothing to back up yet
            with engine.connect() as connection:
                connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            engine.dispose()  # the last connection closing removes the (empty) -wal and -shm
        with temporary.open("rb+") as handle:
            os.fsync(handle.fileno())
        try:
            os.link(temporary, path)
        except FileExistsError:
            pass  # another process made it first: theirs is used, ours is dropped
        except OSError:
            if not path.exists():  # a file system without hard links
                os.rename(temporary, path)
        _sync_folder(path.parent)
    finally:
        for leftover in (temporary, *companions):
            with contextlib.suppress(FileNotFoundError):
                leftover.unlink()


def _sync_folder(folder: Path) -> None:
    """Make a new name in ``folder`` durable (where the platform can open folders)."""
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)


def remove_stale_temporaries(path: Path, backup_dir: Path | None) -> None:
    """Remove what killed runs left: half-made databases and half-written backups."""
    remove_stale(path.parent, f".{path.name}.*{CREATING}")
    remove_stale(path.parent, f".{path.name}.*{CREATING}-*")
    remove_stale(backup_dir or default_backup_dir(path), f"{path.stem}-*.tmp")
    remove_stale(path.parent, f".{path.name}.pending-restore.json.*.tmp")
    remove_stale(path.parent, f".{path.name}.erasures.*.tmp")


def inspect_sqlite_file(path: Path) -> None:
    """Raise ``DatabaseRefused`` unless ``path`` is absent, a fresh SQLite file or one of ours."""
    if not path.exists():
        return
    if path.is_dir():
        raise DatabaseRefused(_("{path} is a folder, not a database file.").format(path=path))
    try:
        header = read_header(path)
    except OSError as error:
        raise DatabaseRefused(
            _("{path} cannot be read: {reason}").format(path=path, reason=error.strerror)
        ) from error
    if header != SQLITE_HEADER and list_backups(path):
        # We have backups of this file, so it was ours: an empty file or a wiped header is
        # damage, and the newest good backup is offered.
        reason = _("the file is empty") if not header else _("the file header is not SQLite's")
        raise damaged(path, reason)
    if not header:
        raise DatabaseRefused(
            _("{path} is an empty file, not a worksession database.").format(path=path)
        )
    if header != SQLITE_HEADER:
        raise DatabaseRefused(
            _("{path} is not a worksession database (it is not an SQLite file).").format(path=path)
        )
    if not whole_pages(path):
        size = path.stat().st_size
        raise damaged(
            path,
            _("the file is truncated ({size} bytes, not a whole number of pages)").format(
                size=size
            ),
        )
    try:
        application_id, tables, revision = read_identity(path)
    except sqlite3.DatabaseError as error:
        raise damaged(path, str(error)) from error
    if not tables:
        return  # a fresh SQLite file: safe to create our schema in it
    if not is_ours(application_id):
        raise DatabaseRefused(
            _("{path} is an SQLite database of another application, not of worksession.").format(
                path=path
            )
        )
    _refuse_unknown_revision(revision, where=str(path))
    problems = quick_check(path)
    if problems:
        raise damaged(path, _("the quick check found: {problem}").format(problem=problems[0]))


def _refuse_unknown_revision(revision: str | None, *, where: str) -> None:
    if revision is not None and revision not in KNOWN_REVISIONS:
        raise DatabaseRefused(
            _(
                "{where} was written by a newer version of worksession (schema {revision}). "
                "Update worksession to open it; the file was not changed."
            ).format(where=where, revision=revision)
        )


def _migrate(
    engine: Engine, path: Path | None, backup_dir: Path | None, retention_days: int
) -> None:
    current = current_revision(engine)
    head = HEAD_REVISION
    if current == head:
        return
    _refuse_unknown_revision(current, where=engine.url.render_as_string(hide_password=True))
    if current is None and engine.dialect.name == "sqlite" and _made_from_models(engine):
        return  # a new database: no migration (nor Alembic) needed
    if engine.dialect.name == "postgresql":
        with engine.connect() as connection:
            refuse_migrating_as_coach(connection, str(engine.url), current, head)
    # On a server every migration runs, a new database's too: in one transaction, under the
    # write lock, so a failed or concurrent upgrade leaves nothing half done.
    if current is not None and path is not None:
        make_backup(
            path,
            label=f"before-migration-{current}-to-{head}",
            retention_days=retention_days,
            backup_dir=backup_dir,
        )
    run_migrations(engine)


def _made_from_models(engine: Engine) -> bool:
    """Give an empty database the head schema made from the models; False if it is not empty."""
    with engine.connect() as connection:
        connection.execution_options(**WRITING)  # a second start waits, not half-makes
        with connection.begin():
            if not is_empty(connection):
                return False
            create_schema(connection, application_id=APPLICATION_ID)
    return True


def run_migrations(engine: Engine) -> None:
    """Bring the database to the head revision with Alembic, every migration in order."""
    from alembic import command

    config = alembic_config()
    with engine.connect() as connection:
        sqlite = connection.dialect.name == "sqlite"
        if sqlite:
            # Batch migrations copy and drop tables; with foreign keys on, a drop would cascade.
            connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
            connection.commit()
        try:
            connection.execution_options(**WRITING)  # a second start waits, not half-migrates
            with connection.begin():
                config.attributes["connection"] = connection
                command.upgrade(config, "head")
                if sqlite:
                    problems = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                    if problems:
                        raise StorageError(
                            _("Migration stopped: it would break links between records.")
                        )
        finally:
            if sqlite:
                connection.exec_driver_sql("PRAGMA foreign_keys=ON")
                connection.commit()
