"""The agreements of the plan per theme (numbered A1, A2 …), the referral agreements, and
Vervolg en borging: what the group will do, and who keeps it going."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Spacer

from worksession.domain.agreement_numbers import agreement_groups, agreement_numbers
from worksession.domain.document_keys import theme_titles
from worksession.domain.plan import Snapshot
from worksession.domain.values import AgreementKind, AgreementStatus, RelationKind
from worksession.export.pdf.blocks import CONTENT_WIDTH, Heading, people, table
from worksession.export.pdf.conditions import conditions
from worksession.export.pdf.text import day, label_value
from worksession.i18n import _


def agreements(snapshot: Snapshot) -> list[Flowable]:
    names = people(snapshot)
    numbers = agreement_numbers(snapshot["themes"], snapshot["agreements"])
    flow: list[Flowable] = [Heading(_("Agreements"), "agreements")]
    header = [
        _("No."),
        _("What"),
        _("Lead and partners"),
        _("When, status"),
        _("Resources and how we see it worked"),
    ]
    widths = [w * CONTENT_WIDTH for w in (0.065, 0.335, 0.2, 0.14, 0.26)]
    groups = agreement_groups(snapshot["themes"], snapshot["agreements"])
    for index, (theme, rows) in enumerate(groups):
        title = str(theme["title"]) if theme is not None else _("Other agreements")
        flow.append(Heading(title, f"agreements-{index}", level=1))
        flow.append(
            table(header, [(numbers[a["key"]], *_agreement_row(a, names)) for a in rows], widths)
        )
    flow += referrals(snapshot)
    return flow


def follow_up(snapshot: Snapshot) -> list[Flowable]:
    """Vervolg en borging: who keeps the agreements going, when the group looks back, and the
    conditions that make the agreements last (only when the plan has any)."""
    names = people(snapshot)
    follow_up = snapshot["follow_up"]
    return [
        Spacer(1, 6 * mm),
        Heading(_("Follow-up"), "follow-up"),
        label_value(_("Kartrekker"), names.get(follow_up["kartrekker"] or "", "–")),
        label_value(
            _("Werkgroep"), ", ".join(names.get(k, k) for k in follow_up["werkgroep"]) or "–"
        ),
        label_value(_("Next meeting"), day(follow_up["next_meeting"])),
        label_value(_("Evaluation"), day(follow_up["evaluation"])),
        label_value(_("Funding"), follow_up["funding"]),
        *conditions(snapshot),
        PageBreak(),
    ]


def referrals(snapshot: Snapshot) -> list[Flowable]:
    """Who refers to whom: first the arrows drawn on the sociale kaart, then the referral
    agreements made as records (signal, from → to, contact person, feedback)."""
    return _referral_map(snapshot) + _referral_agreements(snapshot)


def _referral_map(snapshot: Snapshot) -> list[Flowable]:
    """Who refers to whom and who reports back, from the relations on the sociale kaart."""
    names = people(snapshot)
    rows = [
        (
            names.get(r["from"], r["from"]),
            RelationKind(r["kind"]).label,
            names.get(r["to"], r["to"]),
        )
        for r in snapshot["relations"]
        if r["kind"] in (RelationKind.REFERS_TO, RelationKind.FEEDS_BACK_TO)
    ]
    if not rows:
        return []
    widths = [w * CONTENT_WIDTH for w in (0.4, 0.2, 0.4)]
    return [
        Heading(_("Referrals on the sociale kaart"), "referral-map", level=1),
        table([_("From"), _("Relation"), _("To")], rows, widths),
    ]


def _referral_agreements(snapshot: Snapshot) -> list[Flowable]:
    """The verwijsafspraken: on which signal, who refers to whom, the contact person there, and
    whether (and how) the one referred to reports back. Plans without them have no key."""
    records = snapshot.get("referrals", [])
    if not records:
        return []
    names = people(snapshot)
    titles = theme_titles(snapshot)

    def who(key: str | None) -> str:
        return names.get(key, key) if key else "–"

    rows = [
        (
            r["signal"] + (f"\n({titles[r['theme']]})" if r["theme"] else ""),
            f"{who(r['from'])}\n→ {who(r['to'])}",
            r["contact"] or "–",
            (_("yes") if r["feedback"] else _("no"))
            + (f": {r['feedback_how']}" if r["feedback_how"] else ""),
        )
        for r in records
    ]
    # The contact column is the widest: an e-mail address cannot wrap without breaking it.
    widths = [w * CONTENT_WIDTH for w in (0.26, 0.20, 0.33, 0.21)]
    header = [_("Signal"), _("From → to"), _("Contact person"), _("Feedback")]
    return [
        Heading(_("Referral agreements"), "referrals", level=1),
        table(header, rows, widths),
    ]


def _agreement_row(agreement: Mapping[str, Any], names: dict[str, str]) -> tuple[str, ...]:
    partners = ", ".join(names.get(key, key) for key in agreement["partners"])
    lead = _("Lead: {name}").format(name=names.get(agreement["lead"] or "", "–"))
    return (
        agreement["what"] + _builds_on_line(agreement),
        lead + (f"\n{_('With')}: {partners}" if partners else ""),
        f"{day(agreement['due'])}\n{AgreementStatus(agreement['status']).label}"
        f"\n({AgreementKind(agreement['kind']).label})",
        f"{_('Resources')}: {agreement['resources'] or '–'}\n"
        f"{_('How we see it worked')}: {agreement['indicator'] or '–'}",
    )


def _builds_on_line(agreement: Mapping[str, Any]) -> str:
    """ "Sluit aan bij …" under the agreement's text (edition 7), or nothing: a plan without it
    draws as before."""
    builds_on = agreement.get("builds_on")
    if not builds_on:
        return ""
    named = " – ".join(part for part in (builds_on["name"] or "", builds_on["text"]) if part)
    return "\n" + _("Builds on: {named}").format(named=named)
