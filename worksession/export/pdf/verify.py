"""Verify a plan PDF from the file alone: is it exactly what worksession drew from the data it
carries?

``verify_plan`` reads the attached payload, checks it strictly (form, content fingerprint,
seal, decisions that fit the status), draws the plan again from it — in the language and layout
edition it names, not the verifier's — and compares the result with the file byte for byte. A
file that goes on after those bytes is accepted only when everything after them is digital
signatures that are intact and cover the whole file. There is no lenient path: a file of another
layout edition is CANNOT CHECK, never OK.

The answer is a pure function of the file: the same in every language, locale, time zone and
setting. Every file gets a verdict; nothing in it can make this raise.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from worksession.domain.plan import fingerprint
from worksession.domain.plan_check import snapshot_problem
from worksession.export.pdf.payload import ATTACHMENT, EarlierEdition, PayloadError, PlanPayload
from worksession.i18n import speaking

# Larger than any plan the app makes (the largest test plan carries 60 kB; every text field has
# its limit): a larger payload is refused before it is drawn, which could take minutes.
MAX_PAYLOAD_BYTES = 4 * 1024 * 1024


class Status(StrEnum):
    OK = "OK"
    TAMPERED = "TAMPERED"
    NOT_A_PLAN = "NOT A WORKSESSION PLAN"
    CANNOT_CHECK = "CANNOT CHECK"


EXIT_CODES = {Status.OK: 0, Status.TAMPERED: 1, Status.NOT_A_PLAN: 1, Status.CANNOT_CHECK: 3}


@dataclass(frozen=True)
class Verdict:
    """What a file is. ``reason`` says why it is not OK (plain English, the same everywhere)."""

    status: Status
    reason: str = ""
    payload: PlanPayload | None = None
    signatures: tuple[str, ...] = ()  # "signed by <name> (trusted)", one per signature

    @property
    def ok(self) -> bool:
        return self.status is Status.OK

    @property
    def signed_off(self) -> bool:
        return self.ok and self.payload is not None and self.payload.signed_off

    @property
    def exit_code(self) -> int:
        return EXIT_CODES[self.status]

    @property
    def message(self) -> str:
        """The verdict line: ``OK <title> version N sha256:<content> seal sha256:<seal> (k van n
        akkoord[, vastgesteld])``, or the status alone."""
        if not self.ok or self.payload is None:
            return self.status.value
        payload = self.payload
        snapshot = payload.snapshot
        title = one_line(str(snapshot["session"].get("title", "")))
        which = "concept" if payload.draft else f"version {snapshot['version']}"
        count = payload.count
        agreed = f"{count.agreed} van {count.needed} akkoord" + (
            ", vastgesteld" if payload.signed_off else ""
        )
        return f"OK {title} {which} sha256:{payload.sha256} seal sha256:{payload.seal} ({agreed})"

    @property
    def lines(self) -> list[str]:
        """Everything ``verify`` prints on standard output."""
        return [self.message, *self.signatures]


def verify_plan(data: bytes, *, trust: Sequence[bytes] = ()) -> Verdict:
    """Whether ``data`` is an untouched worksession plan, and which one.

    ``trust`` holds the certificates (DER) the reader trusts: they decide only whether a
    signature's line says "trusted", never whether the file is OK."""
    raw = _attached_payload(data)
    if raw is None:
        return Verdict(Status.NOT_A_PLAN, "the file carries no worksession plan data")
    if len(raw) > MAX_PAYLOAD_BYTES:
        return Verdict(
            Status.TAMPERED, "the attached plan data is larger than any plan the app makes"
        )
    try:
        payload = PlanPayload.from_bytes(raw)
    except EarlierEdition as error:
        return Verdict(Status.CANNOT_CHECK, str(error))
    except PayloadError as error:
        return Verdict(Status.TAMPERED, f"the attached plan data was changed or damaged: {error}")
    return _check(data, payload, trust)


def _check(data: bytes, payload: PlanPayload, trust: Sequence[bytes]) -> Verdict:
    try:
        content = fingerprint(payload.snapshot)
    except (TypeError, ValueError, RecursionError):
        return Verdict(Status.TAMPERED, "the attached plan cannot be read as a plan")
    if content != payload.sha256:
        return Verdict(Status.TAMPERED, "the plan's text does not match its fingerprint")
    with speaking("en"):  # the reason reads the same on every computer
        problem = snapshot_problem(payload.snapshot)
    if problem:
        return Verdict(Status.TAMPERED, f"the attached plan is not one the app makes: {problem}")
    problem = payload.inconsistency()
    if problem:
        return Verdict(Status.TAMPERED, f"the attached decisions do not fit: {problem}")
    from worksession.export.pdf.plan import render_plan
    from worksession.export.pdf.when import zone_problem

    problem = zone_problem()
    if problem:
        return Verdict(Status.CANNOT_CHECK, problem)

    try:
        drawn = render_plan(payload)
    except Exception as error:  # any failure to draw hostile data is a verdict
        return Verdict(
            Status.TAMPERED,
            f"the attached plan cannot be drawn ({type(error).__name__}): it was not made by "
            "worksession",
        )
    if data == drawn:
        return Verdict(Status.OK, payload=payload)
    if len(data) > len(drawn) and data.startswith(drawn):
        return _signed(data, len(drawn), payload, trust)
    return Verdict(Status.TAMPERED, "the pages differ from the plan the file carries")


def _signed(
    data: bytes, original_length: int, payload: PlanPayload, trust: Sequence[bytes]
) -> Verdict:
    """The file is the plan followed by later revisions: only intact signatures may follow."""
    # Imported here: pyHanko loads only for a file that goes on after the plan.
    from worksession.export.pdf.signing import check_signatures

    report = check_signatures(data, original_length, trust=trust)
    if not report.ok:
        return Verdict(Status.TAMPERED, f"the file was changed after it was made: {report.reason}")
    return Verdict(Status.OK, payload=payload, signatures=tuple(report.lines))


def _attached_payload(data: bytes) -> bytes | None:
    """The attached payload's bytes, or None when the file is no PDF or carries none."""
    from pypdf import PdfReader

    try:
        reader = PdfReader(io.BytesIO(data))
        found = reader.attachments.get(ATTACHMENT)
        if not found:
            return None
        raw = found[0]
    except Exception:  # hostile bytes may break the parser in any way
        return None
    return raw if isinstance(raw, bytes) else None


def one_line(text: str) -> str:
    """A title as one printable line: a file cannot add lines of its own to the verdict."""
    return " ".join("".join(c if c.isprintable() else " " for c in text).split())
