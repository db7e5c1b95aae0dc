"""The commands on the database itself: backup, backups, restore, check-db.

An SQLite database is a file: its backups are checked copies beside it. A database on a
PostgreSQL server is not: its backups are archives of every session (``archive_backups``)
in the data folder's ``backups``, and ``restore`` reads such an archive back.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from worksession.cli.common import EXIT_BAD_INPUT, EXIT_OK, UserError, open_db
from worksession.i18n import _, ngettext
from worksession.support.line_output import one_line, record


def _database_file(args: argparse.Namespace) -> Path | None:
    """The SQLite file behind ``--db``; None for a database on a server."""
    from worksession.storage.engine import sqlite_path, to_url
    from worksession.user.locations import database_location

    return sqlite_path(to_url(database_location(args.db)))


def _archive_folder() -> Path:
    from worksession.user.locations import data_dir

    return data_dir() / "backups"


def _server_archives(args: argparse.Namespace) -> tuple[str, Path]:
    from worksession.storage.archive_backups import archive_stem
    from worksession.storage.engine import to_url
    from worksession.user.locations import database_location

    return archive_stem(to_url(database_location(args.db))), _archive_folder()


def cmd_backup(args: argparse.Namespace) -> int:
    from worksession.storage.backups import make_backup
    from worksession.user.settings import backup_retention_days

    db = open_db(args)  # checked and migrated first: a backup is of a good database
    path = _database_file(args)
    try:
        if path is None:
            from worksession.storage.archive_backups import make_archive

            backup = make_archive(
                db, folder=_archive_folder(), label="manual", retention_days=backup_retention_days()
            )
        else:
            db.close()
            backup = make_backup(path, label="manual", retention_days=backup_retention_days())
    except OSError as error:
        raise UserError(str(error)) from error
    print(one_line(backup.path))
    return EXIT_OK


def cmd_backups(args: argparse.Namespace) -> int:
    from worksession.storage.backups import list_backups

    path = _database_file(args)
    if path is None:
        from worksession.storage.archive_backups import list_archives

        backups = list_archives(*_server_archives(args))
    else:
        backups = list_backups(path)
    for backup in backups:
        when = backup.created.astimezone().strftime("%Y-%m-%d %H:%M")
        print(record(when, backup.size, backup.label, backup.path))
    return EXIT_OK


def cmd_restore(args: argparse.Namespace) -> int:
    from worksession.storage.backups import restore_backup
    from worksession.storage.errors import StorageError
    from worksession.user.settings import backup_retention_days

    if args.empty == (args.file is not None):
        raise UserError(_("restore: give a backup FILE or --empty, not both"))
    path = _database_file(args)
    if path is None:
        return _restore_archive(args)
    if args.empty:
        from worksession.storage.recovery import start_empty

        start_empty(path)
        return EXIT_OK
    try:
        safety = restore_backup(path, args.file, retention_days=backup_retention_days())
    except (StorageError, OSError) as error:
        raise UserError(str(error)) from error
    if safety is not None:
        print(one_line(_("restored; the state before is kept in {path}").format(path=safety.path)))
    return EXIT_OK


def _restore_archive(args: argparse.Namespace) -> int:
    from worksession.storage.archive_backups import restore_archive
    from worksession.storage.errors import StorageError
    from worksession.user.settings import backup_retention_days

    if args.empty:
        raise UserError(
            _(
                "restore --empty is for a damaged SQLite file; a database on a server is never "
                "set aside. To restore it, give an archive FILE made by 'worksession backup'"
            )
        )
    db = open_db(args)
    try:
        safety, count = restore_archive(
            db, args.file, folder=_archive_folder(), retention_days=backup_retention_days()
        )
    except (StorageError, OSError) as error:
        raise UserError(str(error)) from error
    restored = ngettext(
        "restored {count} session; the state before is kept in {path}",
        "restored {count} sessions; the state before is kept in {path}",
        count,
    )
    print(one_line(restored.format(count=count, path=safety.path)))
    return EXIT_OK


def cmd_check_db(args: argparse.Namespace) -> int:
    from worksession.storage.integrity import check_sessions, full_check

    db = open_db(args)
    path = _database_file(args)
    if path is None:
        problems = check_sessions(db)
    else:
        db.close()
        problems = full_check(path)
    for problem in problems:
        print(one_line(problem), file=sys.stderr)
    if problems:
        return EXIT_BAD_INPUT
    print("OK")
    return EXIT_OK
