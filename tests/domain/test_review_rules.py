"""The review step's pure rules: the signed agreement by key, the status then, the status now
before the group says otherwise, and when an agreement counts as reviewed or adjusted."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace
from typing import Any, cast

from worksession.domain.document_types import PlanSnapshot
from worksession.domain.progress import ProgressEntry
from worksession.domain.review import (
    ReviewItem,
    Wording,
    default_status_now,
    load_snapshot,
    reviewed_count,
    signed_wording,
    status_then,
    then_to_now,
)

SNAPSHOT: dict[str, Any] = {
    "participants": [{"key": "p-an", "name": "An de Wit"}],
    "stakeholders": [{"key": "s-welzijn", "name": "Welzijn Noord"}],
    "agreements": [
        {"key": "a-een", "what": "Eén", "lead": "p-an", "status": "in_progress",
         "due": "2026-06-01", "indicator": "10 verwijzingen"},
        {"key": "a-twee", "what": "Twee", "lead": "s-welzijn"},
        {"key": "a-raar", "what": "Raar", "status": "later"},
    ],
}  # fmt: skip


def _snapshot() -> PlanSnapshot:
    return cast(PlanSnapshot, SNAPSHOT)


def _entry(entry_id: int, status: str, day: int) -> ProgressEntry:
    return ProgressEntry(
        id=entry_id, session_id=1, agreement_id=1, agreement_key="a-een", status=status,
        date=dt.date(2026, 5, day), note="", reported_by="", recorded_at=dt.datetime(2026, 5, 1),
    )  # fmt: skip


def test_the_signed_agreement_is_found_by_key_with_its_trekker_named() -> None:
    assert signed_wording(_snapshot(), "a-een") == Wording(
        "Eén", "An de Wit", "2026-06-01", "10 verwijzingen"
    )
    assert signed_wording(_snapshot(), "a-twee") == Wording("Twee", "Welzijn Noord", "", "")
    assert signed_wording(_snapshot(), "a-weg") is None


def test_the_status_then_is_the_signed_one_and_open_when_it_is_missing_or_unknown() -> None:
    assert status_then(_snapshot(), "a-een") == "in_progress"
    assert status_then(_snapshot(), "a-twee") == "open"
    assert status_then(_snapshot(), "a-raar") == "open"
    assert status_then(_snapshot(), "a-weg") == "open"


def test_the_status_now_is_the_latest_report_else_the_status_then() -> None:
    assert default_status_now("open", []) == "open"
    entries = [_entry(1, "done", 20), _entry(2, "in_progress", 3), _entry(3, "dropped", 20)]
    assert default_status_now("open", entries) == "dropped"  # the latest day, recorded last


def test_an_unreadable_snapshot_reads_as_an_empty_plan() -> None:
    assert load_snapshot("{not json") == {}
    assert load_snapshot("[1, 2]") == {}
    assert load_snapshot(json.dumps(SNAPSHOT))["agreements"][0]["key"] == "a-een"


def _item(decision: str | None, current: Wording) -> ReviewItem:
    return ReviewItem(
        review_id=1, agreement_id=1, key="a-een", number="A1",
        signed=signed_wording(_snapshot(), "a-een"),
        current=current, status_then="open", status_now="in_progress", status_recorded=False,
        what_happened="", indicator_seen=None, evidence="", decision=decision,
    )  # fmt: skip


def test_reviewed_means_decided_and_adjusted_means_the_copy_differs() -> None:
    same = Wording("Eén", "An de Wit", "2026-06-01", "10 verwijzingen")
    items = [_item(None, same), _item("adjust", replace(same, what="Eén, nu twee"))]
    assert reviewed_count(items) == 1
    assert not items[0].adjusted and items[1].adjusted
    assert then_to_now(items[0]) == "open → bezig"  # Dutch by default
