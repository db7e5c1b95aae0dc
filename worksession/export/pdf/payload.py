"""What a plan PDF carries about itself, and the seal over everything a reader sees.

A plan PDF has its payload attached: the frozen snapshot with its content fingerprint, and
everything else the pages show — whether the version is signed off, every participant's
decision, the language and layout edition it was drawn in, the date it carries. The *seal* is
the SHA-256 of all of that except the snapshot, which is represented by its fingerprint: so the
seal changes when any decision, the signed-off state, the language or the edition changes, and
the content fingerprint keeps identifying the agreed text alone.

Reading a payload is strict: a file carries bytes anyone can write, so every field is checked
for its type and form before anything is drawn from it, and a problem is a ``PayloadError``
naming the field — never an exception from deep inside the renderer.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from dataclasses import dataclass
from typing import Any, TypedDict

from worksession.domain.plan import PLAN_FORMAT, Snapshot, present_participants
from worksession.domain.values import Decision, DecisionMethod
from worksession.i18n import DEFAULT_LANGUAGE, LANGUAGES

ATTACHMENT = "worksession-plan.json"
PAYLOAD_FORMAT = "worksession-plan-pdf/2"
# Payloads of the first two editions had no seal, language or date.
EARLIER_FORMATS = ("worksession-plan-pdf/1",)
SEAL_FORMAT = "worksession-seal/1"
# The layout's edition: raise it whenever the same payload renders to other bytes (wording,
# layout, fonts, a reportlab upgrade). ``verify`` reproduces only the current edition's bytes
# and answers CANNOT CHECK for a file of another edition: it never falls back to a weaker check.
# 1: paragraphs in every table cell, attachment added by pypdf (files made until 2026-11).
# 2: plain strings in short cells, attachment written by reportlab.
# 3: the seal, decisions in Dutch time, names in every script, numbered agreements.
# 4: the sociale kaart's legend starts after its widest heading.
# 5: a follow-up session's plan is its progress report.
# 6: the participants' evaluation forms in an appendix, drawn only in a plan or report that has
#    any: one without forms draws as before, so it keeps its kind's edition (4 or 5) and every
#    plan signed before stays checkable, while a plan with forms says 6 and an edition that
#    cannot draw the forms answers CANNOT CHECK for it, never TAMPERED.
# 7: what an agreement builds on ("Sluit aan bij …") under its text, and a stakeholder's offers
#    from the catalogue before the free text of its offer, drawn only in a plan that has any:
#    one without draws as before (4, 5 or 6), like 6 did.
# 8: the borging conditions under Vervolg en borging, drawn only in a plan or report that has
#    any (edition 7 is the offers' "sluit aan bij"): one without conditions draws as before.
# Each kind of plan is drawn in its own current edition, so a change to one kind leaves the other
# kind's signed files checkable: ordinary plans still draw as in 4, so the plans signed since
# then keep verifying, while a report carries 5 and an edition that cannot draw reports says
# CANNOT CHECK for one, never TAMPERED. A new edition takes the next number above ``RENDERER``
# (the newest), for the kind or kinds whose drawing changed.
PLAN_EDITION = 4
REPORT_EDITION = 5
FEEDBACK_EDITION = 6
OFFERS_EDITION = 7
CONDITIONS_EDITION = 8
RENDERER = max(PLAN_EDITION, REPORT_EDITION, FEEDBACK_EDITION, OFFERS_EDITION, CONDITIONS_EDITION)


def has_existing_offers(snapshot: Snapshot) -> bool:
    """Whether the plan names existing offers: a stakeholder's catalogue offers or what an
    agreement builds on (the snapshot holds either only when set)."""
    return any(s.get("offers") for s in snapshot.get("stakeholders", [])) or any(
        a.get("builds_on") for a in snapshot.get("agreements", [])
    )


def edition_for(snapshot: Snapshot) -> int:
    """The edition this version draws the plan in: the highest its content needs — the borging
    conditions, existing offers, the participants' evaluation forms, else a follow-up's report
    or an ordinary plan."""
    if snapshot.get("conditions"):
        return CONDITIONS_EDITION
    if has_existing_offers(snapshot):
        return OFFERS_EDITION
    if snapshot.get("feedback_forms"):
        return FEEDBACK_EDITION
    return REPORT_EDITION if "origin" in snapshot else PLAN_EDITION


_HEX = re.compile(r"[0-9a-f]{64}")
_DECISION_KEYS = frozenset(
    {"participant_key", "participant_name", "decision", "comment", "method", "decided_at"}
)


class DecisionRecord(TypedDict):
    """One participant's latest decision on the version, as the PDF carries it."""

    participant_key: str
    participant_name: str
    decision: str  # Decision value
    comment: str
    method: str  # DecisionMethod value
    decided_at: str  # ISO 8601 in UTC, to the second: "2026-11-19T14:03:00+00:00"


