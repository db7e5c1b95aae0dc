"""The *factsheet voor de huisarts* as a PDF: what one organisation of the sociale kaart can do
for the practice, on one A4 page.

From the top: the organisation, its domain and role; its offers, each with the catalogue's
description and the themes it serves; its own offer in its own words; whom to contact (name,
role, what to call them for, the e-mail when they agreed to share it); at the foot, the work
session it comes from. Its own document, drawn from a ``Factsheet``: the plan's layout and
edition are not touched; the plan's fonts print names in any script.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from worksession.domain.factsheet import Contact, Factsheet, OfferLine
from worksession.export.pdf.drawing import reportlab_settings
from worksession.export.pdf.sheet_document import cut_short, sheet_pdf
from worksession.export.pdf.styles import ACCENT
from worksession.export.pdf.text import day, label_value, markup, para, user_markup
from worksession.i18n import _

FOOTER_TITLE = 60  # characters of the session's title the footer shows


def factsheet_pdf(sheet: Factsheet) -> bytes:
    """The sheet as PDF bytes (the same sheet gives the same bytes)."""
    with reportlab_settings():  # as the plan is drawn: no other drawing changes them meanwhile
        return _render(sheet)


def _render(sheet: Factsheet) -> bytes:
    return sheet_pdf(
        story(sheet),
        title=_("Factsheet for the huisarts: {name}").format(name=sheet.name),
        author=sheet.name,
        footer=_origin(sheet),
        numbered_from=2,  # meant for one page: say so when it runs over
    )


def _origin(sheet: Factsheet) -> str:
    """Where the sheet comes from: the sociale kaart of the work session, and when."""
    where = ", ".join(part for part in (sheet.wijk, sheet.gemeente) if part)
    title = cut_short(sheet.session_title, FOOTER_TITLE)  # the place and date stay on the line
    parts = [_("From the sociale kaart of the work session “{title}”").format(title=title)]
    if where:
        parts.append(where)
    if sheet.date is not None:
        parts.append(day(sheet.date.isoformat()))
    return " · ".join(parts)


def story(sheet: Factsheet) -> list[Flowable]:
    flowables: list[Flowable] = [
        para(_("Factsheet for the huisarts"), "Muted"),
        para(sheet.name, "Title"),
        para(_("What we can do for your practice"), "Lead"),
    ]
    facts = [
        (_("Organisation"), sheet.organisation if sheet.organisation != sheet.name else ""),
        (_("Domain"), sheet.domain_label),
        (_("Role in the wijk"), sheet.role),
    ]
    flowables += [label_value(label, value) for label, value in facts if value]
    flowables += [Spacer(1, 4 * mm), para(_("Our offer"), "Heading1")]
    if not sheet.has_offer:
        flowables.append(
            para(
                _(
                    "No offer has been recorded yet. Add it on the sociale kaart: what can "
                    "this organisation do for the practice?"
                ),
                "Muted",
            )
        )
    for offer in sheet.offers:
        flowables.append(KeepTogether(_offer(offer)))
    if sheet.own_offer:
        if sheet.offers:
            flowables.append(para(_("In our own words"), "Heading2"))
        flowables.append(para(sheet.own_offer, "Body"))
    flowables += [Spacer(1, 2 * mm), para(_("Contact"), "Heading1")]
    if not sheet.contacts:
        flowables.append(
            para(
                _("No contact person linked on the sociale kaart yet."),
                "Muted",
            )
        )
    for contact in sheet.contacts:
        flowables.append(KeepTogether(_contact(contact)))
    return flowables


def _offer(offer: OfferLine) -> list[Flowable]:
    parts: list[Flowable] = [
        markup(
            f"<font color='{ACCENT.hexval()}'><b>{user_markup(offer.name, line_breaks=False)}"
            "</b></font>",
            "Body",
        )
    ]
    about = [part for part in (offer.kind, ", ".join(offer.themes)) if part]
    if offer.themes:
        about[-1] = _("themes: {themes}").format(themes=", ".join(offer.themes))
    if about:
        parts.append(para(" · ".join(about), "Muted"))
    if offer.description:
        parts.append(para(offer.description, "Body"))
    parts.append(Spacer(1, 2.5 * mm))
    return parts


def _contact(contact: Contact) -> list[Flowable]:
    heading = f"<b>{user_markup(contact.name, line_breaks=False)}</b>"
    if contact.role:
        heading += f" – {user_markup(contact.role, line_breaks=False)}"
    parts: list[Flowable] = [markup(heading, "Body")]
    if contact.call_for:
        parts.append(label_value(_("Call me for"), contact.call_for))
    if contact.email:
        parts.append(markup(f"<b>{escape(_('E-mail'))}</b>: {user_markup(contact.email)}"))
    parts.append(Spacer(1, 2 * mm))
    return parts
