"""Refused values are named by the field's label as on screen, never by an internal path."""

from __future__ import annotations

import pytest

from worksession.domain.field_labels import FIELD_LABELS, label_of, user_message
from worksession.domain.validation import (
    LONG_TEXT_MAX,
    SHORT_TEXT_MAX,
    SPECS,
    ValidationError,
    clean,
    text_limit,
)

# Fields no window lets the coach type into: set by the app itself.
NOT_ON_SCREEN = {"session.programme", "step_timing.actual_seconds", "step_timing.extra_minutes"}


def _refusal(record: str, changes: dict[str, object]) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        clean(record, changes)
    return caught.value


def test_an_empty_title_is_named_as_on_screen() -> None:
    message = user_message(_refusal("session", {"title": "  "}))
    assert message == "Titel: mag niet leeg zijn"


def test_an_over_long_name_is_named_as_on_screen() -> None:
    message = user_message(_refusal("participant", {"name": "x" * 330}))
    assert message.startswith("Naam: is 330 tekens lang")
    assert "participant." not in message


def test_a_record_named_by_its_message_stands_alone() -> None:
    message = user_message(ValidationError("relation", "deze relatie bestaat al"))
    assert message == "deze relatie bestaat al"


def test_the_vote_settings_are_named_as_on_screen() -> None:
    message = user_message(ValidationError("vote_round.mode", "er zijn al 3 stembriefjes"))
    assert not message.startswith("vote_round")
    assert message.startswith(label_of("vote_round.mode") or "?")


def test_a_line_of_a_pasted_list_is_named_in_words() -> None:
    message = user_message(ValidationError("line 3", "Naam: mag niet leeg zijn"))
    assert message == "Regel 3: Naam: mag niet leeg zijn"


@pytest.mark.parametrize(
    "path",
    [f"{record}.{field}" for record, fields in SPECS.items() for field in fields],
)
def test_every_field_the_coach_edits_has_a_label(path: str) -> None:
    if path in NOT_ON_SCREEN:
        return
    assert FIELD_LABELS.get(path), f"{path} has no label: the window would show the path"


def test_the_limits_the_fields_stop_at_are_the_rules_limits() -> None:
    assert text_limit("participant", "name") == SHORT_TEXT_MAX
    assert text_limit("agreement", "what") == LONG_TEXT_MAX
    assert text_limit("theme", "votes") is None  # a number, not a text
    assert text_limit("participant", "nothing") is None
