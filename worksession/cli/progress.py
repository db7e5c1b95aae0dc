"""The commands between the sessions: record progress on an agreement, list what needs attention.

``progress`` adds one entry to the session's progress log (the signed plan stays as it was);
``due`` lists, across all sessions whose plan is out, the agreements overdue, due within the
next weeks, or without news for eight weeks — one tab-separated line each.
"""

from __future__ import annotations

import argparse

from worksession.cli.common import EXIT_OK, UserError, open_db
from worksession.i18n import _
from worksession.support.line_output import record

# A refused value is named by the option the user typed, not by the field's internal path.
_OPTIONS = {
    "agreement_progress.agreement": "--agreement",
    "agreement_progress.status": "--status",
    "agreement_progress.date": "--date",
    "agreement_progress.note": "--note",
    "agreement_progress.reported_by": "--by",
}
MAX_WEEKS = 520  # ten years ahead: more is a typing error, not a plan


def cmd_progress(args: argparse.Namespace) -> int:
    from worksession.domain.validation import ValidationError
    from worksession.storage.errors import NotFound
    from worksession.storage.operations.progress import record_progress

    db = open_db(args)
    try:
        entry = record_progress(
            db=db,
            session_id=args.id,
            agreement_key=args.agreement,
            status=args.status,
            note=args.note,
            on=args.date,
            reported_by=args.by,
        )
    except NotFound as error:
        raise UserError(_("there is no session with id {id}").format(id=args.id)) from error
    except ValidationError as error:
        option = _OPTIONS.get(error.path, error.path)
        raise UserError(f"{option}: {error.message}") from error
    print(record(entry.agreement_key, entry.status, entry.date.isoformat()))
    return EXIT_OK


def cmd_due(args: argparse.Namespace) -> int:
    from worksession.storage.operations.progress import agreements_to_follow

    if not 0 <= args.weeks <= MAX_WEEKS:
        raise UserError(
            _("--weeks: {value} is outside {minimum}–{maximum}").format(
                value=args.weeks, minimum=0, maximum=MAX_WEEKS
            )
        )
    for item in agreements_to_follow(db=open_db(args), weeks=args.weeks):
        agreement = item.agreement
        print(
            record(
                ",".join(item.reasons),
                item.date.isoformat(),
                agreement.session_id,
                agreement.wijk or "-",
                agreement.agreement_key,
                agreement.status,
                agreement.lead or "-",
                agreement.what,
            )
        )
    return EXIT_OK
