"""What the room sees of a step on the beamer: a slide, built from the programme and the session.

A slide holds only what participants should see: the step's title, the programme's ``beamer``
text (the question or the assignment), and per kind of step what the room works on: the ambition
as the group writes it, the casus text to read, the key figures, what already exists in the wijk
per theme beside the vote, the improvement points, the agreements with their trekker, the borging
checklist, or a large countdown in the break. The coach's notes, the programme's ``coach`` text
and the lesson checks never reach a slide: nothing here reads them. What there is none of is not
on the slide: no heading above an empty list.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from worksession.domain.conditions import ConditionKind, ConditionState, checklist, is_started
from worksession.domain.document_keys import people_by_key, theme_titles
from worksession.domain.document_types import InterchangeDocument as Document
from worksession.domain.document_types import ProgrammeStep
from worksession.domain.existing_offers import ExistingOffer, OfferCatalogue, offers_per_theme
from worksession.domain.lessons import Card, card_line, group_lessons
from worksession.domain.review import ReviewFocus, review_slide_text
from worksession.domain.values import StepKind
from worksession.i18n import _, ngettext

# The most items a slide lists; more would need scrolling or type too small for the back row.
MAX_ITEMS = 8
# A theme's existing offers beside the vote: the first few, each with the first who brings it,
# then how many more (the coach's page has them all); more would take the other themes' room.
OFFERS_PER_THEME = 3
# A condition's sign: ticked or not reads on a greyscale beamer too, where colour would not.
# Heavy enough for the back row, and about equally wide (DejaVu Sans): the conditions line up.
CONDITION_SIGNS = {
    ConditionState.ARRANGED: "✔",
    ConditionState.TO_ARRANGE: "☐",
    ConditionState.NOT_APPLICABLE: "⊘",
}


class Visual:
    """The picture a slide shows next to its text (the presenter draws it)."""

    NONE = "none"
    GRID = "grid"  # the power/interest grid of the sociale kaart
    VOTES = "votes"  # the live vote result
    COUNTDOWN = "countdown"  # the step's clock, as large as the screen allows (the break)


@dataclass(frozen=True)
class Slide:
    title: str
    question: tuple[str, ...]  # the beamer text, line by line
    heading: str = ""  # what the items (or the text) are
    items: tuple[str, ...] = ()
    more: int = 0  # items left out
    visual: str = Visual.NONE
    text: tuple[str, ...] = ()  # running text the room reads, paragraph by paragraph
    timed: bool = True  # a step without minutes shows no clock (no red 0:00 all along)
    large: bool = False  # few words the back row must read: type larger than a list's
    signed: bool = False  # each item starts with its own sign (a checklist's tick), no bullet


def slide_for(
    step: ProgrammeStep,
    document: Document,
    obstacles: Mapping[str, str] | None = None,
    *,
    focus: object = None,
    offers: OfferCatalogue | None = None,
) -> Slide:
    """The slide of ``step`` (a programme step as stored with the session) for ``document``.

    ``obstacles``: the catalogue's obstacle names by id, which the cards of *Wat werkte, wat
    niet* are grouped under; left out, the groups are named by their ids. ``focus`` is what the
    coach's page is on within the step (the review step: the agreement under review, a
    ``ReviewFocus``); the slide then shows that. ``offers``: the toolkit's catalogue of
    offers, by which *Prioriteren* finds what already exists per theme (left out: nothing).
    """
    kind = StepKind(step["kind"])
    question = tuple(line.strip() for line in str(step.get("beamer", "")).splitlines())
    question = tuple(line for line in question if line)
    title = str(step["title"])
    timed = int(step.get("minutes") or 0) > 0
    if kind is StepKind.LESSONS:
        slide = _lessons(title, question, document, obstacles or {})
    elif kind is StepKind.REVIEW and isinstance(focus, ReviewFocus):
        slide = review_slide(title, focus)
    else:
        slide = _slide(kind, title, question, document, offers or OfferCatalogue())
    if slide.visual == Visual.COUNTDOWN and not timed:
        slide = replace(slide, visual=Visual.NONE)  # a break without minutes: nothing to count
    return replace(slide, timed=timed)


def _slide(
    kind: StepKind,
    title: str,
    question: tuple[str, ...],
    document: Document,
    offers: OfferCatalogue,
) -> Slide:
    if kind is StepKind.WELCOME:
        return _welcome(title, question, document)
    if kind is StepKind.CASUS:
        return _casus(title, question, document)
    if kind is StepKind.PROFILE:
        return _figures(title, question, document)
    if kind is StepKind.SOCIALE_KAART:
        return Slide(title, question, visual=Visual.GRID)
    if kind is StepKind.PRIORITISING:
        return replace(_existing_offers(title, question, document, offers), visual=Visual.VOTES)
    if kind is StepKind.REFERRAL:
        return _improvements(title, question, document)
    if kind is StepKind.AGREEMENTS:
        return _agreements(title, question, document)
    if kind is StepKind.FOLLOW_UP:
        return _conditions(title, question, document)
    if kind is StepKind.BREAK:
        return Slide(title, question, visual=Visual.COUNTDOWN)
    return Slide(title, question)


def review_slide(title: str, focus: ReviewFocus) -> Slide:
    """One agreement under review, large: what it says, its trekker, the status then → now.
    The step's questions stay off this slide: the agreement needs the room."""
    heading, text = review_slide_text(focus)
    return Slide(title, (), heading, text=text, large=True)


def _listed(title: str, question: tuple[str, ...], heading: str, items: Sequence[str]) -> Slide:
    shown = tuple(items[:MAX_ITEMS])
    return Slide(title, question, heading, shown, len(items) - len(shown))