class PayloadError(ValueError):
    """The attached payload is not one this edition can check; ``field`` names what is wrong."""

    def __init__(self, field: str, problem: str) -> None:
        super().__init__(f"{field}: {problem}")
        self.field = field


class EarlierEdition(PayloadError):
    """The payload was written by an edition of the layout this one cannot reproduce."""


def utc_text(moment: dt.datetime) -> str:
    """An aware time as the payload stores it: UTC, to the second, ISO 8601."""
    return moment.astimezone(dt.UTC).replace(microsecond=0).isoformat()


def decision_records(rows: Any) -> tuple[DecisionRecord, ...]:
    """Stored decisions (``SignOff`` rows) as the payload carries them, ordered by participant."""
    records = [
        DecisionRecord(
            participant_key=row.participant_key,
            participant_name=row.participant_name,
            decision=row.decision,
            comment=row.comment,
            method=row.method,
            decided_at=utc_text(as_utc(row.decided_at)),
        )
        for row in rows
    ]
    return tuple(sorted(records, key=lambda record: record["participant_key"]))


def as_utc(moment: dt.datetime) -> dt.datetime:
    """A stored time as aware UTC: SQLite gives back naive times, and every stored time is UTC
    (``models.utcnow``)."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=dt.UTC)


@dataclass(frozen=True)
class SignOffCount:
    """How many of those who must agree (everyone present) agreed to the version."""

    agreed: int
    needed: int

    @property
    def complete(self) -> bool:
        return self.needed > 0 and self.agreed >= self.needed


@dataclass(frozen=True)
class PlanPayload:
    """Everything a plan PDF shows: the snapshot and its fingerprint, status and decisions."""

    snapshot: Snapshot
    sha256: str
    signed_off: bool
    decisions: tuple[DecisionRecord, ...] = ()
    # A concept exported before any version was frozen: it says so instead of "version 1".
    draft: bool = False
    # The moment the PDF carries as its date (UTC, ISO): when the version was frozen, or when a
    # concept was exported; empty means the session's own date.
    dated: str = ""
    language: str = DEFAULT_LANGUAGE
    # The edition it is drawn in; by default the one this version draws its kind of plan in.
    renderer: int = 0

    def __post_init__(self) -> None:
        if not self.renderer:
            object.__setattr__(self, "renderer", edition_for(self.snapshot))

    @property
    def seal(self) -> str:
        """The SHA-256 over everything the reader sees besides the snapshot's own content."""
        sealed = {"format": SEAL_FORMAT, **self._described()}
        return hashlib.sha256(_canonical(sealed)).hexdigest()

    @property
    def count(self) -> SignOffCount:
        needed = {person["key"] for person in present_participants(self.snapshot)}
        agreed = {
            d["participant_key"] for d in self.decisions if d["decision"] == Decision.AGREED.value
        }
        return SignOffCount(agreed=len(needed & agreed), needed=len(needed))

    def _described(self) -> dict[str, Any]:
        return {
            "renderer": self.renderer,
            "language": self.language,
            "sha256": self.sha256,
            "signed_off": self.signed_off,
            "draft": self.draft,
            "dated": self.dated,
            "decisions": [dict(d) for d in self.decisions],
        }

    def to_bytes(self) -> bytes:
        data = {
            "format": PAYLOAD_FORMAT,
            **self._described(),
            "snapshot": self.snapshot,
            "seal": self.seal,
        }
        return json.dumps(data, sort_keys=True, ensure_ascii=False, indent=1).encode("utf-8")

    @classmethod
    def from_bytes(cls, raw: bytes) -> PlanPayload:
        """Read and check an attached payload; raises ``PayloadError`` naming the bad field."""
        try:
            data = json.loads(raw.decode("utf-8"))
        # ValueError: also an integer of thousands of digits, which Python refuses to read.
        except (ValueError, RecursionError) as error:
            raise PayloadError("payload", "not readable JSON") from error
        if not isinstance(data, dict):
            raise PayloadError("payload", "not a JSON object")
        form = data.get("format")
        if form in EARLIER_FORMATS:
            edition = data.get("renderer", 1)
            raise EarlierEdition(
                "renderer",
                f"made by layout edition {edition!r}; this version draws edition "
                f"{RENDERER} and cannot reproduce it",
            )
        if form != PAYLOAD_FORMAT:
            raise PayloadError("format", f"{form!r} is not {PAYLOAD_FORMAT!r}")
        renderer = _typed(data, "renderer", int)
        snapshot = _snapshot(data)
        drawn = edition_for(snapshot)
        if renderer != drawn:
            which = "an earlier" if renderer < drawn else "another"
            raise EarlierEdition(
                "renderer",
                f"made by {which} edition of the layout ({renderer}); this version draws "
                f"edition {drawn} and cannot reproduce it",
            )
        payload = cls(
            snapshot=snapshot,
            sha256=_hex(data, "sha256"),
            signed_off=_typed(data, "signed_off", bool),
            decisions=tuple(
                _decision(item, index) for index, item in enumerate(_typed(data, "decisions", list))
            ),
            draft=_typed(data, "draft", bool),
            dated=_moment(data, "dated"),
            language=_language(data),
            renderer=renderer,
        )
        if _hex(data, "seal") != payload.seal:
            raise PayloadError("seal", "does not match the decisions and status it seals")
        return payload

    def inconsistency(self) -> str:
        """Why this payload could not have been made by the app, or '' when it could."""
        names = {person.get("key"): person.get("name") for person in self.snapshot["participants"]}
        seen: set[str] = set()
        for decision in self.decisions:
            key = decision["participant_key"]
            if key not in names:
                return f"a decision of {key!r}, who is not a participant of this version"
            if decision["participant_name"] != names[key]:
                return f"the decision of {key!r} names someone else than the attendance list"
            if key in seen:
                return f"two decisions of {key!r}"
            seen.add(key)
        if self.draft and (self.decisions or self.signed_off):
            return "a concept that was never frozen carries decisions"
        if self.signed_off != self.count.complete:
            count = self.count
            return (
                f"says {'signed off' if self.signed_off else 'not signed off'} with "
                f"{count.agreed} of {count.needed} present participants agreeing"
            )
        return ""


