"""The review step of a follow-up session: each carried agreement, then and now.

Pure rules, no storage. What an agreement said when the plan was signed, and its status then,
come from the signed snapshot the follow-up keeps (``SessionOrigin.snapshot``), found by the
agreement's key; the follow-up's own copy of the agreement is what the group may adjust. The
status now is what the coach records in the review, and until then the latest progress
report's status (``domain/progress.py``), or the status then when nobody reported. An
agreement counts as reviewed once the group took its decision.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, cast

from worksession.domain.agreement_numbers import agreement_numbers
from worksession.domain.document_keys import people_by_key
from worksession.domain.document_types import Agreement as AgreementRecord
from worksession.domain.document_types import PlanSnapshot
from worksession.domain.progress import ProgressEntry, current_status
from worksession.domain.values import AgreementStatus
from worksession.i18n import _


@dataclass(frozen=True)
class Wording:
    """What an agreement says: its text, trekker (a name), date and indicator."""

    what: str
    lead: str
    due: str  # ISO date or ""
    indicator: str


@dataclass(frozen=True)
class ReviewItem:
    """One carried agreement as the review step shows it."""

    review_id: int
    agreement_id: int
    key: str
    number: str  # "A3" as the signed plan numbers it; "" when it does not hold the key
    signed: Wording | None  # as signed; None when the snapshot does not hold the key
    current: Wording  # the follow-up's copy, adjusted or not
    status_then: str
    status_now: str  # recorded, else the default from the progress log
    status_recorded: bool  # whether the coach set the status now in the review
    what_happened: str
    indicator_seen: str | None
    evidence: str
    decision: str | None

    @property
    def reviewed(self) -> bool:
        return self.decision is not None

    @property
    def adjusted(self) -> bool:
        """Whether the follow-up's copy no longer says what was signed."""
        return self.signed is not None and self.signed != self.current


@dataclass(frozen=True)
class ReviewFocus:
    """The agreement the coach is on in the review step, for the beamer: ``place`` of
    ``count`` (from 1)."""

    item: ReviewItem
    place: int
    count: int


def load_snapshot(text: str) -> PlanSnapshot:
    """The signed plan snapshot stored as JSON; an unreadable one reads as an empty plan."""
    try:
        loaded = json.loads(text)
    except ValueError:
        return cast(PlanSnapshot, {})
    return cast(PlanSnapshot, loaded if isinstance(loaded, dict) else {})


def signed_agreements(snapshot: PlanSnapshot) -> dict[str, AgreementRecord]:
    """Key → the agreement as signed."""
    return {agreement["key"]: agreement for agreement in snapshot.get("agreements", [])}


def signed_numbers(snapshot: PlanSnapshot) -> dict[str, str]:
    """Key → the number ("A3") the signed plan gives each agreement: the room holds that plan."""
    return agreement_numbers(snapshot.get("themes", []), snapshot.get("agreements", []))


def walk_order(items: Iterable[ReviewItem]) -> list[ReviewItem]:
    """The agreements in the signed plan's order (A1, A2 …), any it does not hold after them."""
    listed = list(items)
    return sorted(
        listed,
        key=lambda item: (
            not item.number,
            int(item.number[1:]) if item.number[1:].isdigit() else 0,
            listed.index(item),
        ),
    )


def signed_wording(snapshot: PlanSnapshot, key: str) -> Wording | None:
    """What agreement ``key`` said in the signed plan; None when the plan does not hold it."""
    agreement = signed_agreements(snapshot).get(key)
    if agreement is None:
        return None
    names = people_by_key(snapshot)
    return wording(agreement, names)


def wording(agreement: Mapping[str, Any], names: Mapping[str, str]) -> Wording:
    """The wording of an agreement record (document or snapshot), its lead named."""
    lead_key = agreement.get("lead") or ""
    return Wording(
        what=str(agreement.get("what") or ""),
        lead=names.get(str(lead_key), ""),
        due=str(agreement.get("due") or ""),
        indicator=str(agreement.get("indicator") or ""),
    )


def status_then(snapshot: PlanSnapshot, key: str) -> str:
    """The agreement's status at sign-off ("open" when the snapshot does not say)."""
    agreement = signed_agreements(snapshot).get(key)
    status = str(agreement.get("status") or "") if agreement is not None else ""
    return status if status in AgreementStatus.values() else AgreementStatus.OPEN.value


def default_status_now(then: str, entries: Iterable[ProgressEntry]) -> str:
    """The status now before the group says otherwise: the latest progress report's."""
    return current_status(then, entries)


def reviewed_count(items: Sequence[ReviewItem]) -> int:
    return sum(1 for item in items if item.reviewed)


def status_label(status: str) -> str:
    """The translated label of a status slug; an unknown slug shows as it is."""
    try:
        return AgreementStatus(status).label
    except ValueError:
        return status


def then_to_now(item: ReviewItem) -> str:
    """ "open → bezig": the status at sign-off and now."""
    return f"{status_label(item.status_then)} → {status_label(item.status_now)}"


def review_slide_text(focus: ReviewFocus) -> tuple[str, tuple[str, ...]]:
    """(heading, paragraphs) of the beamer's slide for the agreement under review."""
    item = focus.item
    name = item.number or item.key
    heading = _("Agreement {name} ({place} of {count})").format(
        name=name, place=focus.place, count=focus.count
    )
    text = [item.current.what.strip()]
    if item.adjusted and item.signed is not None and item.signed.what != item.current.what:
        text.append(_("Adjusted; it read: {what}").format(what=item.signed.what.strip()))
    if item.current.lead:
        text.append(_("Trekker: {lead}").format(lead=item.current.lead))
    text.append(_("Status: {then_now}").format(then_now=then_to_now(item)))
    return heading, tuple(part for part in text if part)
