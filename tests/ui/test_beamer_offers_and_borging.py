"""What the room weighs on the beamer: the wijk's existing offers per theme beside the vote on
*Prioriteren*, and the borging checklist on *Vervolg & borging* — live as the coach ticks them,
nothing when there is nothing, and whole on a 1280×720 and a 1920×1080 beamer (a list too long
leaves out its last items and says how many, it is never clipped)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests.ui.conftest import page_of
from tests.ui.test_beamer_slides import SIZES, _clipped
from worksession.domain.values import StepKind
from worksession.storage.operations.themes import add_theme
from worksession.ui.presenter.presenter_window import PresenterWindow
from worksession.ui.session.pages.follow_up import FollowUpPage
from worksession.ui.session.pages.sociale_kaart import SocialeKaartPage
from worksession.ui.session.window import SessionWindow

OFFERS_HEADING = "Wat er al is in de wijk"
BORGING_HEADING = "Borging: wat de afspraken laat duren"
# A wijk that has a lot already: every demo theme finds offers, some more than a slide lists.
FULL_WIJK = {
    "s-huisartsenpraktijk": ["preventieconsult", "nhg-zorgmodules-leefstijl", "verwijsschema"],
    "s-wijkverpleging": ["ketenaanpak-valpreventie"],
    "s-fysiotherapie": ["ketenaanpak-valpreventie", "verwijsschema"],
    "s-ggd": ["nationale-diabetes-challenge"],
    "s-sociaal-wijkteam": ["buurtteam"],
    "s-welzijn": ["welzijn-op-recept", "buurtteam"],
    "s-buurtsport": ["buurtsportcoach", "beweegmakelaar", "sportvereniging"],
    "s-zorgverzekeraar": ["gli-volwassenen", "keer-diabetes2-om", "leefstijlloket"],
    "s-bibliotheek": ["welzijn-op-recept"],
}


def _presenter(qtbot: QtBot, window: SessionWindow, size: tuple[int, int]) -> PresenterWindow:
    window.room.present_action.trigger()
    presenter = window.presenting.presenter
    # Full screen first (the offscreen "screen" is square), then set to a beamer's size.
    screen = presenter.screen().geometry().size()
    qtbot.waitUntil(lambda: presenter.size() == screen)
    presenter.showNormal()
    presenter.resize(*size)
    qtbot.waitUntil(lambda: presenter.size().toTuple() == size)
    return presenter


def _tick_offers(window: SessionWindow, offers: dict[str, list[str]]) -> None:
    """Each stakeholder's offers picked on the sociale kaart, as the coach does it."""
    page = page_of(window, StepKind.SOCIALE_KAART)
    assert isinstance(page, SocialeKaartPage)
    catalogue = window.controller.offers
    for key, ids in offers.items():
        stakeholders = window.controller.document["stakeholders"]
        row = next(i for i, s in enumerate(stakeholders) if s["key"] == key)
        page.table.view.setCurrentIndex(page.table.model.index(row, 0))
        page.offers.changed.emit([{"id": i, "name": catalogue.name_of(i)} for i in ids])


def _arrange(window: SessionWindow, kind: str, state: str, person: str | None = None) -> None:
    """A condition's state and who arranges it, chosen on Vervolg & borging."""
    page = page_of(window, StepKind.FOLLOW_UP)
    assert isinstance(page, FollowUpPage)
    box = page.conditions
    states = box.states[kind]
    states.setCurrentIndex(states.findData(state))
    states.activated.emit(states.currentIndex())
    if person is not None:
        people = box.people[kind]
        people.setCurrentIndex(people.findData(person))
        people.activated.emit(people.currentIndex())


def _shot(presenter: PresenterWindow, name: str) -> None:
    if shots := os.environ.get("WORKSESSION_SHOTS"):  # to look at them
        size = presenter.size()
        presenter.grab().save(
            str(Path(shots) / f"beamer-{size.width()}x{size.height()}-{name}.png")
        )


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
def test_the_demo_without_offers_or_conditions_shows_no_empty_heading(
    qtbot: QtBot, window: SessionWindow, size: tuple[int, int]
) -> None:
    presenter = _presenter(qtbot, window, size)
    page_of(window, StepKind.PRIORITISING)
    assert presenter.visuals.currentWidget() is presenter.results
    assert not presenter.heading.isVisible() and not presenter.items.isVisible()
    assert OFFERS_HEADING not in presenter.shown_text()
    assert _clipped(presenter) == []
    page_of(window, StepKind.FOLLOW_UP)
    assert presenter.question.text().startswith("Wie is de kartrekker?")
    assert not presenter.heading.isVisible() and not presenter.items.isVisible()
    assert BORGING_HEADING not in presenter.shown_text()


