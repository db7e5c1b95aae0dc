"""What the beamer shows per step, and that every slide fits a 1280×720 and a 1920×1080 beamer.

Each slide is drawn at a fixed size offscreen; a label whose text needs more height than it got
(at its width) is clipped on the wall, so every shown label is measured.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from tests.ui.conftest import page_of
from worksession.domain.values import StepKind
from worksession.storage.operations.casus import update_casus
from worksession.storage.operations.sessions import update_session
from worksession.ui.presenter.presenter_window import PresenterWindow
from worksession.ui.session.window import SessionWindow

SIZES = ((1280, 720), (1920, 1080))


def _presenter_on(window: SessionWindow, kind: StepKind) -> PresenterWindow:
    page_of(window, kind)
    window.room.present_action.trigger()
    return window.presenting.presenter


def _clipped(presenter: PresenterWindow) -> list[str]:
    """The shown labels whose text does not fit their place, or lies outside the slide."""
    QApplication.processEvents()
    bounds = presenter.rect()
    problems = []
    for label in presenter.slide_page.findChildren(QLabel):
        if not label.isVisibleTo(presenter) or not label.text():
            continue
        rect = label.contentsRect()
        needed = label.heightForWidth(rect.width()) if label.wordWrap() else -1
        if needed < 0:
            needed = label.sizeHint().height()
            if label.sizeHint().width() > label.width():
                problems.append(f"{label.objectName()}: too wide")
        if needed > rect.height():
            problems.append(f"{label.objectName()}: needs {needed} px, has {rect.height()}")
        placed = QRect(label.mapTo(presenter, QPoint(0, 0)), label.size())
        if not bounds.contains(placed):
            problems.append(f"{label.objectName()}: outside the slide at {placed}")
    return problems


def _grid_problems(presenter: PresenterWindow, stakeholders: int) -> list[str]:
    """The grid slide's key and legend: every name listed, below the question, inside the slide."""
    problems = []
    key, legend = presenter.grid_key, presenter.grid_legend
    _columns, _rows, shown = key.lines()
    if len(shown) != stakeholders or any(text.startswith("+") for text in shown):
        problems.append(f"key lists {len(shown)} of {stakeholders}: {shown[-1:]}")
    question = presenter.question.mapTo(presenter, QPoint(0, presenter.question.height()))
    if key.mapTo(presenter, QPoint(0, 0)).y() < question.y():
        problems.append("key over the question")
    placed = QRect(legend.mapTo(presenter, QPoint(0, 0)), legend.size())
    if not presenter.rect().contains(placed) or legend.height() < legend.heightForWidth(
        legend.width()
    ):
        problems.append(f"legend cut at {placed}")
    return problems


def test_welcome_shows_the_ambition_as_the_group_writes_it(
    qtbot: QtBot, window: SessionWindow
) -> None:
    page = page_of(window, StepKind.WELCOME)
    presenter = _presenter_on(window, StepKind.WELCOME)
    assert "In 2030 wonen de ouderen van Kaalheide" in presenter.running_text.text()
    assert presenter.heading.text() == "Onze ambitie"
    editor = page.ambition
    editor.setFocus()
    editor.selectAll()
    qtbot.keyClicks(editor, "Niemand staat er alleen voor")
    # Stored after a pause in typing (no flush here): the beamer follows by itself.
    qtbot.waitUntil(lambda: presenter.running_text.text() == "Niemand staat er alleen voor")


def test_casus_shows_the_text_the_room_must_read(window: SessionWindow) -> None:
    presenter = _presenter_on(window, StepKind.CASUS)
    casus = window.controller.document["casus"]
    assert presenter.heading.text() == casus["title"]
    assert "Kaalheide is een arbeiderswijk" in presenter.running_text.text()
    assert "Die kracht van de wijk is het vertrekpunt" in presenter.running_text.text()
    assert presenter.running_text.text().endswith(casus["question"])


def test_the_profile_shows_the_key_figures(window: SessionWindow) -> None:
    presenter = _presenter_on(window, StepKind.PROFILE)
    assert "Inwoners van 65 jaar en ouder" in presenter.items.text()


def test_referral_shows_the_improvement_points_of_that_step(window: SessionWindow) -> None:
    presenter = _presenter_on(window, StepKind.REFERRAL)
    assert presenter.heading.text() == "Verbeterpunten"
    assert "Eenzaamheid: Huisarts en POH weten niet" in presenter.items.text()
    assert "Afspraken tot nu toe" not in presenter.shown_text()
    assert "trekker" not in presenter.items.text()


