"""Erase a person from a session at their request (AVG): their personal data goes, the fact that
someone agreed to a signed plan stays.

The participant and every link to them are removed; in the progress log the name they reported
under is blanked (the report itself stays: it is about the agreement); in the decisions on
frozen versions their name and comment are blanked and their key is replaced by one that says
nothing (older keys were made from the name), keeping only that *a* participant agreed and when.
Their ballots stay (the counts are the group's decision) but no longer say whose they were. Frozen
versions themselves keep the plan as it was agreed (their fingerprint must not change); to remove
those too, the session is deleted. This is final: an erasure is not undoable.

Nothing of the person is left on disk afterwards: the WAL is checkpointed into the database file
at once (deleted data there is overwritten), and the erasure is noted in the list beside the
database, so restoring a backup made before it erases the person again.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.exc import OperationalError
from sqlmodel import Session, col, select

from worksession.domain.models import (
    AgreementProgress,
    Participant,
    PlanVersion,
    SignOff,
    VoteBallot,
    WorkSession,
)
from worksession.storage.checkpoint import checkpoint
from worksession.storage.database import Database
from worksession.storage.engine import create_db_engine, to_url
from worksession.storage.erasures import erasure_list_path, note_erasure, read_erasure_list
from worksession.storage.operations._rows import fetch, opaque_key, touch
from worksession.storage.revisions import HEAD_REVISION

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
        blanked = _forget_decisions(s, session_id, {key})
        snapshots = s.exec(
            select(PlanVersion.snapshot).where(PlanVersion.session_id == session_id)
        ).all()
        named = sum(1 for snapshot in snapshots if f'"key":"{key}"' in snapshot)
        ballots = list(
            s.exec(select(VoteBallot).where(VoteBallot.participant_id == participant_id)).all()
        )
        for ballot in ballots:
            ballot.participant_id = None
        _forget_reports(s, person)
        s.flush()
        s.delete(person)
        touch(s, session_id)
        if db.path is not None:
            # Noted before the commit: when the note cannot be written, nothing is erased and
            # the coach hears why, rather than an erasure a restore would silently undo. The
            # writes above hold the database's write lock, so two processes never write the
            # list at once.
            created = fetch(s, WorkSession, session_id).created_at
            note_erasure(db.path, session_id=session_id, created_at=created, key=key)
    checkpoint(db)  # the old rows must not stay readable in the WAL
    return Erasure(name, blanked, named, len(ballots))


def _forget_reports(s: Session, person: Participant) -> None:
    """Blank the name on the progress entries this person reported: those linked to them, and
    those under their name that were typed before they were a participant."""
    name = person.name.strip().casefold()
    entries = s.exec(
        select(AgreementProgress).where(AgreementProgress.session_id == person.session_id)
    ).all()
    for entry in entries:
        if entry.reporter_participant_id == person.id or (
            name and entry.reported_by.strip().casefold() == name
        ):
            entry.reported_by = ERASED
            entry.reporter_participant_id = None


def _forget_decisions(s: Session, session_id: int, keys: set[str]) -> int:
    """Blank the decisions on the session's versions made under ``keys``; one new key per person."""
    version_ids = list(
        s.exec(select(PlanVersion.id).where(PlanVersion.session_id == session_id)).all()
    )
    decisions = list(
        s.exec(
            select(SignOff).where(
                col(SignOff.version_id).in_(version_ids), col(SignOff.participant_key).in_(keys)
            )
        ).all()
    )
    replacements = {key: opaque_key(s, session_id, "p") for key in keys}
    for decision in decisions:
        decision.participant_key = replacements[decision.participant_key]
        decision.participant_name = ERASED
        decision.comment = ERASED
    return len(decisions)


def reapply_erasures(db: Database) -> int:
    """Erase again everyone on the list beside the database who is back (a restored backup);
    returns how many participants were erased."""
    if db.path is None or not erasure_list_path(db.path).exists():
        return 0
    erasures = read_erasure_list(db.path)
    again = 0
    with db.reading() as s:
        sessions = list(s.exec(select(WorkSession.id, WorkSession.created_at)).all())
    for session_id, created_at in sessions:
        assert session_id is not None
        wanted = erasures.in_session(session_id, created_at)
        if not wanted:
            continue
        with db.reading() as s:
            people = s.exec(
                select(Participant.id, Participant.key).where(Participant.session_id == session_id)
            ).all()
        for person_id, key in people:
            if erasures.digest(key) in wanted and person_id is not None:
                erase_participant(db=db, participant_id=person_id)
                again += 1
        # Decisions of someone whose participant row had already gone before the backup.
        with db.transaction() as s:
            keys = {
                key
                for key in s.exec(
                    select(SignOff.participant_key)
                    .join(PlanVersion, col(PlanVersion.id) == col(SignOff.version_id))
                    .where(PlanVersion.session_id == session_id, SignOff.participant_name != ERASED)
                ).all()
                if erasures.digest(key) in wanted
            }
            forgotten = _forget_decisions(s, session_id, keys) if keys else 0
        if forgotten:
            checkpoint(db)
    return again


def reapply_erasures_to_file(database: Path) -> int:
    """``reapply_erasures`` for a database file just put in place (a restore).

    A file of an older schema is left for opening to migrate first; it applies the list then.
    """
    if not erasure_list_path(database).exists():
        return 0
    engine = create_db_engine(to_url(database))
    try:
        with engine.connect() as connection:
            try:
                revision = connection.execute(
                    text("SELECT version_num FROM alembic_version")
                ).scalar()
            except OperationalError:
                return 0  # no schema of ours (yet): opening decides what to do with it
        if revision != HEAD_REVISION:
            return 0
        return reapply_erasures(Database(engine=engine, url=str(engine.url), path=database))
    finally:
        engine.dispose()
