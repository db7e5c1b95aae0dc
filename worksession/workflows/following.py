"""Prepare the follow-up session of a signed-off session from the toolkit's follow-up programme.

The storage operation makes the session from the steps it is given; this is the glue that
finds the programme (by default *Een half jaar later*) and copies its steps, as a new session
does (``workflows.starting``).
"""

from __future__ import annotations

from worksession.programmes.model import Library
from worksession.storage.database import Database
from worksession.storage.operations.follow_up_session import create_follow_up
from worksession.workflows.starting import find_programme, programme_steps

FOLLOW_UP_PROGRAMME = "een-half-jaar-later"


def prepare_follow_up(
    *,
    db: Database,
    library: Library,
    session_id: int,
    programme_id: str = FOLLOW_UP_PROGRAMME,
) -> int:
    """The id of the new follow-up session of ``session_id`` on ``programme_id``.

    An unknown programme is refused (``UnknownToolkitEntry``) before anything is read; a
    session whose plan is not signed off is refused by the operation (``FollowUpRefused``).
    """
    programme = find_programme(library, programme_id)
    return create_follow_up(
        db=db,
        session_id=session_id,
        steps=programme_steps(programme),
        programme_id=programme.id,
    )
