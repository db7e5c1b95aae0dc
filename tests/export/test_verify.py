"""Attacks on ``verify``, written as a forger would make them with the app's own code.

A plan PDF is OK only when it is exactly what the app draws from the data it carries; the seal
ties every decision and the signed-off state to the pages; a file of another layout edition is
CANNOT CHECK, never OK; and the answer does not depend on the verifier's language, time zone or
environment. Every hostile file gets a verdict, never an exception.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import threading
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader, PdfWriter

from tests.export.concept_plan import FROZEN, concept_plan, decision, snapshot_of_four
from worksession.domain.plan import fingerprint
from worksession.export.pdf.payload import (
    ATTACHMENT,
    PLAN_EDITION,
    RENDERER,
    REPORT_EDITION,
    PlanPayload,
)
from worksession.export.pdf.plan import render_plan
from worksession.export.pdf.verify import Status, verify_plan
from worksession.i18n import current_language, set_language

FIXTURES = Path(__file__).parent / "fixtures"


def _with_attachment(pdf: bytes, raw: bytes) -> bytes:
    """The pages of ``pdf`` carrying ``raw`` as their plan data."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    del writer._root_object["/Names"]
    writer.add_attachment(ATTACHMENT, raw)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _edited_json(payload: PlanPayload, change: Any) -> bytes:
    data = json.loads(payload.to_bytes())
    change(data)
    return json.dumps(data).encode("utf-8")


# --- what an honest file says ---------------------------------------------------------------


def test_an_untouched_concept_verifies_with_fingerprint_seal_and_count(
    concept: PlanPayload, concept_pdf: bytes
) -> None:
    verdict = verify_plan(concept_pdf)
    assert verdict.status is Status.OK and verdict.exit_code == 0
    assert verdict.message == (
        f"OK Samen gezond oud worden in Kaalheide version 1 sha256:{concept.sha256} "
        f"seal sha256:{concept.seal} (3 van 4 akkoord)"
    )
    assert not verdict.signed_off


def test_a_signed_off_plan_says_vastgesteld() -> None:
    snapshot = snapshot_of_four()
    decisions = tuple(
        sorted(
            (decision(p["key"], p["name"]) for p in snapshot["participants"][:4]),
            key=lambda d: d["participant_key"],
        )
    )
    payload = PlanPayload(snapshot, fingerprint(snapshot), True, decisions, dated=FROZEN)
    verdict = verify_plan(render_plan(payload))
    assert verdict.ok and verdict.signed_off
    assert verdict.message.endswith("(4 van 4 akkoord, vastgesteld)")


# --- forged decisions -----------------------------------------------------------------------


def test_a_forged_sign_off_rendered_by_the_app_gets_another_seal(
    concept: PlanPayload,
) -> None:
    """The forger's file is self-consistent, so it verifies — but not with the concept's seal,
    and it says what it claims; the archive check (tests/test_plan_archive.py) exposes it."""
    forged = replace(
        concept,
        signed_off=True,
        decisions=tuple({**d, "decision": "agreed", "comment": ""} for d in concept.decisions),  # type: ignore[misc]
    )
    verdict = verify_plan(render_plan(forged))
    assert verdict.ok and forged.sha256 == concept.sha256
    assert forged.seal != concept.seal
    assert f"seal sha256:{concept.seal}" not in verdict.message
    assert verdict.message.endswith("(4 van 4 akkoord, vastgesteld)")


def test_signed_off_without_everyone_agreeing_is_tampering(concept: PlanPayload) -> None:
    forged = replace(concept, signed_off=True)  # seal recomputed, decisions unchanged
    verdict = verify_plan(render_plan(forged))
    assert verdict.status is Status.TAMPERED and "3 of 4" in verdict.reason


def test_a_decision_changed_in_the_data_with_the_old_seal_is_tampering(
    concept: PlanPayload, concept_pdf: bytes
) -> None:
    def agree_everyone(data: dict[str, Any]) -> None:
        for record in data["decisions"]:
            record["decision"] = "agreed"
        data["signed_off"] = True

    verdict = verify_plan(_with_attachment(concept_pdf, _edited_json(concept, agree_everyone)))
    assert verdict.status is Status.TAMPERED and "seal" in verdict.reason


def test_new_decisions_with_a_new_seal_behind_the_old_pages_is_tampering(
    concept: PlanPayload, concept_pdf: bytes
) -> None:
    forged = replace(
        concept,
        signed_off=True,
        decisions=tuple({**d, "decision": "agreed", "comment": ""} for d in concept.decisions),  # type: ignore[misc]
    )
    verdict = verify_plan(_with_attachment(concept_pdf, forged.to_bytes()))
    assert verdict.status is Status.TAMPERED


