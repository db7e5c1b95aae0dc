"""The toolkit's lessons as checks on a session document: gentle notices, never a block.

Each check says what is missing and which step of the programme it belongs to, so the app can
show it as a clickable notice that leads the coach to the right page.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from worksession.domain.changes import Changes, Part
from worksession.domain.conditions import ConditionKind, unarranged_required
from worksession.domain.document_types import Agreement
from worksession.domain.existing_offers import (
    OfferCatalogue,
    builds_on_existing,
    existing_offers,
)
from worksession.domain.interchange import Document
from worksession.domain.public_partners import PublicPartner, has_offer, public_partner
from worksession.domain.roles import RoleCatalogue, is_gp, is_resident
from worksession.domain.room import Room, present_participants
from worksession.domain.values import StepKind
from worksession.i18n import N_, _

HIGH_INFLUENCE = 4
# The parts of a session the checks read: a change to another part leaves them as they are.
CHECKED: Changes = frozenset(
    {
        Part.PARTICIPANTS,
        Part.STAKEHOLDERS,
        Part.THEMES,
        Part.AGREEMENTS,
        Part.FOLLOW_UP,
        Part.CONDITIONS,
    }
)


@dataclass(frozen=True)
class Check:
    """A notice for the coach; ``code`` is stable, ``message`` is translated."""

    code: str
    message: str
    step_kind: StepKind
    key: str | None = None  # the record it is about, when it is about one


def in_the_room(document: Document, roles: RoleCatalogue) -> list[Mapping[str, Any]]:
    """Everyone who took part: the participants present and the stakeholders in the room.

    The "no huisarts" and "no inwoners" checks both ask this list, so an absent huisarts does
    not count as involved and a stakeholder whose participant is there does.
    """
    participants = document.get("participants", [])
    room = Room(participants, roles)
    return present_participants(participants) + [
        stakeholder for stakeholder in document.get("stakeholders", []) if room.has(stakeholder)
    ]


def lesson_checks(
    document: Document,
    roles: RoleCatalogue | None = None,
    offers: OfferCatalogue | None = None,
) -> list[Check]:
    """Every lesson the session does not meet yet, in the order of the programme.

    ``roles`` is the toolkit's role catalogue: a role typed as "inwoner" is an inwoner;
    ``offers`` its catalogue of existing offers, for lesson 7.
    """
    roles = roles if roles is not None else RoleCatalogue()
    participants = document.get("participants", [])
    stakeholders = document.get("stakeholders", [])
    themes = document.get("themes", [])
    agreements = document.get("agreements", [])
    people = in_the_room(document, roles)
    room = Room(participants, roles)
    checks: list[Check] = []

    if not any(is_gp(person, roles) for person in people):
        checks.append(
            Check(
                "no-gp",
                _("No huisarts or praktijkondersteuner takes part: involve them from the start."),
                StepKind.PREPARATION,
            )
        )
    if not any(is_resident(person, roles) for person in people):
        checks.append(Check("no-residents", _("No inwoners are involved."), StepKind.PREPARATION))
    for stakeholder in stakeholders:
        if stakeholder.get("influence", 0) >= HIGH_INFLUENCE and not room.has(stakeholder):
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
    checks += public_offer_checks(participants, stakeholders, room, roles)
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
    checks += condition_checks(document)
    checks += unused_offer_checks(document, offers or OfferCatalogue())
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


_CONDITION_GAPS = {
    ConditionKind.DIRECTION: N_(
        "Nobody is named yet who directs the wijk (regie): agree who keeps the agreements together."
    ),
    ConditionKind.ROLES: N_(
        "Roles and responsibilities are not arranged yet: agree who does what after today."
    ),
}


def condition_checks(document: Document) -> list[Check]:
    """Regie and roles, once the plan has agreements: without them the agreements do not last
    (``domain.conditions``)."""
    return [
        Check(f"condition-{kind.value}", _(_CONDITION_GAPS[kind]), StepKind.FOLLOW_UP, kind.value)
        for kind in unarranged_required(document)
    ]


_AGREEMENT_GAPS = {
    "lead": N_("Agreement “{what}” has no lead."),
    "due": N_("Agreement “{what}” has no date."),
}


def _agreement_checks(agreement: Agreement) -> list[Check]:
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


_NO_OFFER = {
    PublicPartner.GGD: N_(
        "What can the GGD offer? {name} is in the room but has no offer on the kaart yet."
    ),
    PublicPartner.GEMEENTE: N_(
        "What can the gemeente offer? {name} is in the room but has no offer on the kaart yet."
    ),
}


def public_offer_checks(
    participants: Sequence[Mapping[str, Any]],
    stakeholders: Sequence[Mapping[str, Any]],
    room: Room,
    roles: RoleCatalogue,
) -> list[Check]:
    """Lesson 8: the GGD or the gemeente in the room without an offer recorded — ask them what
    they can do for the others (a factsheet for the huisarts is made from it). A GGD or gemeente
    present with no stakeholder on the kaart at all has no offer recorded either."""
    checks = []
    partners = [public_partner(stakeholder, roles) for stakeholder in stakeholders]
    for stakeholder, partner in zip(stakeholders, partners, strict=True):
        if partner is None or has_offer(stakeholder) or not room.has(stakeholder):
            continue
        checks.append(
            Check(
                f"{partner.value}-without-offer",
                _(_NO_OFFER[partner]).format(name=stakeholder["name"]),
                StepKind.SOCIALE_KAART,
                str(stakeholder["key"]),
            )
        )
    on_kaart = set(partners)
    for person in present_participants(participants):
        # A person's own name says nothing of where they work: their organisation, domain
        # and role do.
        works_at = {field: person.get(field) for field in ("organisation", "domain", "role")}
        partner = public_partner(works_at, roles)
        if partner is None or partner in on_kaart:
            continue
        on_kaart.add(partner)  # one notice per partner, however many of them came
        name = str(person.get("organisation") or person.get("name") or "")
        checks.append(
            Check(
                f"{partner.value}-without-offer",
                _(_NO_OFFER[partner]).format(name=name),
                StepKind.SOCIALE_KAART,
            )
        )
    return checks


def unused_offer_checks(document: Document, offers: OfferCatalogue) -> list[Check]:
    """Lesson 7: a priority for which the wijk already has offers, while none of its
    agreements says what it builds on ("sluit aan bij")."""
    stakeholders = document.get("stakeholders", [])
    agreements = document.get("agreements", [])
    checks = []
    for theme in document.get("themes", []):
        if not theme.get("priority") or builds_on_existing(agreements, theme["key"]):
            continue
        found = existing_offers(theme, stakeholders, offers)
        if found:
            names = ", ".join(offer.name for offer in found[:3])
            checks.append(
                Check(
                    "priority-ignores-existing-offers",
                    _(
                        "Priority “{title}” has existing offers in the wijk ({names}) that no "
                        "agreement builds on: build on them rather than start anew."
                    ).format(title=theme["title"], names=names),
                    StepKind.AGREEMENTS,
                    theme["key"],
                )
            )
    return checks
