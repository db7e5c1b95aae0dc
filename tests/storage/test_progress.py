"""The progress log between the sessions, on a real database: recording never touches the signed
plan, entries are only added, bad input writes nothing, and the follow-up view's boundaries."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.storage.raw_rows import raw_rows
from worksession.domain.models import Agreement
from worksession.domain.plan import fingerprint
from worksession.domain.progress import DUE, OVERDUE, SILENT
from worksession.domain.validation import ValidationError
from worksession.export.pdf.plan import render_plan
from worksession.programmes.library import load_library
from worksession.storage.backups import make_backup, restore_backup
from worksession.storage.database import Database
from worksession.storage.errors import NotFound
from worksession.storage.opening import open_database
from worksession.storage.operations.agreements import (
    add_agreement,
    list_agreements,
    update_agreement,
)
from worksession.storage.operations.people import add_participant, list_participants
from worksession.storage.operations.plan import freeze, list_versions, record_decisions, snapshot_of
from worksession.storage.operations.privacy import erase_participant
from worksession.storage.operations.progress import (
    agreements_to_follow,
    current_statuses,
    progress_log,
    record_progress,
)
from worksession.storage.operations.removal import remove_with_snapshot, restore_snapshot
from worksession.storage.operations.removal_effects import removal_effects
from worksession.storage.operations.sessions import create_session, delete_session, get_session
from worksession.workflows.demo import create_demo_session
from worksession.workflows.plan_archive import check_plan_file
from worksession.workflows.plan_export import plan_payload

SIGNED = dt.datetime(2026, 3, 20, 16, 0, tzinfo=dt.UTC)  # the demo's plan is signed off then


@pytest.fixture
def demo(db: Database) -> int:
    session = create_demo_session(db=db, library=load_library())
    assert session.id is not None
    return session.id


def _sign_off(db: Database, session_id: int) -> None:
    version = freeze(db=db, session_id=session_id)
    present = [p["key"] for p in snapshot_of(version)["participants"] if p["present"]]
    record_decisions(
        db=db, session_id=session_id, version=version.number, participants=present,
        decision="agreed", decided_at=SIGNED,
    )  # fmt: skip
    assert get_session(db=db, session_id=session_id).status == "signed_off"


def _rows(db: Database) -> int:
    ((count,),) = raw_rows(db, "SELECT count(*) FROM agreement_progress")
    return int(str(count))


def test_recording_progress_leaves_the_signed_plan_signed_and_untouched(
    db: Database, demo: int
) -> None:
    _sign_off(db, demo)
    (version,) = list_versions(db=db, session_id=demo)
    signed_pdf = render_plan(plan_payload(db=db, session_id=demo))
    agreements = {a.key: (a.status, a.what, a.due) for a in list_agreements(db=db, session_id=demo)}

    record_progress(
        db=db, session_id=demo, agreement_key="a-wegwijzer", status="done",
        note="De wegwijzer ligt bij alle huisartsen.", on="2026-05-02", reported_by="Wendy Pelzer",
    )  # fmt: skip
    record_progress(db=db, session_id=demo, agreement_key="a-maatjes", status="dropped")

    assert get_session(db=db, session_id=demo).status == "signed_off"
    (still,) = list_versions(db=db, session_id=demo)
    assert (still.sha256, still.snapshot) == (version.sha256, version.snapshot)
    assert fingerprint(snapshot_of(still)) == version.sha256
    assert {
        a.key: (a.status, a.what, a.due) for a in list_agreements(db=db, session_id=demo)
    } == agreements  # the plan's own status stays what was agreed
    assert freeze(db=db, session_id=demo).id == version.id  # nothing new to freeze
    # The PDF signed before still verifies, against the archive too, and is drawn anew alike.
    check = check_plan_file(signed_pdf, db)
    assert check.exit_code == 0, check.lines
    assert check.verdict.signed_off
    assert render_plan(plan_payload(db=db, session_id=demo)) == signed_pdf


def test_the_status_now_is_the_latest_entry_else_the_plans(db: Database, demo: int) -> None:
    record_progress(
        db=db, session_id=demo, agreement_key="a-maatjes", status="done", on="2026-06-01"
    )
    # Recorded later, but about an earlier day: it does not overrule the later report.
    record_progress(
        db=db, session_id=demo, agreement_key="a-maatjes", status="in_progress", on="2026-05-01"
    )
    record_progress(db=db, session_id=demo, agreement_key="a-beweeggroep", status="in_progress",
                    on="2026-05-01")  # fmt: skip
    record_progress(db=db, session_id=demo, agreement_key="a-beweeggroep", status="dropped",
                    on="2026-05-01")  # fmt: skip
    statuses = current_statuses(db=db, session_id=demo)
    assert statuses["a-maatjes"] == "done"
    assert statuses["a-beweeggroep"] == "dropped"  # same day: the one recorded last
    assert statuses["a-wegwijzer"] == "in_progress"  # no entry: the plan's status
    log = progress_log(db=db, session_id=demo, agreement_key="a-maatjes")
    assert [(e.date.isoformat(), e.status) for e in log] == [
        ("2026-05-01", "in_progress"),
        ("2026-06-01", "done"),
    ]
    assert len(progress_log(db=db, session_id=demo)) == 4


def test_the_date_is_today_unless_given_and_the_time_is_utc(db: Database, demo: int) -> None:
    entry = record_progress(db=db, session_id=demo, agreement_key="a-maatjes", status="open")
    assert entry.date == dt.date.today()
    (stored,) = progress_log(db=db, session_id=demo)
    moment = stored.recorded_at.replace(tzinfo=stored.recorded_at.tzinfo or dt.UTC)
    assert abs(dt.datetime.now(dt.UTC) - moment) < dt.timedelta(minutes=5)


def test_a_participant_reporting_is_linked_and_named_as_in_the_session(
    db: Database, demo: int
) -> None:
    by_mail = record_progress(
        db=db, session_id=demo, agreement_key="a-wegwijzer", status="done",
        reported_by="  WENDY PELZER ",
    )  # fmt: skip
    stranger = record_progress(
        db=db, session_id=demo, agreement_key="a-wegwijzer", status="done",
        reported_by="Nieuwe wijkverpleegkundige",
    )  # fmt: skip
    assert by_mail.reported_by == "Wendy Pelzer"
    assert stranger.reported_by == "Nieuwe wijkverpleegkundige"
    links = raw_rows(
        db,
        "SELECT reported_by, reporter_participant_id IS NOT NULL FROM agreement_progress "
        "ORDER BY id",
    )
    assert links == [("Wendy Pelzer", True), ("Nieuwe wijkverpleegkundige", False)]


@pytest.mark.parametrize(
    ("changes", "path", "fragment"),
    [
        ({"agreement_key": "a-bestaat-niet"}, "agreement_progress.agreement", "a-wegwijzer"),
        ({"status": "klaar"}, "agreement_progress.status", "'klaar'"),
        ({"status": ""}, "agreement_progress.status", ""),
        ({"on": "2026-02-30"}, "agreement_progress.date", "2026-02-30"),
        ({"on": "morgen"}, "agreement_progress.date", "morgen"),
        ({"on": "2026-03-11"}, "agreement_progress.date", "2026-03-12"),  # before the session
        ({"note": "x" * 10_001}, "agreement_progress.note", "10001"),
        ({"reported_by": "y" * 201}, "agreement_progress.reported_by", "201"),
    ],
)
def test_bad_input_is_refused_naming_the_field_and_nothing_is_written(
    db: Database, demo: int, changes: dict[str, str], path: str, fragment: str
) -> None:
    arguments: dict[str, str] = {"agreement_key": "a-wegwijzer", "status": "done"} | changes
    stamp = get_session(db=db, session_id=demo).updated_at
    with pytest.raises(ValidationError) as caught:
        record_progress(db=db, session_id=demo, **arguments)
    assert caught.value.path == path
    assert fragment in caught.value.message
    assert _rows(db) == 0
    assert get_session(db=db, session_id=demo).updated_at == stamp


def test_an_unknown_session_is_not_found_and_nothing_is_written(db: Database, demo: int) -> None:
    with pytest.raises(NotFound):
        record_progress(db=db, session_id=demo + 1, agreement_key="a-maatjes", status="done")
    assert _rows(db) == 0


def test_an_agreement_of_another_session_is_not_one_of_this_session(
    db: Database, demo: int
) -> None:
    other = create_session(db=db, title="Leeg", wijk="Elders")
    assert other.id is not None
    with pytest.raises(ValidationError, match="geen afspraken"):
        record_progress(db=db, session_id=other.id, agreement_key="a-maatjes", status="done")
    assert _rows(db) == 0


def test_erasing_the_reporter_blanks_their_name_and_keeps_the_entry(
    db: Database, demo: int
) -> None:
    person = add_participant(db=db, session_id=demo, name="Xandra Quirijnen")
    assert person.id is not None
    record_progress(db=db, session_id=demo, agreement_key="a-maatjes", status="in_progress",
                    note="Twee maatjes gekoppeld", reported_by="Xandra Quirijnen")  # fmt: skip
    record_progress(db=db, session_id=demo, agreement_key="a-maatjes", status="done",
                    reported_by="Wendy Pelzer")  # fmt: skip
    erase_participant(db=db, participant_id=person.id)
    log = progress_log(db=db, session_id=demo)
    assert [(e.reported_by, e.note, e.status) for e in log] == [
        ("", "Twee maatjes gekoppeld", "in_progress"),
        ("Wendy Pelzer", "", "done"),
    ]
    if db.path is not None:  # an SQLite file overwrites what was erased (secure_delete)
        assert b"Xandra Quirijnen" not in db.path.read_bytes()


def test_removing_an_agreement_keeps_its_log_and_undo_links_it_again(
    db: Database, demo: int
) -> None:
    agreement = next(a for a in list_agreements(db=db, session_id=demo) if a.key == "a-maatjes")
    assert agreement.id is not None
    record_progress(db=db, session_id=demo, agreement_key="a-maatjes", status="in_progress")
    snapshot = remove_with_snapshot(db=db, model=Agreement, row_id=agreement.id)
    assert [e.agreement_key for e in progress_log(db=db, session_id=demo)] == ["a-maatjes"]
    restore_snapshot(db=db, snapshot=snapshot)
    assert current_statuses(db=db, session_id=demo)["a-maatjes"] == "in_progress"
    assert raw_rows(db, "SELECT agreement_id FROM agreement_progress") == [(agreement.id,)]


def test_deleting_the_session_removes_its_log(db: Database, demo: int) -> None:
    record_progress(db=db, session_id=demo, agreement_key="a-maatjes", status="in_progress")
    delete_session(db=db, session_id=demo, retention_days=30)
    assert _rows(db) == 0


# The follow-up view. The demo's plan is signed off on 2026-03-20; its agreements' dates run
# from 2026-04-15 (a-wegwijzer) to 2026-09-01 (a-beweeggroep).


def _reasons(db: Database, today: str, **options: int) -> dict[str, tuple[str, ...]]:
    items = agreements_to_follow(db=db, today=dt.date.fromisoformat(today), **options)
    return {item.agreement.agreement_key: item.reasons for item in items}


def test_a_session_whose_plan_was_never_frozen_is_not_followed(db: Database, demo: int) -> None:
    assert agreements_to_follow(db=db, today=dt.date(2026, 4, 15)) == []


def test_due_today_and_in_exactly_four_weeks_both_count_one_day_more_does_not(
    db: Database, demo: int
) -> None:
    _sign_off(db, demo)
    # a-signaleren-eenzaamheid is due 2026-04-30; four weeks before is 2026-04-02.
    key = "a-signaleren-eenzaamheid"
    assert _reasons(db, "2026-04-30")[key] == (DUE,)
    assert _reasons(db, "2026-04-02")[key] == (DUE,)
    assert key not in _reasons(db, "2026-04-01")
    # a-wegwijzer is due 2026-04-15; with --weeks 3 from 2026-03-25 on.
    assert _reasons(db, "2026-03-21")["a-wegwijzer"] == (DUE,)
    assert "a-wegwijzer" not in _reasons(db, "2026-03-21", weeks=3)
    assert _reasons(db, "2026-03-25", weeks=3)["a-wegwijzer"] == (DUE,)  # exactly 3 weeks
    assert "a-wegwijzer" not in _reasons(db, "2026-03-24", weeks=3)  # 3 weeks and a day


def test_the_day_after_the_date_it_is_overdue_until_done(db: Database, demo: int) -> None:
    _sign_off(db, demo)
    assert _reasons(db, "2026-04-16")["a-wegwijzer"] == (OVERDUE,)
    record_progress(db=db, session_id=demo, agreement_key="a-wegwijzer", status="done",
                    on="2026-04-16")  # fmt: skip
    assert "a-wegwijzer" not in _reasons(db, "2026-04-16")
    record_progress(db=db, session_id=demo, agreement_key="a-maatjes", status="dropped",
                    on="2026-04-16")  # fmt: skip
    assert "a-maatjes" not in _reasons(db, "2026-07-01")


def test_eight_weeks_without_news_is_silent_one_day_less_is_not(db: Database, demo: int) -> None:
    _sign_off(db, demo)
    # a-beweeggroep is due 2026-09-01: neither due nor overdue in May.
    assert "a-beweeggroep" not in _reasons(db, "2026-05-14")  # 7 weeks and 6 days
    assert _reasons(db, "2026-05-15")["a-beweeggroep"] == (SILENT,)  # 8 weeks after sign-off
    record_progress(db=db, session_id=demo, agreement_key="a-beweeggroep", status="in_progress",
                    on="2026-05-10")  # fmt: skip
    assert "a-beweeggroep" not in _reasons(db, "2026-07-04")
    assert _reasons(db, "2026-07-05")["a-beweeggroep"] == (SILENT,)  # 8 weeks after the news


def test_overdue_and_silent_together_sorted_by_date(db: Database, demo: int) -> None:
    _sign_off(db, demo)
    items = agreements_to_follow(db=db, today=dt.date(2026, 7, 1))
    dates = [item.date for item in items]
    assert dates == sorted(dates)
    # Silent only: sorted by its last news, the sign-off.
    assert (items[0].agreement.agreement_key, items[0].reasons) == ("a-beweeggroep", (SILENT,))
    assert items[0].date == dt.date(2026, 3, 20)
    late = next(item for item in items if item.agreement.agreement_key == "a-wegwijzer")
    assert late.reasons == (OVERDUE, SILENT) and late.date == dt.date(2026, 4, 15)
    assert late.agreement.lead == "Wendy Pelzer"
    assert late.agreement.wijk == "Kaalheide"
    assert late.agreement.status == "in_progress"


def test_a_plan_date_moved_in_a_later_draft_is_followed_with_the_new_date(
    db: Database, demo: int
) -> None:
    _sign_off(db, demo)
    agreement = next(a for a in list_agreements(db=db, session_id=demo) if a.key == "a-wegwijzer")
    assert agreement.id is not None
    update_agreement(db=db, agreement_id=agreement.id, due=dt.date(2026, 12, 1))
    assert "a-wegwijzer" not in _reasons(db, "2026-04-16")
    assert list_participants(db=db, session_id=demo)  # the session is still whole


def test_removing_an_agreement_with_progress_says_its_reports_stay(db: Database, demo: int) -> None:
    agreement = next(a for a in list_agreements(db=db, session_id=demo) if a.key == "a-maatjes")
    assert agreement.id is not None
    record_progress(db=db, session_id=demo, agreement_key="a-maatjes", status="in_progress")
    record_progress(db=db, session_id=demo, agreement_key="a-maatjes", status="done")
    effects = removal_effects(db=db, model=Agreement, row_id=agreement.id)
    assert [c.message for c in effects.consequences] == [
        "2 voortgangsmeldingen erover blijven bewaard, onder de sleutel van de afspraak"
    ]


def test_a_new_agreement_with_a_removed_ones_key_does_not_take_over_its_log(
    db: Database, demo: int
) -> None:
    old = next(a for a in list_agreements(db=db, session_id=demo) if a.key == "a-maatjes")
    assert old.id is not None
    record_progress(db=db, session_id=demo, agreement_key="a-maatjes", status="dropped")
    remove_with_snapshot(db=db, model=Agreement, row_id=old.id)
    new = add_agreement(db=db, session_id=demo, what="Maatjes")
    assert new.key == "a-maatjes"
    assert current_statuses(db=db, session_id=demo)["a-maatjes"] == "open"
    assert progress_log(db=db, session_id=demo, agreement_key="a-maatjes") == []
    (kept,) = progress_log(db=db, session_id=demo)
    assert (kept.agreement_key, kept.agreement_id, kept.status) == ("a-maatjes", None, "dropped")


def test_a_restored_backup_loses_the_name_of_a_reporter_erased_after_it(tmp_path: Path) -> None:
    path = tmp_path / "werk.sqlite3"
    db = open_database(path)
    session = create_session(db=db, title="Wijkgesprek", wijk="Heerlen-Noord")
    assert session.id is not None
    agreement = add_agreement(db=db, session_id=session.id, what="Eén loket")
    person = add_participant(db=db, session_id=session.id, name="Xandra Quirijnen")
    assert person.id is not None
    record_progress(db=db, session_id=session.id, agreement_key=agreement.key,
                    status="in_progress", reported_by="Xandra Quirijnen")  # fmt: skip
    backup = make_backup(path, label="manual", retention_days=365)
    erase_participant(db=db, participant_id=person.id)
    db.close()
    restore_backup(path, backup.path, retention_days=365)
    reopened = open_database(path)
    try:
        (entry,) = progress_log(db=reopened, session_id=session.id)
    finally:
        reopened.close()
    assert (entry.reported_by, entry.status) == ("", "in_progress")
    assert b"Xandra Quirijnen" not in path.read_bytes()
