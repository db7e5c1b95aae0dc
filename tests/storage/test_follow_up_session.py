"""Vervolgbijeenkomst voorbereiden, on a real database: what the follow-up carries from the
signed plan, its link to the signed version, the progress log on the copies, and refusals that
write nothing."""

from __future__ import annotations

import json
from typing import Any

import pytest
from sqlmodel import col, func, select

from tests.following import PROGRESS, make_follow_up, sign_off, signed_demo
from worksession.domain.carry_over import follow_up_title
from worksession.domain.models import (
    AgreementProgress,
    AgreementReview,
    PlanVersion,
    SessionOrigin,
    WorkSession,
)
from worksession.domain.plan import fingerprint
from worksession.domain.validation import SHORT_TEXT_MAX
from worksession.programmes.library import load_library
from worksession.storage.database import Database
from worksession.storage.document import read_document
from worksession.storage.errors import NotFound
from worksession.storage.operations import follow_up_session
from worksession.storage.operations.agreements import (
    add_agreement,
    list_agreements,
    remove_agreement,
    update_agreement,
)
from worksession.storage.operations.follow_up_session import FollowUpRefused
from worksession.storage.operations.people import find_participant, update_participant
from worksession.storage.operations.plan import freeze, record_decisions
from worksession.storage.operations.privacy import erase_participant
from worksession.storage.operations.progress import progress_log
from worksession.storage.operations.sessions import get_session, update_session
from worksession.workflows.demo import create_demo_session
from worksession.workflows.following import FOLLOW_UP_PROGRAMME, prepare_follow_up


def _counts(db: Database) -> tuple[int, ...]:
    """How many rows the tables a follow-up writes hold."""
    with db.reading() as s:
        return tuple(
            s.exec(select(func.count()).select_from(model)).one()
            for model in (WorkSession, SessionOrigin, AgreementReview, AgreementProgress)
        )


def _origin(db: Database, session_id: int) -> SessionOrigin:
    with db.reading() as s:
        origin = s.get(SessionOrigin, session_id)
    assert origin is not None
    return origin


def test_the_follow_up_carries_the_header_people_kaart_themes_and_agreements(
    db: Database,
) -> None:
    origin_id, follow_up_id = make_follow_up(db)
    first = read_document(db=db, session_id=origin_id)
    then = read_document(db=db, session_id=follow_up_id)

    header = then["session"]
    assert header["title"] == "Samen gezond oud worden in Kaalheide — een half jaar later"
    for field in ("wijk", "gemeente", "coach", "variant", "ambition"):
        assert header[field] == first["session"][field], field
    assert header["date"] is None
    assert header["programme"] == FOLLOW_UP_PROGRAMME
    programme = load_library().programmes[FOLLOW_UP_PROGRAMME]
    assert [step["id"] for step in header["programme_steps"]] == [s.id for s in programme.steps]
    assert any(step["kind"] == "review" for step in header["programme_steps"])

    # Everyone is invited again (with their e-mail), nobody is in the room yet.
    assert [(p["key"], p["email"]) for p in then["participants"]] == [
        (p["key"], p["email"]) for p in first["participants"]
    ]
    assert not any(p["present"] for p in then["participants"])
    assert not any(s["present"] for s in then["stakeholders"])
    assert [s["key"] for s in then["stakeholders"]] == [s["key"] for s in first["stakeholders"]]
    assert then["relations"] == first["relations"]
    assert then["themes"] == first["themes"]
    assert then["agreements"] == first["agreements"]  # keys, partners, status at sign-off
    assert then["follow_up"]["kartrekker"] == first["follow_up"]["kartrekker"]
    assert then["follow_up"]["werkgroep"] == first["follow_up"]["werkgroep"]
    # What happened on the day stays with the first session.
    assert then["casus"]["insights"] == [] and then["improvements"] == []
    assert "voting" not in then and "schedule" not in then
    assert get_session(db=db, session_id=follow_up_id).status == "draft"


def test_the_follow_up_is_linked_to_the_signed_version_exactly_as_stored(db: Database) -> None:
    origin_id, follow_up_id = make_follow_up(db)
    origin = _origin(db, follow_up_id)
    with db.reading() as s:
        (version,) = s.exec(select(PlanVersion).where(PlanVersion.session_id == origin_id)).all()
    assert origin.origin_session_id == origin_id
    assert origin.version == version.number == 1
    assert origin.snapshot == version.snapshot  # the text, byte for byte
    assert origin.fingerprint == version.sha256 == fingerprint(json.loads(origin.snapshot))
    assert origin.title == "Samen gezond oud worden in Kaalheide"


def test_every_carried_agreement_has_one_unset_review(db: Database) -> None:
    _origin_id, follow_up_id = make_follow_up(db)
    agreements = {a.id: a.key for a in list_agreements(db=db, session_id=follow_up_id)}
    with db.reading() as s:
        reviews = s.exec(
            select(AgreementReview).where(AgreementReview.session_id == follow_up_id)
        ).all()
    assert sorted(r.agreement_id for r in reviews) == sorted(agreements)
    assert len(agreements) == 8
    for review in reviews:
        assert (review.status_now, review.indicator_seen, review.decision) == (None, None, None)
        assert (review.what_happened, review.evidence) == ("", "")


