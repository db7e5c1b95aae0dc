"""The programme as a PDF, the attachment an accreditation request asks for: the parts with
their times and duration, the learning goals, the coach, and for a session its date, start and
place. Its own document, drawn from a ``ProgrammeSheet``; the plan's layout and edition are not
touched.
"""

from __future__ import annotations

import datetime as dt
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, ListFlowable, ListItem, Spacer

from worksession.domain.long_dates import long_date
from worksession.export.pdf.blocks import CONTENT_WIDTH, table, with_first_row
from worksession.export.pdf.drawing import reportlab_settings
from worksession.export.pdf.sheet_document import cut_short, sheet_pdf
from worksession.export.pdf.styles import MUTED
from worksession.export.pdf.text import label_value, markup, para, user_markup
from worksession.export.programme_overview import duration_text
from worksession.export.programme_sheet import ProgrammeSheet, SheetStep
from worksession.i18n import _

# Time, duration, part (with its werkvorm) and learning goal share the content width.
WIDTHS = (24 * mm, 18 * mm, 50 * mm, CONTENT_WIDTH - 92 * mm)
FOOTER_TITLE = 90  # characters of the title the footer shows


def programme_pdf(sheet: ProgrammeSheet) -> bytes:
    """The sheet as PDF bytes (A4; the same sheet gives the same bytes)."""
    with reportlab_settings():  # as the plan is drawn: no other drawing changes them meanwhile
        return _render(sheet)


def _render(sheet: ProgrammeSheet) -> bytes:
    return sheet_pdf(
        story(sheet),
        title=_("Programme: {title}").format(title=sheet.title),
        author=sheet.coach,
        subject=sheet.programme_title,
        footer=cut_short(sheet.title, FOOTER_TITLE),
    )


def story(sheet: ProgrammeSheet) -> list[Flowable]:
    flowables: list[Flowable] = [
        para(_("Programme"), "Muted"),
        para(sheet.title, "Title"),
        *_facts(sheet),
    ]
    if sheet.description:
        flowables += [Spacer(1, 3 * mm), para(sheet.description.strip(), "Lead")]
    if sheet.learning_goals:
        flowables += [
            para(_("Learning goals"), "Heading1"),
            ListFlowable(
                [ListItem(para(goal), value="•") for goal in sheet.learning_goals],
                bulletType="bullet",
                leftIndent=12,
            ),
        ]
    if sheet.timed:  # a session made without a programme has no parts to list
        heading = para(_("Programme with times"), "Heading1")
        flowables += with_first_row([heading], _timed_table(sheet))
    if sheet.untimed:
        flowables += [
            para(_("Before and after the session"), "Heading2"),
            table(
                [_("Part"), _("What it is for")],
                [[_part(step), step.purpose.strip()] for step in sheet.untimed],
                (WIDTHS[2], CONTENT_WIDTH - WIDTHS[2]),
            ),
        ]
    return flowables


def _facts(sheet: ProgrammeSheet) -> list[Flowable]:
    minutes = sum(step.minutes for step in sheet.timed)
    total = _("{duration} ({minutes} minutes)").format(
        duration=duration_text(minutes), minutes=minutes
    )
    facts: list[tuple[str, str]] = []
    if sheet.programme_title and sheet.programme_title != sheet.title:
        facts.append((_("Programme"), sheet.programme_title))
    if sheet.date is not None:
        facts.append((_("Date"), long_date(sheet.date)))
    if sheet.start is not None:
        end = sheet.end()
        facts.append((_("Time"), f"{_clock(sheet.start)}–{_clock(end) if end else ''}"))
    facts.append((_("Duration of the session"), total))
    if sheet.break_minutes:
        # Accreditation counts the hours of teaching: the breaks are said apart.
        facts.append((_("Without breaks"), duration_text(minutes - sheet.break_minutes)))
    for label, value in (
        (_("Location"), sheet.location),
        (_("Wijk"), sheet.place),
        (_("Coach"), sheet.coach),
    ):
        if value:
            facts.append((label, value))
    if sheet.accredited:
        facts.append((_("Accreditation"), _("requested for GPs and practice staff")))
    return [label_value(label, value) for label, value in facts]


def _timed_table(sheet: ProgrammeSheet) -> Flowable:
    rows = [
        [
            f"{_clock(times[0])}–{_clock(times[1])}" if times else "",
            _("{minutes} min").format(minutes=step.minutes),
            _part(step),
            step.purpose.strip(),
        ]
        for step, times in zip(sheet.timed, sheet.clock(), strict=True)
    ]
    return table([_("Time"), _("Duration"), _("Part"), _("Learning goal")], rows, WIDTHS)


def _part(step: SheetStep) -> Flowable:
    """The part's title in bold, its werkvorm below it, both as typed in the programme."""
    text = f"<b>{user_markup(step.title)}</b>"
    if step.werkvorm:
        text += f"<br/><font color='{MUTED.hexval()}'>{escape(step.werkvorm)}</font>"
    return markup(text, "Cell")


def _clock(moment: dt.time) -> str:
    return f"{moment:%H:%M}"
