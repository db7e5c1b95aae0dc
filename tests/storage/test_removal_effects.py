"""The list of what goes along with a removal is exactly what the removal takes."""

from __future__ import annotations

import pytest
from sqlmodel import SQLModel

from worksession.domain.models import Agreement, Insight, Participant, Stakeholder, Theme
from worksession.i18n import speaking
from worksession.programmes.library import load_library
from worksession.storage.database import Database
from worksession.storage.document import read_document
from worksession.storage.operations.people import list_participants
from worksession.storage.operations.removal import remove_with_snapshot, restore_snapshot
from worksession.storage.operations.removal_effects import removal_effects, snapshot_links
from worksession.storage.views import record_rows
from worksession.workflows.demo import create_demo_session


def _demo(db: Database) -> int:
    session = create_demo_session(db=db, library=load_library())
    assert session.id is not None
    return session.id


def _every_record(db: Database, session_id: int) -> list[tuple[type[SQLModel], int]]:
    models: tuple[type[SQLModel], ...] = (Participant, Stakeholder, Theme, Agreement, Insight)
    return [
        (model, int(row.id))
        for model in models
        for row in record_rows(db, model, session_id)  # type: ignore[arg-type]
    ]


def test_the_listed_links_are_the_links_the_removal_takes_for_every_record(
    db: Database,
) -> None:
    session_id = _demo(db)
    records = _every_record(db, session_id)
    assert len(records) > 40
    with_links = 0
    for model, row_id in records:
        listed = removal_effects(db=db, model=model, row_id=row_id)
        snapshot = remove_with_snapshot(db=db, model=model, row_id=row_id)
        assert snapshot_links(snapshot) == listed.links, (model.__name__, row_id)
        with_links += bool(listed)
        # Asked about exactly when something outside the record changes.
        outside = {table for table, _key, _column in listed.links} - {"agreement_partner"}
        if model is not Agreement:
            assert bool(listed) == bool(listed.links), (model.__name__, row_id)
        else:
            assert bool(listed) == bool(outside)
        # Put it back (ids and all) so the next record is listed with the demo's own links.
        restore_snapshot(db=db, snapshot=snapshot)
    assert with_links > 10


def test_removing_the_kartrekker_lists_agreements_werkgroep_and_kartrekker_by_name(
    db: Database,
) -> None:
    session_id = _demo(db)
    document = read_document(db=db, session_id=session_id)
    kartrekker = document["follow_up"]["kartrekker"]
    person = next(p for p in list_participants(db=db, session_id=session_id) if p.key == kartrekker)
    led = [a["what"] for a in document["agreements"] if a["lead"] == kartrekker]
    with speaking("en"):
        effects = removal_effects(db=db, model=Participant, row_id=int(person.id or 0))
    text = "\n".join(str(c) for c in effects.consequences)
    assert "the plan loses its kartrekker" in text
    assert "the werkgroep loses this member" in text
    if led:
        count = len(led)
        assert f"{count} agreement" in text
        assert led[0][:40] in text


def test_removing_a_theme_counts_its_improvement_points_and_unthemed_agreements(
    db: Database,
) -> None:
    session_id = _demo(db)
    document = read_document(db=db, session_id=session_id)
    theme = next(
        t for t in document["themes"] if any(a["theme"] == t["key"] for a in document["agreements"])
    )
    themed = [a for a in document["agreements"] if a["theme"] == theme["key"]]
    row = next(t for t in record_rows(db, Theme, session_id) if t.key == theme["key"])
    with speaking("nl"):
        effects = removal_effects(db=db, model=Theme, row_id=int(row.id))
    messages = [c.message for c in effects.consequences]
    expected = f"{len(themed)} afspraak" if len(themed) == 1 else f"{len(themed)} afspraken"
    assert any(m.startswith(expected) for m in messages), messages


def test_an_agreements_own_partner_list_is_no_reason_to_ask(db: Database) -> None:
    session_id = _demo(db)
    document = read_document(db=db, session_id=session_id)
    with_partners = next(a for a in document["agreements"] if a["partners"])
    row = next(a for a in record_rows(db, Agreement, session_id) if a.key == with_partners["key"])
    effects = removal_effects(db=db, model=Agreement, row_id=int(row.id))
    assert effects.links and not effects


def test_a_record_without_links_has_no_effects(db: Database) -> None:
    session_id = _demo(db)
    insight = record_rows(db, Insight, session_id)[0]
    effects = removal_effects(db=db, model=Insight, row_id=int(insight.id))
    assert not effects
    assert effects.consequences == ()


@pytest.mark.parametrize("model", [Participant, Stakeholder, Theme])
def test_nothing_changes_while_listing(db: Database, model: type[SQLModel]) -> None:
    session_id = _demo(db)
    before = read_document(db=db, session_id=session_id)
    for row in record_rows(db, model, session_id):  # type: ignore[arg-type]
        removal_effects(db=db, model=model, row_id=int(row.id))
    assert read_document(db=db, session_id=session_id) == before