def test_the_progress_log_comes_along_on_the_copies_of_the_agreements(db: Database) -> None:
    origin_id, follow_up_id = make_follow_up(db)
    before = progress_log(db=db, session_id=origin_id)
    after = progress_log(db=db, session_id=follow_up_id)
    assert [(e.agreement_key, e.status, e.date, e.note, e.reported_by) for e in after] == [
        (e.agreement_key, e.status, e.date, e.note, e.reported_by) for e in before
    ]
    assert {e.agreement_key for e in after} == set(PROGRESS)
    copies = {a.key: a.id for a in list_agreements(db=db, session_id=follow_up_id)}
    kessels = find_participant(db=db, session_id=follow_up_id, key_or_email="p-yvonne-kessels")
    assert kessels is not None
    with db.reading() as s:
        rows = s.exec(
            select(AgreementProgress).where(AgreementProgress.session_id == follow_up_id)
        ).all()
    for row in rows:
        assert row.agreement_id == copies[row.agreement_key]
        assert row.reporter_participant_id == kessels.id  # the copy, not the first session's
    # The first session's log is untouched.
    assert len(progress_log(db=db, session_id=origin_id)) == len(PROGRESS)


def test_status_at_sign_off_even_when_the_working_copy_changed_after(db: Database) -> None:
    origin_id = signed_demo(db)
    agreements = {a.key: a for a in list_agreements(db=db, session_id=origin_id)}
    changed = agreements["a-signaleren-eenzaamheid"]
    assert changed.id is not None and changed.status == "open"
    update_agreement(db=db, agreement_id=changed.id, status="done", what="Anders verwoord")
    assert get_session(db=db, session_id=origin_id).status == "draft"

    follow_up_id = prepare_follow_up(db=db, library=load_library(), session_id=origin_id)

    carried = {a.key: a for a in list_agreements(db=db, session_id=follow_up_id)}
    assert carried["a-signaleren-eenzaamheid"].status == "open"  # as signed, not "done"
    assert carried["a-wegwijzer"].status == "in_progress"
    # The origin is still version 1: the change after sign-off was never frozen.
    assert _origin(db, follow_up_id).version == 1


def test_the_agreements_are_the_signed_ones(db: Database) -> None:
    """One removed after sign-off is still reviewed (from the signed text); one added after it
    was never agreed and is not carried."""
    origin_id = signed_demo(db)
    agreements = {a.key: a for a in list_agreements(db=db, session_id=origin_id)}
    removed = agreements["a-beweeggroep"]
    assert removed.id is not None
    remove_agreement(db=db, agreement_id=removed.id)
    add_agreement(db=db, session_id=origin_id, what="Na de ondertekening bedacht")

    follow_up_id = prepare_follow_up(db=db, library=load_library(), session_id=origin_id)

    carried = [a.key for a in list_agreements(db=db, session_id=follow_up_id)]
    assert carried == list(agreements)  # all eight, in the signed order
    copy = read_document(db=db, session_id=follow_up_id)["agreements"][-1]
    assert copy["key"] == "a-beweeggroep"
    assert copy["lead"] == "p-kevin-vankan"
    assert copy["partners"] == ["s-fysiotherapie", "s-seniorenvereniging"]


def test_a_person_erased_after_sign_off_does_not_come_back(db: Database) -> None:
    """The signed version keeps her (its fingerprint must not change); the new session not."""
    origin_id = signed_demo(db)
    person = find_participant(db=db, session_id=origin_id, key_or_email="p-sanne-vliegen")
    assert person is not None and person.id is not None and not person.present
    erase_participant(db=db, participant_id=person.id)

    follow_up_id = prepare_follow_up(db=db, library=load_library(), session_id=origin_id)

    document = read_document(db=db, session_id=follow_up_id)
    assert "p-sanne-vliegen" not in [p["key"] for p in document["participants"]]
    signed = document.pop("origin")
    assert "Sanne Vliegen" not in json.dumps(document)  # only in the plan that was signed
    assert "Sanne Vliegen" in json.dumps(signed["plan"])
    assert "Sanne Vliegen" in _origin(db, follow_up_id).snapshot


def test_a_long_title_is_cut_to_fit(db: Database) -> None:
    origin_id = signed_demo(db)
    update_session(db=db, session_id=origin_id, title="Kaalheide " * 20)
    sign_off(db, origin_id)
    follow_up_id = prepare_follow_up(db=db, library=load_library(), session_id=origin_id)
    title = get_session(db=db, session_id=follow_up_id).title
    assert len(title) <= SHORT_TEXT_MAX
    assert title.endswith("… — een half jaar later")
    assert follow_up_title("Kort") == "Kort — een half jaar later"


