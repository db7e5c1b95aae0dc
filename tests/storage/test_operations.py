"""Operations: each user action commits at once, validates first, and keeps links consistent."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlmodel import func, select

from worksession.domain.models import AgreementPartner, Casus, FollowUp, Participant, Relation
from worksession.domain.validation import ValidationError
from worksession.storage.database import Database
from worksession.storage.errors import NotFound
from worksession.storage.opening import open_database
from worksession.storage.operations._rows import PersonRef
from worksession.storage.operations.agreements import (
    add_agreement,
    agreement_lead,
    agreement_partners,
    list_agreements,
    update_agreement,
)
from worksession.storage.operations.casus import add_insight, add_key_figure, update_casus
from worksession.storage.operations.follow_up import get_follow_up, update_follow_up, werkgroep
from worksession.storage.operations.people import (
    add_participant,
    find_participant,
    list_participants,
    remove_participant,
    update_participant,
)
from worksession.storage.operations.sessions import (
    create_session,
    delete_session,
    get_session,
    list_sessions,
    update_session,
)
from worksession.storage.operations.sociale_kaart import (
    add_relation,
    add_stakeholder,
    list_relations,
    remove_stakeholder,
    update_stakeholder,
)
from worksession.storage.operations.themes import (
    add_improvement,
    add_theme,
    list_improvements,
    list_themes,
    record_votes,
    remove_theme,
    update_theme,
)


def _count(db: Database, model: type) -> int:
    with db.reading() as s:
        return int(s.exec(select(func.count()).select_from(model)).one())


@pytest.fixture
def session_id(db: Database) -> int:
    session = create_session(
        db=db, title="Gezond ouder worden", wijk="Kaalheide", date="2026-03-12"
    )
    assert session.id is not None
    return session.id


def test_a_new_session_is_a_draft_with_an_empty_casus_and_follow_up(
    db: Database, session_id: int
) -> None:
    session = get_session(db=db, session_id=session_id)
    assert session.status == "draft"
    assert session.date == dt.date(2026, 3, 12)
    assert _count(db, Casus) == 1 and _count(db, FollowUp) == 1


def test_every_operation_is_on_disk_when_it_returns(db: Database, session_id: int) -> None:
    add_participant(db=db, session_id=session_id, name="Marieke Hermans", role="huisarts")
    other = open_database(db.url)  # a second connection sees it: it was committed
    assert [p.name for p in list_participants(db=other, session_id=session_id)] == [
        "Marieke Hermans"
    ]
    other.close()


def test_a_rejected_change_writes_nothing(db: Database, session_id: int) -> None:
    before = get_session(db=db, session_id=session_id)
    with pytest.raises(ValidationError) as caught:
        update_session(db=db, session_id=session_id, wijk="Nieuw", title="")
    assert caught.value.path == "session.title"
    after = get_session(db=db, session_id=session_id)
    assert (after.wijk, after.title, after.updated_at) == (
        before.wijk,
        before.title,
        before.updated_at,
    )


def test_edits_move_the_last_change_forward(db: Database, session_id: int) -> None:
    before = get_session(db=db, session_id=session_id).updated_at
    add_theme(db=db, session_id=session_id, title="Eenzaamheid")
    assert get_session(db=db, session_id=session_id).updated_at > before


def test_keys_are_unique_across_records_and_readable_except_for_people(
    db: Database, session_id: int
) -> None:
    first = add_participant(db=db, session_id=session_id, name="Jan Houben")
    second = add_participant(db=db, session_id=session_id, name="Jan Houben")
    stakeholder = add_stakeholder(db=db, session_id=session_id, name="Ouderenadviseur")
    # A participant's key outlives an erasure of the person: it carries no part of the name.
    assert first.key != second.key
    assert "houben" not in first.key + second.key
    assert stakeholder.key == "s-ouderenadviseur"


def test_a_key_numbers_past_every_form_it_could_clash_with(db: Database, session_id: int) -> None:
    keys = [
        add_agreement(db=db, session_id=session_id, what=what).key
        for what in ("Plan", "Planning", "Plan", "Plan 2", "Plan")
    ]
    # "a-planning" does not clash with "a-plan"; "Plan 2" is already taken by the second "Plan".
    assert keys == ["a-plan", "a-planning", "a-plan-2", "a-plan-2-2", "a-plan-3"]


def test_find_participant_by_key_or_email(db: Database, session_id: int) -> None:
    added = add_participant(
        db=db, session_id=session_id, name="Yvonne Kessels", email="Y.Kessels@example.nl"
    )
    by_email = find_participant(db=db, session_id=session_id, key_or_email="y.kessels@example.nl")
    by_key = find_participant(db=db, session_id=session_id, key_or_email=added.key)
    assert by_email is not None and by_key is not None and by_email.id == by_key.id == added.id
    assert find_participant(db=db, session_id=session_id, key_or_email="nobody") is None


def test_update_and_unknown_ids(db: Database, session_id: int) -> None:
    participant = add_participant(db=db, session_id=session_id, name="Tom")
    assert participant.id is not None
    updated = update_participant(db=db, participant_id=participant.id, present=False)
    assert updated.present is False
    with pytest.raises(NotFound):
        update_participant(db=db, participant_id=9999, present=True)


def test_votes_rank_the_themes_and_ties_stay_ties(db: Database, session_id: int) -> None:
    a = add_theme(db=db, session_id=session_id, title="Eenzaamheid")
    b = add_theme(db=db, session_id=session_id, title="Valrisico")
    c = add_theme(db=db, session_id=session_id, title="Diabetes")
    assert [t.rank for t in list_themes(db=db, session_id=session_id)] == [None, None, None]
    assert a.id and b.id and c.id
    record_votes(db=db, session_id=session_id, votes={a.id: 7, b.id: 12, c.id: 7})
    assert [t.rank for t in list_themes(db=db, session_id=session_id)] == [2, 1, 2]
    update_theme(db=db, theme_id=c.id, votes=13)
    assert [t.rank for t in list_themes(db=db, session_id=session_id)] == [3, 2, 1]


def test_removing_a_theme_takes_its_improvements_and_frees_its_agreements(
    db: Database, session_id: int
) -> None:
    theme = add_theme(db=db, session_id=session_id, title="Eenzaamheid")
    assert theme.id is not None
    add_improvement(db=db, theme_id=theme.id, text="Signalen bereiken de huisarts niet")
    agreement = add_agreement(db=db, session_id=session_id, what="Koffie-uur", theme_id=theme.id)
    remove_theme(db=db, theme_id=theme.id)
    assert list_improvements(db=db, session_id=session_id) == []
    (kept,) = list_agreements(db=db, session_id=session_id)
    assert kept.id == agreement.id and kept.theme_id is None


def test_an_agreement_has_at_most_one_lead_and_ordered_partners(
    db: Database, session_id: int
) -> None:
    huisarts = add_participant(db=db, session_id=session_id, name="Huisarts")
    poh = add_participant(db=db, session_id=session_id, name="POH")
    welzijn = add_stakeholder(db=db, session_id=session_id, name="Welzijn Kerkrade")
    assert huisarts.id and poh.id and welzijn.id
    agreement = add_agreement(
        db=db,
        session_id=session_id,
        what="Eén aanmeldformulier",
        lead=PersonRef("participant", huisarts.id),
        partners=[PersonRef("stakeholder", welzijn.id), PersonRef("participant", poh.id)],
        due="2026-04-30",
    )
    assert agreement.id is not None
    assert agreement_lead(agreement) == PersonRef("participant", huisarts.id)
    assert agreement_partners(db=db, agreement_id=agreement.id) == [
        PersonRef("stakeholder", welzijn.id),
        PersonRef("participant", poh.id),
    ]
    changed = update_agreement(
        db=db, agreement_id=agreement.id, lead=PersonRef("stakeholder", welzijn.id)
    )
    assert (changed.lead_participant_id, changed.lead_stakeholder_id) == (None, welzijn.id)
    with pytest.raises(ValidationError, match=r"twice|twee keer"):
        update_agreement(
            db=db,
            agreement_id=agreement.id,
            partners=[PersonRef("participant", poh.id), PersonRef("participant", poh.id)],
        )
    assert len(agreement_partners(db=db, agreement_id=agreement.id)) == 2


def test_removing_a_lead_leaves_the_agreement_without_lead_and_partner_links_go(
    db: Database, session_id: int
) -> None:
    lead = add_participant(db=db, session_id=session_id, name="Lead")
    partner = add_participant(db=db, session_id=session_id, name="Partner")
    assert lead.id and partner.id
    agreement = add_agreement(
        db=db,
        session_id=session_id,
        what="Spreekuur",
        lead=PersonRef("participant", lead.id),
        partners=[PersonRef("participant", partner.id)],
    )
    remove_participant(db=db, participant_id=lead.id)
    remove_participant(db=db, participant_id=partner.id)
    (kept,) = list_agreements(db=db, session_id=session_id)
    assert kept.id == agreement.id and agreement_lead(kept) is None
    assert _count(db, AgreementPartner) == 0


def test_people_of_another_session_cannot_be_linked(db: Database, session_id: int) -> None:
    other = create_session(db=db, title="Andere wijk")
    assert other.id is not None
    stranger = add_participant(db=db, session_id=other.id, name="Onbekende")
    assert stranger.id is not None
    with pytest.raises(ValidationError) as caught:
        add_agreement(
            db=db,
            session_id=session_id,
            what="x",
            lead=PersonRef("participant", stranger.id),
        )
    assert caught.value.path == "agreement.lead"
    assert list_agreements(db=db, session_id=session_id) == []


def test_relations_are_directed_unique_and_never_to_oneself(db: Database, session_id: int) -> None:
    ggd = add_stakeholder(db=db, session_id=session_id, name="GGD")
    huisarts = add_stakeholder(db=db, session_id=session_id, name="Huisarts")
    assert ggd.id and huisarts.id
    add_relation(db=db, source_id=huisarts.id, target_id=ggd.id, kind="refers_to")
    with pytest.raises(ValidationError):
        add_relation(db=db, source_id=huisarts.id, target_id=ggd.id, kind="refers_to")
    with pytest.raises(ValidationError):
        add_relation(db=db, source_id=ggd.id, target_id=ggd.id, kind="works_with")
    add_relation(db=db, source_id=ggd.id, target_id=huisarts.id, kind="feeds_back_to")
    assert len(list_relations(db=db, session_id=session_id)) == 2
    remove_stakeholder(db=db, stakeholder_id=ggd.id)
    assert _count(db, Relation) == 0


def test_moving_a_stakeholder_on_the_grid_is_validated(db: Database, session_id: int) -> None:
    stakeholder = add_stakeholder(db=db, session_id=session_id, name="Woningcorporatie")
    assert stakeholder.id is not None
    moved = update_stakeholder(db=db, stakeholder_id=stakeholder.id, influence=5, interest=1)
    assert (moved.influence, moved.interest) == (5, 1)
    with pytest.raises(ValidationError):
        update_stakeholder(db=db, stakeholder_id=stakeholder.id, influence=0)


def test_follow_up_keeps_kartrekker_and_werkgroep_in_order(db: Database, session_id: int) -> None:
    a = add_participant(db=db, session_id=session_id, name="Wijkverpleegkundige")
    b = add_stakeholder(db=db, session_id=session_id, name="Welzijn")
    assert a.id and b.id
    update_follow_up(
        db=db,
        session_id=session_id,
        kartrekker=PersonRef("participant", a.id),
        werkgroep=[PersonRef("stakeholder", b.id), PersonRef("participant", a.id)],
        evaluation="2026-09-12",
        funding="Preventieakkoord",
    )
    follow_up = get_follow_up(db=db, session_id=session_id)
    assert follow_up.kartrekker_participant_id == a.id
    assert follow_up.evaluation == dt.date(2026, 9, 12)
    assert werkgroep(db=db, session_id=session_id) == [
        PersonRef("stakeholder", b.id),
        PersonRef("participant", a.id),
    ]


def test_casus_figures_and_insights(db: Database, session_id: int) -> None:
    update_casus(db=db, session_id=session_id, title="Mijnstreek", question="Wat doen we?")
    add_key_figure(db=db, session_id=session_id, label="65+", value="31%", source="CBS")
    add_insight(db=db, session_id=session_id, text="Eenzaamheid komt binnen als buikpijn")
    with pytest.raises(ValidationError):
        add_key_figure(db=db, session_id=session_id, label=" ")


def test_deleting_a_session_removes_everything_in_it(db: Database, session_id: int) -> None:
    person = add_participant(db=db, session_id=session_id, name="Anna")
    assert person.id is not None
    add_agreement(db=db, session_id=session_id, what="x", lead=PersonRef("participant", person.id))
    delete_session(db=db, session_id=session_id, retention_days=365)
    assert list_sessions(db=db) == []
    assert _count(db, Participant) == 0 and _count(db, Casus) == 0


def test_step_notes_are_kept_per_step_and_replaced(db: Database, session_id: int) -> None:
    from worksession.storage.operations.notes import set_step_note, step_notes

    set_step_note(db=db, session_id=session_id, step_id="casus", text="Eerste idee")
    set_step_note(db=db, session_id=session_id, step_id="casus", text="Beter idee")
    set_step_note(db=db, session_id=session_id, step_id="welkom", text="")
    assert step_notes(db=db, session_id=session_id) == {"casus": "Beter idee"}


def test_the_evaluation_score_is_one_to_ten_or_none(db: Database, session_id: int) -> None:
    from worksession.storage.operations.notes import get_evaluation, update_evaluation

    assert get_evaluation(db=db, session_id=session_id).score is None
    update_evaluation(db=db, session_id=session_id, went_well="Contacten", score=8)
    with pytest.raises(ValidationError):
        update_evaluation(db=db, session_id=session_id, score=11)
    evaluation = get_evaluation(db=db, session_id=session_id)
    assert (evaluation.went_well, evaluation.score) == ("Contacten", 8)
    update_evaluation(db=db, session_id=session_id, score=None)
    assert get_evaluation(db=db, session_id=session_id).score is None
