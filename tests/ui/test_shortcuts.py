"""The Sneltoetsen overview (F1) lists every shortcut the windows install, and the registry it
reads from holds exactly what the start and session windows install: the list cannot drift."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget
from pytestqt.qtbot import QtBot

from tests.ui.conftest import freeze_plan, page_of
from worksession.domain.values import StepKind
from worksession.programmes.library import load_library
from worksession.storage.database import Database
from worksession.ui.session.pages.agreements import AgreementsPage
from worksession.ui.session.pages.plan import PlanPage
from worksession.ui.session.pages.sociale_kaart import SocialeKaartPage
from worksession.ui.session.people_picker import PeoplePicker
from worksession.ui.session.voting.tie_break import TieBreakDialog
from worksession.ui.session.window import SessionWindow
from worksession.ui.shortcuts import (
    CLICKER,
    DIALOGS,
    FIELDS,
    FOLLOW,
    GRID,
    REVIEW,
    ROOM,
    SESSION,
    SHORTCUTS,
    START,
    in_place,
    keys_of,
)
from worksession.ui.shortcuts_dialog import ShortcutsDialog
from worksession.ui.start_window import StartWindow
from worksession.ui.toolkit_dialog import ToolkitDialog

PORTABLE = QKeySequence.SequenceFormat.PortableText
NATIVE = QKeySequence.SequenceFormat.NativeText


def _installed(window: QWidget) -> Iterator[QKeySequence]:
    """Every key sequence installed in ``window``: its actions' and any QShortcut inside it."""
    for action in {*window.actions(), *window.findChildren(QAction)}:
        yield from action.shortcuts()
    for shortcut in window.findChildren(QShortcut):
        yield shortcut.key()
    for button in window.findChildren(QAbstractButton):
        yield button.shortcut()


def _portable(sequences: Iterator[QKeySequence]) -> set[str]:
    return {sequence.toString(PORTABLE) for sequence in sequences if not sequence.isEmpty()}


def _declared(*places: str) -> set[str]:
    return {
        QKeySequence(keys).toString(PORTABLE)
        for place in places
        for shortcut in in_place(place)
        for keys in shortcut.keys
    }


def _overview(qtbot: QtBot, window: QWidget) -> ShortcutsDialog:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_F1)
    dialog = window.findChild(ShortcutsDialog)
    assert dialog is not None, "F1 opened no overview"
    qtbot.addWidget(dialog)
    qtbot.waitExposed(dialog)
    return dialog


def test_every_declared_shortcut_has_a_place_and_keys_that_parse() -> None:
    places = {START, SESSION, GRID, FIELDS, ROOM, CLICKER, FOLLOW, REVIEW, DIALOGS}
    for shortcut in SHORTCUTS:
        assert shortcut.place in places
        for keys in shortcut.keys:
            assert not QKeySequence(keys).isEmpty(), (shortcut.name, keys)
    assert len({shortcut.name for shortcut in SHORTCUTS}) == len(SHORTCUTS)


def test_the_start_window_installs_exactly_the_declared_shortcuts(
    qtbot: QtBot, db: Database
) -> None:
    window = StartWindow(db, load_library())
    qtbot.addWidget(window)
    assert _portable(_installed(window)) == _declared(START)


def test_the_session_window_installs_exactly_the_declared_shortcuts(
    window: SessionWindow,
) -> None:
    # The pages are all built with the window, so their tables' Delete counts too.
    assert _portable(_installed(window)) == _declared(SESSION, ROOM)


def test_f1_in_the_start_window_opens_the_overview_of_every_shortcut(
    qtbot: QtBot, db: Database
) -> None:
    window = StartWindow(db, load_library())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    dialog = _overview(qtbot, window)
    assert dialog.windowTitle() == "Sneltoetsen"
    listed = set(dialog.listed_keys())
    for sequence in _installed(window):
        if not sequence.isEmpty():
            assert sequence.toString(NATIVE) in listed
    assert {"F5", "F6", "F9", "B", "Alt+Right", "Ctrl+PgDown", "Ctrl+Z"} <= {
        QKeySequence(key).toString(PORTABLE) for key in listed
    }


def test_f1_in_the_session_window_opens_the_overview_of_every_shortcut(
    qtbot: QtBot, window: SessionWindow
) -> None:
    dialog = _overview(qtbot, window)
    listed = set(dialog.listed_keys())
    installed = [sequence for sequence in _installed(window) if not sequence.isEmpty()]
    assert installed
    for sequence in installed:
        assert sequence.toString(NATIVE) in listed
    sections = [section.text(0) for section in dialog.sections]
    assert sections[0] == "Sessievenster"  # the window it was opened from comes first
    assert "Een clicker op de beamer" in sections
    assert "De matrix van de sociale kaart" in sections
    assert {"F4", "Ctrl+0", "Tab"} <= {QKeySequence(key).toString(PORTABLE) for key in listed}


def test_the_dialogs_install_only_declared_keys(qtbot: QtBot, tmp_path: Path) -> None:
    library = load_library()
    toolkit = ToolkitDialog(library, load=lambda: library, user_folder=tmp_path)
    tie = TieBreakDialog([[(1, "Eenzaamheid"), (2, "Bewegen")]])
    for dialog in (toolkit, tie):
        qtbot.addWidget(dialog)
    assert _portable(_installed(toolkit)) | _portable(_installed(tie)) == _declared(DIALOGS)