def test_a_decision_of_someone_not_in_the_plan_is_tampering(concept: PlanPayload) -> None:
    stranger = decision("p-stranger", "Iemand Anders")
    forged = replace(concept, decisions=(*concept.decisions, stranger))
    verdict = verify_plan(render_plan(forged))
    assert verdict.status is Status.TAMPERED and "p-stranger" in verdict.reason


def test_the_seal_changes_with_every_decision_field_and_the_state(concept: PlanPayload) -> None:
    first = concept.decisions[0]
    variants = [
        replace(concept, decisions=({**first, "comment": "x"}, *concept.decisions[1:])),  # type: ignore[misc]
        replace(concept, decisions=({**first, "method": "email"}, *concept.decisions[1:])),  # type: ignore[misc]
        replace(
            concept,
            decisions=({**first, "decided_at": FROZEN}, *concept.decisions[1:]),  # type: ignore[misc]
        ),
        replace(concept, decisions=concept.decisions[1:]),
        replace(concept, signed_off=True),
        replace(concept, language="en"),
        replace(concept, dated="2026-11-20T13:30:00+00:00"),
        replace(concept, draft=True),
    ]
    seals = {variant.seal for variant in variants}
    assert concept.seal not in seals and len(seals) == len(variants)


# --- earlier editions and downgrades --------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    [
        "demo-plan-renderer-1.pdf",
        "demo-plan-renderer-2.pdf",
        "concept-plan-renderer-3.pdf",
    ],
)
def test_a_file_of_an_earlier_edition_cannot_be_checked(name: str) -> None:
    verdict = verify_plan((FIXTURES / name).read_bytes())
    assert verdict.status is Status.CANNOT_CHECK and verdict.exit_code == 3
    assert "edition" in verdict.reason and not verdict.ok


@pytest.mark.parametrize("edition", [1, 2, 3, REPORT_EDITION, RENDERER + 1])
def test_claiming_another_edition_is_never_ok(
    concept: PlanPayload, concept_pdf: bytes, edition: int
) -> None:
    """A white box over an agreement plus ``"renderer": 1`` once passed on its words alone."""
    whited_out = _white_box(concept_pdf)
    raw = _edited_json(concept, lambda data: data.update(renderer=edition))
    for pages in (concept_pdf, whited_out):
        verdict = verify_plan(_with_attachment(pages, raw))
        assert verdict.status is Status.CANNOT_CHECK and not verdict.ok


def _white_box(pdf: bytes) -> bytes:
    from reportlab.pdfgen.canvas import Canvas

    cover = io.BytesIO()
    canvas = Canvas(cover)
    canvas.setFillColorRGB(1, 1, 1)
    canvas.rect(50, 300, 500, 200, stroke=0, fill=1)
    canvas.save()
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    writer.pages[5].merge_page(PdfReader(cover).pages[0])
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_a_white_box_over_the_text_is_tampering(concept_pdf: bytes) -> None:
    assert verify_plan(_white_box(concept_pdf)).status is Status.TAMPERED


def test_bytes_appended_after_the_plan_are_tampering(concept_pdf: bytes) -> None:
    verdict = verify_plan(concept_pdf + b"\n% nothing to see\n")
    assert verdict.status is Status.TAMPERED


# --- a pure function of the file ------------------------------------------------------------


def test_the_answer_does_not_depend_on_the_verifiers_language(concept_pdf: bytes) -> None:
    english = replace(concept_plan(), language="en")
    english_pdf = render_plan(english)
    previous = current_language()
    try:
        for language in ("en", "nl"):
            set_language(language)
            assert verify_plan(concept_pdf).ok
            assert verify_plan(english_pdf).ok
    finally:
        set_language(previous)
    assert "Collaboration plan" in _text(english_pdf) and "Samenwerkingsplan" in _text(concept_pdf)


def _text(pdf: bytes) -> str:
    pages = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    return " ".join(pages.split())


def test_verify_in_another_process_with_other_language_zone_and_clock(
    concept_pdf: bytes, tmp_path: Path
) -> None:
    plan = tmp_path / "plan.pdf"
    plan.write_bytes(concept_pdf)
    for extra in (
        {"WORKSESSION_LANG": "en"},
        {"TZ": "America/Los_Angeles", "LANG": "C", "LC_ALL": "C"},
        {"SOURCE_DATE_EPOCH": "1234567890", "TZ": "Asia/Tokyo"},
    ):
        result = subprocess.run(
            [sys.executable, "-m", "worksession", "verify", str(plan)],
            capture_output=True,
            text=True,
            env={**os.environ, **extra},
            check=False,
        )
        assert result.returncode == 0, (extra, result.stdout, result.stderr)
        assert result.stdout.startswith("OK Samen gezond oud worden in Kaalheide version 1")


