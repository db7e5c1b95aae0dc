"""What the room sees of a step on the beamer: a slide, built from the programme and the session.

A slide holds only what participants should see: the step's title, the programme's ``beamer``
text (the question or the assignment), and per kind of step the casus and its key figures, the
themes, or the agreements as they are made. The coach's notes, the programme's ``coach`` text and
the lesson checks never reach a slide: nothing here reads them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from worksession.domain.values import StepKind
from worksession.i18n import _

# The most items a slide lists; more would need scrolling or type too small for the back row.
MAX_ITEMS = 8


class Visual:
    """The picture a slide shows next to its text (the presenter draws it)."""

    NONE = "none"
    GRID = "grid"  # the power/interest grid of the sociale kaart
    VOTES = "votes"  # the live vote result


@dataclass(frozen=True)
class Slide:
    title: str
    question: tuple[str, ...]  # the beamer text, line by line
    heading: str = ""  # what the items are
    items: tuple[str, ...] = ()
    more: int = 0  # items left out
    visual: str = Visual.NONE


def slide_for(step: Mapping[str, Any], document: Mapping[str, Any]) -> Slide:
    """The slide of ``step`` (a programme step as stored with the session) for ``document``."""
    kind = StepKind(step["kind"])
    question = tuple(line.strip() for line in str(step.get("beamer", "")).splitlines())
    question = tuple(line for line in question if line)
    title = str(step["title"])
    if kind in (StepKind.CASUS, StepKind.PROFILE):
        return _casus(title, question, document)
    if kind is StepKind.SOCIALE_KAART:
        return Slide(title, question, visual=Visual.GRID)
    if kind is StepKind.PRIORITISING:
        return Slide(title, question, visual=Visual.VOTES)
    if kind in (StepKind.AGREEMENTS, StepKind.REFERRAL):
        return _agreements(title, question, document)
    return Slide(title, question)


def _listed(title: str, question: tuple[str, ...], heading: str, items: Sequence[str]) -> Slide:
    shown = tuple(items[:MAX_ITEMS])
    return Slide(title, question, heading, shown, len(items) - len(shown))


def _casus(title: str, question: tuple[str, ...], document: Mapping[str, Any]) -> Slide:
    casus = document.get("casus") or {}
    figures = [f"{figure['label']}: {figure['value']}" for figure in casus.get("figures", [])]
    if not question and casus.get("question"):
        question = (str(casus["question"]),)
    heading = str(casus.get("title", "")) or _("Key figures")
    return _listed(title, question, heading, figures)


def _agreements(title: str, question: tuple[str, ...], document: Mapping[str, Any]) -> Slide:
    names = {p["key"]: p["name"] for p in document.get("participants", [])}
    names |= {s["key"]: s["name"] for s in document.get("stakeholders", [])}
    items = []
    for agreement in document.get("agreements", []):
        what = _first_sentence(str(agreement["what"]))
        lead = names.get(agreement.get("lead") or "", "")
        items.append(
            _("{what} — kartrekker: {lead}").format(what=what, lead=lead) if lead else what
        )
    return _listed(title, question, _("Agreements so far"), items)


def _first_sentence(text: str, limit: int = 110) -> str:
    """An agreement's opening sentence: the room reads the gist, the plan has the rest."""
    sentence = text.split(". ")[0].rstrip(".")
    return sentence if len(sentence) <= limit else sentence[: limit - 1].rstrip() + "…"
