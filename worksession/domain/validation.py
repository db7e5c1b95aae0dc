"""Field rules for every record a user edits: type, limits and allowed values, checked before write.

Operations clean their input here, so a rejected change names the record, the field and the
value, and nothing is written.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from worksession.domain.conditions import ConditionState
from worksession.domain.nul_text import NUL, nul_refusal
from worksession.domain.schedule import parse_start_time
from worksession.domain.values import (
    AgreementKind,
    AgreementStatus,
    Domain,
    IndicatorSeen,
    Invitation,
    LessonKind,
    RegistrationType,
    RelationKind,
    ReviewDecision,
    Variant,
    VoteEntry,
    VoteMode,
)
from worksession.i18n import _

SHORT_TEXT_MAX = 200
LONG_TEXT_MAX = 10_000

Kind = Literal["short", "long", "date", "bool", "int", "choice", "time", "offers", "builds_on"]

# A catalogue key, as the interchange format's keys are (``docs/interchange.md``).
KEY_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,63}")
OFFERS_MAX = 50


class ValidationError(ValueError):
    """A value the user gave does not fit its field; ``path`` names the field."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path = path
        self.message = message


@dataclass(frozen=True)
class FieldSpec:
    kind: Kind
    required: bool = False
    minimum: int | None = None
    maximum: int | None = None
    choices: tuple[str, ...] = ()


_SHORT = FieldSpec("short")
_LONG = FieldSpec("long")
_DATE = FieldSpec("date")
_BOOL = FieldSpec("bool")
_TITLE = FieldSpec("short", required=True)
_DOMAIN = FieldSpec("choice", choices=Domain.values())
_SCALE = FieldSpec("int", minimum=1, maximum=5)

SPECS: dict[str, dict[str, FieldSpec]] = {
    "session": {
        "title": _TITLE,
        "wijk": _SHORT,
        "gemeente": _SHORT,
        "date": _DATE,
        "location": _SHORT,
        "coach": _SHORT,
        "variant": FieldSpec("choice", choices=Variant.values()),
        "accredited": _BOOL,
        "accreditation_id": _SHORT,
        "programme": _SHORT,
        "ambition": _LONG,
        "start_time": FieldSpec("time"),
    },
    "casus": {"title": _SHORT, "text": _LONG, "question": _LONG},
    "figure": {"label": _TITLE, "value": _SHORT, "source": _SHORT},
    "insight": {"text": FieldSpec("long", required=True)},
    "participant": {
        "name": _TITLE,
        "initials": _SHORT,
        "organisation": _SHORT,
        "role": _SHORT,
        "domain": _DOMAIN,
        "email": _SHORT,
        "registration_type": FieldSpec("choice", choices=RegistrationType.values()),
        "registration": _SHORT,
        "invitation": FieldSpec("choice", choices=Invitation.values()),
        "present": _BOOL,
        "call_for": _SHORT,
        "share_email": _BOOL,
    },
    "stakeholder": {
        "name": _TITLE,
        "organisation": _SHORT,
        "domain": _DOMAIN,
        "role": _SHORT,
        "offers": FieldSpec("offers"),
        "offer": _LONG,
        "influence": _SCALE,
        "interest": _SCALE,
        "present": _BOOL,
    },
    "relation": {"kind": FieldSpec("choice", choices=RelationKind.values())},
    "theme": {
        "title": _TITLE,
        "target_group": _SHORT,
        "why": _LONG,
        "votes": FieldSpec("int", minimum=0, maximum=100_000),
        "rank": FieldSpec("int", minimum=1, maximum=10_000),
        "priority": _BOOL,
    },
    "improvement": {"text": FieldSpec("long", required=True)},
    "agreement": {
        "kind": FieldSpec("choice", choices=AgreementKind.values()),
        "what": FieldSpec("long", required=True),
        "due": _DATE,
        "resources": _LONG,
        "indicator": _LONG,
        "status": FieldSpec("choice", choices=AgreementStatus.values()),
        "builds_on": FieldSpec("builds_on"),
    },
    # The progress log between the sessions: entries are only added, never edited.
    "agreement_progress": {
        "status": FieldSpec("choice", required=True, choices=AgreementStatus.values()),
        "date": _DATE,
        "note": _LONG,
        "reported_by": _SHORT,
    },
    # The follow-up session's review of a carried agreement; None is "not reviewed yet".
    "agreement_review": {
        "status_now": FieldSpec("choice", choices=AgreementStatus.values()),
        "what_happened": _LONG,
        "indicator_seen": FieldSpec("choice", choices=IndicatorSeen.values()),
        "evidence": _LONG,
        "decision": FieldSpec("choice", choices=ReviewDecision.values()),
    },
    "referral": {
        "signal": FieldSpec("long", required=True),
        "contact": _SHORT,
        "feedback": _BOOL,
        "feedback_how": _LONG,
    },
    "follow_up": {"next_meeting": _DATE, "evaluation": _DATE, "funding": _LONG},
    "evaluation": {
        "went_well": _LONG,
        "to_improve": _LONG,
        "score": FieldSpec("int", minimum=1, maximum=10),
    },
    # A card of *Wat werkte, wat niet*; its obstacle is a catalogue key ("" for anders).
    "lesson_card": {
        "kind": FieldSpec("choice", required=True, choices=LessonKind.values()),
        "obstacle": _SHORT,
        "text": FieldSpec("long", required=True),
    },
    # A participant's evaluation form typed in from paper: every answer may be left open.
    "feedback_form": {
        "score": FieldSpec("int", minimum=1, maximum=10),
        "takeaway": _LONG,
        "to_improve": _LONG,
    },
    # A condition of borging (``domain.conditions``): its kind names the row, who arranges it is a
    # person, so neither is a field here.
    "condition": {
        "state": FieldSpec("choice", choices=ConditionState.values()),
        "note": _LONG,
    },
    "step_note": {"text": _LONG},
    "vote_round": {
        "mode": FieldSpec("choice", choices=VoteMode.values()),
        "entry": FieldSpec("choice", choices=VoteEntry.values()),
        "per_person": FieldSpec("int", minimum=1, maximum=1000),
        "cap": FieldSpec("int", minimum=1, maximum=1000),
        "anonymous": _BOOL,
        "voters": FieldSpec("int", minimum=0, maximum=10_000),
    },
    "vote": {"count": FieldSpec("int", minimum=0, maximum=1000)},
    "step_timing": {
        "actual_seconds": FieldSpec("int", minimum=0, maximum=24 * 60 * 60),
        "extra_minutes": FieldSpec("int", minimum=0, maximum=480),
    },
}

