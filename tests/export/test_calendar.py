"""The session's calendar files, read back by icalendar as a calendar program would: the plan's
dates as all-day events and the session as an invitation, both with UIDs that stay the same
export after export and a SEQUENCE that rises with the session's changes."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from tests.export.demo_document import demo_document
from worksession.domain.interchange import Document
from worksession.export.calendar import (
    CalendarIdentity,
    invitation_calendar_bytes,
    plan_calendar_bytes,
)
from worksession.export.programme_sheet import ProgrammeSheet, SheetStep

CHANGED = dt.datetime(2026, 3, 12, 17, 45, 3, 120000, tzinfo=dt.UTC)
IDENTITY = CalendarIdentity("session-7-20260301T091500", CHANGED)


def _events(data: bytes) -> dict[str, dict[str, object]]:
    calendar = Calendar.from_ical(data)
    return {
        str(event["UID"]): {
            "start": event.start,
            "end": event.end,
            "summary": str(event["SUMMARY"]),
            "sequence": int(event["SEQUENCE"]),
            "stamp": event["DTSTAMP"].dt,
        }
        for event in calendar.events
    }


def test_the_plans_dates_are_all_day_events() -> None:
    document = demo_document()
    events = _events(
        plan_calendar_bytes(document, IDENTITY, follow_up_session=dt.date(2026, 9, 24))
    )
    dated = [a for a in document["agreements"] if a.get("due")]
    assert len(events) == 3 + len(dated)
    meeting = events["next-meeting.session-7-20260301T091500@worksession"]
    assert meeting["start"] == dt.date(2026, 5, 14) and meeting["end"] == dt.date(2026, 5, 15)
    assert meeting["summary"] == "Werkgroepoverleg: Kaalheide"
    evaluation = events["evaluation.session-7-20260301T091500@worksession"]
    assert evaluation["start"] == dt.date(2026, 9, 10)
    follow_up = events["follow-up-session.session-7-20260301T091500@worksession"]
    assert follow_up["start"] == dt.date(2026, 9, 24)
    for agreement in dated:
        event = events[f"agreement-{agreement['key']}.session-7-20260301T091500@worksession"]
        assert event["start"] == dt.date.fromisoformat(agreement["due"])
        assert not isinstance(event["start"], dt.datetime)  # a day, not a moment
    assert all(event["stamp"] == CHANGED.replace(microsecond=0) for event in events.values())


def test_the_same_session_gives_the_same_file_and_another_session_other_uids() -> None:
    document = demo_document()
    first = plan_calendar_bytes(document, IDENTITY)
    assert plan_calendar_bytes(demo_document(), IDENTITY) == first
    other = CalendarIdentity("session-8-20260301T091500", CHANGED)
    assert not set(_events(first)) & set(_events(plan_calendar_bytes(document, other)))


def test_a_later_change_raises_the_sequence_and_keeps_the_uids() -> None:
    document = demo_document()
    before = _events(plan_calendar_bytes(document, IDENTITY))
    document["agreements"][0]["due"] = "2026-12-01"
    later = CalendarIdentity(IDENTITY.session, CHANGED + dt.timedelta(seconds=5))
    after = _events(plan_calendar_bytes(document, later))
    assert set(after) == set(before)
    assert all(after[uid]["sequence"] > before[uid]["sequence"] for uid in before)
    moved = f"agreement-{document['agreements'][0]['key']}.{IDENTITY.session}@worksession"
    assert after[moved]["start"] == dt.date(2026, 12, 1)


def test_dates_not_set_make_no_events() -> None:
    document: Document = {"format": "worksession/1", "session": {"title": "Zonder data"}}
    document["agreements"] = [{"key": "a-1", "what": "Iets", "due": None}]
    assert _events(plan_calendar_bytes(document, IDENTITY)) == {}


def _sheet(**changes: object) -> ProgrammeSheet:
    sheet = ProgrammeSheet(
        title="Werksessie Kaalheide",
        programme_title="Werksessie",
        steps=(SheetStep("Welkom & doel", 15), SheetStep("Sociale kaart", 220)),
        start=dt.time(13, 30),
        date=dt.date(2027, 3, 8),
        location="Buurthuis De Mijnlamp",
    )
    return replace(sheet, **changes)  # type: ignore[arg-type]


def test_the_invitation_is_one_event_under_the_sessions_identity() -> None:
    data = invitation_calendar_bytes(_sheet(), IDENTITY, description="Uitnodiging: één dagdeel")
    (event,) = Calendar.from_ical(data).events
    assert str(event["UID"]) == "invitation.session-7-20260301T091500@worksession"
    assert int(event["SEQUENCE"]) == IDENTITY.sequence
    assert event["DTSTAMP"].dt == CHANGED.replace(microsecond=0)  # the change, not the export
    assert event.start == dt.datetime(2027, 3, 8, 13, 30, tzinfo=ZoneInfo("Europe/Amsterdam"))
    assert event.start.utcoffset() == dt.timedelta(hours=1)  # Dutch winter time
    assert event.end == dt.datetime(2027, 3, 8, 17, 25, tzinfo=ZoneInfo("Europe/Amsterdam"))
    assert str(event["LOCATION"]) == "Buurthuis De Mijnlamp"
    assert str(event["DESCRIPTION"]) == "Uitnodiging: één dagdeel"
    assert str(event["TRANSP"]) == "OPAQUE"  # the afternoon is taken
    # The same session and text: the same bytes, whenever it is saved.
    again = invitation_calendar_bytes(_sheet(), IDENTITY, description="Uitnodiging: één dagdeel")
    assert again == data


def test_a_later_invitation_updates_the_event_and_collides_with_no_other() -> None:
    first = invitation_calendar_bytes(_sheet(), IDENTITY, description="")
    later = CalendarIdentity(IDENTITY.session, CHANGED + dt.timedelta(minutes=3))
    moved = invitation_calendar_bytes(_sheet(start=None), later, description="")
    (before,) = Calendar.from_ical(first).events
    (after,) = Calendar.from_ical(moved).events
    assert after["UID"] == before["UID"]
    assert int(after["SEQUENCE"]) > int(before["SEQUENCE"])
    assert after.start == dt.date(2027, 3, 8) and after.end == dt.date(2027, 3, 9)  # all day
    plan = _events(
        plan_calendar_bytes(demo_document(), IDENTITY, follow_up_session=dt.date(2026, 9, 24))
    )
    assert str(before["UID"]) not in plan  # apart from the plan's dates
    laptop = CalendarIdentity("session-7-20260415T140000", CHANGED)  # another laptop's session 7
    elsewhere = invitation_calendar_bytes(_sheet(), laptop, description="")
    assert [str(event["UID"]) for event in Calendar.from_ical(elsewhere).events] == [
        "invitation.session-7-20260415T140000@worksession"
    ]


def test_an_invitation_without_a_date_is_refused() -> None:
    with pytest.raises(ValueError):
        invitation_calendar_bytes(_sheet(date=None), IDENTITY, description="")