def _press(qtbot: QtBot, widget: QWidget, keys: str) -> None:
    combination = QKeySequence(keys)[0]
    qtbot.keyClick(widget, combination.key(), combination.keyboardModifiers())


def test_the_declared_clicker_keys_work_on_the_presenter(
    qtbot: QtBot, window: SessionWindow
) -> None:
    presenter = window.presenting.presenter
    clicker = {shortcut.name: shortcut.keys for shortcut in in_place(CLICKER)}
    window.room.present_action.trigger()
    window.go_to(1)
    for keys in clicker["clicker_next"]:
        row = window.navigator.currentRow()
        _press(qtbot, presenter, keys)
        assert window.navigator.currentRow() == row + 1, keys
    for keys in clicker["clicker_previous"]:
        row = window.navigator.currentRow()
        _press(qtbot, presenter, keys)
        assert window.navigator.currentRow() == row - 1, keys
    for keys in clicker["clicker_black"]:
        _press(qtbot, presenter, keys)
        assert presenter.is_black, keys
        _press(qtbot, presenter, keys)
        assert not presenter.is_black, keys
    for keys in clicker["clicker_hide"]:
        window.presenting.show()
        qtbot.waitUntil(presenter.isVisible)
        _press(qtbot, presenter, keys)
        assert not presenter.isVisible(), keys


def test_f1_again_brings_the_open_overview_forward(qtbot: QtBot, window: SessionWindow) -> None:
    first = window.show_shortcuts()
    qtbot.addWidget(first)
    assert window.show_shortcuts() is first


def _stored(window: SessionWindow, key: str) -> tuple[int, int]:
    record = next(s for s in window.controller.document["stakeholders"] if s["key"] == key)
    return record["influence"], record["interest"]


def test_the_declared_grid_keys_work_on_the_grid(qtbot: QtBot, window: SessionWindow) -> None:
    page = page_of(window, StepKind.SOCIALE_KAART)
    assert isinstance(page, SocialeKaartPage)
    grid = page.grid
    page.table.view.setFocus()
    qtbot.waitUntil(page.table.view.hasFocus)
    page.table.view.setCurrentIndex(page.table.model.index(2, 0))  # Fysiotherapie: 2 / 4
    key = str(page.table.model.row_at(2).key)
    (tab,) = keys_of("grid_from_table")
    _press(qtbot, page.table.view, tab)
    qtbot.waitUntil(grid.hasFocus)
    assert grid.selected_key() == key
    less, more = keys_of("grid_interest")
    _press(qtbot, grid, less)
    assert _stored(window, key) == (2, 3)
    _press(qtbot, grid, more)
    assert _stored(window, key) == (2, 4)
    up, down = keys_of("grid_influence")
    _press(qtbot, grid, up)
    assert _stored(window, key) == (3, 4)
    _press(qtbot, grid, down)
    assert _stored(window, key) == (2, 4)
    fitted = grid.zoom
    for keys in keys_of("grid_zoom_in"):
        _press(qtbot, grid, keys)
    assert grid.zoom > fitted
    zoomed = grid.zoom
    for keys in keys_of("grid_zoom_out"):
        _press(qtbot, grid, keys)
    assert grid.zoom < zoomed
    for keys in keys_of("grid_zoom_whole"):
        _press(qtbot, grid, keys)
    assert grid.zoom == fitted


def test_the_declared_side_panel_key_folds_the_panel(qtbot: QtBot, window: SessionWindow) -> None:
    shown = window.side_fold.action.isChecked()
    (keys,) = keys_of("side_panel")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.navigator.setFocus()
    _press(qtbot, window.navigator, keys)
    assert window.side_fold.action.isChecked() is not shown


def test_the_declared_clicker_keys_work_in_the_session_window(
    qtbot: QtBot, window: SessionWindow
) -> None:
    following, previous = keys_of("clicker_in_session")
    window.room.present_action.trigger()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.navigator.setFocus()
    qtbot.waitUntil(window.navigator.hasFocus)
    start = window.navigator.currentRow()
    _press(qtbot, window.navigator, following)
    assert window.navigator.currentRow() == start + 1
    _press(qtbot, window.navigator, previous)
    assert window.navigator.currentRow() == start


def test_the_declared_picker_key_opens_the_picker_and_the_confirm_key_records_a_change(
    qtbot: QtBot, window: SessionWindow
) -> None:
    agreements = page_of(window, StepKind.AGREEMENTS)
    assert isinstance(agreements, AgreementsPage)
    view = agreements.table.view
    column = next(i for i, c in enumerate(agreements.table.model.columns) if c.field == "lead")
    view.setFocus()
    view.setCurrentIndex(agreements.table.model.index(0, column))
    (pick,) = keys_of("pick_people")
    _press(qtbot, view, pick)
    assert isinstance(agreements.picker, PeoplePicker)
    agreements.picker.reject()

    plan = page_of(window, StepKind.AFTER)
    assert isinstance(plan, PlanPage)
    freeze_plan(plan)
    plan.decisions.setCurrentCell(2, 0)
    dialog = plan.ask_changes()
    assert dialog is not None
    qtbot.waitExposed(dialog)
    qtbot.keyClicks(dialog.comment, "Afspraak 3 later")
    (confirm,) = keys_of("confirm_entry")
    with qtbot.waitSignal(dialog.finished):
        _press(qtbot, dialog.comment, confirm)
    assert plan.decisions.item(2, 1).text() == "wijziging gevraagd"
