"""A session document as a readable plain-text summary (``worksession show``)."""

from __future__ import annotations

from typing import Any

from worksession.domain.document_keys import people_by_key, theme_titles
from worksession.domain.document_types import Casus, FollowUp, Theme
from worksession.domain.feedback import feedback_summary, summary_line
from worksession.domain.interchange import Document
from worksession.domain.schedule import plan_schedule, timesheet
from worksession.domain.values import (
    AgreementKind,
    AgreementStatus,
    Domain,
    RelationKind,
    Variant,
)
from worksession.domain.vote_round import document_tally, present_count
from worksession.domain.voting import method_sentence, settings_from_document
from worksession.i18n import _, ngettext
from worksession.support.line_output import one_line


def _or_dash(value: object) -> str:
    return str(value) if value not in (None, "") else "–"


def _field(label: str, value: object) -> str:
    return f"{label}: {_or_dash(value)}"


def _fields(*pairs: tuple[str, object], separator: str = "    ") -> str:
    return separator.join(_field(label, value) for label, value in pairs)


def _heading(title: str) -> list[str]:
    return ["", title, "-" * len(title)]


def summary_text(document: Document) -> str:
    """Header, ambition, casus, people, sociale kaart, priorities, agreements, referral
    agreements, follow-up and the participants' evaluation (how many forms, their mean)."""
    names = people_by_key(document)
    titles = theme_titles(document)

    def who(key: str | None) -> str:
        return names.get(key, "–") if key else "–"

    header = document["session"]
    variant = Variant(header.get("variant", "toolkit")).label
    if header.get("accredited"):
        variant += ", " + _("accredited")
    # The title is the summary's heading: one line, however it was typed or imported.
    title = one_line(header["title"])
    lines = [
        title,
        "=" * len(title),
        _field(_("Wijk"), f"{_or_dash(header.get('wijk'))} ({_or_dash(header.get('gemeente'))})"),
        _fields((_("Date"), header.get("date")), (_("Location"), header.get("location"))),
        _fields((_("Coach"), header.get("coach")), (_("Variant"), variant)),
    ]
    if header.get("ambition"):
        lines += [*_heading(_("Ambition")), header["ambition"]]
    lines += _casus_lines(document.get("casus", {}))

    participants = document.get("participants", [])
    present = sum(1 for p in participants if p.get("present", True))
    lines += _heading(
        _("Participants ({present} of {total} present)").format(
            present=present, total=len(participants)
        )
    )
    for person in participants:
        mark = "x" if person.get("present", True) else " "
        detail = ", ".join(
            part for part in (person.get("role"), person.get("organisation")) if part
        )
        lines.append(f"[{mark}] {person['name']}" + (f" — {detail}" if detail else ""))

    stakeholders = document.get("stakeholders", [])
    lines += _heading(_("Sociale kaart ({count} stakeholders)").format(count=len(stakeholders)))
    for stakeholder in stakeholders:
        domain = Domain(stakeholder.get("domain", "")).label
        lines.append(
            f"- {stakeholder['name']} ({domain}) "
            + _("influence {influence}, interest {interest}").format(
                influence=stakeholder.get("influence", 3), interest=stakeholder.get("interest", 3)
            )
        )
    for relation in document.get("relations", []):
        kind = RelationKind(relation["kind"]).label
        lines.append(f"  {who(relation['from'])} → {kind} → {who(relation['to'])}")

    lines += _heading(_("Themes and votes"))
    lines += _voting_lines(document, who)
    result = document_tally(document)
    place = {key: index for index, key in enumerate(result.order)} if result else {}
    ordered = sorted(
        document.get("themes", []),
        key=(lambda t: place.get(t["key"], len(place))) if result else _rank_order,
    )
    for theme in ordered:
        star = "*" if theme.get("priority") else " "
        rank = theme.get("rank")
        votes = int(theme.get("votes", 0))
        lines.append(
            f"{star} {rank or '–':>2}. {theme['title']} — "
            + ngettext("{votes} vote", "{votes} votes", votes).format(votes=votes)
        )
        lines += [
            f"      · {item['text']}"
            for item in document.get("improvements", [])
            if item["theme"] == theme["key"]
        ]

    agreements = document.get("agreements", [])
    lines += _heading(_("Agreements ({count})").format(count=len(agreements)))
    for agreement in agreements:
        kind = AgreementKind(agreement.get("kind", "agreement")).label
        status = AgreementStatus(agreement.get("status", "open")).label
        theme_title = titles.get(agreement.get("theme") or "", "–")
        lines.append(f"- [{kind}, {status}] {agreement['what']}")
        lines.append(
            "  "
            + _fields(
                (_("Lead"), who(agreement.get("lead"))),
                (_("When"), agreement.get("due")),
                (_("Theme"), theme_title),
                separator=" · ",
            )
        )
        partners = [who(key) for key in agreement.get("partners", [])]
        if partners:
            lines.append("  " + _field(_("With"), ", ".join(partners)))
    lines += _referral_lines(document, who)
    lines += _follow_up_lines(document.get("follow_up", {}), who)
    lines += _heading(_("Evaluation by the participants"))
    lines.append(summary_line(feedback_summary(document.get("feedback_forms", []))))
    lines += _schedule_lines(document)
    return "\n".join(lines) + "\n"


