"""Erase a person from a session at their request (AVG): their personal data goes, the fact that
someone agreed to a signed plan stays.

The participant and every link to them are removed; in the decisions on frozen versions their
name and comment are blanked, keeping only that *a* participant agreed and when. Their ballots
stay (the counts are the group's decision) but no longer say whose they were. Frozen
versions themselves keep the plan as it was agreed (their fingerprint must not change); to remove
those too, the session is deleted. This is final: an erasure is not undoable.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import col, select

from worksession.domain.models import Participant, PlanVersion, SignOff, VoteBallot
from worksession.storage.database import Database
from worksession.storage.operations._rows import fetch, touch

ERASED = ""


@dataclass(frozen=True)
class Erasure:
    name: str
    decisions_blanked: int
    in_frozen_versions: int  # versions whose agreed text still names the person
    ballots_unlinked: int = 0  # ballots kept without their name


def erase_participant(*, db: Database, participant_id: int) -> Erasure:
    with db.transaction() as s:
        person = fetch(s, Participant, participant_id)
        session_id, key, name = person.session_id, person.key, person.name
        version_ids = list(
            s.exec(select(PlanVersion.id).where(PlanVersion.session_id == session_id)).all()
        )
        decisions = list(
            s.exec(
                select(SignOff).where(
                    col(SignOff.version_id).in_(version_ids), SignOff.participant_key == key
                )
            ).all()
        )
        for decision in decisions:
            decision.participant_name = ERASED
            decision.comment = ERASED
        snapshots = s.exec(
            select(PlanVersion.snapshot).where(PlanVersion.session_id == session_id)
        ).all()
        named = sum(1 for snapshot in snapshots if f'"key":"{key}"' in snapshot)
        ballots = list(
            s.exec(select(VoteBallot).where(VoteBallot.participant_id == participant_id)).all()
        )
        for ballot in ballots:
            ballot.participant_id = None
        s.flush()
        s.delete(person)
        touch(s, session_id)
    return Erasure(name, len(decisions), named, len(ballots))
