"""*Wat werkte, wat niet*: the green and red cards of a follow-up session, grouped by obstacle.

The coach, the beamer and the progress report all show the cards the same way: one group per
obstacle of the catalogue, in the catalogue's order, with what worked before what held it back
inside each group, and "anders" last. A card whose obstacle the catalogue no longer holds (a
trainer renamed an id, a session made on another laptop) keeps its own group under its key: a
card is never hidden because its group is unknown.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from worksession.domain.values import LessonKind
from worksession.i18n import _

# The obstacle a card is stored under when it fits none: the empty key. The catalogue's entry
# with this id (if any) names that group; without one it is called "Other".
OTHER_OBSTACLE = "anders"


@dataclass(frozen=True)
class Card:
    """One card as the views show it."""

    kind: str  # a LessonKind value
    obstacle: str  # an obstacle id, or "" for anders
    text: str
    id: int | None = None  # the stored row, where there is one


@dataclass(frozen=True)
class LessonGroup:
    obstacle: str  # the key the cards are stored under ("" for anders)
    name: str
    worked: tuple[Card, ...]
    hindered: tuple[Card, ...]

    @property
    def cards(self) -> tuple[Card, ...]:
        return self.worked + self.hindered


def stored_obstacle(obstacle_id: str) -> str:
    """The key a card is stored under when the coach picks ``obstacle_id``: "" for anders."""
    return "" if obstacle_id == OTHER_OBSTACLE else obstacle_id


def obstacle_choices(obstacles: Mapping[str, str]) -> list[tuple[str, str]]:
    """(stored key, name) for the coach to pick from: the catalogue's order, anders last."""
    choices = [(key, name) for key, name in obstacles.items() if key != OTHER_OBSTACLE]
    return [*choices, ("", _other_name(obstacles))]


def group_lessons(cards: Iterable[Card], obstacles: Mapping[str, str]) -> list[LessonGroup]:
    """The cards by obstacle (``obstacles``: id → name, in the catalogue's order); empty groups
    are left out. Within a group the cards keep their own order."""
    by_key: dict[str, list[Card]] = {}
    for card in cards:
        key = stored_obstacle(card.obstacle)
        by_key.setdefault(key, []).append(card)
    order = [key for key in obstacles if key != OTHER_OBSTACLE]
    order += sorted(key for key in by_key if key and key not in obstacles)
    order.append("")
    groups = []
    for key in order:
        found = by_key.get(key, [])
        if not found:
            continue
        name = obstacles.get(key, key) if key else _other_name(obstacles)
        groups.append(
            LessonGroup(
                obstacle=key,
                name=name,
                worked=tuple(card for card in found if card.kind == LessonKind.WORKED),
                hindered=tuple(card for card in found if card.kind != LessonKind.WORKED),
            )
        )
    return groups


def card_mark(kind: str) -> str:
    """The sign that tells a card's kind without its colour (greyscale print, colour-blindness)."""
    return "+" if kind == LessonKind.WORKED else "−"


def card_line(card: Card) -> str:
    """A card as one line of text: its mark and its words."""
    return f"{card_mark(card.kind)} {' '.join(card.text.split())}"


def _other_name(obstacles: Mapping[str, str]) -> str:
    return obstacles.get(OTHER_OBSTACLE) or _("Other")
