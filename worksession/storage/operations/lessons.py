"""Operations on the cards of *Wat werkte, wat niet*: add, change, move and remove a card.

A card is green (what worked) or red (what held it back), has its words, and sits under an
obstacle of the catalogue by its key; "" (or the catalogue's ``anders``) is anders. The
catalogue itself is not read here: a key the catalogue does not hold (yet) is stored as given,
as long as it is a key, so a card made with a trainer's own obstacle survives a laptop without it.
"""

from __future__ import annotations

import re
from typing import Any, Unpack

from sqlmodel import Session

from worksession.domain.lessons import stored_obstacle
from worksession.domain.models import LessonCard
from worksession.domain.record_changes import LessonCardChanges
from worksession.domain.validation import ValidationError, clean
from worksession.i18n import _
from worksession.storage.database import Database
from worksession.storage.operations._rows import (
    append_row,
    fetch,
    list_records,
    ordered,
    remove_record,
    touch,
)

# The catalogue's id rule (resources/schemas/catalogue.schema.json), or empty for anders.
_OBSTACLE_KEY = re.compile(r"(?:[a-z0-9][a-z0-9-]{0,63})?")


def _cleaned(changes: dict[str, object]) -> dict[str, Any]:
    fields = clean("lesson_card", changes)
    if "obstacle" in fields:
        obstacle = str(fields["obstacle"])
        if _OBSTACLE_KEY.fullmatch(obstacle) is None:
            raise ValidationError(
                "lesson_card.obstacle",
                _("{value!r} is not an obstacle of the catalogue").format(value=obstacle),
            )
        fields["obstacle"] = stored_obstacle(obstacle)
    return fields


def add_lesson_card(
    *, db: Database, session_id: int, kind: str, text: str, obstacle: str = ""
) -> LessonCard:
    """A new card at the end of the session's cards."""
    fields = _cleaned({"kind": kind, "text": text, "obstacle": obstacle})
    with db.transaction() as s:
        return append_row(s, LessonCard, session_id, **fields)


def update_lesson_card(
    *, db: Database, card_id: int, **changes: Unpack[LessonCardChanges]
) -> LessonCard:
    """Change a card's colour, obstacle or words."""
    fields = _cleaned(dict(changes))
    with db.transaction() as s:
        card = fetch(s, LessonCard, card_id)
        for name, value in fields.items():
            setattr(card, name, value)
        touch(s, card.session_id)
        return card


def move_lesson_card(*, db: Database, card_id: int, position: int) -> LessonCard:
    """Put a card at ``position`` (0 first) among its session's cards; the others close up.

    A position past either end puts it first or last. Moving it back to where it was is the undo.
    """
    if isinstance(position, bool) or not isinstance(position, int):
        raise ValidationError(
            "lesson_card.position",
            _("expected a whole number, got {value!r}").format(value=position),
        )
    with db.transaction() as s:
        card = fetch(s, LessonCard, card_id)
        cards = _ordered(s, card.session_id)
        cards.remove(card)
        cards.insert(max(0, min(position, len(cards))), card)
        for number, row in enumerate(cards):
            if row.position != number:
                row.position = number
        touch(s, card.session_id)
        return card


def card_position(*, db: Database, card_id: int) -> int:
    """Where a card stands now among its session's cards (0 first)."""
    with db.reading() as s:
        card = fetch(s, LessonCard, card_id)
        return [row.id for row in _ordered(s, card.session_id)].index(card_id)


def remove_lesson_card(*, db: Database, card_id: int) -> LessonCard:
    return remove_record(db, LessonCard, card_id)


def list_lesson_cards(*, db: Database, session_id: int) -> list[LessonCard]:
    """The session's cards in the coach's order."""
    return list_records(db, LessonCard, session_id)


def _ordered(s: Session, session_id: int) -> list[LessonCard]:
    return list(s.exec(ordered(LessonCard, session_id)).all())  # type: ignore[call-overload]
