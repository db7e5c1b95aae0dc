"""The progress report's sections on what changed: the cards of *Wat werkte, wat niet* per
obstacle, and the agreements the follow-up adjusted (beside their signed wording) or made anew.

Obstacles are named by the id their cards carry: the catalogue's names live in a file trainers
edit, and the report must draw the same from its own data on every computer (``verify``).
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.platypus import Flowable

from worksession.domain.document_keys import theme_titles
from worksession.domain.document_types import Agreement, LessonCard
from worksession.domain.plan import Snapshot
from worksession.domain.values import LessonKind, ReviewDecision
from worksession.export.pdf.blocks import CONTENT_WIDTH, Heading, people, table, with_first_row
from worksession.export.pdf.text import day, para
from worksession.i18n import _


def lessons(snapshot: Snapshot) -> list[Flowable]:
    """The green and red cards, one row per obstacle: what worked beside what held it back."""
    cards = snapshot.get("lessons", [])
    flow: list[Flowable] = [Heading(_("What worked and what did not"), "lessons")]
    if not cards:
        return [*flow, para(_("No cards were written."), "Muted")]
    groups: dict[str, list[LessonCard]] = {}
    for card in cards:
        groups.setdefault(card.get("obstacle", ""), []).append(card)
    rows = [
        (
            obstacle or _("Other"),
            _bullets(groups[obstacle], LessonKind.WORKED, "+"),
            _bullets(groups[obstacle], LessonKind.HINDERED, "−"),
        )
        for obstacle in sorted(groups, key=lambda key: key == "")  # "anders" last
    ]
    worked, hindered = _("What worked"), _("What held it back")
    header = [_("Obstacle"), f"+ {worked}", f"− {hindered}"]
    widths = [w * CONTENT_WIDTH for w in (0.22, 0.39, 0.39)]
    return with_first_row(flow, table(header, rows, widths))


def _bullets(cards: Sequence[LessonCard], kind: LessonKind, mark: str) -> str:
    # A mark before every card, not only a colour: the report is read in grey too.
    return "\n".join(f"{mark} {card['text']}" for card in cards if card["kind"] == kind) or "–"


# --- adjusted and new agreements ------------------------------------------------------------


def changed_and_new(snapshot: Snapshot) -> list[Flowable]:
    """The agreements the group adjusted (the signed wording beside the new one) and the ones
    it made in this session (agreements without a review)."""
    reviews = snapshot.get("reviews", [])
    current = {agreement["key"]: agreement for agreement in snapshot.get("agreements", [])}
    names = people(snapshot)
    titles = theme_titles(snapshot)
    section = Heading(_("Adjusted and new agreements"), "changed")
    flow: list[Flowable] = []
    adjusted = [
        (review["signed"]["what"], _agreement_text(current[review["agreement"]], names, titles))
        for review in reviews
        if review["signed"] is not None
        and review["agreement"] in current
        and (
            review["decision"] == ReviewDecision.ADJUST
            or current[review["agreement"]]["what"] != review["signed"]["what"]
        )
    ]
    heading = para(_("Adjusted agreements"), "Heading2")
    if adjusted:
        widths = [0.5 * CONTENT_WIDTH, 0.5 * CONTENT_WIDTH]
        flow += with_first_row(
            [section, heading], table([_("As signed"), _("Now")], adjusted, widths)
        )
    else:
        flow += [section, heading, para(_("No agreement was adjusted."), "Muted")]
    reviewed_keys = {review["agreement"] for review in reviews}
    new = [a for a in snapshot.get("agreements", []) if a["key"] not in reviewed_keys]
    heading = para(_("New agreements"), "Heading2")
    if new:
        rows = [
            (
                _agreement_text(agreement, names, titles),
                agreement.get("indicator") or "–",
            )
            for agreement in new
        ]
        widths = [0.62 * CONTENT_WIDTH, 0.38 * CONTENT_WIDTH]
        flow += with_first_row(
            [heading], table([_("What"), _("How we see it worked")], rows, widths)
        )
    else:
        flow += [heading, para(_("No new agreements were made."), "Muted")]
    return flow


def _agreement_text(agreement: Agreement, names: dict[str, str], titles: dict[str, str]) -> str:
    lead = agreement.get("lead")
    theme = agreement.get("theme")
    lines = [
        agreement["what"],
        _("Lead: {name}").format(name=names.get(lead, "–") if lead else "–"),
        _("When: {day}").format(day=day(agreement.get("due"))),
    ]
    if theme and theme in titles:
        lines.append(_("Theme: {title}").format(title=titles[theme]))
    return "\n".join(lines)
