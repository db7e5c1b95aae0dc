"""The commands on the sessions of a database: list, demo, import, export, show, new."""

from __future__ import annotations

import argparse
import sys

from worksession.cli.common import (
    EXIT_OK,
    UserError,
    database_path,
    export_target,
    open_db,
    read_input,
    session_document,
    toolkit_library,
)
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
    session = import_document(db=db, document=document)
    print(session.id)
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    from worksession.export.json_document import document_bytes
    from worksession.workflows.export_targets import write_export

    export_target(args, args.out)
    document = session_document(open_db(args), args.id)
    try:
        write_export(args.out, document_bytes(document), database=database_path(args))
    except OSError as error:
        raise UserError(f"{args.out}: {error.strerror or error}") from error
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
