"""The sociale kaart grid by keyboard and at a laptop's size: arrows move the selected
stakeholder one cell (one undo step each, the selection stays on it), Ctrl++/Ctrl+-/Ctrl+0 zoom
the grid, a crowded cell is numbered like the table's rows and nothing drawn overlaps."""

from __future__ import annotations

import itertools
import os
from pathlib import Path

import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.ui.conftest import page_of
from worksession.domain.values import StepKind
from worksession.ui.session.grid_items import StakeholderNode
from worksession.ui.session.pages.sociale_kaart import SocialeKaartPage
from worksession.ui.session.power_grid_view import PowerGridView
from worksession.ui.session.window import SessionWindow

# Catalogue roles typed into the add field: each starts at influence 3 / interest 3.
ROLES = [
    "Huisarts", "Praktijkondersteuner somatiek", "Praktijkondersteuner GGZ",
    "Wijkverpleegkundige", "Fysiotherapeut", "Oefentherapeut", "Apotheker", "Ergotherapeut",
    "Logopedist", "Verloskundige", "Tandarts",
]  # fmt: skip


def _page(window: SessionWindow) -> SocialeKaartPage:
    page = page_of(window, StepKind.SOCIALE_KAART)
    assert isinstance(page, SocialeKaartPage)
    return page


def _stored(window: SessionWindow, key: str) -> tuple[int, int]:
    record = next(s for s in window.controller.document["stakeholders"] if s["key"] == key)
    return record["influence"], record["interest"]


def _choose_row(qtbot: QtBot, page: SocialeKaartPage, row: int) -> str:
    """Pick a row in the table, then go to the grid with the keyboard's focus."""
    page.table.view.setCurrentIndex(page.table.model.index(row, 0))
    key = str(page.table.model.row_at(row).key)
    assert page.grid.selected_key() == key  # the table's row is selected on the grid
    page.grid.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(page.grid.hasFocus)
    return key


def test_arrow_keys_move_the_selected_stakeholder_one_undo_step_each(
    qtbot: QtBot, window: SessionWindow
) -> None:
    page = _page(window)
    stack = window.controller.undo_stack
    key = _choose_row(qtbot, page, 2)  # Fysiotherapie: influence 2, interest 4
    assert _stored(window, key) == (2, 4)
    before = stack.count()
    qtbot.keyClick(page.grid, Qt.Key.Key_Up)
    assert _stored(window, key) == (3, 4)
    qtbot.keyClick(page.grid, Qt.Key.Key_Left)
    assert _stored(window, key) == (3, 3)
    qtbot.keyClick(page.grid, Qt.Key.Key_Down)
    qtbot.keyClick(page.grid, Qt.Key.Key_Right)
    assert _stored(window, key) == (2, 4)
    assert stack.count() == before + 4  # one step per key
    assert page.grid.selected_key() == key and page.grid.nodes[key].isSelected()
    assert page.table.model.row_at(page.table.view.currentIndex().row()).key == key

    qtbot.keyClick(page.grid, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _stored(window, key) == (2, 3)  # Ctrl+Z took back the last arrow only
    assert stack.index() == before + 3
    assert page.grid.selected_key() == key
    qtbot.keyClick(page.grid, Qt.Key.Key_Down)  # still selected after the undo: moves on
    assert _stored(window, key) == (1, 3)


def test_an_arrow_at_the_edge_stores_nothing(qtbot: QtBot, window: SessionWindow) -> None:
    page = _page(window)
    key = _choose_row(qtbot, page, 0)  # the huisartsenpraktijk: influence 5, interest 5
    before = window.controller.undo_stack.count()
    qtbot.keyClick(page.grid, Qt.Key.Key_Up)
    qtbot.keyClick(page.grid, Qt.Key.Key_Right)
    assert _stored(window, key) == (5, 5)
    assert window.controller.undo_stack.count() == before


def test_tab_into_the_grid_selects_a_stakeholder_to_move(
    qtbot: QtBot, window: SessionWindow
) -> None:
    page = _page(window)
    page.grid.scene().clearSelection()
    page.grid.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: page.grid.selected_key() is not None)
    key = page.grid.selected_key()
    assert key == window.controller.document["stakeholders"][0]["key"]


