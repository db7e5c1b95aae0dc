"""The commands on the database file itself: backup, backups, restore, check-db."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from worksession.cli.common import EXIT_BAD_INPUT, EXIT_OK, UserError, open_db
from worksession.i18n import _
from worksession.support.line_output import one_line, record


def _database_file(args: argparse.Namespace) -> Path:
    """The SQLite file behind ``--db`` (backups are of files, not of server databases)."""
    from worksession.storage.engine import sqlite_path, to_url
    from worksession.user.locations import database_location

    path = sqlite_path(to_url(database_location(args.db)))
    if path is None:
        raise UserError(_("backups are made of SQLite database files only"))
    return path


def cmd_backup(args: argparse.Namespace) -> int:
    from worksession.storage.backups import make_backup
    from worksession.user.settings import backup_retention_days

    open_db(args).close()  # checked and migrated first: a backup is of a good database
    try:
        backup = make_backup(
            _database_file(args), label="manual", retention_days=backup_retention_days()
        )
    except OSError as error:
        raise UserError(str(error)) from error
    print(one_line(backup.path))
    return EXIT_OK


def cmd_backups(args: argparse.Namespace) -> int:
    from worksession.storage.backups import list_backups

    for backup in list_backups(_database_file(args)):
        when = backup.created.astimezone().strftime("%Y-%m-%d %H:%M")
        print(record(when, backup.size, backup.label, backup.path))
    return EXIT_OK


def cmd_restore(args: argparse.Namespace) -> int:
    from worksession.storage.backups import restore_backup
    from worksession.storage.errors import StorageError
    from worksession.user.settings import backup_retention_days

    if args.empty == (args.file is not None):
        raise UserError(_("restore: give a backup FILE or --empty, not both"))
    if args.empty:
        from worksession.storage.recovery import start_empty

        start_empty(_database_file(args))
        return EXIT_OK
    try:
        safety = restore_backup(
            _database_file(args), args.file, retention_days=backup_retention_days()
        )
    except (StorageError, OSError) as error:
        raise UserError(str(error)) from error
    if safety is not None:
        print(one_line(_("restored; the state before is kept in {path}").format(path=safety.path)))
    return EXIT_OK


def cmd_check_db(args: argparse.Namespace) -> int:
    from worksession.storage.integrity import full_check

    open_db(args).close()
    problems = full_check(_database_file(args))
    for problem in problems:
        print(one_line(problem), file=sys.stderr)
    if problems:
        return EXIT_BAD_INPUT
    print("OK")
    return EXIT_OK
