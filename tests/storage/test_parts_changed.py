"""What an operation returned says which parts of the session it changed."""

from __future__ import annotations

from sqlmodel import SQLModel

from worksession.domain.changes import EVERYTHING, Part
from worksession.domain.models import Agreement, Theme
from worksession.programmes.library import load_library
from worksession.storage.database import Database
from worksession.storage.operations.agreements import list_agreements
from worksession.storage.operations.parts import PARTS_OF, changed_by
from worksession.storage.operations.people import list_participants
from worksession.storage.operations.plan import freeze, record_decisions, withdraw_decisions
from worksession.storage.operations.removal import remove_with_snapshot
from worksession.storage.operations.sociale_kaart import list_stakeholders, update_stakeholder
from worksession.storage.operations.themes import list_themes
from worksession.workflows.demo import create_demo_session


def _session(db: Database) -> int:
    session = create_demo_session(db=db, library=load_library())
    assert session.id is not None
    return session.id


def test_every_table_belongs_to_a_part() -> None:
    # A new table without a part would make every change to it refresh everything.
    assert {str(model.__tablename__) for model in PARTS_OF} == set(SQLModel.metadata.tables)


def test_an_edit_changes_the_part_of_its_row(db: Database) -> None:
    session_id = _session(db)
    stakeholder = list_stakeholders(db=db, session_id=session_id)[0]
    row = update_stakeholder(db=db, stakeholder_id=stakeholder.id or 0, role="wijkagent")
    assert changed_by(row) == {Part.STAKEHOLDERS}


def test_a_removal_changes_every_part_it_took_or_unlinked(db: Database) -> None:
    session_id = _session(db)
    agreements = list_agreements(db=db, session_id=session_id)
    theme = next(
        t for t in list_themes(db=db, session_id=session_id)
        if any(a.theme_id == t.id for a in agreements)
    )  # fmt: skip
    snapshot = remove_with_snapshot(db=db, model=Theme, row_id=theme.id or 0)
    found = changed_by(snapshot)
    # The agreement loses its theme, and the vote round is counted again.
    assert {Part.THEMES, Part.AGREEMENTS, Part.VOTING} <= found
    assert Part.NOTES not in found
    agreement = list_agreements(db=db, session_id=session_id)[0]
    alone = remove_with_snapshot(db=db, model=Agreement, row_id=agreement.id or 0)
    assert changed_by(alone) == {Part.AGREEMENTS}


def test_decisions_and_their_withdrawal_change_the_plan(db: Database) -> None:
    session_id = _session(db)
    version = freeze(db=db, session_id=session_id)
    assert changed_by(version) == {Part.PLAN}
    present = next(p for p in list_participants(db=db, session_id=session_id) if p.present)
    rows = record_decisions(
        db=db, session_id=session_id, version=version.number, participants=[present.key],
        decision="agreed",
    )  # fmt: skip
    assert changed_by(rows) == {Part.PLAN}
    ids = [int(row.id or 0) for row in rows]
    assert withdraw_decisions(db=db, session_id=session_id, decision_ids=ids) == {Part.PLAN}
    assert changed_by([]) == EVERYTHING  # an empty list says nothing of what was written


def test_what_is_not_known_changes_everything() -> None:
    assert changed_by(None) == EVERYTHING
    assert changed_by({"some": "dict"}) == EVERYTHING
