"""The plan's dates as an iCalendar file, read back by icalendar as a calendar program would:
all-day events with UIDs that stay the same export after export."""

from __future__ import annotations

import datetime as dt

from icalendar import Calendar

from tests.export.demo_document import demo_document
from worksession.domain.interchange import Document
from worksession.export.calendar import CalendarIdentity, plan_calendar_bytes

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
