"""A coach's day with the keyboard only, at 1280×720 with a beamer beside the laptop: what a key
press must reach, and what the coach sees must be whole (found walking the demo session).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPlainTextEdit, QScrollArea, QWidget
from pytestqt.qtbot import QtBot

from worksession.domain.values import StepKind
from worksession.programmes.model import Library
from worksession.storage.database import Database
from worksession.ui.presenter.schedule_dialog import ScheduleDialog
from worksession.ui.session.controller import SessionController
from worksession.ui.session.pages.referral import ReferralPage
from worksession.ui.session.window import SessionWindow
from worksession.ui.shortcuts import SESSION
from worksession.ui.shortcuts_dialog import ShortcutsDialog
from worksession.workflows.starting import new_session

from .conftest import page_of


def test_one_tab_from_the_steps_reaches_the_pages_first_field(
    qtbot: QtBot, window: SessionWindow
) -> None:
    # The page's scroll area took the first Tab without showing it: the coach, on Welkom with
    # the beamer on, pressed Tab and typed the ambition into nothing.
    window.resize(1280, 690)
    page_of(window, StepKind.WELCOME)
    window.navigator.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.navigator)
    qtbot.keyClick(window.navigator, Qt.Key.Key_Tab)
    field = QApplication.focusWidget()
    assert isinstance(field, QPlainTextEdit)
    assert field.accessibleName() == "Ambitie"
    qtbot.keyClicks(field, " b")
    assert field.toPlainText().startswith(" b")  # text, not the clicker's keys


def _tab_stops(qtbot: QtBot, window: SessionWindow, count: int) -> list[QWidget]:
    """The widgets that get the keyboard on ``count`` presses of Tab from the steps."""
    window.navigator.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.navigator)
    stops = []
    for _press in range(count):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        stops.append(QApplication.focusWidget())
    return stops


def test_tab_on_verwijzing_goes_down_the_page_as_it_reads(
    qtbot: QtBot, window: SessionWindow
) -> None:
    # The improvement points stand above the referral agreements, yet Tab reached them last,
    # after an invisible stop on their scroll frame.
    window.resize(1280, 690)
    page = page_of(window, StepKind.REFERRAL)
    assert isinstance(page, ReferralPage)
    first = next(iter(page.tables.values()))
    stops = _tab_stops(qtbot, window, 6)
    assert stops[0] is first.view
    assert stops[1] is first.entry
    assert all(not isinstance(stop, QScrollArea) for stop in stops)
    # After every priority's points come the referral agreements.
    stops = _tab_stops(qtbot, window, 3 * len(page.tables) + 1)
    assert page.referrals.isAncestorOf(stops[-1])


def test_the_shortcuts_overview_shows_every_description_whole(
    qtbot: QtBot, window: SessionWindow
) -> None:
    # At 640 pixels the F2 and Ctrl+Enter lines ended in "…" on a 1280×720 laptop.
    dialog = ShortcutsDialog(window, first=SESSION)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    tree = dialog.tree
    room = window.screen().availableGeometry().width()
    needed = tree.sizeHintForColumn(1)
    if tree.header().sectionPosition(1) + needed < room * 0.8:
        assert tree.columnWidth(1) >= needed
        assert tree.viewport().width() >= tree.header().sectionPosition(1) + needed


def test_the_schedule_fills_its_dialog_and_names_every_column(
    qtbot: QtBot, window: SessionWindow
) -> None:
    # The step states stood in a column without a name, with an empty grey band beside it.
    dialog = ScheduleDialog(window.presenting.step_clock, window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    table = dialog.table
    header = table.horizontalHeader()
    names = [table.horizontalHeaderItem(column).text() for column in range(table.columnCount())]
    assert all(names), names
    assert header.length() >= table.viewport().width()


def test_a_new_session_shows_no_step_done_before_it_starts(
    qtbot: QtBot, db: Database, library: Library
) -> None:
    # "✓ Pauze" stood in the steps of a session nobody had started: a break records nothing,
    # so it is never done (nor missing).
    session = new_session(
        db=db,
        library=library,
        programme_id="samenwerken-in-de-wijk",
        casus_id=None,
        title="Noord",
    )
    assert session.id is not None
    window = SessionWindow(SessionController(db, session.id, library))
    qtbot.addWidget(window)
    rows = [window.navigator.item(row).text() for row in range(window.navigator.count())]
    assert any("Pauze" in row for row in rows), rows
    assert not [row for row in rows if row.startswith("✓")], rows