_NULLABLE = {
    ("theme", "rank"),
    ("evaluation", "score"),
    ("feedback_form", "score"),
    ("session", "start_time"),
    ("vote_round", "per_person"),
    ("vote_round", "cap"),
    ("vote_round", "voters"),
    ("agreement_review", "status_now"),
    ("agreement_review", "indicator_seen"),
    ("agreement_review", "decision"),
    ("agreement", "builds_on"),
}


# The tables whose record in SPECS has another name.
_RECORD_OF_TABLE = {"work_session": "session", "key_figure": "figure"}


def record_of_table(table: str) -> str:
    """The record in ``SPECS`` that holds the fields of database table ``table``."""
    return _RECORD_OF_TABLE.get(table, table)


def text_limit(record: str, field: str) -> int | None:
    """How many characters the text field ``record.field`` holds; None when it is no text.

    The window's fields stop there, so what the coach types is never refused for its length.
    """
    spec = SPECS.get(record, {}).get(field)
    if spec is None or spec.kind not in ("short", "long"):
        return None
    return LONG_TEXT_MAX if spec.kind == "long" else SHORT_TEXT_MAX


# ``verify`` prints a plan's title before the version's fingerprint and seal: a title carrying
# such a code could put another plan's code first on that line, so no title may.
FINGERPRINT_MARK = "sha256:"


def fingerprint_mark_in(title: str) -> bool:
    return FINGERPRINT_MARK in title.lower()


def clean(record: str, changes: Mapping[str, object]) -> dict[str, Any]:
    """Return ``changes`` checked and normalised for ``record``; raise ``ValidationError``."""
    specs = SPECS[record]
    cleaned: dict[str, Any] = {}
    for name, value in changes.items():
        path = f"{record}.{name}"
        spec = specs.get(name)
        if spec is None:
            raise ValidationError(path, _("unknown field"))
        if value is None and (spec.kind == "date" or (record, name) in _NULLABLE):
            cleaned[name] = None
            continue
        cleaned[name] = _clean_value(path, spec, value)
    if record == "session" and fingerprint_mark_in(str(cleaned.get("title", ""))):
        raise ValidationError(
            "session.title",
            _(
                "must not contain {mark!r}: the plan's check prints its codes after the title"
            ).format(mark=FINGERPRINT_MARK),
        )
    return cleaned