def _paragraphs(text: object) -> tuple[str, ...]:
    """Running text split at blank lines; single newlines stay as the writer put them."""
    parts = (part.strip() for part in str(text or "").replace("\r\n", "\n").split("\n\n"))
    return tuple(part for part in parts if part)


def _welcome(title: str, question: tuple[str, ...], document: Document) -> Slide:
    # The ambition shows as the group writes it: the slide is rebuilt after every save.
    ambition = _paragraphs((document.get("session") or {}).get("ambition"))
    heading = _("Our ambition") if ambition else ""
    return Slide(title, question, heading, text=ambition)


def _casus(title: str, question: tuple[str, ...], document: Document) -> Slide:
    casus = document.get("casus") or {}
    text = _paragraphs(casus.get("text"))
    if casus.get("question"):
        text = (*text, _("Assignment: {question}").format(question=str(casus["question"]).strip()))
    return Slide(title, question, str(casus.get("title", "")), text=text)


def _figures(title: str, question: tuple[str, ...], document: Document) -> Slide:
    casus = document.get("casus") or {}
    figures = [f"{figure['label']}: {figure['value']}" for figure in casus.get("figures", [])]
    return _listed(title, question, _("Key figures"), figures)


def _improvements(title: str, question: tuple[str, ...], document: Document) -> Slide:
    themes = theme_titles(document)
    items = []
    for point in document.get("improvements", []):
        text = _first_sentence(str(point["text"]))
        theme = themes.get(point.get("theme") or "", "")
        items.append(f"{theme}: {text}" if theme else text)
    return _listed(title, question, _("Improvement points"), items)


def _agreements(title: str, question: tuple[str, ...], document: Document) -> Slide:
    names = people_by_key(document)
    items = []
    for agreement in document.get("agreements", []):
        what = _first_sentence(str(agreement["what"]))
        lead = names.get(agreement.get("lead") or "", "")
        # Each agreement has its trekker; the plan's one kartrekker is another role.
        items.append(_("{what} — trekker: {lead}").format(what=what, lead=lead) if lead else what)
    return _listed(title, question, _("Agreements so far"), items)


def _existing_offers(
    title: str, question: tuple[str, ...], document: Document, catalogue: OfferCatalogue
) -> Slide:
    # Lesson 7 while the room weighs the themes: per theme what the wijk has and who brings it.
    # A theme without any says nothing; the coach's page names those.
    items = []
    for theme, offers in offers_per_theme(document, catalogue, priorities_only=False):
        if not offers:
            continue
        # Only the first few show: an offer made for this theme before one that serves many
        # ("Ketenaanpak valpreventie" before "GLI volwassenen" for *Bewegen en valrisico*).
        offers.sort(key=lambda offer: len(catalogue.offers[offer.offer].themes))
        shown = [_offer_line(offer) for offer in offers[:OFFERS_PER_THEME]]
        if (left := len(offers) - OFFERS_PER_THEME) > 0:
            shown.append(ngettext("+ {count} more", "+ {count} more", left).format(count=left))
        items.append(f"{theme['title']}: " + " · ".join(shown))
    return _listed(title, question, _("What already exists in the wijk"), items)


def _offer_line(offer: ExistingOffer) -> str:
    # A dash, not brackets: offers and organisations have brackets of their own ("GLI
    # volwassenen (COOL, …)", "Zorgverzekeraar (regio Zuid-Limburg)"), and names commas
    # ("Bibliotheek Kerkrade, vestiging Kaalheide"): one name, and "e.a." for the others.
    who = offer.by[0]
    if len(offer.by) > 1:
        who = _("{name} and others").format(name=who)
    return f"{offer.name} – {who}"


def _conditions(title: str, question: tuple[str, ...], document: Document) -> Slide:
    # The checklist appears once the coach starts it, all seven conditions as the plan lists
    # them: an untouched one reads as still to arrange, so the room sees what is left.
    recorded = document.get("conditions", [])
    if not is_started(recorded):
        return Slide(title, question)
    names = people_by_key(document)
    items = []
    for row in checklist(recorded):
        state = ConditionState(row["state"])
        line = f"{CONDITION_SIGNS[state]}  {ConditionKind(row['kind']).label}: {state.label}"
        who = names.get(row["arranged_by"] or "", "")
        items.append(f"{line} — {who}" if who else line)
    heading = _("What makes the agreements last")
    return Slide(title, question, heading, tuple(items), signed=True)


def _lessons(
    title: str,
    question: tuple[str, ...],
    document: Document,
    obstacles: Mapping[str, str],
) -> Slide:
    # One line per obstacle: the room sees the clusters it made, each card with its sign, so
    # green and red differ on a greyscale beamer too.
    cards = (
        Card(card["kind"], card.get("obstacle", ""), card["text"])
        for card in document.get("lessons", [])
    )
    lessons = group_lessons(cards, obstacles)
    items = [
        f"{group.name}: " + " · ".join(_gist(card_line(card)) for card in group.cards)
        for group in lessons
    ]
    return _listed(title, question, _("What worked, what did not"), items)


# A card on the beamer: its gist; the coach's list and the report have the rest.
CARD_CHARACTERS = 70


def _gist(text: str, limit: int = CARD_CHARACTERS) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _first_sentence(text: str, limit: int = 110) -> str:
    """An agreement's opening sentence: the room reads the gist, the plan has the rest."""
    sentence = text.split(". ")[0].rstrip(".")
    return sentence if len(sentence) <= limit else sentence[: limit - 1].rstrip() + "…"
