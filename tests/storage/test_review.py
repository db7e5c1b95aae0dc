"""The review step's operations on a real database: each carried agreement with its status then
and now, a review recorded and undone, refused values writing nothing, and adjusting the
follow-up's copy while the signed wording stays."""

from __future__ import annotations

import pytest

from tests.following import FollowUp, unreported_follow_up
from tests.storage.raw_rows import raw_rows
from worksession.domain.models import Agreement
from worksession.domain.validation import ValidationError
from worksession.storage.database import Database
from worksession.storage.errors import NotFound
from worksession.storage.operations.agreements import update_agreement
from worksession.storage.operations.progress import record_progress
from worksession.storage.operations.removal import remove_with_snapshot, restore_snapshot
from worksession.storage.operations.removal_effects import removal_effects
from worksession.storage.operations.review import review_overview, update_review
from worksession.storage.operations.sessions import get_session


@pytest.fixture
def follow_up(db: Database) -> FollowUp:
    return unreported_follow_up(db)


def _table(db: Database) -> list[tuple[object, ...]]:
    return raw_rows(db, "SELECT * FROM agreement_review ORDER BY id")


def test_the_overview_holds_every_carried_agreement_with_its_status_then(
    db: Database, follow_up: FollowUp
) -> None:
    overview = review_overview(db=db, session_id=follow_up.session_id)
    assert overview.origin is not None
    assert overview.origin.version == follow_up.version
    assert overview.origin.fingerprint == follow_up.fingerprint
    # In the signed plan's order, numbered as it prints them.
    numbered = [(item.number, item.key) for item in overview.items]
    assert numbered[:3] == [
        ("A1", "a-wegwijzer"), ("A2", "a-signaleren-eenzaamheid"), ("A3", "a-maatjes")
    ]  # fmt: skip
    assert len(numbered) == 8
    wegwijzer = overview.items[0]
    assert wegwijzer.status_then == "in_progress"
    assert wegwijzer.status_now == "in_progress"  # nobody reported: the status then
    assert not wegwijzer.status_recorded and not wegwijzer.reviewed and not wegwijzer.adjusted
    assert wegwijzer.signed is not None
    assert wegwijzer.signed.lead == "Wendy Pelzer" == wegwijzer.current.lead


def test_the_status_now_defaults_to_the_latest_progress_report(
    db: Database, follow_up: FollowUp
) -> None:
    date = get_session(db=db, session_id=follow_up.first_id).date
    assert date is not None
    record_progress(
        db=db, session_id=follow_up.first_id, agreement_key="a-maatjes", status="in_progress",
        on=date.replace(month=date.month % 12 + 1),
    )  # fmt: skip
    record_progress(
        db=db, session_id=follow_up.first_id, agreement_key="a-maatjes", status="done",
        on=date.replace(month=date.month % 12 + 2),
    )  # fmt: skip
    maatjes = review_overview(db=db, session_id=follow_up.session_id).items[2]
    assert (maatjes.status_then, maatjes.status_now) == ("open", "done")
    update_review(db=db, review_id=maatjes.review_id, status_now="in_progress")
    maatjes = review_overview(db=db, session_id=follow_up.session_id).items[2]
    assert maatjes.status_now == "in_progress" and maatjes.status_recorded


def test_a_review_is_recorded_and_undone_by_writing_the_old_values_back(
    db: Database, follow_up: FollowUp
) -> None:
    item = review_overview(db=db, session_id=follow_up.session_id).items[0]
    before = _table(db)
    update_review(
        db=db, review_id=item.review_id, status_now="done", what_happened="Vraag staat in HIS.",
        indicator_seen="partly", evidence="3 van 5 praktijken", decision="completed",
    )  # fmt: skip
    done = review_overview(db=db, session_id=follow_up.session_id).items[0]
    assert (done.status_now, done.indicator_seen, done.decision) == ("done", "partly", "completed")
    assert done.what_happened == "Vraag staat in HIS." and done.reviewed
    update_review(
        db=db, review_id=item.review_id, status_now=None, what_happened="",
        indicator_seen=None, evidence="", decision=None,
    )  # fmt: skip
    assert _table(db) == before


@pytest.mark.parametrize(
    ("changes", "path"),
    [
        ({"status_now": "bezig"}, "agreement_review.status_now"),
        ({"indicator_seen": "misschien"}, "agreement_review.indicator_seen"),
        ({"decision": "stoppen"}, "agreement_review.decision"),
        ({"what_happened": "x" * 10_001}, "agreement_review.what_happened"),
        ({"evidence": 3}, "agreement_review.evidence"),
        ({"decision": "stop", "status_now": "later"}, "agreement_review.status_now"),
    ],
)
def test_a_refused_value_names_the_field_and_writes_nothing(
    db: Database, follow_up: FollowUp, changes: dict[str, object], path: str
) -> None:
    item = review_overview(db=db, session_id=follow_up.session_id).items[0]
    before = _table(db)
    with pytest.raises(ValidationError) as refused:
        update_review(db=db, review_id=item.review_id, **changes)  # type: ignore[arg-type]
    assert refused.value.path == path
    assert _table(db) == before


def test_an_unknown_review_is_not_found_and_nothing_is_written(
    db: Database, follow_up: FollowUp
) -> None:
    before = _table(db)
    with pytest.raises(NotFound):
        update_review(db=db, review_id=9999, decision="stop")
    assert _table(db) == before


def test_adjusting_the_copy_keeps_the_signed_wording(db: Database, follow_up: FollowUp) -> None:
    item = review_overview(db=db, session_id=follow_up.session_id).items[2]
    update_agreement(db=db, agreement_id=item.agreement_id, what="Maatjes voor 20 ouderen.")
    update_review(db=db, review_id=item.review_id, decision="adjust")
    adjusted = review_overview(db=db, session_id=follow_up.session_id).items[2]
    assert adjusted.adjusted
    assert adjusted.current.what == "Maatjes voor 20 ouderen."
    assert adjusted.signed is not None and adjusted.signed.what == item.current.what


def test_a_session_without_an_origin_reviews_nothing(db: Database, follow_up: FollowUp) -> None:
    overview = review_overview(db=db, session_id=follow_up.first_id)
    assert overview.origin is None and overview.items == ()


def test_removing_a_carried_agreement_says_its_review_goes_and_undo_brings_both_back(
    db: Database, follow_up: FollowUp
) -> None:
    item = review_overview(db=db, session_id=follow_up.session_id).items[0]
    update_review(db=db, review_id=item.review_id, decision="continue", evidence="6 praktijken")
    effects = removal_effects(db=db, model=Agreement, row_id=item.agreement_id)
    assert [c.message for c in effects.consequences] == [
        "de terugblik op deze afspraak in de vervolgbijeenkomst vervalt"
    ]
    before = _table(db)
    snapshot = remove_with_snapshot(db=db, model=Agreement, row_id=item.agreement_id)
    assert [i.key for i in review_overview(db=db, session_id=follow_up.session_id).items].count(
        item.key
    ) == 0
    restore_snapshot(db=db, snapshot=snapshot)
    assert _table(db) == before