def test_each_agreement_shows_its_trekker(window: SessionWindow) -> None:
    presenter = _presenter_on(window, StepKind.AGREEMENTS)
    assert "— trekker: Marieke Hermans" in presenter.items.text()
    assert "kartrekker" not in presenter.shown_text()


def test_the_break_shows_a_large_countdown(qtbot: QtBot, window: SessionWindow) -> None:
    presenter = _presenter_on(window, StepKind.BREAK)
    # A beamer's shape: the offscreen "screen" the presenter fills is square.
    presenter.showNormal()
    presenter.resize(1280, 720)
    qtbot.waitUntil(lambda: presenter.size().toTuple() == (1280, 720))
    assert presenter.visuals.currentWidget() is presenter.countdown
    window.room.reset_action.trigger()  # the demo held its break already
    assert presenter.countdown.text() == "15:00"
    assert not presenter.clock.isVisible()  # the large one replaces the corner clock
    assert presenter.countdown.font().pixelSize() >= presenter.height() // 5
    window.room.minute_action.trigger()
    assert presenter.countdown.text() == "16:00"


def test_a_step_without_minutes_shows_no_clock(window: SessionWindow) -> None:
    presenter = _presenter_on(window, StepKind.PREPARATION)
    assert not presenter.clock.isVisible()  # no red 0:00 all through the coffee
    page_of(window, StepKind.WELCOME)
    assert presenter.clock.isVisible()


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
def test_every_slide_fits_the_beamer(
    qtbot: QtBot, window: SessionWindow, size: tuple[int, int]
) -> None:
    presenter = window.presenting.presenter
    window.room.present_action.trigger()
    presenter.showNormal()
    presenter.resize(*size)
    qtbot.waitUntil(lambda: presenter.size().toTuple() == size)
    for row, page in enumerate(window.page_list):
        window.go_to(row)
        assert _clipped(presenter) == [], page.step.title
        if page.step.kind == StepKind.SOCIALE_KAART:
            stakeholders = len(window.controller.document["stakeholders"])
            assert _grid_problems(presenter, stakeholders) == [], size
        if shots := os.environ.get("WORKSESSION_SHOTS"):  # to look at them
            name = f"beamer-{size[0]}x{size[1]}-{row:02d}-{page.step.kind}.png"
            presenter.grab().save(str(Path(shots) / name))
        if size == SIZES[0]:
            assert presenter.running_text.font().pixelSize() >= 14  # still read from the back row


def test_a_casus_too_long_for_the_slide_is_cut_not_clipped(
    qtbot: QtBot, window: SessionWindow
) -> None:
    controller = window.controller
    long_text = "\n\n".join(["Een lange alinea over de wijk en zijn inwoners. " * 30] * 6)
    update_casus(db=controller.db, session_id=controller.session_id, text=long_text)
    controller.reload()
    presenter = _presenter_on(window, StepKind.CASUS)
    presenter.showNormal()
    presenter.resize(1280, 720)
    qtbot.waitUntil(lambda: presenter.size().toTuple() == (1280, 720))
    assert presenter.running_text.text().endswith("…")
    assert presenter.running_text.text().startswith("Een lange alinea")
    assert _clipped(presenter) == []
    if shots := os.environ.get("WORKSESSION_SHOTS"):
        presenter.grab().save(str(Path(shots) / "beamer-long-casus.png"))


def test_the_coach_sees_no_red_zero_for_a_step_without_minutes(window: SessionWindow) -> None:
    page_of(window, StepKind.PREPARATION)
    assert window.room.clock_label.text() == ""
    page_of(window, StepKind.WELCOME)
    assert window.room.clock_label.text() != ""


def test_a_long_ambition_still_fits_both_beamers(qtbot: QtBot, window: SessionWindow) -> None:
    controller = window.controller
    ambition = "Iedereen in de wijk doet mee, gezond en met plezier, tot op hoge leeftijd. " * 25
    update_session(db=controller.db, session_id=controller.session_id, ambition=ambition)
    controller.reload()
    presenter = _presenter_on(window, StepKind.WELCOME)
    presenter.showNormal()
    for size in SIZES:
        presenter.resize(*size)
        qtbot.waitUntil(lambda size=size: presenter.size().toTuple() == size)
        assert _clipped(presenter) == [], size
        assert presenter.running_text.text().startswith("Iedereen in de wijk doet mee")
