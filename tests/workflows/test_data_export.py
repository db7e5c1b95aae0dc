"""A session's data exports from the database: the calendar's UIDs stay, its SEQUENCE rises with
each change, and the follow-up session's date is in the first session's calendar."""

from __future__ import annotations

import datetime as dt
import io
import time
from pathlib import Path

import pytest
from icalendar import Calendar
from openpyxl import load_workbook

from tests.following import make_follow_up
from worksession.programmes.library import load_library
from worksession.storage.database import Database
from worksession.storage.operations.agreements import list_agreements, update_agreement
from worksession.storage.operations.sessions import get_session, update_session
from worksession.workflows.data_export import (
    ExportKind,
    calendar_identity,
    export_bytes,
    write_data_export,
)
from worksession.workflows.demo import create_demo_session
from worksession.workflows.export_targets import RefusedTarget


def _demo(db: Database) -> int:
    session = create_demo_session(db=db, library=load_library())
    assert session.id is not None
    return session.id


def _calendar(db: Database, session_id: int) -> dict[str, tuple[int, object]]:
    data = export_bytes(db=db, session_id=session_id, kind=ExportKind.ICS)
    return {
        str(event["UID"]): (int(event["SEQUENCE"]), event.start)
        for event in Calendar.from_ical(data).events
    }


def test_the_calendar_is_the_same_until_the_session_changes(db: Database) -> None:
    session_id = _demo(db)
    first = export_bytes(db=db, session_id=session_id, kind=ExportKind.ICS)
    assert export_bytes(db=db, session_id=session_id, kind=ExportKind.ICS) == first
    identity = calendar_identity(db=db, session_id=session_id)
    # The session's identity, which travels with it: another laptop's calendar has the same.
    assert identity.session == f"session-{get_session(db=db, session_id=session_id).uuid}"


def _next_second() -> None:
    """Wait for the clock's next second: SEQUENCE counts the session's changes to the second
    (a coach does not change a date and export again within one)."""
    start = int(time.time())
    while int(time.time()) == start:
        time.sleep(0.02)


def test_moving_a_due_date_raises_the_sequence_under_the_same_uid(db: Database) -> None:
    session_id = _demo(db)
    before = _calendar(db, session_id)
    _next_second()
    agreement = list_agreements(db=db, session_id=session_id)[0]
    assert agreement.id is not None
    update_agreement(db=db, agreement_id=agreement.id, due=dt.date(2026, 11, 30))
    after = _calendar(db, session_id)
    assert set(after) == set(before)  # re-imported, every event is updated, none added
    uid = next(uid for uid in after if uid.startswith(f"agreement-{agreement.key}."))
    assert after[uid][1] == dt.date(2026, 11, 30)
    assert after[uid][0] > before[uid][0]


def test_the_follow_up_sessions_date_is_in_the_first_sessions_calendar(db: Database) -> None:
    first, follow_up = make_follow_up(db)
    assert not any("follow-up-session" in uid for uid in _calendar(db, first))
    update_session(db=db, session_id=follow_up, date=dt.date(2026, 9, 24))
    events = _calendar(db, first)
    (uid,) = [uid for uid in events if uid.startswith("follow-up-session.")]
    assert events[uid][1] == dt.date(2026, 9, 24)


def test_the_workbook_lists_the_progress_log(db: Database) -> None:
    first, _follow_up = make_follow_up(db)
    data = export_bytes(db=db, session_id=first, kind=ExportKind.XLSX)
    sheet = load_workbook(io.BytesIO(data))["Voortgang"]
    assert sheet.max_row == 1 + 3
    assert {row[3].value for row in sheet.iter_rows(min_row=2)} == {"gereed", "bezig", "vervallen"}


def test_the_database_is_refused_before_anything_is_made(db: Database, tmp_path: Path) -> None:
    session_id = _demo(db)
    assert db.path is not None
    before = db.path.read_bytes()
    for kind in ExportKind:
        with pytest.raises(RefusedTarget):
            write_data_export(db=db, session_id=session_id, kind=kind, out=db.path)
    assert db.path.read_bytes() == before
    out = write_data_export(
        db=db, session_id=session_id, kind=ExportKind.CSV, out=tmp_path / "a.csv"
    )
    assert out.read_bytes().startswith(b"\xef\xbb\xbfThema;Nr.;")
