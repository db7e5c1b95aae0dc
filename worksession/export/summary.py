"""A session document as a readable plain-text summary (``worksession show``)."""

from __future__ import annotations

from typing import Any

from worksession.domain.interchange import Document
from worksession.domain.values import (
    AgreementKind,
    AgreementStatus,
    Domain,
    RelationKind,
    Variant,
)
from worksession.i18n import _, ngettext


def _or_dash(value: object) -> str:
    return str(value) if value not in (None, "") else "–"


def _field(label: str, value: object) -> str:
    return f"{label}: {_or_dash(value)}"


def _fields(*pairs: tuple[str, object], separator: str = "    ") -> str:
    return separator.join(_field(label, value) for label, value in pairs)


def _heading(title: str) -> list[str]:
    return ["", title, "-" * len(title)]


def summary_text(document: Document) -> str:
    """Header, ambition, casus, people, sociale kaart, priorities, agreements and follow-up."""
    names = {
        record["key"]: record["name"]
        for section in ("participants", "stakeholders")
        for record in document.get(section, [])
    }
    titles = {theme["key"]: theme["title"] for theme in document.get("themes", [])}

    def who(key: str | None) -> str:
        return names.get(key, "–") if key else "–"

    header = document["session"]
    variant = Variant(header.get("variant", "toolkit")).label
    if header.get("accredited"):
        variant += ", " + _("accredited")
    lines = [
        header["title"],
        "=" * len(header["title"]),
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
    for theme in sorted(document.get("themes", []), key=_rank_order):
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
        theme = titles.get(agreement.get("theme") or "", "–")
        lines.append(f"- [{kind}, {status}] {agreement['what']}")
        lines.append(
            "  "
            + _fields(
                (_("Lead"), who(agreement.get("lead"))),
                (_("When"), agreement.get("due")),
                (_("Theme"), theme),
                separator=" · ",
            )
        )
        partners = [who(key) for key in agreement.get("partners", [])]
        if partners:
            lines.append("  " + _field(_("With"), ", ".join(partners)))
    lines += _follow_up_lines(document.get("follow_up", {}), who)
    return "\n".join(lines) + "\n"


def _rank_order(theme: dict[str, Any]) -> tuple[int, int]:
    rank = theme.get("rank")
    return (0, rank) if rank is not None else (1, 0)


def _casus_lines(casus: dict[str, Any]) -> list[str]:
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


def _follow_up_lines(follow_up: dict[str, Any], who: Any) -> list[str]:
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
