"""More attacks on ``verify``, made as a forger would with the app's own code (issue 14).

``tests/export/test_verify.py`` covers the findings of the issue; these go further: tricks in the
attached JSON, in the bytes around the plan, in the snapshot's values deep inside, in the title
that the verdict line prints, and random or cut-off files. Each is a test that fails for the
attacker.
"""

from __future__ import annotations

import copy
import io
import json
import math
import re
import threading
from collections.abc import Callable
from dataclasses import replace
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader, PdfWriter

from tests.export.concept_plan import concept_plan
from tests.export.test_verify import _edited_json, _with_attachment
from worksession.domain.plan import fingerprint
from worksession.export.pdf.payload import ATTACHMENT, PlanPayload
from worksession.export.pdf.plan import render_plan
from worksession.export.pdf.verify import Status, verify_plan
from worksession.i18n import set_language

NOT_OK = (Status.TAMPERED, Status.NOT_A_PLAN, Status.CANNOT_CHECK)


def _resealed(payload: PlanPayload, change: Callable[[dict[str, Any]], None]) -> bytes:
    """The payload's JSON changed by ``change``, with its fingerprint and seal made to fit: what a
    forger who has read ``payload.py`` attaches."""

    def edit(data: dict[str, Any]) -> None:
        change(data)
        snapshot = data["snapshot"]
        decisions = tuple(data["decisions"])
        forged = replace(payload, snapshot=snapshot, sha256=fingerprint(snapshot))
        forged = replace(forged, decisions=decisions, dated=data["dated"])
        data["sha256"], data["seal"] = forged.sha256, forged.seal

    return _edited_json(payload, edit)


def _reforged(payload: PlanPayload, change: Callable[[dict[str, Any]], None]) -> PlanPayload:
    """The payload with its snapshot changed and the fingerprint recomputed."""
    snapshot = copy.deepcopy(payload.snapshot)
    change(snapshot)
    return replace(payload, snapshot=snapshot, sha256=fingerprint(snapshot))


# --- bytes around the plan that a re-render might not notice ---------------------------------


def _incremental(pdf: bytes, change: Callable[[PdfWriter], object]) -> bytes:
    """``pdf`` followed by an incremental update made by pypdf: the original bytes stay a prefix."""
    writer = PdfWriter(io.BytesIO(pdf), incremental=True)
    change(writer)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _empty_update(pdf: bytes) -> bytes:
    """A revision that changes no object: a new cross-reference section and trailer only."""
    trailer = pdf[pdf.rindex(b"trailer") : pdf.rindex(b"startxref")]
    size, root, info = (
        re.search(rb"/%s (\d+(?: 0 R)?)" % key, trailer).group(1)  # type: ignore[union-attr]
        for key in (b"Size", b"Root", b"Info")
    )
    previous = pdf[pdf.rindex(b"startxref") + 10 :].split()[0]
    update = (
        b"xref\n0 1\n0000000000 65535 f \ntrailer\n<< /Size %s /Root %s /Info %s /Prev %s >>\n"
        % (size, root, info, previous)
    )
    return pdf + update + b"startxref\n%d\n%%%%EOF\n" % len(pdf)


def _swap_attachment(raw: bytes) -> Callable[[PdfWriter], None]:
    def change(writer: PdfWriter) -> None:
        del writer._root_object["/Names"]
        writer.add_attachment(ATTACHMENT, raw)

    return change


