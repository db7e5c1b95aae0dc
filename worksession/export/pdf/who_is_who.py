"""The *wie is wie* sheet as a PDF: everyone of the session by organisation, with what each can be
called for, to hand out or send to the participants after the kennismaking.

A4 portrait, one table whose column heads repeat on every page: a band per organisation, and
below it a row per person — the name with the role below it, "waarvoor kun je mij bellen", and
the e-mail of those who agreed to share it. Its own document, drawn from a ``WhoIsWho``: the
plan's layout and edition are not touched; the plan's fonts print names in any script.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from worksession.domain.long_dates import long_date
from worksession.domain.who_is_who import Group, Person, WhoIsWho
from worksession.export.pdf.blocks import CONTENT_WIDTH
from worksession.export.pdf.cells import SIDE_PADDING, Cell, cell
from worksession.export.pdf.drawing import reportlab_settings
from worksession.export.pdf.hyphenation import at_hyphens, breakable
from worksession.export.pdf.sheet_document import cut_short, sheet_pdf
from worksession.export.pdf.styles import MUTED, RULE, TABLE_HEAD, stylesheet
from worksession.export.pdf.text import markup, para, user_markup
from worksession.i18n import _

# Name and role, the line "waarvoor kun je mij bellen", the e-mail.
WIDTHS = (50 * mm, 68 * mm, CONTENT_WIDTH - 118 * mm)
FOOTER_TITLE = 90  # characters of the title the footer shows
GROUP_BAND = colors.HexColor("#f4f8fa")  # lighter than the column heads


def who_is_who_pdf(sheet: WhoIsWho) -> bytes:
    """The sheet as PDF bytes (the same sheet gives the same bytes)."""
    with reportlab_settings():  # as the plan is drawn: no other drawing changes them meanwhile
        return _render(sheet)


def _render(sheet: WhoIsWho) -> bytes:
    return sheet_pdf(
        story(sheet),
        title=_("Who is who: {title}").format(title=sheet.title),
        author=sheet.coach,
        footer=f"{_('Who is who')} – {cut_short(sheet.title, FOOTER_TITLE)}",
    )


def story(sheet: WhoIsWho) -> list[Flowable]:
    flowables: list[Flowable] = [
        para(_("Who is who"), "Muted"),
        para(sheet.title, "Title"),
    ]
    where = ", ".join(part for part in (sheet.wijk, sheet.gemeente) if part)
    when = long_date(sheet.date) if sheet.date else ""
    subtitle = " · ".join(part for part in (where, when) if part)
    if subtitle:
        flowables.append(para(subtitle, "Lead"))
    flowables += [
        para(
            _(
                "Who took part, and what you can call each of them for. An e-mail address is "
                "only shown for those who agreed to share it."
            ),
            "Muted",
        ),
        Spacer(1, 4 * mm),
    ]
    if not sheet.groups:
        flowables.append(para(_("No participants yet."), "Body"))
    else:
        flowables.append(people_table(sheet.groups))
    return flowables


def people_table(groups: Sequence[Group]) -> Table:
    """One table: the column heads on every page, a row per organisation (its title across the
    columns) and one per person below it."""
    styles = stylesheet()
    head, body = styles["CellHead"], styles["Cell"]
    header = [_("Name and role"), _("Call me for"), _("E-mail")]
    data: list[list[Any]] = [[cell(text, head, w) for text, w in zip(header, WIDTHS, strict=True)]]
    commands: list[tuple[Any, ...]] = []
    for group in groups:
        band = len(data)
        commands += [
            ("SPAN", (0, band), (-1, band)),
            ("BACKGROUND", (0, band), (-1, band), GROUP_BAND),
            ("TOPPADDING", (0, band), (-1, band), 6),
            # The band never stands alone at the foot of a page: its first person comes along.
            ("NOSPLIT", (0, band), (-1, band + 1)),
        ]
        data.append([para(group.title, "CellTheme"), "", ""])
        for person in group.people:
            data.append(
                [
                    _name(person),
                    _wrapping(person.call_for, body, WIDTHS[1]),
                    # An address is never hyphenated: a reader would type the hyphen.
                    cell(person.email, body, WIDTHS[2]),
                ]
            )
    result = Table(data, colWidths=list(WIDTHS), repeatRows=1, hAlign="LEFT")
    result.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), body.fontName),
                ("FONTNAME", (0, 0), (-1, 0), head.fontName),
                ("FONTSIZE", (0, 0), (-1, -1), body.fontSize),
                ("LEADING", (0, 0), (-1, -1), body.leading),
                ("LEFTPADDING", (0, 0), (-1, -1), SIDE_PADDING),
                ("RIGHTPADDING", (0, 0), (-1, -1), SIDE_PADDING),
                ("BACKGROUND", (0, 0), (-1, 0), TABLE_HEAD),
                ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                *commands,
            ]
        )
    )
    return result


def _wrapping(text: str, style: ParagraphStyle, width: float) -> Cell:
    """A cell of user text; a word too wide for its column breaks with a hyphen."""
    broken = breakable(text, style.fontName, style.fontSize, width - 2 * SIDE_PADDING)
    return cell(broken.text, at_hyphens(style) if broken.at_hyphens else style, width)


def _name(person: Person) -> Flowable:
    """The name in bold, the role below it in grey."""
    text = f"<b>{user_markup(person.name, line_breaks=False)}</b>"
    if person.role:
        role = user_markup(person.role, line_breaks=False)
        text += f"<br/><font color='{MUTED.hexval()}'>{role}</font>"
    return markup(text, "Cell")
