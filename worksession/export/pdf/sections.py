"""The sections of the plan between the cover and the sign-off, each a list of flowables built
from the snapshot: at a glance, context, sociale kaart, priorities and the appendix; and the
contents list on the cover page."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Spacer, TableStyle

from worksession.domain.agreement_numbers import agreement_groups, agreement_numbers
from worksession.domain.document_types import Ballot, PlanVoting, Stakeholder, Theme
from worksession.domain.plan import Snapshot
from worksession.domain.schedule import TimesheetRow, timesheet
from worksession.domain.values import AgreementStatus, Domain
from worksession.domain.voting import method_sentence, settings_from_document
from worksession.export.pdf.blocks import CONTENT_WIDTH, Heading, people, table
from worksession.export.pdf.contents import Contents, Entry
from worksession.export.pdf.drawings import kaart_layout, kaart_legend, power_grid, vote_chart
from worksession.export.pdf.text import day, label_value, para
from worksession.i18n import _, ngettext


def at_a_glance(snapshot: Snapshot) -> list[Flowable]:
    names = people(snapshot)
    priorities = sorted(
        (t for t in snapshot["themes"] if t["priority"]), key=lambda t: t["rank"] or 999
    )
    flow: list[Flowable] = [Heading(_("At a glance"), "glance")]
    if snapshot["session"]["ambition"]:
        flow += [para(_("Ambition"), "Heading2"), para(snapshot["session"]["ambition"], "Lead")]
    flow.append(para(_("Priorities"), "Heading2"))
    flow += [para(f"{index}. {theme['title']}") for index, theme in enumerate(priorities, 1)]
    flow.append(para(_("Agreements on the priorities"), "Heading2"))
    numbers = agreement_numbers(snapshot["themes"], snapshot["agreements"])
    groups = [
        (theme, rows)
        for theme, rows in agreement_groups(snapshot["themes"], snapshot["agreements"])
        if theme is not None and theme["priority"]
    ]
    rows: list[tuple[object, ...]] = []
    theme_rows: list[int] = []
    for theme, chosen in groups:
        theme_rows.append(len(rows) + 1)  # the header is row 0
        rows.append((para(theme["title"], "CellTheme"), "", "", "", ""))
        rows += [
            (
                numbers[agreement["key"]],
                _first_sentence(agreement["what"]),
                names.get(agreement["lead"] or "", _("no lead yet")),
                ", ".join(names.get(key, key) for key in agreement["partners"]) or "–",
                f"{day(agreement['due'])}\n{AgreementStatus(agreement['status']).label}",
            )
            for agreement in chosen
        ]
    widths = [w * CONTENT_WIDTH for w in GLANCE_COLUMNS]
    if rows:
        header = [_("No."), _("What"), _("Lead"), _("Partners"), _("When, status")]
        overview = table(header, rows, widths)
        overview.setStyle(TableStyle([("SPAN", (0, row), (-1, row)) for row in theme_rows]))
        flow.append(overview)
    shown = sum(len(chosen) for _theme, chosen in groups)
    others = len(snapshot["agreements"]) - shown
    if others:
        flow.append(
            para(
                ngettext(
                    "And {count} other agreement: see Agreements.",
                    "And {count} other agreements: see Agreements.",
                    others,
                ).format(count=others),
                "Small",
            )
        )
    follow_up = snapshot["follow_up"]
    flow += [
        Spacer(1, 4 * mm),
        label_value(_("Next meeting"), day(follow_up["next_meeting"])),
        label_value(_("Evaluation"), day(follow_up["evaluation"])),
        PageBreak(),
    ]
    return flow


# Number, what, lead, partners, date and status: a date is the widest word of its column.
GLANCE_COLUMNS = (0.065, 0.435, 0.16, 0.21, 0.13)


GLANCE_CHARS = 160


def _first_sentence(text: str) -> str:
    """The first sentence, whole words only: a busy GP reads the line, the number leads to the
    whole agreement."""
    first = text.split(". ")[0].strip()
    cut = first.rfind(" ", 0, GLANCE_CHARS)
    if len(first) <= GLANCE_CHARS or cut <= 0:
        return first
    return first[:cut].rstrip(" ,;:") + " …"


def context(snapshot: Snapshot) -> list[Flowable]:
    casus = snapshot["casus"]
    flow: list[Flowable] = [Heading(_("Context"), "context")]
    if casus["figures"]:
        flow.append(Heading(_("Neighbourhood health profile"), "profile", level=1))
        rows = [(f["label"], f["value"], f["source"]) for f in casus["figures"]]
        widths = [0.42 * CONTENT_WIDTH, 0.25 * CONTENT_WIDTH, 0.33 * CONTENT_WIDTH]
        flow.append(table([_("Figure"), _("Value"), _("Source")], rows, widths))
    flow.append(Heading(_("Casus") + (f": {casus['title']}" if casus["title"] else ""), "casus", 1))
    if casus["text"]:
        flow.append(para(casus["text"]))
    if casus["question"]:
        flow += [Spacer(1, 2 * mm), label_value(_("Question"), casus["question"])]
    if casus["insights"]:
        flow.append(para(_("Insights"), "Heading2"))
        flow += [para(f"• {insight}") for insight in casus["insights"]]
    flow.append(PageBreak())
    return flow


def sociale_kaart(snapshot: Snapshot) -> list[Flowable]:
    flow: list[Flowable] = [Heading(_("Sociale kaart"), "kaart")]
    if snapshot["stakeholders"]:
        layout = kaart_layout(snapshot)
        grid = power_grid(snapshot, layout)
        flow += [
            KeepTogether([grid, Spacer(1, 2 * mm), kaart_legend(snapshot, CONTENT_WIDTH)]),
            Spacer(1, 4 * mm),
        ]
        numbered = layout.numbered  # then the table is the key to the numbered markers
        rows = [
            (
                *((str(number),) if numbered else ()),
                s["name"],
                Domain(s["domain"]).label,
                s["role"],
                _offer_cell(s),
                f"{s['influence']} / {s['interest']}",
                _("yes") if s["present"] else _("no"),
            )
            for number, s in enumerate(snapshot["stakeholders"], start=1)
        ]
        header = [_("Name"), _("Domain"), _("Role"), _("Offer"), _("Infl./int."), _("Present")]
        shares: tuple[float, ...] = (0.19, 0.13, 0.16, 0.295, 0.11, 0.115)
        if numbered:  # a column of its own: a number before a right-to-left name would move
            header.insert(0, _("No."))
            shares = (0.055, 0.165, 0.12, 0.15, 0.285, 0.11, 0.115)
        widths = [w * CONTENT_WIDTH for w in shares]
        flow.append(table(header, rows, widths))
    else:
        flow.append(para(_("No stakeholders were mapped."), "Muted"))
    flow.append(PageBreak())
    return flow


def _offer_cell(stakeholder: Stakeholder) -> str:
    """The catalogue's offers by name, then the free text (edition 7 when there are any)."""
    picked = ", ".join(offer["name"] or offer["id"] for offer in stakeholder.get("offers", []))
    return "\n".join(part for part in (picked, stakeholder["offer"]) if part)