def test_a_session_that_was_never_frozen_is_refused_and_nothing_is_written(
    db: Database,
) -> None:
    session = create_demo_session(db=db, library=load_library())
    assert session.id is not None
    before = _counts(db)
    with pytest.raises(FollowUpRefused) as refused:
        prepare_follow_up(db=db, library=load_library(), session_id=session.id)
    assert str(refused.value) == (
        f"sessie {session.id} heeft nog geen vastgelegd plan: leg het plan vast en laat "
        "iedereen die aanwezig was eerst akkoord geven"
    )
    assert _counts(db) == before


def test_a_plan_not_everyone_present_agreed_to_is_refused(db: Database) -> None:
    session = create_demo_session(db=db, library=load_library())
    assert session.id is not None
    version = freeze(db=db, session_id=session.id)
    record_decisions(
        db=db,
        session_id=session.id,
        version=version.number,
        participants=["p-marieke-hermans"],
        decision="agreed",
    )
    before = _counts(db)
    with pytest.raises(FollowUpRefused, match="versie 1") as refused:
        prepare_follow_up(db=db, library=load_library(), session_id=session.id)
    assert "Ingrid Coenen" in str(refused.value)
    assert "Marieke" not in str(refused.value)  # she agreed
    assert _counts(db) == before


def test_an_earlier_signed_version_is_reviewed_when_a_later_one_is_not_agreed(
    db: Database,
) -> None:
    origin_id = signed_demo(db)
    update_session(db=db, session_id=origin_id, ambition="Een nieuwe stip op de horizon")
    assert freeze(db=db, session_id=origin_id).number == 2  # in review, nobody agreed yet
    follow_up_id = prepare_follow_up(db=db, library=load_library(), session_id=origin_id)
    assert _origin(db, follow_up_id).version == 1


def test_an_unknown_session_is_not_found(db: Database) -> None:
    with pytest.raises(NotFound):
        prepare_follow_up(db=db, library=load_library(), session_id=999)


def test_a_failure_half_way_writes_nothing(db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    """The whole follow-up is imported (session, link, reviews, log); then something fails."""
    origin_id = signed_demo(db)
    before = _counts(db)
    real_import = follow_up_session.import_document_in

    def import_then_fail(*args: Any) -> WorkSession:
        real_import(*args)
        raise OSError("disk full")

    monkeypatch.setattr(follow_up_session, "import_document_in", import_then_fail)
    with pytest.raises(OSError, match="disk full"):
        prepare_follow_up(db=db, library=load_library(), session_id=origin_id)
    assert _counts(db) == before
    with db.reading() as s:
        titles = s.exec(select(WorkSession.title).order_by(col(WorkSession.id))).all()
    assert titles == ["Samen gezond oud worden in Kaalheide"]


def test_a_signed_follow_up_has_a_follow_up_of_its_own(db: Database) -> None:
    """A year later: the follow-up, signed off in turn, is followed up; its title stays."""
    origin_id, follow_up_id = make_follow_up(db)
    update_session(db=db, session_id=follow_up_id, date="2026-09-10")
    marieke = find_participant(db=db, session_id=follow_up_id, key_or_email="p-marieke-hermans")
    assert marieke is not None and marieke.id is not None
    update_participant(db=db, participant_id=marieke.id, present=True)
    sign_off(db, follow_up_id)
    second = prepare_follow_up(db=db, library=load_library(), session_id=follow_up_id)
    assert _origin(db, second).origin_session_id == follow_up_id
    assert (
        get_session(db=db, session_id=second).title
        == get_session(db=db, session_id=follow_up_id).title
    )
    assert [a.key for a in list_agreements(db=db, session_id=second)] == [
        a.key for a in list_agreements(db=db, session_id=origin_id)
    ]
    # Its log holds the first session's entries (carried once) and nothing twice.
    assert len(progress_log(db=db, session_id=second)) == len(PROGRESS)


def test_a_signed_version_changed_in_the_database_is_refused(db: Database) -> None:
    """The stored text no longer matches its fingerprint: nothing is carried from it."""
    origin_id = signed_demo(db)
    with db.transaction() as s:
        version = s.exec(select(PlanVersion).where(PlanVersion.session_id == origin_id)).one()
        version.snapshot = version.snapshot.replace("Kaalheide", "Bleijerheide")
    before = _counts(db)
    with pytest.raises(FollowUpRefused, match="kan niet worden overgenomen") as refused:
        prepare_follow_up(db=db, library=load_library(), session_id=origin_id)
    assert "origin.fingerprint" in str(refused.value)
    assert _counts(db) == before


def test_afspraken_volgen_names_each_agreement_once_the_follow_up_is_out(db: Database) -> None:
    """Until the follow-up's own plan is frozen the first session's agreements are followed;
    from then on the follow-up's copies, never both."""
    import datetime as dt

    from worksession.storage.operations.progress import agreements_to_follow

    origin_id, follow_up_id = make_follow_up(db)
    later = dt.date(2027, 6, 1)  # every agreement of the demo is overdue by then

    def sessions() -> set[int]:
        items = agreements_to_follow(db=db, today=later)
        return {item.agreement.session_id for item in items}

    assert sessions() == {origin_id}
    sign_off(db, follow_up_id)
    assert sessions() == {follow_up_id}