def _referral_lines(document: Document, who: Any) -> list[str]:
    """The referral agreements, when the session has any: signal, from → to, contact, feedback."""
    referrals = document.get("referrals", [])
    if not referrals:
        return []
    lines = _heading(_("Referral agreements ({count})").format(count=len(referrals)))
    for referral in referrals:
        feedback = _("yes") if referral.get("feedback") else _("no")
        if referral.get("feedback_how"):
            feedback += f" ({referral['feedback_how']})"
        lines.append(f"- {referral['signal']}")
        lines.append(f"  {who(referral.get('from'))} → {who(referral.get('to'))}")
        lines.append(
            "  "
            + _fields(
                (_("Contact person"), referral.get("contact")),
                (_("Feedback agreed"), feedback),
                separator=" · ",
            )
        )
    return lines


def _voting_lines(document: Document, who: Any) -> list[str]:
    """The method, the ties, and the ballots with names when the vote is named."""
    voting = document.get("voting")
    result = document_tally(document)
    if voting is None or result is None:
        return []
    settings = settings_from_document(voting)
    titles = theme_titles(document)
    lines = [method_sentence(settings, voters=result.voters, eligible=present_count(document))]
    for group in result.ties:
        names = ", ".join(titles[key] for key in group)
        text = (
            _("Equal scores: {themes}. The group has not decided their order yet.")
            if group in result.unresolved
            else _("Equal scores: {themes}. The group chose this order.")
        )
        lines.append(text.format(themes=names))
    if settings.anonymous or voting.get("entry") != "ballots":
        return lines
    for number, ballot in enumerate(voting.get("ballots", []), start=1):
        name = who(ballot["participant"]) if ballot.get("participant") else ""
        if ballot.get("ranking"):
            vote = " · ".join(
                f"{place}. {titles[key]}" for place, key in enumerate(ballot["ranking"], start=1)
            )
        else:
            vote = ", ".join(
                f"{titles[key]} {count}" for key, count in ballot.get("counts", {}).items() if count
            )
        label = name or _("ballot {number}").format(number=number)
        lines.append(f"  {label}: {vote or '–'}")
    return lines


def _schedule_lines(document: Document) -> list[str]:
    """Planned and actual minutes per step, when a step was timed."""
    schedule = plan_schedule(document)
    if schedule is None or all(step["actual_seconds"] is None for step in schedule["steps"]):
        return []
    sheet = timesheet(schedule, _("Total"))
    lines = _heading(_("Schedule: planned and actual"))
    for row in (*sheet.rows, sheet.total):
        actual = "–" if row.actual_minutes is None else str(row.actual_minutes)
        difference = row.difference_minutes
        change = "" if difference is None else f" ({difference:+d})"
        lines.append(
            _("{step}: planned {planned} min, actual {actual} min").format(
                step=row.title, planned=row.planned_minutes, actual=actual
            )
            + change
        )
    if sheet.start is not None and sheet.planned_end is not None:
        lines.append(
            _field(_("Start"), sheet.start.strftime("%H:%M"))
            + "    "
            + _field(_("Planned end"), sheet.planned_end.strftime("%H:%M"))
            + "    "
            + _field(
                _("Actual end"), sheet.actual_end.strftime("%H:%M") if sheet.actual_end else None
            )
        )
    return lines


def _rank_order(theme: Theme) -> tuple[int, int]:
    rank = theme.get("rank")
    return (0, rank) if rank is not None else (1, 0)


def _casus_lines(casus: Casus) -> list[str]:
    if not any(casus.get(field) for field in ("title", "text", "question", "figures", "insights")):
        return []
    lines = _heading(_("Casus") + (f": {casus['title']}" if casus.get("title") else ""))
    if casus.get("text"):
        lines.append(casus["text"])
    if casus.get("question"):
        lines.append(_field(_("Question"), casus["question"]))
    for figure in casus.get("figures", []):
        source = f" ({figure['source']})" if figure.get("source") else ""
        lines.append(f"  {figure['label']}: {figure.get('value', '')}{source}")
    lines += [f"  ! {insight}" for insight in casus.get("insights", [])]
    return lines


def _follow_up_lines(follow_up: FollowUp, who: Any) -> list[str]:
    lines = _heading(_("Follow-up"))
    members = ", ".join(who(key) for key in follow_up.get("werkgroep", []))
    lines += [
        _field(_("Kartrekker"), who(follow_up.get("kartrekker"))),
        _field(_("Werkgroep"), members),
        _field(_("Next meeting"), follow_up.get("next_meeting")),
        _field(_("Evaluation"), follow_up.get("evaluation")),
    ]
    if follow_up.get("funding"):
        lines.append(_field(_("Funding"), follow_up["funding"]))
    return lines
