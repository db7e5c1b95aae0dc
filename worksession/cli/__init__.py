"""The command line: ``worksession`` opens the app; its subcommands drive a session from a shell.

The commands are a stable interface other tools rely on. Exit 0 on success; exit 2 with one
line on stderr that names what is wrong for bad input, and nothing written. ``publish`` and
``fetch`` add 3 (changed on both sides since the last sync) and 4 (the archive out of reach).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NoReturn

from worksession import __version__
from worksession.cli.attendance import cmd_attendance
from worksession.cli.common import EXIT_BAD_INPUT, UserError, close_opened, write_failure
from worksession.cli.database import cmd_backup, cmd_backups, cmd_check_db, cmd_restore
from worksession.cli.following import cmd_followup
from worksession.cli.participants import cmd_participants
from worksession.cli.people_sheets import cmd_factsheet, cmd_whoiswho
from worksession.cli.plan import cmd_freeze, cmd_pdf, cmd_sign, cmd_signoff, cmd_verify
from worksession.cli.progress import cmd_due, cmd_progress
from worksession.cli.sessions import cmd_demo, cmd_export, cmd_import, cmd_list, cmd_new, cmd_show
from worksession.cli.team_archive import add_archive_commands
from worksession.cli.toolkit import cmd_casus, cmd_check, cmd_offers, cmd_overview, cmd_programmes
from worksession.cli.toolkit_package import add_package_commands
from worksession.i18n import _
from worksession.support.line_output import one_line


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        # One line naming the problem, as every other bad input gets.
        self.exit(EXIT_BAD_INPUT, one_line(f"{self.prog}: {message}") + "\n")


def build_parser() -> argparse.ArgumentParser:
    db_help = _("database file or SQLAlchemy URL (default: $WORKSESSION_DB or the data folder)")
    # --db is accepted before and after the command; SUPPRESS keeps a subcommand's missing
    # --db from overwriting one given before it.
    common = _Parser(add_help=False)
    common.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help=db_help)
    team_help = _(
        "on a server: the team new sessions belong to, for a coach in several "
        "(default: $WORKSESSION_TEAM, or the coach's only team)"
    )
    common.add_argument("--team", metavar="TEAM", default=argparse.SUPPRESS, help=team_help)
    parser = _Parser(
        prog="worksession",
        description=_(
            "Lead a neighbourhood health work session and produce its collaboration plan. "
            "Without a command, the app opens."
        ),
    )
    parser.add_argument("--db", metavar="PATH", help=db_help)
    parser.add_argument("--team", metavar="TEAM", help=team_help)
    parser.add_argument("--version", action="version", version=f"worksession {__version__}")
    parser.add_argument(
        "--measure-startup",
        action="store_true",
        help=_("open the app, print first_paint_s=… ready_s=… (seconds since launch) and quit"),
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    def command(name: str, help_text: str, handler: Callable[[argparse.Namespace], int]) -> Any:
        sub = commands.add_parser(name, help=help_text, description=help_text, parents=[common])
        sub.set_defaults(handler=handler)
        return sub

    command("list", _("list the sessions: id, date, wijk, title, status"), cmd_list)
    command("demo", _("create a complete example session and print its id"), cmd_demo)
    imp = command("import", _("create a session from a worksession/1 JSON file"), cmd_import)
    imp.add_argument("file", type=Path, metavar="FILE.json")
    exp = command(
        "export",
        _("write a session as a file: worksession/1 JSON, CSV, Excel or a calendar"),
        cmd_export,
    )
    exp.add_argument("id", type=int, metavar="ID")
    kinds = exp.add_mutually_exclusive_group(required=True)
    kinds.add_argument(
        "--json", type=Path, metavar="OUT.json", help=_("the whole session as worksession/1")
    )
    kinds.add_argument(
        "--csv",
        type=Path,
        metavar="OUT.csv",
        help=_("one list (see --list) as CSV for a Dutch spreadsheet: semicolons, UTF-8"),
    )
    kinds.add_argument(
        "--xlsx", type=Path, metavar="OUT.xlsx", help=_("every list as an Excel workbook")
    )
    kinds.add_argument(
        "--ics",
        type=Path,
        metavar="OUT.ics",
        help=_("the plan's dates as a calendar: meetings, evaluation, agreements due"),
    )
    exp.add_argument(
        "--list",
        metavar="NAME",
        dest="list_name",
        help=_("with --csv: which list (agreements; see the error for all names)"),
    )
    show = command("show", _("print a readable summary of a session"), cmd_show)
    show.add_argument("id", type=int, metavar="ID")
    command("programmes", _("list the programmes: id, title, source, minutes"), cmd_programmes)
    command("casus", _("list the casus: id, title, source"), cmd_casus)
    command(
        "offers",
        _("list the catalogue of existing offers: id, name, kind, domain, themes, source"),
        cmd_offers,
    )
    check = command("check", _("check programme, casus or catalogue files"), cmd_check)
    check.add_argument("files", type=Path, nargs="+", metavar="FILE")
    new = command("new", _("create a session from a programme and a casus"), cmd_new)
    new.add_argument("--programme", required=True, metavar="ID")
    new.add_argument("--casus", metavar="ID")
    new.add_argument("--title", required=True, metavar="TITLE")
    new.add_argument("--wijk", required=True, metavar="WIJK")
    new.add_argument("--date", required=True, metavar="YYYY-MM-DD")
    new.add_argument("--gemeente", default="", metavar="GEMEENTE")
    people = command(
        "participants", _("add an invite list (CSV or XLSX) to a session"), cmd_participants
    )
    people.add_argument("id", type=int, metavar="ID")
    people.add_argument("--import", type=Path, required=True, metavar="FILE", dest="file")
    people.add_argument(
        "--skip-refused",
        action="store_true",
        help=_("add the accepted rows when some are refused (they are listed on stderr)"),
    )
    freeze = command("freeze", _("freeze the plan as the next version for review"), cmd_freeze)
    freeze.add_argument("id", type=int, metavar="ID")
    signoff = command(
        "signoff", _("record a participant's decision on a plan version"), cmd_signoff
    )
    signoff.add_argument("id", type=int, metavar="ID")
    signoff.add_argument("--version", type=int, required=True, metavar="N", dest="number")
    signoff.add_argument("--participant", required=True, metavar="KEY_OR_EMAIL")
    signoff.add_argument("--decision", required=True, choices=("agreed", "changes"))
    signoff.add_argument("--comment", default="", metavar="TEXT")
    signoff.add_argument("--method", default="session", choices=("session", "email"))
    progress = command(
        "progress", _("record how an agreement is going, without changing the plan"), cmd_progress
    )
    progress.add_argument("id", type=int, metavar="ID")
    progress.add_argument("--agreement", required=True, metavar="KEY")
    progress.add_argument("--status", required=True, metavar="open|in_progress|done|dropped")
    progress.add_argument("--note", default="", metavar="TEXT")
    progress.add_argument("--date", metavar="YYYY-MM-DD", help=_("the day it is about (today)"))
    progress.add_argument("--by", default="", metavar="NAME", help=_("who reported it"))
    due = command(
        "due",
        _("list the agreements due, overdue or without news, across the sessions"),
        cmd_due,
    )
    due.add_argument("--weeks", type=int, default=4, metavar="N", help=_("due within N weeks (4)"))
    followup = command(
        "followup",
        _("prepare the follow-up session of a signed-off session and print its id"),
        cmd_followup,
    )
    followup.add_argument("id", type=int, metavar="ID")
    followup.add_argument(
        "--programme",
        metavar="ID",
        help=_("the follow-up programme (een-half-jaar-later)"),
    )
    pdf = command("pdf", _("write the collaboration plan as PDF"), cmd_pdf)
    pdf.add_argument("id", type=int, metavar="ID")
    pdf.add_argument("--out", type=Path, required=True, metavar="FILE")
    pdf.add_argument("--version", type=int, metavar="N", dest="number")
    attendance = command(
        "attendance",
        _(
            "write the attendance list to sign (.pdf) or who attended (.xlsx, .csv, or .txt: "
            "one registration number per line)"
        ),
        cmd_attendance,
    )
    attendance.add_argument("id", type=int, metavar="ID")
    attendance.add_argument("--out", type=Path, required=True, metavar="FILE")
    whoiswho = command(
        "whoiswho",
        _("write the wie-is-wie PDF: who took part and what each can be called for"),
        cmd_whoiswho,
    )
    whoiswho.add_argument("id", type=int, metavar="ID")
    whoiswho.add_argument("--out", type=Path, required=True, metavar="FILE.pdf")
    factsheet = command(
        "factsheet",
        _("write the factsheet for the huisarts of one organisation on the sociale kaart"),
        cmd_factsheet,
    )
    factsheet.add_argument("id", type=int, metavar="ID")
    factsheet.add_argument(
        "--stakeholder", required=True, metavar="KEY", help=_("the stakeholder's key (s-ggd)")
    )
    factsheet.add_argument("--out", type=Path, required=True, metavar="FILE.pdf")
    verify = command(
        "verify",
        _(
            "check that a plan PDF is untouched; with --db also that its version and decisions "
            "are the ones recorded in that database"
        ),
        cmd_verify,
    )
    verify.add_argument("file", type=Path, metavar="FILE")
    verify.add_argument(
        "--trust",
        type=Path,
        action="append",
        default=[],
        metavar="CERT",
        help=_(
            "a certificate (PEM or DER) whose signatures you trust, besides those in "
            "trusted-certificates in the data folder; may be repeated"
        ),
    )
    sign = command("sign", _("sign a signed-off plan PDF digitally (PAdES)"), cmd_sign)
    sign.add_argument("file", type=Path, metavar="PLAN.pdf")
    sign.add_argument("--out", type=Path, required=True, metavar="SIGNED.pdf")
    sign.add_argument(
        "--cert",
        type=Path,
        metavar="FILE.p12",
        help=_("your certificate (e.g. UZI or PKIoverheid); default: your personal certificate"),
    )
    sign.add_argument(
        "--name", default="", help=_("your name, when the personal certificate is made")
    )
    sign.add_argument(
        "--email", default="", help=_("your e-mail, when the personal certificate is made")
    )
    command(
        "backup",
        _("make a backup of the database now (on a server: an archive of every session)"),
        cmd_backup,
    )
    command("backups", _("list the backups: date, size, reason, file"), cmd_backups)
    restore = command(
        "restore",
        _("restore the database from a backup (on a server: from an archive of 'backup')"),
        cmd_restore,
    )
    restore.add_argument("file", type=Path, nargs="?", metavar="FILE")
    restore.add_argument(
        "--empty",
        action="store_true",
        help=_("after a damaged database was set aside: go on with a new, empty one"),
    )
    command("check-db", _("run the full integrity check of the database"), cmd_check_db)
    overview = command("overview", _("print a programme with the time of each part"), cmd_overview)
    overview.add_argument("programme", metavar="ID")
    overview.add_argument("--start", metavar="HH:MM", help=_("start time, e.g. 13:30"))
    overview.add_argument(
        "--out", type=Path, metavar="FILE", help=_("write to FILE (a PDF when it ends in .pdf)")
    )
    overview.add_argument("--coach", metavar="NAME", help=_("the coach, named in the PDF"))
    add_package_commands(commands, common)
    add_archive_commands(commands, common)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    arguments = sys.argv[1:] if argv is None else list(argv)
    args = build_parser().parse_args(arguments)
    if args.command is None:
        from worksession.app import run_app

        if args.team:  # the window opens its database where it reads the same setting
            from worksession.user.locations import TEAM_ENV

            os.environ[TEAM_ENV] = args.team

        return run_app(database=args.db, measure_startup=args.measure_startup)
    # Imported here so that opening the window does not load them.
    from worksession.domain.validation import ValidationError
    from worksession.programmes.model import UnknownToolkitEntry
    from worksession.storage.teams import TeamRefused
    from worksession.workflows.export_targets import RefusedTarget

    try:
        result: int = args.handler(args)
        return result
    except (UserError, ValidationError, UnknownToolkitEntry, RefusedTarget, TeamRefused) as error:
        print(one_line(f"worksession: {error}"), file=sys.stderr)
        return EXIT_BAD_INPUT
    except BrokenPipeError:
        # The reader stopped early (``worksession list | head``): not an error of ours. Python
        # would flush stdout again at exit and complain, so the rest goes nowhere.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except Exception as error:
        message = write_failure(args, error)  # a read-only or full disk is not a crash
        if message is None:
            raise
        print(one_line(f"worksession: {message}"), file=sys.stderr)
        return EXIT_BAD_INPUT
    finally:
        close_opened()
