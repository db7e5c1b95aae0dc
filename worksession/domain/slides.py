"""What the room sees of a step on the beamer: a slide, built from the programme and the session.

A slide holds only what participants should see: the step's title, the programme's ``beamer``
text (the question or the assignment), and per kind of step what the room works on: the ambition
as the group writes it, the casus text to read, the key figures, the improvement points, the
agreements with their trekker, or a large countdown in the break. The coach's notes, the
programme's ``coach`` text and the lesson checks never reach a slide: nothing here reads them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from worksession.domain.document_keys import people_by_key, theme_titles
from worksession.domain.document_types import InterchangeDocument as Document
from worksession.domain.document_types import ProgrammeStep
from worksession.domain.lessons import Card, card_line, group_lessons
from worksession.domain.review import ReviewFocus, review_slide_text
from worksession.domain.values import StepKind
from worksession.i18n import _

# The most items a slide lists; more would need scrolling or type too small for the back row.
MAX_ITEMS = 8


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


def slide_for(
    step: ProgrammeStep,
    document: Document,
    obstacles: Mapping[str, str] | None = None,
    *,
    focus: object = None,
) -> Slide:
    """The slide of ``step`` (a programme step as stored with the session) for ``document``.

    ``obstacles``: the catalogue's obstacle names by id, which the cards of *Wat werkte, wat
    niet* are grouped under; left out, the groups are named by their ids. ``focus`` is what the
    coach's page is on within the step (the review step: the agreement under review, a
    ``ReviewFocus``); the slide then shows that.
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
        slide = _slide(kind, title, question, document)
    if slide.visual == Visual.COUNTDOWN and not timed:
        slide = replace(slide, visual=Visual.NONE)  # a break without minutes: nothing to count
    return replace(slide, timed=timed)


def _slide(kind: StepKind, title: str, question: tuple[str, ...], document: Document) -> Slide:
    if kind is StepKind.WELCOME:
        return _welcome(title, question, document)
    if kind is StepKind.CASUS:
        return _casus(title, question, document)
    if kind is StepKind.PROFILE:
        return _figures(title, question, document)
    if kind is StepKind.SOCIALE_KAART:
        return Slide(title, question, visual=Visual.GRID)
    if kind is StepKind.PRIORITISING:
        return Slide(title, question, visual=Visual.VOTES)
    if kind is StepKind.REFERRAL:
        return _improvements(title, question, document)
    if kind is StepKind.AGREEMENTS:
        return _agreements(title, question, document)
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