def priorities(snapshot: Snapshot) -> list[Flowable]:
    flow: list[Flowable] = [Heading(_("Priorities"), "priorities")]
    if snapshot["themes"]:
        flow += [vote_chart(snapshot["themes"]), Spacer(1, 4 * mm)]
    voting = snapshot.get("voting")  # plans frozen before vote rounds existed have none
    if voting is not None:
        flow += vote_method(snapshot, voting)
        place = {key: index for index, key in enumerate(voting["order"])}
        in_order = sorted(snapshot["themes"], key=lambda t: place.get(t["key"], len(place)))
    else:
        in_order = sorted(snapshot["themes"], key=lambda t: t["rank"] or 999)
    for theme in in_order:
        if not theme["priority"]:
            continue
        block: list[Flowable] = [Heading(theme["title"], f"theme-{theme['key']}", level=1)]
        block.append(label_value(_("Target group"), theme["target_group"]))
        block.append(label_value(_("Why"), theme["why"]))
        block.append(label_value(_("Votes"), theme["votes"]))
        points = [i["text"] for i in snapshot["improvements"] if i["theme"] == theme["key"]]
        if points:
            block.append(para(_("Where referral and cooperation stall"), "Heading2"))
            block += [para(f"• {point}") for point in points]
        flow += block
    flow.append(PageBreak())
    return flow