def _byte_changes(concept: PlanPayload) -> dict[str, Callable[[bytes], bytes]]:
    forged = replace(
        concept,
        signed_off=True,
        decisions=tuple({**d, "decision": "agreed", "comment": ""} for d in concept.decisions),
    ).to_bytes()
    return {
        "whitespace after %%EOF": lambda pdf: pdf + b" \r\n",
        "CRLF for the last LF": lambda pdf: pdf[:-1] + b"\r\n",
        "junk before %PDF (readers skip it)": lambda pdf: b"    " + pdf,
        "an empty incremental update": _empty_update,
        "an incremental update of the metadata": lambda pdf: _incremental(
            pdf, lambda writer: writer.add_metadata({"/Title": "Vastgesteld plan"})
        ),
        "the forged data in an incremental update": lambda pdf: _incremental(
            pdf, _swap_attachment(forged)
        ),
        "a second attachment of the same name": lambda pdf: _incremental(
            pdf, lambda writer: writer.add_attachment(ATTACHMENT, forged)
        ),
        "the creator in the metadata": lambda pdf: pdf.replace(
            b"/Creator (worksession)", b"/Creator (worksessioN)"
        ),
        "the file id in the trailer": lambda pdf: pdf.replace(b"/ID \n[<", b"/ID \n[<0", 1)[:-1],
        "the xref offset": lambda pdf: pdf.replace(b"startxref\n", b"startxref\n0", 1),
    }


@pytest.mark.parametrize("change", list(_byte_changes(concept_plan())))
def test_bytes_changed_around_the_plan_are_never_ok(
    concept: PlanPayload, concept_pdf: bytes, change: str
) -> None:
    """Until signatures are accepted after the plan, any byte after, before or in the file's
    structure is TAMPERED — also an update that changes nothing, or only the metadata."""
    changed = _byte_changes(concept)[change](concept_pdf)
    assert changed != concept_pdf
    verdict = verify_plan(changed)
    assert verdict.status is Status.TAMPERED, verdict


# --- the attached JSON ----------------------------------------------------------------------


def _json_tricks(concept: PlanPayload) -> dict[str, bytes]:
    honest = concept.to_bytes()
    return {
        # json.loads keeps the last of two equal keys; the pages were drawn from the first.
        "a duplicate key that signs off": honest.replace(
            b'"signed_off": false', b'"signed_off": false, "signed_off": true', 1
        ),
        "a byte order mark": b"\xef\xbb\xbf" + honest,
        "a second document after the first": honest + b"\n{}",
        "NaN for the edition": _edited_json(concept, lambda d: d.update(renderer=math.nan)),
        "Infinity for the version": _edited_json(
            concept, lambda d: d["snapshot"].update(version=math.inf)
        ),
        "an edition of 1e400": honest.replace(b'"renderer": 3', b'"renderer": 1e400', 1),
        "a negative zero edition": honest.replace(b'"renderer": 3', b'"renderer": -0', 1),
        "UTF-16": honest.decode("utf-8").encode("utf-16"),
    }


@pytest.mark.parametrize("trick", list(_json_tricks(concept_plan())))
def test_json_tricks_in_the_attachment_are_never_ok(
    concept: PlanPayload, concept_pdf: bytes, trick: str
) -> None:
    verdict = verify_plan(_with_attachment(concept_pdf, _json_tricks(concept)[trick]))
    assert verdict.status in NOT_OK, verdict


def test_an_integer_of_thousands_of_digits_gets_a_verdict(concept_pdf: bytes) -> None:
    raw = b'{"format": 1' + b"0" * 5000 + b"}"
    verdict = verify_plan(_with_attachment(concept_pdf, raw))
    assert verdict.status is Status.TAMPERED


@pytest.mark.parametrize(
    "moment",
    [
        "2026-11-19T15:03:00+01:00",  # the same moment, in Dutch winter time
        "2026-11-19T14:03:00Z",
        "2026-11-19T14:03:00.500000+00:00",
        "2026-11-19T14:03:00",
        "2026-11-19T14:03:00-00:00",
        "2026-11-19T14:03:60+00:00",
        "2026-11-19 14:03:00+00:00",
        "２０２６-11-19T14:03:00+00:00",  # full-width digits
    ],
)
def test_a_decision_time_in_another_form_is_tampering(
    concept: PlanPayload, concept_pdf: bytes, moment: str
) -> None:
    def change(data: dict[str, Any]) -> None:
        data["decisions"][0]["decided_at"] = moment

    verdict = verify_plan(_with_attachment(concept_pdf, _resealed(concept, change)))
    assert verdict.status is Status.TAMPERED, verdict