def _canonical(value: object) -> bytes:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode(
        "utf-8"
    )


def _typed(data: dict[str, Any], key: str, kind: type) -> Any:
    value = data.get(key)
    # bool is an int in Python: a count or edition must not be given as true/false.
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise PayloadError(key, f"{value!r} is not a {kind.__name__}")
    return value


def _hex(data: dict[str, Any], key: str) -> str:
    value = _typed(data, key, str)
    if not _HEX.fullmatch(value):
        raise PayloadError(key, f"{value!r} is not a SHA-256 in lower-case hex")
    return str(value)


def _moment(data: dict[str, Any], key: str) -> str:
    value = str(_typed(data, key, str))
    if value:
        _parse_utc(key, value)
    return value


def _parse_utc(key: str, value: str) -> dt.datetime:
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError as error:
        raise PayloadError(key, f"{value!r} is not an ISO 8601 time") from error
    if moment.tzinfo is None or moment.utcoffset() != dt.timedelta(0) or value != utc_text(moment):
        raise PayloadError(key, f"{value!r} is not a time in UTC to the second")
    return moment


def _language(data: dict[str, Any]) -> str:
    value = _typed(data, "language", str)
    if value not in LANGUAGES:
        raise PayloadError("language", f"{value!r} is not one of {', '.join(LANGUAGES)}")
    return str(value)


def _snapshot(data: dict[str, Any]) -> Snapshot:
    snapshot = _typed(data, "snapshot", dict)
    if snapshot.get("format") != PLAN_FORMAT:
        raise PayloadError("snapshot.format", f"{snapshot.get('format')!r} is not {PLAN_FORMAT!r}")
    version = snapshot.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise PayloadError("snapshot.version", f"{version!r} is not a version number")
    for section in ("session", "casus", "follow_up"):
        if not isinstance(snapshot.get(section), dict):
            raise PayloadError(f"snapshot.{section}", "missing")
    for section in ("participants", "stakeholders", "relations", "themes", "agreements"):
        rows = snapshot.get(section)
        if not isinstance(rows, list) or not all(isinstance(row, dict) for row in rows):
            raise PayloadError(f"snapshot.{section}", "not a list of records")
    return snapshot


def _decision(item: object, index: int) -> DecisionRecord:
    where = f"decisions[{index}]"
    if not isinstance(item, dict) or set(item) != _DECISION_KEYS:
        raise PayloadError(where, "not a decision record")
    if not all(isinstance(value, str) for value in item.values()):
        raise PayloadError(where, "every field of a decision is text")
    if item["decision"] not in Decision.values():
        raise PayloadError(f"{where}.decision", f"{item['decision']!r} is not a decision")
    if item["method"] not in DecisionMethod.values():
        raise PayloadError(f"{where}.method", f"{item['method']!r} is not a way of deciding")
    _parse_utc(f"{where}.decided_at", item["decided_at"])
    return DecisionRecord(**item)  # type: ignore[typeddict-item]
