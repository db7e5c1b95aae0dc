"""The toolkit's lessons as checks on a session document: gentle notices, never a block.

Each check says what is missing and which step of the programme it belongs to, so the app can
show it as a clickable notice that leads the coach to the right page.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from worksession.domain.interchange import Document
from worksession.domain.values import Domain, StepKind
from worksession.i18n import N_, _

HIGH_INFLUENCE = 4
_GP_WORDS = ("huisarts", "praktijkondersteuner", "poh", "general practitioner")


@dataclass(frozen=True)
class Check:
    """A notice for the coach; ``code`` is stable, ``message`` is translated."""

    code: str
    message: str
    step_kind: StepKind
    key: str | None = None  # the record it is about, when it is about one


def _has_gp(records: list[dict[str, Any]]) -> bool:
    return any(
        word in str(record.get("role", "")).lower() for record in records for word in _GP_WORDS
    )


def lesson_checks(document: Document) -> list[Check]:
    """Every lesson the session does not meet yet, in the order of the programme."""
    participants = document.get("participants", [])
    stakeholders = document.get("stakeholders", [])
    themes = document.get("themes", [])
    agreements = document.get("agreements", [])
    people = participants + stakeholders
    checks: list[Check] = []

    if not _has_gp(people):
        checks.append(
            Check(
                "no-gp",
                _("No huisarts or praktijkondersteuner takes part: involve them from the start."),
                StepKind.PREPARATION,
            )
        )
    if not any(person.get("domain") == Domain.RESIDENTS for person in people):
        checks.append(Check("no-residents", _("No inwoners are involved."), StepKind.PREPARATION))
    for stakeholder in stakeholders:
        if stakeholder.get("influence", 0) >= HIGH_INFLUENCE and not stakeholder.get("present"):
            checks.append(
                Check(
                    "influential-absent",
                    _("{name} has much influence but was not in the room.").format(
                        name=stakeholder["name"]
                    ),
                    StepKind.SOCIALE_KAART,
                    stakeholder["key"],
                )
            )
    priorities = [theme for theme in themes if theme.get("priority")]
    if len(priorities) > 3:
        checks.append(
            Check(
                "too-many-priorities",
                _("{count} priorities: about three keeps the plan doable.").format(
                    count=len(priorities)
                ),
                StepKind.PRIORITISING,
            )
        )
    for agreement in agreements:
        checks += _agreement_checks(agreement)
    themes_with_agreements = {agreement.get("theme") for agreement in agreements}
    for theme in priorities:
        if theme["key"] not in themes_with_agreements:
            checks.append(
                Check(
                    "priority-without-agreement",
                    _("Priority “{title}” has no agreement yet.").format(title=theme["title"]),
                    StepKind.AGREEMENTS,
                    theme["key"],
                )
            )
    if not document.get("follow_up", {}).get("kartrekker"):
        checks.append(
            Check(
                "no-kartrekker",
                _("No kartrekker: every plan needs a local lead for the follow-up."),
                StepKind.FOLLOW_UP,
            )
        )
    order = list(StepKind)
    return sorted(checks, key=lambda check: order.index(check.step_kind))


_AGREEMENT_GAPS = {
    "lead": N_("Agreement “{what}” has no lead."),
    "due": N_("Agreement “{what}” has no date."),
}


def _agreement_checks(agreement: dict[str, Any]) -> list[Check]:
    what = str(agreement.get("what", ""))
    short = what if len(what) <= 50 else what[:49] + "…"
    return [
        Check(
            f"agreement-without-{field}",
            _(message).format(what=short),
            StepKind.AGREEMENTS,
            agreement["key"],
        )
        for field, message in _AGREEMENT_GAPS.items()
        if not agreement.get(field)
    ]
