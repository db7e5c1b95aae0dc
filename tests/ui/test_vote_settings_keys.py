"""Stray keys never change the vote: arriving on Prioriteren with Ctrl+PgDn lands on the theme
entry, arrows, Page keys, letters and the wheel on the closed method and entry lists change
nothing stored, replacing typed totals asks first (Enter keeps them), and a confirmed change is
one undo step that brings the totals back. The wheel changes a number only in a focused field."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QComboBox, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from worksession.domain.values import StepKind, VoteEntry, VoteMode
from worksession.i18n import set_language
from worksession.ui.session.pages.prioritising import PrioritisingPage
from worksession.ui.session.window import SessionWindow


@pytest.fixture(autouse=True)
def _english() -> Iterator[None]:
    set_language("en")  # the question is asserted in the source language
    yield
    set_language("nl")


def _row(window: SessionWindow, kind: StepKind) -> int:
    return next(i for i, page in enumerate(window.page_list) if page.step.kind == kind)


def _focus() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def _arrive(qtbot: QtBot, window: SessionWindow) -> PrioritisingPage:
    """From a field of the sociale kaart, Ctrl+PgDn until Prioriteren, as the coach does
    (passing the break on the way)."""
    window.go_to(_row(window, StepKind.SOCIALE_KAART))
    window.activateWindow()
    field = next(
        widget
        for widget in window.current_page().findChildren(QWidget)
        if widget.isVisible() and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
    )
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    target = _row(window, StepKind.PRIORITISING)
    while window.navigator.currentRow() < target:
        qtbot.keyClick(_focus(), Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    page = window.current_page()
    assert isinstance(page, PrioritisingPage)
    return page


def _wheel(widget: QWidget, steps: int) -> None:
    centre = QPointF(widget.rect().center())
    event = QWheelEvent(
        centre,
        QPointF(widget.mapToGlobal(centre.toPoint())),
        QPoint(0, 0),
        QPoint(0, -120 * steps),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


def _open_and_pick(qtbot: QtBot, combo: QComboBox, value: str) -> None:
    """Open the list with Down, move the highlight with the arrows, choose with Enter."""
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    view = combo.view()
    qtbot.waitUntil(view.isVisible)
    target = combo.findData(value)
    key = Qt.Key.Key_Down if target > combo.currentIndex() else Qt.Key.Key_Up
    for _step in range(abs(target - combo.currentIndex())):
        qtbot.keyClick(view, key)
    qtbot.keyClick(view, Qt.Key.Key_Return)


def _totals(window: SessionWindow) -> dict[str, int]:
    return {theme["title"]: theme["votes"] for theme in window.controller.document["themes"]}


def test_ctrl_pgdn_to_prioriteren_then_arrows_change_nothing_stored(
    qtbot: QtBot, window: SessionWindow
) -> None:
    before = window.controller.fingerprint()
    page = _arrive(qtbot, window)
    bar = page.vote_settings
    assert _focus() is page.themes.entry  # not the method or the entry list
    for key in (Qt.Key.Key_Down, Qt.Key.Key_Down, Qt.Key.Key_Up):
        qtbot.keyClick(_focus(), key)
    qtbot.keyClick(_focus(), Qt.Key.Key_Escape)  # closes the catalogue's suggestions, if any
    assert window.controller.fingerprint() == before
    assert window.controller.document["voting"]["mode"] == VoteMode.DOTS.value
    assert bar.mode.currentData() == VoteMode.DOTS.value


@pytest.mark.parametrize("field", ["mode", "entry"])
def test_keys_letters_and_the_wheel_on_a_closed_list_change_nothing(
    qtbot: QtBot, window: SessionWindow, field: str
) -> None:
    page = _arrive(qtbot, window)
    combo: QComboBox = getattr(page.vote_settings, field)
    before, shown = window.controller.fingerprint(), combo.currentData()
    combo.setFocus()
    qtbot.waitUntil(combo.hasFocus)
    for key in (Qt.Key.Key_PageDown, Qt.Key.Key_End, Qt.Key.Key_PageUp, Qt.Key.Key_Home):
        qtbot.keyClick(combo, key)
    qtbot.keyClicks(combo, "prb")  # a closed QComboBox would search by letter
    _wheel(combo, 1)
    _wheel(combo, -2)
    assert combo.currentData() == shown
    assert window.controller.fingerprint() == before

    qtbot.keyClick(combo, Qt.Key.Key_Down)  # opens the list: the choice is still to be made
    view = combo.view()
    qtbot.waitUntil(view.isVisible)
    qtbot.keyClick(view, Qt.Key.Key_Down)
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not view.isVisible())
    assert combo.currentData() == shown
    assert window.controller.fingerprint() == before


def test_replacing_typed_totals_says_what_goes_and_enter_keeps_them(
    qtbot: QtBot, window: SessionWindow
) -> None:
    page = _arrive(qtbot, window)
    bar = page.vote_settings
    before, typed = window.controller.fingerprint(), _totals(window)
    counted = {title: votes for title, votes in typed.items() if votes}
    assert len(counted) > 1

    for combo, value in ((bar.entry, VoteEntry.BALLOTS), (bar.mode, VoteMode.RANKING)):
        _open_and_pick(qtbot, combo, value.value)
        box = bar.confirm
        assert box is not None
        qtbot.waitUntil(box.isVisible)
        assert box.text() == (
            f"The typed totals of {len(counted)} themes ({sum(counted.values())} votes in all) "
            "will be replaced by the count of the ballots."
        )
        for title, votes in counted.items():
            assert f"{title}: {votes}" in box.informativeText()
        assert box.defaultButton() is box.button(QMessageBox.StandardButton.No)
        # Until the coach answers, nothing is stored and the list shows what is.
        assert window.controller.fingerprint() == before
        qtbot.keyClick(box, Qt.Key.Key_Return)  # the default: keep the totals
        qtbot.waitUntil(lambda box=box: not box.isVisible())
        assert bar.confirm is None
        assert window.controller.fingerprint() == before
        assert (bar.mode.currentData(), bar.entry.currentData()) == ("dots", "totals")
    assert not window.controller.undo_stack.canUndo()


def test_a_confirmed_change_is_one_undo_step_that_brings_the_totals_back(
    qtbot: QtBot, window: SessionWindow
) -> None:
    page = _arrive(qtbot, window)
    bar = page.vote_settings
    before, typed = window.controller.fingerprint(), _totals(window)
    _open_and_pick(qtbot, bar.mode, VoteMode.RANKING.value)
    box = bar.confirm
    assert box is not None
    qtbot.waitUntil(box.isVisible)
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    voting = window.controller.document["voting"]
    assert (voting["mode"], voting["entry"]) == ("ranking", "ballots")
    assert set(_totals(window).values()) == {0}  # no ballots yet

    window.undo_action.trigger()  # one step: the method, the entry and the totals
    assert window.controller.fingerprint() == before
    assert _totals(window) == typed
    assert (bar.mode.currentData(), bar.entry.currentData()) == ("dots", "totals")
    window.redo_action.trigger()
    assert window.controller.document["voting"]["mode"] == "ranking"


def test_the_wheel_over_a_number_changes_it_only_when_it_has_the_focus(
    qtbot: QtBot, window: SessionWindow
) -> None:
    page = _arrive(qtbot, window)
    spin = page.vote_settings.per_person
    before, shown = window.controller.fingerprint(), spin.value()
    assert not spin.hasFocus()
    _wheel(spin, 2)  # scrolling the page past it
    assert spin.value() == shown
    assert window.controller.fingerprint() == before
    spin.setFocus()
    qtbot.waitUntil(spin.hasFocus)
    _wheel(spin, -1)  # wheel up on purpose, in the field: one more dot each
    assert window.controller.document["voting"]["per_person"] == shown + 1
