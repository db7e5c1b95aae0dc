"""Each update operation takes the typed changes of its record, and those are the fields the
field rules check: a field added to one but not the other fails here."""

from __future__ import annotations

import typing
from collections.abc import Callable
from typing import Any

import pytest

from worksession.domain.record_changes import CHANGES
from worksession.domain.validation import SPECS, ValidationError
from worksession.storage.database import Database
from worksession.storage.operations import (
    agreements,
    borging,
    casus,
    feedback_forms,
    follow_up,
    lessons,
    notes,
    people,
    referrals,
    review,
    sessions,
    sociale_kaart,
    themes,
    voting,
)

UPDATES: list[tuple[Callable[..., Any], str]] = [
    (sessions.update_session, "session"),
    (casus.update_casus, "casus"),
    (casus.update_key_figure, "figure"),
    (casus.update_insight, "insight"),
    (people.update_participant, "participant"),
    (sociale_kaart.update_stakeholder, "stakeholder"),
    (themes.update_theme, "theme"),
    (themes.update_improvement, "improvement"),
    (agreements.update_agreement, "agreement"),
    (review.update_review, "agreement_review"),
    (referrals.update_referral, "referral"),
    (follow_up.update_follow_up, "follow_up"),
    (notes.update_evaluation, "evaluation"),
    (voting.set_vote_settings, "vote_round"),
    (lessons.update_lesson_card, "lesson_card"),
    (feedback_forms.update_feedback_form, "feedback_form"),
    (borging.set_condition, "condition"),
]


@pytest.mark.parametrize("record", sorted(CHANGES))
def test_changes_are_the_fields_the_rules_check(record: str) -> None:
    typed: Any = CHANGES[record]
    assert set(typed.__annotations__) == set(SPECS[record])
    assert typed.__required_keys__ == frozenset()  # an update changes what it is given


@pytest.mark.parametrize(("operation", "record"), UPDATES, ids=[r for _, r in UPDATES])
def test_the_operation_takes_its_record_s_changes(
    operation: Callable[..., Any], record: str
) -> None:
    hints = typing.get_type_hints(operation)
    assert typing.get_origin(hints["changes"]) is typing.Unpack
    assert typing.get_args(hints["changes"]) == (CHANGES[record],)


def test_every_record_with_changes_has_its_operation() -> None:
    assert {record for _, record in UPDATES} == set(CHANGES)


def test_a_change_the_types_would_refuse_is_still_refused_at_run_time(db: Database) -> None:
    """Values from what the coach types or from a file are not checked by mypy: the field
    rules still refuse them, naming the field, and nothing is written."""
    work_session = sessions.create_session(db=db, title="Kaalheide")
    assert work_session.id is not None
    person = people.add_participant(db=db, session_id=work_session.id, name="An")
    assert person.id is not None
    changes: dict[str, Any] = {"present": "ja"}
    with pytest.raises(ValidationError, match=r"participant\.present"):
        people.update_participant(db=db, participant_id=person.id, **changes)
    unknown: dict[str, Any] = {"colour": "red"}
    with pytest.raises(ValidationError, match=r"participant\.colour"):
        people.update_participant(db=db, participant_id=person.id, **unknown)
    (stored,) = people.list_participants(db=db, session_id=work_session.id)
    assert stored.present is True
