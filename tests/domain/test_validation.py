"""Field rules: each rejected value names its record, field and what is wrong."""

from __future__ import annotations

import datetime as dt

import pytest

from worksession.domain.validation import LONG_TEXT_MAX, SHORT_TEXT_MAX, ValidationError, clean


def test_clean_normalises_short_text_and_dates() -> None:
    cleaned = clean("session", {"title": "  Werksessie  ", "date": "2026-03-12"})
    assert cleaned == {"title": "Werksessie", "date": dt.date(2026, 3, 12)}


def test_long_text_keeps_its_layout() -> None:
    assert clean("casus", {"text": "  eerste regel\n\ntweede  "}) == {
        "text": "  eerste regel\n\ntweede  "
    }


@pytest.mark.parametrize(
    ("record", "changes", "path", "fragment"),
    [
        ("session", {"title": "   "}, "session.title", "must not be empty"),
        ("session", {"colour": "red"}, "session.colour", "unknown field"),
        ("session", {"variant": "online"}, "session.variant", "'online' is not one of"),
        ("session", {"date": "12-03-2026"}, "session.date", "is not a date"),
        ("session", {"accredited": "ja"}, "session.accredited", "expected yes/no"),
        ("stakeholder", {"influence": 6}, "stakeholder.influence", "6 is outside 1–5"),
        ("stakeholder", {"interest": True}, "stakeholder.interest", "expected a whole number"),
        ("participant", {"name": 42}, "participant.name", "expected text"),
        ("participant", {"role": "x" * (SHORT_TEXT_MAX + 1)}, "participant.role", "at most 200"),
        ("agreement", {"what": "x" * (LONG_TEXT_MAX + 1)}, "agreement.what", "at most 10000"),
        ("agreement", {"status": "klaar"}, "agreement.status", "'klaar' is not one of"),
    ],
)
def test_rejections_name_the_field(
    record: str, changes: dict[str, object], path: str, fragment: str
) -> None:
    from worksession.i18n import set_language

    set_language("en")
    with pytest.raises(ValidationError) as caught:
        clean(record, changes)
    assert caught.value.path == path
    assert fragment in caught.value.message


def test_rank_may_be_cleared_but_a_date_string_must_parse() -> None:
    assert clean("theme", {"rank": None}) == {"rank": None}
    assert clean("follow_up", {"evaluation": None}) == {"evaluation": None}


def test_a_session_title_cannot_carry_a_fingerprint_code() -> None:
    """``verify`` prints the title before the plan's codes: a title with one could put another
    plan's code first on that line."""
    with pytest.raises(ValidationError) as caught:
        clean("session", {"title": "Plan version 1 SHA256:abc"})
    assert caught.value.path == "session.title"
    assert clean("session", {"title": "Samen gezond in Kaalheide"})["title"]