def test_drawing_from_several_threads_gives_the_same_bytes(
    concept: PlanPayload, concept_pdf: bytes
) -> None:
    english = replace(concept, language="en")
    expected = {"nl": concept_pdf, "en": render_plan(english)}
    results: list[tuple[str, bytes]] = []

    def draw(payload: PlanPayload) -> None:
        results.append((payload.language, render_plan(payload)))

    threads = [threading.Thread(target=draw, args=(p,)) for p in (concept, english) * 3]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(results) == 6
    assert all(data == expected[language] for language, data in results)


def test_the_pdf_dates_are_the_freeze_date(concept_pdf: bytes) -> None:
    info = PdfReader(io.BytesIO(concept_pdf)).metadata
    assert info is not None
    assert info["/CreationDate"].startswith("D:20261119133000")
    assert info["/ModDate"].startswith("D:20261119133000")


def test_decision_times_print_in_dutch_time(concept: PlanPayload) -> None:
    summer = replace(
        concept,
        decisions=tuple(
            {**d, "decided_at": "2026-07-01T12:00:00+00:00"} for d in concept.decisions
        ),  # type: ignore[misc]
    )
    text = _text(render_plan(summer))
    assert "01-07-2026 14:00" in text and "UTC" not in text
    assert "19-11-2026 15:03" in _text(render_plan(concept))


def test_a_concept_never_frozen_says_so(concept: PlanPayload) -> None:
    draft = replace(concept, draft=True, decisions=(), dated="")
    data = render_plan(draft)
    text = _text(data)
    assert "concept, nog niet vastgelegd" in text and "versie 1 ·" not in text
    verdict = verify_plan(data)
    assert verdict.ok and " concept sha256:" in verdict.message


# --- hostile attachments --------------------------------------------------------------------

HOSTILE: list[bytes] = [
    b"[]",
    b'"a string"',
    b"null",
    b"{}",
    b"\xff\xfe not utf-8",
    b"[" * 100_000 + b"]" * 100_000,
    b'{"a":' * 50_000 + b"1" + b"}" * 50_000,
]


@pytest.mark.parametrize("raw", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_attachments_get_a_verdict(concept_pdf: bytes, raw: bytes) -> None:
    verdict = verify_plan(_with_attachment(concept_pdf, raw))
    assert verdict.status in (Status.TAMPERED, Status.NOT_A_PLAN)


def _refingerprinted(concept: PlanPayload, snapshot: Any) -> bytes:
    def change(data: dict[str, Any]) -> None:
        data["snapshot"] = snapshot
        data["sha256"] = fingerprint(snapshot)
        forged = replace(concept, snapshot={}, sha256=data["sha256"])
        data["seal"] = forged.seal

    return _edited_json(concept, change)


@pytest.mark.parametrize(
    "snapshot",
    [
        {},
        {"format": "worksession-plan/1", "version": 1},
        {**snapshot_of_four(), "participants": "everyone"},
        {**snapshot_of_four(), "session": {"title": 7}},
        {**snapshot_of_four(), "agreements": [{"what": None}]},
        {**snapshot_of_four(), "version": True},
    ],
    ids=range(6),
)
def test_a_refingerprinted_hostile_snapshot_gets_a_verdict(
    concept: PlanPayload, concept_pdf: bytes, snapshot: Any
) -> None:
    verdict = verify_plan(_with_attachment(concept_pdf, _refingerprinted(concept, snapshot)))
    assert verdict.status is Status.TAMPERED


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_any_change_to_the_payload_is_never_ok(data: st.DataObject) -> None:
    concept = _CONCEPT
    raw = bytearray(concept.to_bytes())
    position = data.draw(st.integers(0, len(raw) - 1))
    value = data.draw(st.integers(0, 255).filter(lambda v: v != raw[position]))
    raw[position] = value
    verdict = verify_plan(_with_attachment(_CONCEPT_PDF, bytes(raw)))
    assert not verdict.ok


_CONCEPT = concept_plan()
_CONCEPT_PDF = render_plan(_CONCEPT)


def test_a_stored_plan_of_this_edition_still_verifies() -> None:
    """Made when edition 4 began; ordinary plans are still drawn in it. When this fails, the same
    payload now draws other bytes: give ordinary plans a new edition in payload.py, keep this file
    (it must then be CANNOT CHECK) and store one of the new edition beside it."""
    stored = (FIXTURES / f"concept-plan-renderer-{PLAN_EDITION}.pdf").read_bytes()
    verdict = verify_plan(stored)
    assert verdict.ok, verdict.reason
    assert verdict.message.endswith("(3 van 4 akkoord)")