def vote_method(snapshot: Snapshot, voting: PlanVoting) -> list[Flowable]:
    """How the group voted, the ties and how they were settled, and — when the vote is named —
    every ballot with its participant."""
    settings = settings_from_document(voting)
    titles = {theme["key"]: theme["title"] for theme in snapshot["themes"]}
    flow: list[Flowable] = [
        para(method_sentence(settings, voters=voting["voters"], eligible=voting["eligible"]))
    ]
    for group in voting["ties"]:
        names = ", ".join(titles[key] for key in group)
        text = (
            _("Equal scores: {themes}. The group has not decided their order yet.")
            if group in voting["unresolved"]
            else _("Equal scores: {themes}. The group chose this order.")
        )
        flow.append(para(text.format(themes=names), "Small"))
    ballots = voting.get("ballots")
    if ballots is not None:
        names_of = people(snapshot)
        rows = [
            (
                names_of.get(ballot["participant"] or "", "")
                or _("ballot {number}").format(number=number),
                _ballot_text(ballot, snapshot["themes"], titles),
            )
            for number, ballot in enumerate(ballots, start=1)
        ]
        flow.append(para(_("Ballots"), "Heading2"))
        flow.append(
            table([_("Participant"), _("Vote")], rows, [0.3 * CONTENT_WIDTH, 0.7 * CONTENT_WIDTH])
        )
    flow.append(Spacer(1, 4 * mm))
    return flow


def _ballot_text(ballot: Ballot, themes: Sequence[Theme], titles: dict[str, str]) -> str:
    if "ranking" in ballot:
        return " · ".join(
            f"{place}. {titles[key]}" for place, key in enumerate(ballot["ranking"], start=1)
        )
    counts = ballot["counts"]
    return (
        ", ".join(
            f"{theme['title']} {counts[theme['key']]}"
            for theme in themes
            if counts.get(theme["key"])
        )
        or "–"
    )


def with_contents(cover: Sequence[Flowable], body: Sequence[Flowable]) -> list[Flowable]:
    """The cover, the contents list (every section of ``body`` with its page) on the cover's
    page, then the body."""
    entries = [
        Entry(flowable.title, flowable.key)
        for flowable in body
        if isinstance(flowable, Heading) and flowable.level == 0
    ]
    front = list(cover[:-1]) if cover and isinstance(cover[-1], PageBreak) else list(cover)
    listing = [Spacer(1, 12 * mm), para(_("Contents"), "Heading2"), Contents(entries)]
    return [*front, KeepTogether(listing), PageBreak(), *body]


def appendix(snapshot: Snapshot) -> list[Flowable]:
    """The schedule as run: planned and actual minutes per step (only when a step was timed)."""
    schedule = snapshot.get("schedule")
    if schedule is None or all(step["actual_seconds"] is None for step in schedule["steps"]):
        return []
    sheet = timesheet(schedule, _("Total"))
    rows = [
        (row.title, str(row.planned_minutes), _minutes(row.actual_minutes), _difference(row))
        for row in (*sheet.rows, sheet.total)
    ]
    widths = [w * CONTENT_WIDTH for w in (0.49, 0.17, 0.17, 0.17)]
    header = [_("Step"), _("Planned (min)"), _("Actual (min)"), _("Difference")]
    flow: list[Flowable] = [
        PageBreak(),
        Heading(_("Appendix"), "appendix"),
        Heading(_("Schedule: planned and actual"), "schedule", level=1),
        table(header, rows, widths),
        Spacer(1, 2 * mm),
    ]
    if sheet.start is not None and sheet.planned_end is not None:
        times = {
            "start": sheet.start.strftime("%H:%M"),
            "planned": sheet.planned_end.strftime("%H:%M"),
        }
        text = (
            _("Start {start}; planned end {planned}; actual end {actual}.").format(
                actual=sheet.actual_end.strftime("%H:%M"), **times
            )
            if sheet.actual_end is not None
            else _("Start {start}; planned end {planned}.").format(**times)
        )
        flow.append(para(text, "Small"))
    if any(row.actual_minutes is None and row.planned_minutes for row in sheet.rows):
        flow.append(para(_("The total difference counts only the steps that were timed."), "Small"))
    return flow


def _minutes(value: int | None) -> str:
    return "–" if value is None else str(value)


def _difference(row: TimesheetRow) -> str:
    value = row.difference_minutes
    if value is None:
        return "–"
    return f"+{value}" if value > 0 else ("0" if value == 0 else f"−{-value}")
