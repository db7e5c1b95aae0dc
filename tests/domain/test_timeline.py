"""The organiser's timeline: each item's date from the session date (days, weeks, calendar
months with their month ends), the order, who arranges it per variant, and when it is late."""

from __future__ import annotations

import datetime as dt

import pytest

from worksession.domain.deadlines import request_deadline, upload_deadline
from worksession.domain.timeline import (
    Arranger,
    OffsetUnit,
    TimelineItem,
    plan_timeline,
    when_text,
)
from worksession.i18n import speaking
from worksession.programmes.library import load_library

SESSION = dt.date(2026, 3, 12)
REQUEST = TimelineItem("accreditatie", "Accreditatie aanvragen", -8, OffsetUnit.WEEKS, Arranger.NHG)
UPLOAD = TimelineItem("presentielijst", "Presentielijst", 2, OffsetUnit.MONTHS, Arranger.NHG)
ROOM = TimelineItem("zaal", "Zaal", -3, OffsetUnit.DAYS)
ON_THE_DAY = TimelineItem("koffie", "Koffie", 0)


@pytest.mark.parametrize(
    ("item", "session", "expected"),
    [
        (REQUEST, SESSION, dt.date(2026, 1, 15)),
        (ROOM, dt.date(2026, 3, 2), dt.date(2026, 2, 27)),  # across a month end
        (ON_THE_DAY, SESSION, SESSION),
        (UPLOAD, dt.date(2026, 12, 31), dt.date(2027, 2, 28)),  # the month's last day
        (UPLOAD, dt.date(2027, 12, 31), dt.date(2028, 2, 29)),  # a leap year
        (TimelineItem("x", "x", -1, OffsetUnit.MONTHS), dt.date(2026, 3, 31), dt.date(2026, 2, 28)),
        (TimelineItem("x", "x", 6, OffsetUnit.MONTHS), dt.date(2026, 8, 31), dt.date(2027, 2, 28)),
    ],
)
def test_an_item_s_date_follows_the_session_date(
    item: TimelineItem, session: dt.date, expected: dt.date
) -> None:
    assert item.day(session) == expected


def test_the_shipped_accreditation_and_upload_items_keep_the_deadlines_rules() -> None:
    """The programme's dates and the deadline warnings must never disagree."""
    for programme in load_library().programmes.values():
        items = {item.id: item for item in programme.timeline}
        assert items, programme.id
        assert items["accreditatie"].day(SESSION) == request_deadline(SESSION)
        assert items["presentielijst"].day(dt.date(2026, 12, 31)) == upload_deadline(
            dt.date(2026, 12, 31)
        )


def test_the_timeline_is_in_date_order_and_without_a_date_in_the_file_s_order() -> None:
    items = (UPLOAD, ROOM, REQUEST, ON_THE_DAY)
    dated = plan_timeline(items, session_date=SESSION, variant="toolkit", done=set())
    assert [entry.item.id for entry in dated] == [
        "accreditatie",
        "zaal",
        "koffie",
        "presentielijst",
    ]
    undated = plan_timeline(items, session_date=None, variant="toolkit", done={"zaal"})
    assert [entry.item.id for entry in undated] == [
        "presentielijst",
        "zaal",
        "accreditatie",
        "koffie",
    ]
    assert all(entry.day is None for entry in undated)
    assert [entry.done for entry in undated] == [False, True, False, False]


def test_the_organiser_arranges_everything_unless_an_nhg_coach_leads() -> None:
    items = (REQUEST, ROOM)
    toolkit = plan_timeline(items, session_date=SESSION, variant="toolkit", done=set())
    assert {entry.who for entry in toolkit} == {Arranger.ORGANISER}
    nhg = plan_timeline(items, session_date=SESSION, variant="nhg_coach", done=set())
    assert [entry.who for entry in nhg] == [Arranger.NHG, Arranger.ORGANISER]


def test_an_item_is_late_after_its_day_and_one_before_the_session_only_until_it_is_held() -> None:
    (request,) = plan_timeline((REQUEST,), session_date=SESSION, variant="toolkit", done=set())
    assert not request.is_late(dt.date(2026, 1, 15))  # due today is not late yet
    assert request.is_late(dt.date(2026, 1, 16))
    assert request.is_late(SESSION)  # the session day itself: still to come
    assert not request.is_late(SESSION + dt.timedelta(days=1))  # held: too late to say so
    (upload,) = plan_timeline((UPLOAD,), session_date=SESSION, variant="toolkit", done=set())
    assert not upload.is_late(dt.date(2026, 5, 12))
    assert upload.is_late(dt.date(2026, 5, 13))
    (ticked,) = plan_timeline(
        (UPLOAD,), session_date=SESSION, variant="toolkit", done={"presentielijst"}
    )
    assert not ticked.is_late(dt.date(2027, 1, 1))


def test_the_offset_in_words() -> None:
    with speaking("nl"):
        assert when_text(REQUEST) == "8 weken vooraf"
        assert when_text(UPLOAD) == "2 maanden na afloop"
        assert when_text(ON_THE_DAY) == "op de dag zelf"
        assert when_text(TimelineItem("x", "x", 1, OffsetUnit.DAYS)) == "1 dag na afloop"
