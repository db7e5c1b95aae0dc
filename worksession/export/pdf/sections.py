"""The sections of the plan, each a list of flowables built from the snapshot."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from worksession.domain.agreement_numbers import agreement_groups, agreement_numbers
from worksession.domain.plan import Snapshot
from worksession.domain.schedule import TimesheetRow, timesheet
from worksession.domain.values import (
    AgreementKind,
    AgreementStatus,
    Decision,
    DecisionMethod,
    Domain,
    RelationKind,
    Variant,
)
from worksession.domain.voting import method_sentence, settings_from_document
from worksession.export.pdf.cells import SIDE_PADDING, Cell, cell
from worksession.export.pdf.contents import Contents, Entry
from worksession.export.pdf.drawings import kaart_layout, kaart_legend, power_grid, vote_chart
from worksession.export.pdf.hyphenation import at_hyphens, breakable
from worksession.export.pdf.payload import PlanPayload
from worksession.export.pdf.styles import RULE, TABLE_HEAD, stylesheet
from worksession.export.pdf.text import day, label_value, para
from worksession.export.pdf.when import local_day, local_minute
from worksession.i18n import _, ngettext

CONTENT_WIDTH = 170 * mm


class Heading(Flowable):
    """A section heading that also becomes a bookmark in the PDF outline."""

    def __init__(self, title: str, key: str, level: int = 0) -> None:
        super().__init__()
        self.paragraph = para(title, "Heading1" if level == 0 else "Heading2")
        self.title, self.key, self.level = title, key, level

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        width, height = self.paragraph.wrap(available_width, available_height)
        self.width, self.height = width, height
        return width, height

    def getSpaceBefore(self) -> float:
        return float(self.paragraph.getSpaceBefore())

    def getSpaceAfter(self) -> float:
        return float(self.paragraph.getSpaceAfter())

    def draw(self) -> None:
        # The bookmark opens the page at the heading, not at the top of the page.
        _left, top = self.canv.absolutePosition(0, self.height + self.getSpaceBefore())
        self.canv.bookmarkPage(self.key, fit="XYZ", top=round(top, 1))
        self.canv.addOutlineEntry(self.title, self.key, level=self.level)
        self.paragraph.drawOn(self.canv, 0, 0)


def people(snapshot: Snapshot) -> dict[str, str]:
    """Key → name for everyone who can be named as a lead, partner or member."""
    return {
        record["key"]: record["name"]
        for section in ("participants", "stakeholders")
        for record in snapshot[section]
    }


def table(
    header: Sequence[str], rows: Sequence[Sequence[object]], widths: Sequence[float]
) -> Table:
    """A table whose header repeats on every page; every cell is user text that wraps."""
    head, body = stylesheet()["CellHead"], stylesheet()["Cell"]
    data = [[_cell(text, head, width) for text, width in zip(header, widths, strict=True)]]
    data += [
        [_cell(text, body, width) for text, width in zip(row, widths, strict=True)] for row in rows
    ]
    result = Table(data, colWidths=list(widths), repeatRows=1, hAlign="LEFT")
    result.setStyle(
        TableStyle(
            [
                # Short cells are plain strings the table draws in its own font: the cell
                # styles' font, size and leading, so they print as the paragraphs would.
                ("FONTNAME", (0, 0), (-1, -1), body.fontName),
                ("FONTNAME", (0, 0), (-1, 0), head.fontName),
                ("FONTSIZE", (0, 0), (-1, -1), body.fontSize),
                ("LEADING", (0, 0), (-1, -1), body.leading),
                ("LEFTPADDING", (0, 0), (-1, -1), SIDE_PADDING),  # what ``cell`` measures with
                ("RIGHTPADDING", (0, 0), (-1, -1), SIDE_PADDING),
                ("BACKGROUND", (0, 0), (-1, 0), TABLE_HEAD),
                ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return result


def _cell(text: object, style: ParagraphStyle, width: float) -> Cell:
    """A table cell whose words too wide for the column break with a hyphen."""
    if isinstance(text, Paragraph):
        return text
    if not isinstance(text, str):
        return cell(text, style, width)
    broken = breakable(text, style.fontName, style.fontSize, width - 2 * SIDE_PADDING)
    return cell(broken.text, at_hyphens(style) if broken.at_hyphens else style, width)


def cover(snapshot: Snapshot, payload: PlanPayload) -> list[Flowable]:
    session = snapshot["session"]
    names = people(snapshot)
    variant = Variant(session["variant"]).label
    if session["accredited"]:
        variant += ", " + _("accredited")
    rows = [
        (_("Wijk"), session["wijk"]),
        (_("Gemeente"), session["gemeente"]),
        (_("Date"), day(session["date"])),
        (_("Location"), session["location"]),
        (_("Coach"), session["coach"]),
        (_("Kartrekker"), names.get(snapshot["follow_up"]["kartrekker"] or "", "–")),
        (_("Variant"), variant),
        (_("Version"), _("concept, not yet frozen") if payload.draft else str(snapshot["version"])),
        (_("Status"), status_text(payload)),
        (_("Sign-off"), sign_off_summary(payload)),
    ]
    return [
        Spacer(1, 30 * mm),
        para(_("Collaboration plan"), "Muted"),
        para(session["title"], "Title"),
        para(_("Samenwerken aan gezondheid in de wijk"), "Lead"),
        Spacer(1, 10 * mm),
        *[label_value(label, value) for label, value in rows],
        PageBreak(),
    ]


def status_text(payload: PlanPayload) -> str:
    if payload.signed_off:
        return _("signed off")
    if payload.draft:
        return _("concept, not yet frozen")
    return _("concept, for review")


def sign_off_summary(payload: PlanPayload) -> str:
    """One line for the cover: how many of those present agreed, and when the last one did."""
    if payload.draft:
        return _("not asked yet: the plan is not frozen as a version")
    count = payload.count
    if count.complete:
        last = max(d["decided_at"] for d in payload.decisions if d["decision"] == "agreed")
        return _("{agreed} of {needed} present agreed on {day}").format(
            agreed=count.agreed, needed=count.needed, day=local_day(last)
        )
    text = _("{agreed} of {needed} present agreed so far").format(
        agreed=count.agreed, needed=count.needed
    )
    changes = sum(1 for d in payload.decisions if d["decision"] == Decision.CHANGES.value)
    if changes:
        text += "; " + ngettext(
            "{count} asked for a change", "{count} asked for changes", changes
        ).format(count=changes)
    return text


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
                s["offer"],
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


def vote_method(snapshot: Snapshot, voting: dict[str, Any]) -> list[Flowable]:
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


def _ballot_text(
    ballot: dict[str, Any], themes: Sequence[dict[str, Any]], titles: dict[str, str]
) -> str:
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
    """Vervolg en borging: who keeps the agreements going, and when the group looks back."""
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
        PageBreak(),
    ]


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
    titles = {theme["key"]: theme["title"] for theme in snapshot["themes"]}

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
        agreement["what"],
        lead + (f"\n{_('With')}: {partners}" if partners else ""),
        f"{day(agreement['due'])}\n{AgreementStatus(agreement['status']).label}"
        f"\n({AgreementKind(agreement['kind']).label})",
        f"{_('Resources')}: {agreement['resources'] or '–'}\n"
        f"{_('How we see it worked')}: {agreement['indicator'] or '–'}",
    )


def attendance_and_sign_off(snapshot: Snapshot, payload: PlanPayload) -> list[Flowable]:
    flow: list[Flowable] = [Heading(_("Attendance"), "attendance")]
    rows = [
        (
            p["name"],
            p["organisation"],
            p["role"],
            p["registration"],
            _("yes") if p["present"] else _("no"),
        )
        for p in snapshot["participants"]
    ]
    widths = [w * CONTENT_WIDTH for w in (0.23, 0.25, 0.22, 0.18, 0.12)]
    header = [_("Name"), _("Organisation"), _("Role"), _("Registration no."), _("Present")]
    flow.append(table(header, rows, widths))
    flow.append(Heading(_("Sign-off"), "sign-off"))
    flow.append(para(sign_off_summary(payload)))
    by_key = {d["participant_key"]: d for d in payload.decisions}
    sign_rows = []
    for person in snapshot["participants"]:
        if not person["present"] and person["key"] not in by_key:
            continue
        decision = by_key.get(person["key"])
        sign_rows.append(
            (
                person["name"],
                Decision(decision["decision"]).label if decision else _("not yet"),
                decision["comment"] if decision else "",
                local_minute(decision["decided_at"]) if decision else "",
                DecisionMethod(decision["method"]).label if decision else "",
            )
        )
    widths = [w * CONTENT_WIDTH for w in (0.22, 0.15, 0.28, 0.21, 0.14)]
    header = [_("Participant"), _("Decision"), _("Comment"), _("Date and time"), _("How")]
    flow.append(table(header, sign_rows, widths))
    flow.append(para(_("Times are Dutch time."), "Small"))
    what = (
        _("Fingerprint (SHA-256) of this concept")
        if payload.draft
        else _("Fingerprint (SHA-256) of version {n}").format(n=snapshot["version"])
    )
    flow += [
        Spacer(1, 6 * mm),
        label_value(what, payload.sha256),
        label_value(_("Seal (SHA-256) of this document"), payload.seal),
        para(_("What the fingerprint and the seal prove"), "Heading2"),
    ]
    for text in _what_the_fingerprints_prove():
        flow += [para(text, "Small"), Spacer(1, 1.5 * mm)]
    return flow


def _what_the_fingerprints_prove() -> list[str]:
    """The checks explained for a reader who is not technical: what they prove and what not."""
    return [
        _(
            "The fingerprint is a code computed from the text of the plan: the agreements, "
            "priorities, sociale kaart and attendance. Changing one letter gives another "
            "fingerprint. The seal is computed from that fingerprint together with everyone's "
            "decision, the status (concept or signed off), the language and the layout of this "
            "document: changing a decision or the status gives another seal."
        ),
        _(
            "The file carries the data it was made from. Run: worksession verify FILE.pdf — it "
            "draws the plan again and compares it with this file. It answers OK with the "
            "version, the fingerprint and the seal when nothing in the file was changed, and "
            "TAMPERED when something was."
        ),
        _(
            "What this does not prove: someone with the app on another computer can make a "
            "different plan that is just as complete, with its own fingerprint and seal. To know "
            "that this is the plan your group agreed to, compare both codes with the ones the "
            "coach recorded (worksession verify FILE.pdf --db, in the coach's archive) or check "
            "the coach's digital signature, when the file has one."
        ),
    ]


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
