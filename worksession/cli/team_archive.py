"""``worksession publish`` and ``worksession fetch``: the team archive from a shell.

Exit codes besides 0 and 2: 3 when the session changed both here and in the archive since the
last sync (nothing overwritten; choose ``--keep-both`` or ``--overwrite``), 4 when the archive
cannot be reached (a publish then waits: ``publish --waiting`` lists it, ``--retry`` tries).
"""

from __future__ import annotations

import argparse
import sys
import time
from typing import TYPE_CHECKING, Any

from worksession.cli.common import EXIT_OK, UserError, open_db
from worksession.i18n import N_, _
from worksession.support.line_output import one_line

if TYPE_CHECKING:
    from worksession.workflows.team_archive import ConflictChoice, SyncOutcome

EXIT_CONFLICT = 3
EXIT_UNREACHABLE = 4
EXIT_CODES = N_(
    "exit codes: 0 done, 2 bad input, 3 changed both here and in the archive since the last "
    "sync (nothing overwritten), 4 the archive cannot be reached (a publish waits)"
)
ACTIONS = {
    "published": N_("published"),
    "fetched": N_("fetched"),
    "unchanged": N_("unchanged"),
    "copied": N_("kept both: stored as a copy"),
    "overwritten": N_("overwritten"),
    "waiting": N_("waiting to be published"),
}


def add_archive_commands(commands: Any, common: argparse.ArgumentParser) -> None:
    """``publish`` and ``fetch``, with their options."""
    archive_help = _("the team archive's database URL (default: the setting team_archive)")
    publish = commands.add_parser(
        "publish",
        help=_("publish a session to the team archive"),
        description=_("publish a session to the team archive"),
        epilog=_(EXIT_CODES),
        parents=[common],
    )
    publish.set_defaults(handler=cmd_publish)
    publish.add_argument("id", type=int, nargs="?", metavar="ID")
    publish.add_argument("--archive", metavar="URL", help=archive_help)
    _choices(publish)
    publish.add_argument(
        "--wait", action="store_true", help=_("try again until the archive can be reached")
    )
    publish.add_argument(
        "--waiting", action="store_true", help=_("list the sessions waiting to be published")
    )
    publish.add_argument(
        "--retry", action="store_true", help=_("try to publish every waiting session now")
    )
    fetch = commands.add_parser(
        "fetch",
        help=_("fetch sessions from the team archive"),
        description=_("fetch sessions from the team archive"),
        epilog=_(EXIT_CODES),
        parents=[common],
    )
    fetch.set_defaults(handler=cmd_fetch)
    fetch.add_argument("--archive", metavar="URL", help=archive_help)
    fetch.add_argument("--session", metavar="UUID", help=_("only this session"))
    _choices(fetch)


def _choices(parser: argparse.ArgumentParser) -> None:
    group = parser.add_mutually_exclusive_group()
    group.add_argument(
        "--keep-both",
        action="store_const",
        const="keep_both",
        dest="on_conflict",
        help=_("when both sides changed: keep both, the laptop's as a copy"),
    )
    group.add_argument(
        "--overwrite",
        action="store_const",
        const="overwrite",
        dest="on_conflict",
        help=_("when both sides changed: overwrite the other side after a backup of it"),
    )
    parser.set_defaults(on_conflict="refuse")


def _archive(args: argparse.Namespace) -> str:
    from worksession.user.settings import team_archive

    archive = args.archive or team_archive()
    if not archive:
        raise UserError(_("--archive: no team archive given, and none is set in the settings"))
    return str(archive)


def _fields(*values: object) -> str:
    """Tab-separated, each field on one line (a title cannot break the columns)."""
    return "\t".join(one_line(str(value)) for value in values)


def _line(outcome: SyncOutcome) -> str:
    fields: list[object] = [outcome.session_uuid, outcome.title, _(ACTIONS[outcome.action])]
    if outcome.backup is not None:
        fields.append(_("backup: {path}").format(path=outcome.backup))
    return _fields(*fields)


def _conflict(error: Exception) -> int:
    print(one_line(f"worksession: {error}"), file=sys.stderr)
    return EXIT_CONFLICT


def _unreachable(error: Exception) -> int:
    print(one_line(f"worksession: {error}"), file=sys.stderr)
    return EXIT_UNREACHABLE


def cmd_publish(args: argparse.Namespace) -> int:
    from worksession.storage.errors import NotFound, StorageError
    from worksession.workflows import team_archive as archive

    db = open_db(args)
    if args.waiting:
        for entry in archive.waiting(db=db):
            since = entry.since.astimezone().strftime("%d-%m-%Y %H:%M")
            print(_fields(entry.session_id, entry.session_uuid, entry.title, entry.archive, since))
        return EXIT_OK
    try:
        if args.retry:
            outcomes = archive.publish_waiting(db=db)
            for outcome in outcomes:
                print(_line(outcome))
            still = any(outcome.action == "waiting" for outcome in outcomes)
            return EXIT_UNREACHABLE if still else EXIT_OK
        if args.id is None:
            raise UserError(_("ID: give the session to publish (or --waiting, --retry)"))
        url = _archive(args)
        choice: ConflictChoice = args.on_conflict
        while True:
            outcome = archive.publish(db=db, session_id=args.id, archive=url, on_conflict=choice)
            if outcome.action != "waiting":
                print(_line(outcome))
                return EXIT_OK
            print(
                one_line(
                    _(
                        "the team archive cannot be reached: session {id} ({title}) waits to "
                        "be published; 'worksession publish --retry' tries again"
                    ).format(id=args.id, title=outcome.title)
                ),
                file=sys.stderr,
            )
            if not args.wait:
                return EXIT_UNREACHABLE
            time.sleep(archive.RETRY_SECONDS)
    except NotFound as error:
        raise UserError(_("there is no session with id {id}").format(id=args.id)) from error
    except archive.SyncConflict as error:
        for outcome in error.done:  # --retry: the others were published
            print(_line(outcome))
        return _conflict(error)
    except archive.ArchiveUnreachable as error:
        return _unreachable(error)
    except StorageError as error:
        raise UserError(str(error)) from error


def cmd_fetch(args: argparse.Namespace) -> int:
    from worksession.storage.errors import StorageError
    from worksession.workflows import team_archive as archive

    db = open_db(args)
    url = _archive(args)
    try:
        outcomes = archive.fetch(
            db=db, archive=url, session_uuid=args.session, on_conflict=args.on_conflict
        )
    except archive.SyncConflict as error:
        for outcome in error.done:
            print(_line(outcome))
        return _conflict(error)
    except archive.ArchiveUnreachable as error:
        return _unreachable(error)
    except StorageError as error:
        raise UserError(str(error)) from error
    for outcome in outcomes:
        print(_line(outcome))
    return EXIT_OK