@pytest.mark.parametrize(
    "moment", ["9999-12-31T23:59:59+00:00", "0001-01-01T00:00:00+00:00"], ids=["max", "min"]
)
def test_a_decision_at_the_edge_of_time_gets_a_verdict(
    concept: PlanPayload, concept_pdf: bytes, moment: str
) -> None:
    """Dutch time of the last second of year 9999 is past what Python can hold."""

    def change(data: dict[str, Any]) -> None:
        for decision in data["decisions"]:
            decision["decided_at"] = moment

    verdict = verify_plan(_with_attachment(concept_pdf, _resealed(concept, change)))
    assert verdict.status is Status.TAMPERED, verdict


def test_a_concept_that_claims_a_version_number_says_concept(concept: PlanPayload) -> None:
    """A never-frozen concept with ``version: 7`` verifies, but never as "version 7"."""
    draft = replace(
        _reforged(concept, lambda s: s.update(version=7)), draft=True, decisions=(), dated=""
    )
    verdict = verify_plan(render_plan(draft))
    assert verdict.ok and " concept sha256:" in verdict.message
    assert "version 7" not in verdict.message


# --- the snapshot's values deep inside ------------------------------------------------------


def _set(path: tuple[Any, ...], value: Any) -> Callable[[dict[str, Any]], None]:
    def change(snapshot: dict[str, Any]) -> None:
        target: Any = snapshot
        for step in path[:-1]:
            target = target[step]
        target[path[-1]] = value

    return change


def _duplicate_first_participant(snapshot: dict[str, Any]) -> None:
    snapshot["participants"].append({**snapshot["participants"][0], "name": "Iemand Anders"})


DEEP_WRONG = [
    pytest.param(_set(("participants", 5, "present"), "nee"), id="present-as-text"),
    pytest.param(_set(("session", "accredited"), "nee"), id="accredited-as-text"),
    pytest.param(_set(("session", "ambition"), math.nan), id="nan-ambition"),
    pytest.param(
        _set(("participants", 0, "registration"), math.inf),
        id="infinite-registration",
    ),
    pytest.param(_set(("agreements", 0, "lead"), "p-nobody"), id="lead-unknown"),
    pytest.param(_duplicate_first_participant, id="two-people-one-key"),
    pytest.param(_set(("participants", 0, "name"), 12345), id="name-as-number"),
    pytest.param(_set(("session", "title"), {"nl": "x"}), id="title-as-object"),
    pytest.param(_set(("themes", 0, "votes"), "veel"), id="votes-as-text"),
]


@pytest.mark.parametrize("change", DEEP_WRONG)
def test_a_snapshot_the_app_cannot_make_is_never_ok(
    concept: PlanPayload, change: Callable[[dict[str, Any]], None]
) -> None:
    """Rendered with the app's own code, fingerprint and seal recomputed: a file the app could
    not have made from any session (the page shows "ja" for ``"present": "nee"``, one decision
    signs for two people sharing a key) should not be OK."""
    forged = _reforged(concept, change)
    try:
        pdf = render_plan(forged)
    except Exception:  # the forger cannot draw it: attach it to the honest pages instead
        pdf = _with_attachment(render_plan(concept), forged.to_bytes())
    verdict = verify_plan(pdf)
    assert verdict.status is Status.TAMPERED, verdict


# --- what the verdict line prints -----------------------------------------------------------

TITLES = {
    "newline and a fake verdict": "Plan\nOK Echt plan version 1 sha256:" + "0" * 64,
    "carriage return": "Nep\rOK Samen gezond oud worden in Kaalheide",
    "line and paragraph separators": "Nep\u2028OK\u2029OK\x85OK",
    "right-to-left override": "Plan \u202eakkoord 4 van 4\u202c",
    "zero-width characters": "Sa\u200bmen\u200d ge\ufeffzond\u2060",
    "terminal escape": "Plan\x1b[2K\x1b[1A\x1b[32mOK",
    "vertical tab and form feed": "Plan\x0bOK\x0cOK",
    "bidi isolate": "Plan \u2067\u0645\u0631\u062d\u0628\u0627\u2069 versie 9",
}


