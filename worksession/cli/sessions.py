"""The commands on the sessions of a database: list, demo, import, export, show, new."""

from __future__ import annotations

import argparse
import sys

from worksession.cli.common import (
    EXIT_OK,
    UserError,
    export_target,
    open_db,
    read_input,
    session_document,
    toolkit_library,
    unwritable,
)
from worksession.i18n import _
from worksession.support.line_output import record, text_lines


def cmd_list(args: argparse.Namespace) -> int:
    from worksession.storage.session_list import session_summaries

    db = open_db(args)
    for row in session_summaries(db=db):
        date = row.date.isoformat() if row.date else "-"
        print(record(row.id, date, row.wijk or "-", row.title, row.status))
    return EXIT_OK


def cmd_demo(args: argparse.Namespace) -> int:
    from worksession.workflows.demo import create_demo_session

    session = create_demo_session(db=open_db(args), library=toolkit_library())
    print(session.id)
    return EXIT_OK


def cmd_import(args: argparse.Namespace) -> int:
    from worksession.domain.interchange import MAX_FILE_BYTES, InterchangeError, parse_document
    from worksession.domain.validation import ValidationError
    from worksession.storage.document import import_document

    data = read_input(args.file, MAX_FILE_BYTES)
    try:
        document = parse_document(data)
    except InterchangeError as error:
        raise UserError(f"{args.file}: {error}") from error
    db = open_db(args)
    if db.path is not None:
        from worksession.storage.backups import make_backup
        from worksession.user.settings import backup_retention_days

        make_backup(db.path, label="before-import", retention_days=backup_retention_days())
    try:
        session = import_document(db=db, document=document)
    except ValidationError as error:  # a text no database can hold: named with the file
        raise UserError(f"{args.file}: {error}") from error
    print(session.id)
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    from worksession.export.record_lists import DEFAULT_LIST, LIST_NAMES
    from worksession.workflows.data_export import ExportKind, write_data_export

    kind, out = next(
        (kind, getattr(args, kind.value))
        for kind in ExportKind
        if getattr(args, kind.value) is not None
    )
    if args.list_name is not None and kind is not ExportKind.CSV:
        raise UserError(_("--list goes with --csv (the workbook holds every list)"))
    list_name = args.list_name or DEFAULT_LIST
    if list_name not in LIST_NAMES:
        raise UserError(
            _("--list {name}: no such list; choose one of {names}").format(
                name=list_name, names=", ".join(LIST_NAMES)
            )
        )
    export_target(args, out)
    db = open_db(args)
    document = session_document(db, args.id)
    try:
        write_data_export(
            db=db,
            session_id=args.id,
            kind=kind,
            out=out,
            list_name=list_name,
            document=document,
        )
    except OSError as error:
        raise unwritable(out, error) from error
    return EXIT_OK


def cmd_show(args: argparse.Namespace) -> int:
    from worksession.export.summary import summary_text

    sys.stdout.write(text_lines(summary_text(session_document(open_db(args), args.id))))
    return EXIT_OK


def cmd_new(args: argparse.Namespace) -> int:
    from worksession.workflows.starting import new_session

    library = toolkit_library()
    db = open_db(args)
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
