"""``worksession participants ID --import FILE``: add an invite list (CSV or XLSX) to a session.

The whole file is read and checked before the database is opened; then the people the
session lists already are refused as well (a list imported twice adds no one twice). A
refused row refuses the whole file (exit 2, one line per refused cell on stderr, nothing
written) unless ``--skip-refused`` is given: then the accepted rows are added and the refused
ones still listed on stderr. Prints the number added.
"""

from __future__ import annotations

import argparse
import sys

from worksession.cli.common import EXIT_BAD_INPUT, EXIT_OK, UserError, open_db
from worksession.i18n import _, ngettext
from worksession.support.line_output import one_line


def cmd_participants(args: argparse.Namespace) -> int:
    from worksession.domain.people_import import without_listed
    from worksession.programmes.library import load_library
    from worksession.storage.document import read_document
    from worksession.storage.errors import NotFound
    from worksession.storage.operations.people import add_participants
    from worksession.workflows.people_file import (
        PeopleFileRefused,
        read_people_file,
        refusal_line,
    )

    try:
        invite = read_people_file(args.file, load_library().role_catalogue())
    except PeopleFileRefused as error:
        raise UserError(str(error)) from error
    db = open_db(args)
    try:
        listed = read_document(db=db, session_id=args.id)["participants"]
    except NotFound as error:
        raise UserError(_("there is no session with id {id}").format(id=args.id)) from error
    invite = without_listed(invite, listed)
    for refusal in invite.refused:
        print(one_line(f"{args.file}: {refusal_line(refusal)}"), file=sys.stderr)
    if invite.refused and not args.skip_refused:
        rows = len(invite.refused_rows)
        print(
            one_line(
                "worksession: "
                + ngettext(
                    "{file}: {count} row refused; nothing added (--skip-refused adds the rest)",
                    "{file}: {count} rows refused; nothing added (--skip-refused adds the rest)",
                    rows,
                ).format(file=args.file, count=rows)
            ),
            file=sys.stderr,
        )
        return EXIT_BAD_INPUT
    try:
        added = add_participants(db=db, session_id=args.id, people=invite.people)
    except NotFound as error:
        raise UserError(_("there is no session with id {id}").format(id=args.id)) from error
    print(len(added))
    return EXIT_OK