def test_ctrl_plus_minus_and_zero_zoom_the_grid_not_the_window(
    qtbot: QtBot, window: SessionWindow
) -> None:
    page = _page(window)
    page.grid.setFocus()
    qtbot.waitUntil(page.grid.hasFocus)
    fitted = page.grid.transform().m11()
    font = window.font().pointSizeF()
    qtbot.keyClick(page.grid, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(page.grid, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert page.grid.transform().m11() == pytest.approx(fitted * 1.25**2)
    assert window.font().pointSizeF() == font  # the window's own zoom stayed where it was
    qtbot.keyClick(page.grid, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert page.grid.transform().m11() == pytest.approx(fitted * 1.25)
    qtbot.keyClick(page.grid, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert page.grid.transform().m11() == pytest.approx(fitted)


def _drawn(grid: PowerGridView) -> tuple[list[QRectF], list[QRectF]]:
    """Circles and the names written beside them, in scene units, as on screen."""
    nodes = [item for item in grid.scene().items() if isinstance(item, StakeholderNode)]
    circles = [node.mapRectToScene(node.rect()) for node in nodes]
    names = [node.label.sceneBoundingRect() for node in nodes if node.label.isVisible()]
    return circles, names


def _apart(first: QRectF, second: QRectF) -> bool:
    overlap = first.intersected(second)
    return overlap.width() < 0.01 or overlap.height() < 0.01


def test_eleven_catalogue_entries_in_one_cell_at_1280_by_720(
    qtbot: QtBot, window: SessionWindow, tmp_path: Path
) -> None:
    window.resize(1280, 720)
    page = _page(window)
    for role in ROLES:
        page.table.entry.setText(role)
        page.table.add_from_entry()
    stakeholders = window.controller.document["stakeholders"]
    crowd = [s["key"] for s in stakeholders if (s["influence"], s["interest"]) == (3, 3)]
    assert len(crowd) >= 11
    grid = page.grid
    assert grid.layout_.numbered
    for row, record in enumerate(stakeholders):  # the table's row numbers are the grid's
        assert page.table.model.headerData(row, Qt.Orientation.Vertical) == str(row + 1)
        assert page.table.model.row_at(row).key == record["key"]
        node = grid.nodes[record["key"]]
        assert node.number.text() == str(row + 1) and node.number.isVisible()
    circles, names = _drawn(grid)
    for first, second in itertools.combinations(circles, 2):
        assert _apart(first, second)
    for name in names:
        assert all(_apart(name, circle) for circle in circles)
    for first, second in itertools.combinations(names, 2):
        assert _apart(first, second)
    assert page.legend.isVisible() and "Eerstelijnszorg" in page.legend.text()
    folder = Path(os.environ.get("WORKSESSION_SHOTS", str(tmp_path / "shots")))
    folder.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(folder / "sociale-kaart-1280x720.png"))
    grid.set_zoom(2.5)
    grid.select(crowd[-1])
    grid.grab().save(str(folder / "sociale-kaart-grid-zoomed.png"))


def test_tab_from_a_table_row_goes_to_the_grid_with_that_stakeholder(
    qtbot: QtBot, window: SessionWindow
) -> None:
    page = _page(window)
    page.table.view.setFocus()
    qtbot.waitUntil(page.table.view.hasFocus)
    page.table.view.setCurrentIndex(page.table.model.index(4, 0))  # Gemeente: 5 / 4
    key = str(page.table.model.row_at(4).key)
    qtbot.keyClick(page.table.view, Qt.Key.Key_Tab)
    qtbot.waitUntil(page.grid.hasFocus)
    assert page.grid.selected_key() == key
    qtbot.keyClick(page.grid, Qt.Key.Key_Left)
    assert _stored(window, key) == (5, 3)


def test_a_zoomed_grid_settles_with_its_scroll_bars(qtbot: QtBot) -> None:
    """Its scale once depended on the scroll bars it caused: zoomed in, it resized forever."""
    grid = PowerGridView(lambda *_args: None)
    qtbot.addWidget(grid)
    grid.resize(335, 390)
    grid.show()
    qtbot.waitExposed(grid)
    for size in ((335, 390), (300, 500), (520, 260)):
        grid.resize(*size)
        for zoom in (1.0, 1.25, 1.5625, 1.953125, 2.44140625):
            grid.set_zoom(zoom)
            scale = grid.transform().m11()
            for _round in range(5):
                QApplication.processEvents()
            assert grid.transform().m11() == scale
        assert grid.horizontalScrollBar().isVisible()
        grid.set_zoom(1.0)
        QApplication.processEvents()
        assert not grid.horizontalScrollBar().isVisible()
        assert not grid.verticalScrollBar().isVisible()
