"""``worksession followup ID``: prepare the follow-up session of a signed-off session.

It prints the new session's id, as ``new`` and ``demo`` do, so a script can go on with it.
"""

from __future__ import annotations

import argparse

from worksession.cli.common import EXIT_OK, UserError, open_db, toolkit_library
from worksession.i18n import _


def cmd_followup(args: argparse.Namespace) -> int:
    from worksession.programmes.model import UnknownToolkitEntry
    from worksession.storage.errors import NotFound
    from worksession.storage.operations.follow_up_session import FollowUpRefused
    from worksession.workflows.following import FOLLOW_UP_PROGRAMME, prepare_follow_up

    library = toolkit_library()
    db = open_db(args)
    try:
        follow_up_id = prepare_follow_up(
            db=db,
            library=library,
            session_id=args.id,
            programme_id=args.programme or FOLLOW_UP_PROGRAMME,
        )
    except NotFound as error:
        raise UserError(_("there is no session with id {id}").format(id=args.id)) from error
    except UnknownToolkitEntry as error:
        raise UserError(f"--programme: {error}") from error
    except FollowUpRefused as error:
        raise UserError(str(error)) from error
    print(follow_up_id)
    return EXIT_OK
