"""The attendance command: the presentielijst to print before the session, and who attended
as a spreadsheet, CSV or list of registration numbers for the accreditation body after it."""

from __future__ import annotations

import argparse

from worksession.cli.common import EXIT_OK, UserError, database_path, open_db, unwritable


def cmd_attendance(args: argparse.Namespace) -> int:
    from worksession.storage.errors import NotFound
    from worksession.workflows.attendance_export import check_attendance_target, write_attendance

    # The name and the target are refused before the database is opened or anything made.
    check_attendance_target(args.out, database=database_path(args))
    try:
        write_attendance(db=open_db(args), session_id=args.id, out=args.out)
    except NotFound as error:
        raise UserError(str(error)) from error
    except OSError as error:
        raise unwritable(args.out, error) from error
    return EXIT_OK
