"""Who is new on the sociale kaart and who left, since the first session's signed plan.

A follow-up session carries the sociale kaart of the first session with the same stakeholder
keys, then the room changes it: parties join, parties are gone. Comparing the keys of the signed
version (the document's ``origin.plan``, from ``SessionOrigin.snapshot``) with the kaart as it is
now says which: a key only in the
current kaart is new, a key only in the signed one has left. Keys, not names: a party renamed in
the follow-up is still the same party.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from worksession.domain.document_types import InterchangeDocument as Document
from worksession.i18n import _


@dataclass(frozen=True)
class KaartChanges:
    new: frozenset[str]  # keys of stakeholders that were not on the signed kaart
    left: tuple[str, ...]  # names of those on the signed kaart that are gone, in its order

    def __bool__(self) -> bool:
        return bool(self.new or self.left)


NO_CHANGES = KaartChanges(frozenset(), ())


def kaart_changes(
    signed: Iterable[Mapping[str, Any]], current: Iterable[Mapping[str, Any]]
) -> KaartChanges:
    """Compare the signed kaart's stakeholders with the current ones, by key."""
    signed = list(signed)
    before = {str(stakeholder.get("key", "")) for stakeholder in signed}
    now = {str(stakeholder.get("key", "")) for stakeholder in current}
    left = tuple(
        str(stakeholder.get("name") or stakeholder.get("key", ""))
        for stakeholder in signed
        if str(stakeholder.get("key", "")) not in now
    )
    return KaartChanges(frozenset(now - before), left)


def changes_since_origin(document: Document) -> KaartChanges:
    """The changes since the signed plan a follow-up session reviews; none for a session that
    reviews none."""
    origin = document.get("origin")
    plan: Any = origin.get("plan") if isinstance(origin, Mapping) else None
    signed = plan.get("stakeholders") if isinstance(plan, Mapping) else None
    if not isinstance(signed, list):
        return NO_CHANGES
    current = document.get("stakeholders", [])
    return kaart_changes((s for s in signed if isinstance(s, Mapping)), current)


def left_line(names: Sequence[str], limit: int = 6) -> str:
    """ "Left since the work session: A, B and 3 more" — one short line for a cramped page."""
    if not names:
        return ""
    shown = ", ".join(names[:limit])
    if len(names) > limit:
        shown = _("{names} and {count} more").format(names=shown, count=len(names) - limit)
    return _("left since the work session: {names}").format(names=shown)