@pytest.mark.parametrize("trick", list(TITLES))
def test_a_title_cannot_add_lines_or_hidden_text_to_the_verdict(
    concept: PlanPayload, trick: str
) -> None:
    forged = _reforged(concept, _set(("session", "title"), TITLES[trick]))
    verdict = verify_plan(render_plan(forged))
    # A title the app refuses (one carrying "sha256:") is no plan of the app's at all.
    assert verdict.ok or "sha256:" in TITLES[trick]
    assert len(verdict.message.splitlines()) == 1 and verdict.message.isprintable()


def test_a_title_cannot_lend_the_verdict_another_plans_fingerprint(concept: PlanPayload) -> None:
    """The verdict line prints the title before the fingerprints: a title carrying the genuine
    plan's codes would open the forged file's OK line with them. The app refuses such a title
    (at entry and on import), so a file with one is not a plan the app made."""
    genuine = f"version 1 sha256:{concept.sha256} seal sha256:{concept.seal}"
    title = f"Samen gezond oud worden in Kaalheide {genuine} (4 van 4 akkoord, vastgesteld)"
    forged = _reforged(concept, _set(("session", "title"), title))
    verdict = verify_plan(render_plan(forged))
    assert verdict.status is Status.TAMPERED and "session.title" in verdict.reason


# --- several threads ------------------------------------------------------------------------


def test_verifying_from_several_threads_while_the_window_changes_language(
    concept: PlanPayload, concept_pdf: bytes
) -> None:
    english_pdf = render_plan(replace(concept, language="en"))
    statuses: list[Status] = []
    stop = threading.Event()

    def verify(data: bytes) -> None:
        statuses.append(verify_plan(data).status)

    def switch_languages() -> None:
        while not stop.is_set():
            for language in ("en", "nl"):
                set_language(language)

    switcher = threading.Thread(target=switch_languages)
    switcher.start()
    workers = [threading.Thread(target=verify, args=(d,)) for d in (concept_pdf, english_pdf) * 2]
    try:
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join()
    finally:
        stop.set()
        switcher.join()
        set_language("nl")
    assert statuses == [Status.OK] * 4


# --- random and cut-off files ---------------------------------------------------------------

_PDF = render_plan(concept_plan())


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.binary(max_size=4096))
def test_random_bytes_get_a_verdict(data: bytes) -> None:
    verdict = verify_plan(data)
    assert verdict.status is Status.NOT_A_PLAN


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(length=st.integers(0, len(_PDF) - 1))
def test_a_cut_off_plan_gets_a_verdict(length: int) -> None:
    verdict = verify_plan(_PDF[:length])
    assert verdict.status in (Status.NOT_A_PLAN, Status.TAMPERED)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_a_plan_with_random_bytes_overwritten_gets_a_verdict(data: st.DataObject) -> None:
    pdf = bytearray(_PDF)
    start = data.draw(st.integers(0, len(pdf) - 1))
    junk = data.draw(st.binary(min_size=1, max_size=64))
    pdf[start : start + len(junk)] = junk
    if bytes(pdf) == _PDF:
        return
    assert verify_plan(bytes(pdf)).status in NOT_OK


def test_a_pdf_of_another_program_with_our_attachment_name(concept: PlanPayload) -> None:
    """Someone else's PDF carrying the plan's data is not a plan that verifies."""
    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    writer.add_attachment(ATTACHMENT, concept.to_bytes())
    out = io.BytesIO()
    writer.write(out)
    assert verify_plan(out.getvalue()).status is Status.TAMPERED
    assert json.loads(PdfReader(io.BytesIO(out.getvalue())).attachments[ATTACHMENT][0])