def test_offers_ticked_on_the_sociale_kaart_reach_the_frozen_prioritising_slide(
    qtbot: QtBot, window: SessionWindow
) -> None:
    presenter = _presenter(qtbot, window, SIZES[0])
    page_of(window, StepKind.PRIORITISING)
    window.room.freeze_action.trigger()  # the room weighs the themes; the coach looks ahead
    _tick_offers(window, {"s-fysiotherapie": ["ketenaanpak-valpreventie"]})
    assert presenter.title.text() == "Prioriteren"
    assert presenter.heading.text() == OFFERS_HEADING
    assert presenter.items.text() == (
        "•  Bewegen en valrisico: Ketenaanpak valpreventie – Fysiotherapie Kaalheide"
    )  # a theme with nothing in the wijk says nothing
    _tick_offers(window, {"s-welzijn": ["welzijn-op-recept"]})
    assert presenter.items.text().startswith("•  Eenzaamheid: Welzijn op Recept – Welzijn Kerkrade")
    window.undo_action.trigger()
    window.undo_action.trigger()
    assert not presenter.items.isVisibleTo(presenter)
    assert OFFERS_HEADING not in presenter.shown_text()


def test_the_checklist_on_the_beamer_follows_the_coach_ticking_it(
    qtbot: QtBot, window: SessionWindow
) -> None:
    presenter = _presenter(qtbot, window, SIZES[0])
    _arrange(window, "direction", "arranged", "p-marieke-hermans")
    assert presenter.title.text() == "Vervolg & borging"
    assert presenter.heading.text() == BORGING_HEADING
    lines = presenter.items.text().splitlines()
    assert len(lines) == 7  # once started, every condition: what is left is seen too
    assert lines[0] == "☐  Tijd (capaciteit): nog regelen"
    assert "✔  Regie in de wijk (wie regisseert): geregeld — Marieke Hermans" in lines
    _arrange(window, "ambassadors", "not_applicable")
    assert "⊘  Ambassadeurs: n.v.t." in presenter.items.text().splitlines()
    for _step in range(3):  # not applicable, Marieke, arranged
        window.undo_action.trigger()
    assert BORGING_HEADING not in presenter.shown_text()  # nothing ticked: nothing to show
    assert not presenter.items.isVisibleTo(presenter)


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
def test_a_full_wijk_and_checklist_fit_the_beamer_whole(
    qtbot: QtBot, window: SessionWindow, size: tuple[int, int]
) -> None:
    _tick_offers(window, FULL_WIJK)
    people = [p["key"] for p in window.controller.document["participants"]]
    for index, kind in enumerate(("capacity", "funding", "roles", "direction", "contact_persons")):
        _arrange(window, kind, "arranged" if index % 2 else "to_arrange", people[index])
    _arrange(window, "existing_meetings", "not_applicable")
    presenter = _presenter(qtbot, window, size)

    page_of(window, StepKind.PRIORITISING)
    assert _clipped(presenter) == []
    shown = presenter.items.text().splitlines()
    # Each line a whole theme that has offers (dementie has none: not listed), its first three
    # offers, the one made for the theme first, each with who brings it, and how many more;
    # what did not fit is counted.
    themes = [t["title"] for t in window.controller.document["themes"]]
    with_offers = [title for title in themes if title != "Vergeetachtigheid en dementie"]
    listed = [line for line in shown if line.startswith("•  ")]
    assert [line[3:].split(":")[0] for line in listed] == with_offers[: len(listed)]
    if len(listed) < len(with_offers):
        assert shown[-1] == f"+ nog {len(with_offers) - len(listed)}"
    else:
        assert len(shown) == len(listed)
    assert shown[1] == (
        "•  Bewegen en valrisico: "
        "Ketenaanpak valpreventie – Wijkverpleging Kaalheide e.a. · "
        "Buurtsportcoach – Buurtsportcoach Kaalheide · "
        "Beweegmakelaar – Buurtsportcoach Kaalheide · + nog 7"
    )
    assert presenter.items.font().pixelSize() >= 14  # read from the back row at 720
    _shot(presenter, "prioritising-full")

    page_of(window, StepKind.FOLLOW_UP)
    assert _clipped(presenter) == []
    lines = presenter.items.text().splitlines()
    assert len(lines) == 7 and not any("…" in line or "+ nog" in line for line in lines)
    assert presenter.items.font().pixelSize() >= presenter.height() // 30 * 0.9
    _shot(presenter, "follow_up-checklist")


def test_a_list_longer_than_the_slide_leaves_out_whole_items_and_counts_them(
    qtbot: QtBot, window: SessionWindow
) -> None:
    # Fourteen themes, most with offers: beside the chart on a 1280×720 beamer they cannot all
    # show, even in the smallest type.
    controller = window.controller
    for title in ("Roken", "Alcohol", "Gezonde voeding", "Overgewicht en obesitas"):
        add_theme(db=controller.db, session_id=controller.session_id, title=title)
    for title in ("Diabetes type 2", "Psychische gezondheid", "Stress en slaap", "Mantelzorg"):
        add_theme(db=controller.db, session_id=controller.session_id, title=title)
    controller.show_stored()
    _tick_offers(window, {**FULL_WIJK, "s-ggd": ["poh-verslaving", "leefstijlroer"]})
    presenter = _presenter(qtbot, window, SIZES[0])
    page_of(window, StepKind.PRIORITISING)
    assert _clipped(presenter) == []
    shown = presenter.items.text().splitlines()
    listed = [line for line in shown if line.startswith("•  ")]
    assert len(listed) >= 2 and shown[-1] == f"+ nog {13 - len(listed)}"
    assert not any(line.endswith("…") for line in shown)  # whole themes, none cut
    assert presenter.items.font().pixelSize() >= 14
    _shot(presenter, "prioritising-too-long")
