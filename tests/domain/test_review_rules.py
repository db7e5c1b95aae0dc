"""The review step's pure rules: the signed agreement by key, the status then, the status now
before the group says otherwise, when an agreement counts as reviewed or adjusted, and the
beamer's slide of the agreement under review."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace
from typing import Any, cast

from worksession.domain.document_types import InterchangeDocument as Document
from worksession.domain.document_types import PlanSnapshot, ProgrammeStep
from worksession.domain.progress import ProgressEntry
from worksession.domain.review import (
    ReviewFocus,
    ReviewItem,
    Wording,
    default_status_now,
    load_snapshot,
    reviewed_count,
    signed_wording,
    status_then,
    then_to_now,
)
from worksession.domain.slides import slide_for

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


def _step(kind: str = "review") -> ProgrammeStep:
    return cast(
        ProgrammeStep,
        {"id": "terugblik", "title": "Terugblik", "kind": kind, "minutes": 30,
         "beamer": "Wat is er gebeurd?"},
    )  # fmt: skip


def test_the_review_slide_shows_one_agreement_large_with_its_trekker_and_status() -> None:
    same = Wording("Eén", "An de Wit", "2026-06-01", "10 verwijzingen")
    focus = ReviewFocus(_item(None, same), place=1, count=3)
    slide = slide_for(_step(), cast(Document, {}), focus=focus)
    assert slide.heading == "Afspraak A1 (1 van 3)"
    assert slide.text == ("Eén", "Trekker: An de Wit", "Status: open → bezig")
    assert slide.large and slide.question == () and slide.items == ()
    assert slide.timed  # the step's clock still runs


def test_an_adjusted_agreement_shows_the_new_wording_and_what_it_read() -> None:
    adjusted = Wording("Eén, nu twee", "An de Wit", "2026-06-01", "10 verwijzingen")
    slide = slide_for(
        _step(), cast(Document, {}), focus=ReviewFocus(_item("adjust", adjusted), 1, 1)
    )
    assert slide.text[:2] == ("Eén, nu twee", "Bijgesteld; er stond: Eén")


def test_without_an_agreement_in_focus_the_review_slide_is_the_step_alone() -> None:
    slide = slide_for(_step(), cast(Document, {}))
    assert slide.question == ("Wat is er gebeurd?",) and not slide.text and not slide.large
    focus = ReviewFocus(_item(None, Wording("Eén", "", "", "")), 1, 1)
    other = slide_for(_step("welcome"), cast(Document, {"session": {}}), focus=focus)
    assert "Eén" not in other.text  # a focus is for the review step only
