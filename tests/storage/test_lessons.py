"""The cards of *Wat werkte, wat niet*: field rules, refusals that write nothing, order, undo."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from worksession.domain.field_labels import user_message
from worksession.domain.models import LessonCard
from worksession.domain.validation import ValidationError
from worksession.i18n import set_language
from worksession.storage.database import Database
from worksession.storage.errors import NotFound
from worksession.storage.operations.lessons import (
    add_lesson_card,
    card_position,
    list_lesson_cards,
    move_lesson_card,
    remove_lesson_card,
    update_lesson_card,
)
from worksession.storage.operations.removal import remove_with_snapshot, restore_snapshot
from worksession.storage.operations.sessions import create_session, get_session


def _session(db: Database) -> int:
    return int(create_session(db=db, title="Een half jaar later").id or 0)


def _cards(db: Database, session_id: int) -> list[tuple[str, str, str]]:
    return [(c.kind, c.obstacle, c.text) for c in list_lesson_cards(db=db, session_id=session_id)]


def test_cards_are_added_in_order_with_anders_stored_empty(db: Database) -> None:
    session_id = _session(db)
    add_lesson_card(db=db, session_id=session_id, kind="worked", text="Vaste HAGRO-plek",
                    obstacle="vaste-contactpersonen")  # fmt: skip
    add_lesson_card(db=db, session_id=session_id, kind="hindered", text="Geen budget",
                    obstacle="financiering")  # fmt: skip
    add_lesson_card(db=db, session_id=session_id, kind="hindered", text="Griep", obstacle="anders")
    assert _cards(db, session_id) == [
        ("worked", "vaste-contactpersonen", "Vaste HAGRO-plek"),
        ("hindered", "financiering", "Geen budget"),
        ("hindered", "", "Griep"),
    ]
    assert get_session(db=db, session_id=session_id).status == "draft"


@pytest.mark.parametrize(
    ("changes", "field", "value"),
    [
        ({"kind": "groen"}, "Green or red", "groen"),
        ({"text": "   "}, "Card", ""),
        ({"text": "x" * 10_001}, "Card", "10001"),
        ({"obstacle": "Geld!"}, "Obstacle", "Geld!"),
        ({"obstacle": "x" * 201}, "Obstacle", "201"),
        ({"obstacle": 3}, "Obstacle", "3"),
    ],
)
def test_a_bad_value_is_refused_by_field_and_value_and_writes_nothing(
    db: Database, changes: dict[str, object], field: str, value: str
) -> None:
    set_language("en")
    session_id = _session(db)
    card = add_lesson_card(db=db, session_id=session_id, kind="worked", text="Korte lijnen")
    before = _cards(db, session_id)
    arguments: dict[str, object] = {"kind": "worked", "text": "Nieuw", **changes}
    with pytest.raises(ValidationError) as added:
        add_lesson_card(db=db, session_id=session_id, **arguments)  # type: ignore[arg-type]
    with pytest.raises(ValidationError) as updated:
        update_lesson_card(db=db, card_id=int(card.id or 0), **changes)  # type: ignore[arg-type]
    for refusal in (added.value, updated.value):
        message = user_message(refusal)
        assert message.startswith(f"{field}: ") and value in message
    assert _cards(db, session_id) == before


def test_an_unknown_card_or_session_is_not_found_and_nothing_is_written(db: Database) -> None:
    session_id = _session(db)
    with pytest.raises(NotFound):
        add_lesson_card(db=db, session_id=session_id + 1, kind="worked", text="x")
    with pytest.raises(NotFound):
        update_lesson_card(db=db, card_id=99, text="x")
    with pytest.raises(NotFound):
        move_lesson_card(db=db, card_id=99, position=0)
    with pytest.raises(NotFound):
        remove_lesson_card(db=db, card_id=99)
    assert _cards(db, session_id) == []


def test_a_card_changes_colour_obstacle_and_words(db: Database) -> None:
    session_id = _session(db)
    card = add_lesson_card(db=db, session_id=session_id, kind="worked", text="Overleg")
    update_lesson_card(db=db, card_id=int(card.id or 0), kind="hindered", obstacle="rol-ggd",
                       text="GGD schoof niet aan")  # fmt: skip
    assert _cards(db, session_id) == [("hindered", "rol-ggd", "GGD schoof niet aan")]
    update_lesson_card(db=db, card_id=int(card.id or 0), obstacle="anders")
    assert _cards(db, session_id)[0][1] == ""


def test_moving_a_card_closes_up_and_moving_back_undoes_it(db: Database) -> None:
    session_id = _session(db)
    ids = [
        int(add_lesson_card(db=db, session_id=session_id, kind="worked", text=t).id or 0)
        for t in ("a", "b", "c", "d")
    ]
    move_lesson_card(db=db, card_id=ids[3], position=1)
    assert [c[2] for c in _cards(db, session_id)] == ["a", "d", "b", "c"]
    assert card_position(db=db, card_id=ids[3]) == 1
    move_lesson_card(db=db, card_id=ids[3], position=3)
    assert [c[2] for c in _cards(db, session_id)] == ["a", "b", "c", "d"]
    move_lesson_card(db=db, card_id=ids[0], position=99)  # past the end: last
    move_lesson_card(db=db, card_id=ids[2], position=-5)  # before the start: first
    assert [c[2] for c in _cards(db, session_id)] == ["c", "b", "d", "a"]
    positions = [c.position for c in list_lesson_cards(db=db, session_id=session_id)]
    assert positions == [0, 1, 2, 3]
    with pytest.raises(ValidationError):
        move_lesson_card(db=db, card_id=ids[0], position="1")  # type: ignore[arg-type]


def test_a_removed_card_comes_back_with_its_id_and_place(db: Database) -> None:
    session_id = _session(db)
    first = add_lesson_card(db=db, session_id=session_id, kind="worked", text="a")
    add_lesson_card(db=db, session_id=session_id, kind="hindered", text="b", obstacle="rol-ggd")
    before = list_lesson_cards(db=db, session_id=session_id)
    snapshot = remove_with_snapshot(db=db, model=LessonCard, row_id=int(first.id or 0))
    assert [c[2] for c in _cards(db, session_id)] == ["b"]
    restore_snapshot(db=db, snapshot=snapshot)
    assert list_lesson_cards(db=db, session_id=session_id) == before


@given(kind=st.text(max_size=12), text=st.text(max_size=40), obstacle=st.text(max_size=70))
def test_any_input_is_stored_or_refused_by_field(
    db: Database, kind: str, text: str, obstacle: str
) -> None:
    session_id = _session(db)
    try:
        card = add_lesson_card(
            db=db, session_id=session_id, kind=kind, text=text, obstacle=obstacle
        )
    except ValidationError as error:
        assert error.path in {"lesson_card.kind", "lesson_card.text", "lesson_card.obstacle"}
        assert _cards(db, session_id) == []
    else:
        assert (card.kind, card.text) == (kind.strip(), text)
