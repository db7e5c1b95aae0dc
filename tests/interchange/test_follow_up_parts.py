"""The follow-up's parts travel in the ``worksession/1`` document: the signed plan it reviews,
the progress log, the reviews and the lesson cards round-trip through a database; a signed plan
that is not the one its fingerprint names, and reviews of unknown agreements, are refused.

Progress recorded on a signed session is in its document but never in its plan: the signed plan
stays signed, and a re-import carries the log.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
from typing import Any

import pytest

from worksession.domain.interchange import InterchangeError, parse_document
from worksession.domain.plan import fingerprint, plan_snapshot, same_content
from worksession.programmes.library import load_library
from worksession.storage.database import Database
from worksession.storage.document import import_document, read_document
from worksession.storage.operations.plan import freeze, record_decisions, snapshot_of
from worksession.storage.operations.progress import current_statuses, record_progress
from worksession.storage.operations.sessions import get_session
from worksession.workflows.demo import create_demo_session

SIGNED = dt.datetime(2026, 3, 20, 16, 0, tzinfo=dt.UTC)


@pytest.fixture
def signed(db: Database) -> tuple[int, dict[str, Any]]:
    """The demo, frozen and agreed by everyone present: its id and the signed snapshot."""
    session = create_demo_session(db=db, library=load_library())
    assert session.id is not None
    version = freeze(db=db, session_id=session.id)
    snapshot = snapshot_of(version)
    present = [p["key"] for p in snapshot["participants"] if p.get("present")]
    record_decisions(
        db=db, session_id=session.id, version=version.number, participants=present,
        decision="agreed", decided_at=SIGNED,
    )  # fmt: skip
    return session.id, dict(snapshot)


def _follow_up_document(db: Database, session_id: int, plan: dict[str, Any]) -> dict[str, Any]:
    document: dict[str, Any] = copy.deepcopy(dict(read_document(db=db, session_id=session_id)))
    document["session"]["title"] += " — een half jaar later"
    document["session"]["date"] = "2026-10-01"
    keys = [agreement["key"] for agreement in document["agreements"]]
    document["origin"] = {
        "title": plan["session"]["title"],
        "version": plan["version"],
        "fingerprint": fingerprint(plan),
        "plan": plan,
    }
    document["reviews"] = [
        {
            "agreement": keys[0],
            "status_now": "done",
            "what_happened": "Loopt sinds mei",
            "indicator_seen": "partly",
            "evidence": "Zes verwijzingen",
            "decision": "adjust",
        },
        {
            "agreement": keys[1],
            "status_now": None,
            "what_happened": "",
            "indicator_seen": None,
            "evidence": "",
            "decision": None,
        },
    ]
    document["lessons"] = [
        {"kind": "worked", "obstacle": "vaste-contactpersonen", "text": "Eén vast aanspreekpunt"},
        {"kind": "hindered", "obstacle": "", "text": "Wisselende bezetting"},
    ]
    return document


def _reimported(db: Database, document: dict[str, Any]) -> tuple[int, dict[str, Any]]:
    session = import_document(db=db, document=parse_document(json.dumps(document)))
    assert session.id is not None
    return session.id, dict(read_document(db=db, session_id=session.id))


def test_progress_on_a_signed_session_is_in_its_document_not_in_its_plan(
    db: Database, signed: tuple[int, dict[str, Any]]
) -> None:
    session_id, plan = signed
    key = plan["agreements"][0]["key"]
    record_progress(db=db, session_id=session_id, agreement_key=key, status="in_progress",
                    on="2026-05-01", note="Eerste overleg", reported_by="Kees")  # fmt: skip
    document = read_document(db=db, session_id=session_id)
    assert [(e["agreement"], e["status"], e["note"]) for e in document["progress"]] == [
        (key, "in_progress", "Eerste overleg")
    ]
    assert same_content(plan_snapshot(document, plan["version"]), plan)  # type: ignore[arg-type]
    assert get_session(db=db, session_id=session_id).status == "signed_off"

    _, copy_document = _reimported(db, dict(document))
    assert copy_document["progress"] == document["progress"]


def test_the_follow_up_parts_round_trip(db: Database, signed: tuple[int, dict[str, Any]]) -> None:
    session_id, plan = signed
    record_progress(db=db, session_id=session_id, agreement_key=plan["agreements"][0]["key"],
                    status="done", on="2026-09-01", reported_by="Kees")  # fmt: skip
    document = _follow_up_document(db, session_id, plan)
    imported, again = _reimported(db, document)
    for part in ("origin", "reviews", "lessons", "progress"):
        assert again[part] == document[part], part
    # The review links to the imported copy of the agreement; the log's status is its status.
    assert current_statuses(db=db, session_id=imported)[plan["agreements"][0]["key"]] == "done"


def test_the_follow_up_plan_reports_progress_up_to_its_meeting(
    db: Database, signed: tuple[int, dict[str, Any]]
) -> None:
    session_id, plan = signed
    key = plan["agreements"][0]["key"]
    for day in ("2026-09-01", "2026-10-01", "2026-10-02"):
        record_progress(db=db, session_id=session_id, agreement_key=key, status="in_progress",
                        on=day, note=day)  # fmt: skip
    document = _follow_up_document(db, session_id, plan)  # meets on 2026-10-01
    snapshot = plan_snapshot(parse_document(json.dumps(document)), 1)
    assert [entry["note"] for entry in snapshot["progress"]] == ["2026-09-01", "2026-10-01"]
    assert snapshot["origin"]["fingerprint"] == fingerprint(plan)
    assert "plan" not in snapshot["origin"]


def _refused(document: dict[str, Any]) -> InterchangeError:
    with pytest.raises(InterchangeError) as refused:
        parse_document(json.dumps(document))
    return refused.value


def test_a_changed_signed_plan_is_refused(db: Database, signed: tuple[int, dict[str, Any]]) -> None:
    session_id, plan = signed
    document = _follow_up_document(db, session_id, plan)
    document["origin"]["plan"]["agreements"][0]["what"] = "Iets anders dan afgesproken"
    assert _refused(document).path == "$.origin.fingerprint"


def test_a_forged_plan_with_a_matching_fingerprint_must_still_be_a_plan(
    db: Database, signed: tuple[int, dict[str, Any]]
) -> None:
    session_id, plan = signed
    document = _follow_up_document(db, session_id, plan)
    forged = {"format": "worksession-plan/1", "version": 1, "session": {"title": "x"},
              "agreements": [{"key": "a-1"}]}  # fmt: skip
    document["origin"].update(plan=forged, version=1, fingerprint=fingerprint(forged))
    assert _refused(document).path.startswith("$.origin.plan.agreements[0]")
    forged = {"format": "worksession-plan/1", "version": 1, "session": {"title": "x"},
              "participants": "everyone"}  # fmt: skip
    document["origin"].update(plan=forged, fingerprint=fingerprint(forged))
    assert _refused(document).path == "$.origin.plan.participants"


def test_the_version_must_be_the_plan_s(db: Database, signed: tuple[int, dict[str, Any]]) -> None:
    session_id, plan = signed
    document = _follow_up_document(db, session_id, plan)
    document["origin"]["version"] = plan["version"] + 1
    assert _refused(document).path == "$.origin.version"


def test_reviews_name_agreements_of_the_document_once(
    db: Database, signed: tuple[int, dict[str, Any]]
) -> None:
    session_id, plan = signed
    document = _follow_up_document(db, session_id, plan)
    document["reviews"][1]["agreement"] = "a-onbekend"
    assert _refused(document).path == "$.reviews[1].agreement"
    document["reviews"][1]["agreement"] = document["reviews"][0]["agreement"]
    assert _refused(document).path == "$.reviews[1].agreement"
    document["reviews"].pop()
    del document["origin"]
    assert _refused(document).path == "$.reviews"


def test_a_duplicate_leaves_the_progress_log_behind(
    db: Database, signed: tuple[int, dict[str, Any]]
) -> None:
    from worksession.storage.operations.session_copy import duplicate_session

    session_id, plan = signed
    record_progress(db=db, session_id=session_id, agreement_key=plan["agreements"][0]["key"],
                    status="done", on="2026-09-01")  # fmt: skip
    copy_session = duplicate_session(db=db, session_id=session_id, title="Kopie")
    assert copy_session.id is not None
    assert "progress" not in read_document(db=db, session_id=copy_session.id)
