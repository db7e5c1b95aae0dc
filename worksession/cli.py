"""The command line: ``worksession`` opens the app; its subcommands drive a session from a shell.

The commands are a stable interface other tools rely on. Exit 0 on success; exit 2 with one
line on stderr that names what is wrong for bad input, and nothing written.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from worksession import __version__
from worksession.i18n import _
from worksession.line_output import one_line, record, text_lines

if TYPE_CHECKING:
    from worksession.domain.interchange import Document
    from worksession.programmes.model import Library, Source
    from worksession.storage.database import Database

EXIT_OK = 0
EXIT_BAD_INPUT = 2


class UserError(Exception):
    """Bad input: printed as one line on stderr, exit 2."""


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
    parser = _Parser(
        prog="worksession",
        description=_(
            "Lead a neighbourhood health work session and produce its collaboration plan. "
            "Without a command, the app opens."
        ),
    )
    parser.add_argument("--db", metavar="PATH", help=db_help)
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

    command("list", _("list the sessions: id, date, wijk, title, status"), _cmd_list)
    command("demo", _("create a complete example session and print its id"), _cmd_demo)
    imp = command("import", _("create a session from a worksession/1 JSON file"), _cmd_import)
    imp.add_argument("file", type=Path, metavar="FILE.json")
    exp = command("export", _("write a session as a worksession/1 JSON file"), _cmd_export)
    exp.add_argument("id", type=int, metavar="ID")
    exp.add_argument("--json", type=Path, required=True, metavar="OUT.json", dest="out")
    show = command("show", _("print a readable summary of a session"), _cmd_show)
    show.add_argument("id", type=int, metavar="ID")
    command("programmes", _("list the programmes: id, title, source, minutes"), _cmd_programmes)
    command("casus", _("list the casus: id, title, source"), _cmd_casus)
    check = command("check", _("check programme, casus or catalogue files"), _cmd_check)
    check.add_argument("files", type=Path, nargs="+", metavar="FILE")
    new = command("new", _("create a session from a programme and a casus"), _cmd_new)
    new.add_argument("--programme", required=True, metavar="ID")
    new.add_argument("--casus", metavar="ID")
    new.add_argument("--title", required=True, metavar="TITLE")
    new.add_argument("--wijk", required=True, metavar="WIJK")
    new.add_argument("--date", required=True, metavar="YYYY-MM-DD")
    new.add_argument("--gemeente", default="", metavar="GEMEENTE")
    freeze = command("freeze", _("freeze the plan as the next version for review"), _cmd_freeze)
    freeze.add_argument("id", type=int, metavar="ID")
    signoff = command(
        "signoff", _("record a participant's decision on a plan version"), _cmd_signoff
    )
    signoff.add_argument("id", type=int, metavar="ID")
    signoff.add_argument("--version", type=int, required=True, metavar="N", dest="number")
    signoff.add_argument("--participant", required=True, metavar="KEY_OR_EMAIL")
    signoff.add_argument("--decision", required=True, choices=("agreed", "changes"))
    signoff.add_argument("--comment", default="", metavar="TEXT")
    signoff.add_argument("--method", default="session", choices=("session", "email"))
    pdf = command("pdf", _("write the collaboration plan as PDF"), _cmd_pdf)
    pdf.add_argument("id", type=int, metavar="ID")
    pdf.add_argument("--out", type=Path, required=True, metavar="FILE")
    pdf.add_argument("--version", type=int, metavar="N", dest="number")
    verify = command(
        "verify",
        _(
            "check that a plan PDF is untouched; with --db also that its version and decisions "
            "are the ones recorded in that database"
        ),
        _cmd_verify,
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
    sign = command("sign", _("sign a signed-off plan PDF digitally (PAdES)"), _cmd_sign)
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
    command("backup", _("make a backup of the database now"), _cmd_backup)
    command("backups", _("list the backups: date, size, reason, file"), _cmd_backups)
    restore = command("restore", _("restore the database from a backup"), _cmd_restore)
    restore.add_argument("file", type=Path, nargs="?", metavar="FILE")
    restore.add_argument(
        "--empty",
        action="store_true",
        help=_("after a damaged database was set aside: go on with a new, empty one"),
    )
    command("check-db", _("run the full integrity check of the database"), _cmd_check_db)
    overview = command("overview", _("print a programme with the time of each part"), _cmd_overview)
    overview.add_argument("programme", metavar="ID")
    overview.add_argument("--start", metavar="HH:MM", help=_("start time, e.g. 13:30"))
    overview.add_argument("--out", type=Path, metavar="FILE", help=_("write to FILE"))
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    arguments = sys.argv[1:] if argv is None else list(argv)
    args = build_parser().parse_args(arguments)
    if args.command is None:
        from worksession.app import run_app

        return run_app(database=args.db, measure_startup=args.measure_startup)
    # Imported here so that opening the window does not load them.
    from worksession.domain.validation import ValidationError
    from worksession.export_targets import RefusedTarget
    from worksession.programmes.model import UnknownToolkitEntry

    try:
        result: int = args.handler(args)
        return result
    except (UserError, ValidationError, UnknownToolkitEntry, RefusedTarget) as error:
        print(one_line(f"worksession: {error}"), file=sys.stderr)
        return EXIT_BAD_INPUT
    except Exception as error:
        message = _write_failure(args, error)  # a read-only or full disk is not a crash
        if message is None:
            raise
        print(one_line(f"worksession: {message}"), file=sys.stderr)
        return EXIT_BAD_INPUT
    finally:
        _close_opened()


# Every database a command opened, closed when it ends: a connection left to the garbage
# collector would checkpoint and remove the WAL whenever it happens to be freed.
_OPENED: list[Database] = []


def _close_opened() -> None:
    while _OPENED:
        _OPENED.pop().close()


def _write_failure(args: argparse.Namespace, error: Exception) -> str | None:
    """One line for a database or file that cannot be written; None for any other error."""
    from worksession.locations import database_location
    from worksession.storage.engine import sqlite_path, to_url
    from worksession.storage.write_failures import explain_write_failure

    try:
        database = sqlite_path(to_url(database_location(args.db)))
    except Exception:  # the data folder itself may be what cannot be made
        database = None
    return explain_write_failure(error, database)


# The handlers import the storage layer when they run, so `--help` stays instant.


def _open(args: argparse.Namespace) -> Database:
    from worksession.locations import database_location
    from worksession.settings import backup_retention_days
    from worksession.storage.errors import StorageError
    from worksession.storage.opening import open_database

    try:
        database = open_database(database_location(args.db), retention_days=backup_retention_days())
    except StorageError as error:
        raise UserError(str(error)) from error
    _OPENED.append(database)
    return database


def _document(db: Database, session_id: int) -> Document:
    from worksession.storage.document import read_document
    from worksession.storage.errors import NotFound

    try:
        return read_document(db=db, session_id=session_id)
    except NotFound as error:
        raise UserError(_("there is no session with id {id}").format(id=session_id)) from error


def _read(path: Path, limit: int | None = None) -> bytes:
    """The bytes of a file the user named; a file that cannot be read is bad input.

    With ``limit``, only a regular file of at most that many bytes is read (never a FIFO)."""
    from worksession.bounded_read import read_limited

    try:
        return path.read_bytes() if limit is None else read_limited(path, limit)
    except OSError as error:
        raise UserError(f"{path}: {error.strerror or error}") from error


def _database_path(args: argparse.Namespace) -> Path | None:
    """The SQLite file of ``--db`` (None for a server database), whether or not it is open."""
    from worksession.locations import database_location
    from worksession.storage.engine import sqlite_path, to_url

    return sqlite_path(to_url(database_location(args.db)))


def _export_target(args: argparse.Namespace, out: Path) -> None:
    """Refuse an ``--out`` that is the database, a file the app owns, a device or a pipe,
    before anything is read, rendered or made (``RefusedTarget``: exit 2)."""
    from worksession.export_targets import check_export_target

    check_export_target(out, database=_database_path(args))


def _cmd_list(args: argparse.Namespace) -> int:
    from worksession.storage.session_list import session_summaries

    db = _open(args)
    for row in session_summaries(db=db):
        date = row.date.isoformat() if row.date else "-"
        print(record(row.id, date, row.wijk or "-", row.title, row.status))
    return EXIT_OK


def _cmd_demo(args: argparse.Namespace) -> int:
    from worksession.demo import create_demo_session

    session = create_demo_session(db=_open(args), library=_library())
    print(session.id)
    return EXIT_OK


def _cmd_import(args: argparse.Namespace) -> int:
    from worksession.domain.interchange import MAX_FILE_BYTES, InterchangeError, parse_document
    from worksession.storage.document import import_document

    data = _read(args.file, MAX_FILE_BYTES)
    try:
        document = parse_document(data)
    except InterchangeError as error:
        raise UserError(f"{args.file}: {error}") from error
    db = _open(args)
    if db.path is not None:
        from worksession.settings import backup_retention_days
        from worksession.storage.backups import make_backup

        make_backup(db.path, label="before-import", retention_days=backup_retention_days())
    session = import_document(db=db, document=document)
    print(session.id)
    return EXIT_OK


def _cmd_export(args: argparse.Namespace) -> int:
    from worksession.export.json_document import document_bytes
    from worksession.export_targets import write_export

    _export_target(args, args.out)
    document = _document(_open(args), args.id)
    try:
        write_export(args.out, document_bytes(document), database=_database_path(args))
    except OSError as error:
        raise UserError(f"{args.out}: {error.strerror or error}") from error
    return EXIT_OK


def _cmd_show(args: argparse.Namespace) -> int:
    from worksession.export.summary import summary_text

    sys.stdout.write(text_lines(summary_text(_document(_open(args), args.id))))
    return EXIT_OK


def _library() -> Library:
    from worksession.programmes.library import load_library

    library = load_library()
    for problem in library.problems:
        print(
            one_line(_("worksession: unusable: {problem}").format(problem=problem)), file=sys.stderr
        )
    return library


def _origin(source: Source) -> str:
    return _("shipped") if source.origin == "shipped" else _("own folder")


def _cmd_programmes(args: argparse.Namespace) -> int:
    for programme in sorted(_library().programmes.values(), key=lambda p: p.id):
        source = programme.source
        print(
            record(
                programme.id,
                programme.title,
                f"{_origin(source)} ({source.path})",
                programme.total_minutes,
            )
        )
    return EXIT_OK


def _cmd_casus(args: argparse.Namespace) -> int:
    for casus in sorted(_library().casus.values(), key=lambda c: c.id):
        print(record(casus.id, casus.title, f"{_origin(casus.source)} ({casus.source.path})"))
    return EXIT_OK


def _cmd_check(args: argparse.Namespace) -> int:
    from worksession.programmes.parsing import kind_of, read_toolkit_file

    failed = False
    for path in args.files:
        entries, problems = read_toolkit_file(path, kind_of(path))
        for problem in problems:
            print(one_line(problem), file=sys.stderr)
        failed = failed or bool(problems)
        if not problems:
            print(one_line(_("{path}: OK ({count} entries)").format(path=path, count=len(entries))))
    return EXIT_BAD_INPUT if failed else EXIT_OK


def _cmd_new(args: argparse.Namespace) -> int:
    from worksession.starting import new_session

    library = _library()
    db = _open(args)
    session = new_session(
        db=db,
        library=library,
        programme_id=args.programme,
        casus_id=args.casus,
        title=args.title,
        wijk=args.wijk,
        gemeente=args.gemeente,
        date=args.date,
    )
    print(session.id)
    return EXIT_OK


def _cmd_freeze(args: argparse.Namespace) -> int:
    from worksession.storage.errors import NotFound
    from worksession.storage.operations.plan import freeze

    try:
        version = freeze(db=_open(args), session_id=args.id)
    except NotFound as error:
        raise UserError(_("there is no session with id {id}").format(id=args.id)) from error
    print(f"version {version.number} sha256:{version.sha256}")
    return EXIT_OK


def _cmd_signoff(args: argparse.Namespace) -> int:
    from worksession.storage.errors import NotFound
    from worksession.storage.operations.plan import record_decision

    try:
        record_decision(
            db=_open(args),
            session_id=args.id,
            version=args.number,
            participant=args.participant,
            decision=args.decision,
            comment=args.comment,
            method=args.method,
        )
    except NotFound as error:
        raise UserError(str(error)) from error
    return EXIT_OK


def _cmd_pdf(args: argparse.Namespace) -> int:
    from worksession.plan_export import write_plan_pdf
    from worksession.storage.errors import NotFound

    _export_target(args, args.out)
    try:
        write_plan_pdf(db=_open(args), session_id=args.id, out=args.out, number=args.number)
    except NotFound as error:
        raise UserError(str(error)) from error
    except OSError as error:
        raise UserError(f"{args.out}: {error.strerror or error}") from error
    return EXIT_OK


def _cmd_verify(args: argparse.Namespace) -> int:
    from worksession.certificates import CertificateError, trusted_certificates
    from worksession.plan_archive import check_plan_file

    data = _read(args.file)
    try:
        trust = trusted_certificates(args.trust)
    except CertificateError as error:
        raise UserError(str(error)) from error
    database = _open_existing(args) if args.db is not None else None
    check = check_plan_file(data, database, trust=trust)
    for line in check.lines:
        print(one_line(line))
    if check.verdict.reason:
        print(one_line(f"{args.file}: {check.verdict.reason}"), file=sys.stderr)
    return check.exit_code


def _open_existing(args: argparse.Namespace) -> Database:
    """The database of ``--db`` for reading: a missing file is an error, not a new archive."""
    from worksession.locations import database_location
    from worksession.storage.engine import sqlite_path, to_url

    path = sqlite_path(to_url(database_location(args.db)))
    if path is not None and not path.is_file():
        raise UserError(_("{path}: there is no database here").format(path=path))
    return _open(args)


def _cmd_sign(args: argparse.Namespace) -> int:
    """Sign a plan that verifies as signed off; the passphrase from a prompt or the environment."""
    from worksession.certificates import CertificateError
    from worksession.export.pdf.verify import verify_plan
    from worksession.export_targets import write_export
    from worksession.plan_signing import sign_plan_bytes

    _export_target(args, args.out)
    data = _read(args.file)
    verdict = verify_plan(data)
    if not verdict.ok:
        raise UserError(f"{args.file}: {verdict.message}")
    if not verdict.signed_off:
        raise UserError(
            _("{path}: this plan is not signed off yet; only a signed-off plan is signed").format(
                path=args.file
            )
        )
    try:
        signed = sign_plan_bytes(
            data,
            certificate=args.cert,
            passphrase=_passphrase,
            name=args.name,
            email=args.email,
        )
    except CertificateError as error:
        raise UserError(str(error)) from error
    try:
        write_export(args.out, signed.data, database=_database_path(args))
    except OSError as error:
        raise UserError(f"{args.out}: {error.strerror or error}") from error
    print(one_line(_("Signed by {name}: {path}").format(name=signed.signer, path=args.out)))
    if signed.self_made:
        print(text_lines(signed.trust_advice))
    return EXIT_OK


def _passphrase(confirm: bool) -> str:
    """$WORKSESSION_CERT_PASSPHRASE when set (scripts, tests), else asked without echo."""
    import getpass
    import os

    from worksession.certificates import PASSPHRASE_ENV

    given = os.environ.get(PASSPHRASE_ENV)
    if given is not None:
        return given
    try:
        first = getpass.getpass(_("Passphrase of the certificate: "))
        if confirm and getpass.getpass(_("The same passphrase again: ")) != first:
            raise UserError(_("the two passphrases differ; nothing was made"))
    except (EOFError, KeyboardInterrupt) as error:
        raise UserError(_("no passphrase given")) from error
    return first


def _database_file(args: argparse.Namespace) -> Path:
    """The SQLite file behind ``--db`` (backups are of files, not of server databases)."""
    from worksession.locations import database_location
    from worksession.storage.engine import sqlite_path, to_url

    path = sqlite_path(to_url(database_location(args.db)))
    if path is None:
        raise UserError(_("backups are made of SQLite database files only"))
    return path


def _cmd_backup(args: argparse.Namespace) -> int:
    from worksession.settings import backup_retention_days
    from worksession.storage.backups import make_backup

    _open(args).close()  # checked and migrated first: a backup is of a good database
    try:
        backup = make_backup(
            _database_file(args), label="manual", retention_days=backup_retention_days()
        )
    except OSError as error:
        raise UserError(str(error)) from error
    print(one_line(backup.path))
    return EXIT_OK


def _cmd_backups(args: argparse.Namespace) -> int:
    from worksession.storage.backups import list_backups

    for backup in list_backups(_database_file(args)):
        when = backup.created.astimezone().strftime("%Y-%m-%d %H:%M")
        print(record(when, backup.size, backup.label, backup.path))
    return EXIT_OK


def _cmd_restore(args: argparse.Namespace) -> int:
    from worksession.settings import backup_retention_days
    from worksession.storage.backups import restore_backup
    from worksession.storage.errors import StorageError

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


def _cmd_check_db(args: argparse.Namespace) -> int:
    from worksession.storage.integrity import full_check

    _open(args).close()
    problems = full_check(_database_file(args))
    for problem in problems:
        print(one_line(problem), file=sys.stderr)
    if problems:
        return EXIT_BAD_INPUT
    print("OK")
    return EXIT_OK


def _cmd_overview(args: argparse.Namespace) -> int:
    from worksession.export.programme_overview import overview_text, parse_clock
    from worksession.export_targets import write_export
    from worksession.starting import find_programme

    if args.out is not None:
        _export_target(args, args.out)
    programme = find_programme(_library(), args.programme)
    start = None
    if args.start:
        start = parse_clock(args.start)
        if start is None:
            raise UserError(_("--start: {value!r} is not a time (HH:MM)").format(value=args.start))
    text = overview_text(programme, start=start)
    if args.out is None:
        sys.stdout.write(text_lines(text))
        return EXIT_OK
    try:
        write_export(args.out, text.encode("utf-8"), database=_database_path(args))
    except OSError as error:
        raise UserError(f"{args.out}: {error.strerror or error}") from error
    return EXIT_OK


if __name__ == "__main__":
    raise SystemExit(main())