def _clean_value(path: str, spec: FieldSpec, value: object) -> object:
    if spec.kind in ("short", "long", "choice"):
        if not isinstance(value, str):
            raise ValidationError(path, _("expected text, got {value!r}").format(value=value))
        text = value.strip() if spec.kind != "long" else value
        limit = SHORT_TEXT_MAX if spec.kind != "long" else LONG_TEXT_MAX
        if spec.required and not text.strip():
            raise ValidationError(path, _("must not be empty"))
        if NUL in text:
            raise ValidationError(path, nul_refusal())
        if len(text) > limit:
            raise ValidationError(
                path,
                _("is {length} characters long; at most {limit} fit").format(
                    length=len(text), limit=limit
                ),
            )
        if spec.kind == "choice" and text not in spec.choices:
            raise ValidationError(
                path,
                _("{value!r} is not one of: {choices}").format(
                    value=text, choices=", ".join(repr(c) for c in spec.choices)
                ),
            )
        return text
    if spec.kind == "bool":
        if not isinstance(value, bool):
            raise ValidationError(path, _("expected yes/no, got {value!r}").format(value=value))
        return value
    if spec.kind == "int":
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValidationError(
                path, _("expected a whole number, got {value!r}").format(value=value)
            )
        if (spec.minimum is not None and value < spec.minimum) or (
            spec.maximum is not None and value > spec.maximum
        ):
            raise ValidationError(
                path,
                _("{value} is outside {minimum}–{maximum}").format(
                    value=value, minimum=spec.minimum, maximum=spec.maximum
                ),
            )
        return value
    if spec.kind == "time":
        return _clean_time(path, value)
    if spec.kind == "offers":
        return _clean_offers(path, value)
    if spec.kind == "builds_on":
        return _clean_builds_on(path, value)
    return _clean_date(path, value)


def _catalogue_key(path: str, value: object) -> str:
    if not isinstance(value, str) or not KEY_PATTERN.fullmatch(value):
        raise ValidationError(
            path, _("{value!r} is not a key of the catalogue of offers").format(value=value)
        )
    return value


def _text_field(path: str, value: object) -> str:
    return str(_clean_value(path, _SHORT, value))


def _clean_offers(path: str, value: object) -> list[dict[str, str]]:
    """The catalogue's offers of a stakeholder: each once, by key with its name, in the order
    picked."""
    if not isinstance(value, list | tuple) or len(value) > OFFERS_MAX:
        raise ValidationError(
            path, _("expected a list of at most {count} offers").format(count=OFFERS_MAX)
        )
    offers: dict[str, dict[str, str]] = {}
    for item in value:
        if not isinstance(item, dict):
            raise ValidationError(path, _("expected an offer, got {value!r}").format(value=item))
        key = _catalogue_key(path, item.get("id"))
        offers.setdefault(key, {"id": key, "name": _text_field(path, item.get("name", ""))})
    return list(offers.values())


def _clean_builds_on(path: str, value: object) -> dict[str, object] | None:
    """What an agreement builds on; an offer of none and no text is nothing (None)."""
    if not isinstance(value, dict):
        raise ValidationError(
            path, _("expected an offer or a text, got {value!r}").format(value=value)
        )
    offer = value.get("offer")
    key = None if offer in (None, "") else _catalogue_key(path, offer)
    name = _text_field(path, value.get("name", "")) if key is not None else ""
    text = _text_field(path, value.get("text", ""))
    if key is None and not text:
        return None
    return {"offer": key, "name": name, "text": text}


def _clean_time(path: str, value: object) -> str | None:
    """A time of day as "HH:MM" ("9:05" becomes "09:05"); an empty text means none."""
    if isinstance(value, dt.time):
        return value.strftime("%H:%M")
    if isinstance(value, str):
        if not value.strip():
            return None
        parsed = parse_start_time(value)
        if parsed is not None:
            return parsed.strftime("%H:%M")
    raise ValidationError(path, _("{value!r} is not a time of day (HH:MM)").format(value=value))


def _clean_date(path: str, value: object) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise ValidationError(path, _("{value!r} is not a date (YYYY-MM-DD)").format(value=value))
