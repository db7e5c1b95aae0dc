"""The invitation to a session as plain text, to paste into an e-mail or a newsletter: why come
(the method, the casus, the ambition), when and where, the programme with its times, and the
accreditation when the session has it. Made in the language the caller speaks (``i18n``)."""

from __future__ import annotations

from worksession.domain.document_types import InterchangeDocument
from worksession.domain.long_dates import long_date
from worksession.export.programme_sheet import ProgrammeSheet
from worksession.i18n import _


def invitation_text(document: InterchangeDocument, sheet: ProgrammeSheet) -> str:
    """The whole invitation; ``sheet`` is the session's programme (``sheet_of_session``)."""
    session = document["session"]
    casus = document.get("casus") or {}
    lines = [_("Invitation: {title}").format(title=sheet.title), ""]
    lines.append(_("Dear colleague,"))
    lines.append("")
    where = f" {_('in {wijk}').format(wijk=session['wijk'])}" if session.get("wijk") else ""
    lines.append(
        _(
            "You are invited to the work session “{title}”{where}: half a day with the "
            "professionals of the wijk — from primary care, public health, the social domain and "
            "sport and lifestyle — and its residents."
        ).format(title=sheet.title, where=where)
    )
    lines += ["", _("Why come?")]
    lines.append(
        "- "
        + _(
            "You meet the people you can call for your patients and clients, and learn "
            "what they offer."
        )
    )
    if casus.get("title"):
        case = _("We work on a recognisable casus: {title}.").format(title=casus["title"].strip())
        if casus.get("question"):
            case += " " + casus["question"].strip()
        lines.append("- " + case)
    lines.append(
        "- "
        + _(
            "Together we choose about three shared priorities and make concrete agreements, "
            "each with one lead."
        )
    )
    if session.get("ambition"):
        lines.append(
            "- " + _("Our ambition: {ambition}").format(ambition=session["ambition"].strip())
        )
    lines += ["", *_when_and_where(sheet)]
    if sheet.timed:  # a session made without a programme has no parts to list
        lines += ["", _("Programme"), *_programme(sheet)]
    if sheet.accredited:
        lines += [
            "",
            _(
                "Accreditation has been requested for GPs and practice staff. Bring your "
                "registration number (BIG or quality register) and sign the attendance list."
            ),
        ]
    lines += ["", _("Please let us know whether you will come.")]
    if sheet.coach:
        lines += ["", _("Kind regards,"), sheet.coach]
    # A part left out (no date, no place, no programme) leaves no empty lines behind.
    kept = [line for index, line in enumerate(lines) if line or (index and lines[index - 1])]
    return "\n".join(kept).rstrip() + "\n"


def _when_and_where(sheet: ProgrammeSheet) -> list[str]:
    lines: list[str] = []
    if sheet.date is not None:
        when = long_date(sheet.date)
        end = sheet.end()
        if sheet.start is not None and end is not None:
            when += f", {sheet.start:%H:%M}–{end:%H:%M}"
        lines.append(_("When: {when}").format(when=when))
    # "Buurthuis De Mijnlamp, Kaalheide (Kerkrade)" names the wijk and gemeente already.
    named = sheet.location.casefold()
    extra = [part for part in sheet.place.split(", ") if part and part.casefold() not in named]
    place = ", ".join(part for part in (sheet.location, *extra) if part)
    if place:
        lines.append(_("Where: {place}").format(place=place))
    return lines


def _programme(sheet: ProgrammeSheet) -> list[str]:
    """One line per part of the session: its times when the start is known, else its minutes."""
    lines = []
    for step, times in zip(sheet.timed, sheet.clock(), strict=True):
        if times is None:
            lead = _("{minutes} min").format(minutes=step.minutes)
        else:
            lead = f"{times[0]:%H:%M}–{times[1]:%H:%M}"
        lines.append(f"{lead}  {step.title}")
    return lines
