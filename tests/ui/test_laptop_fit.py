"""Every step of the demo session works on a 1280×720 laptop (about 1280×690 for the window).

No page scrolls sideways, neither the page nor a table or list on it, and the controls the
coach reaches for (every add field, every button) lie inside the visible part of the page.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QApplication,
    QScrollArea,
    QWidget,
)
from pytestqt.qtbot import QtBot

from worksession.domain.values import StepKind
from worksession.storage.operations.plan import freeze, record_decision
from worksession.ui.session.column_fit import share_width
from worksession.ui.session.pages.plan import PlanPage
from worksession.ui.session.record_table import RecordTable
from worksession.ui.session.window import SessionWindow

from .conftest import page_of

LAPTOPS = [(1280, 690), (1366, 738)]


def _settle(window: SessionWindow) -> None:
    for _round in range(3):
        QApplication.processEvents()
    window.layout().activate()


def _sideways(page: QWidget) -> list[str]:
    """Names of the scroll areas on ``page`` that show a horizontal scroll bar."""
    return [
        area.accessibleName() or type(area).__name__
        for area in page.findChildren(QAbstractScrollArea)
        if area.isVisibleTo(page) and area.horizontalScrollBar().isVisibleTo(area)
    ]


def _in_own_scroller(control: QWidget, page: QWidget) -> bool:
    """Whether ``control`` sits in a list of its own that scrolls (the improvement points of
    each priority): that list must be in sight, not each of its rows."""
    parent = control.parentWidget()
    while parent is not None and parent is not page:
        if isinstance(parent, QScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def _key_controls(page: QWidget) -> list[QWidget]:
    controls: list[QWidget] = [table.entry for table in page.findChildren(RecordTable)]
    controls += [button for button in page.findChildren(QAbstractButton)]
    controls += [area for area in page.findChildren(QScrollArea)]
    return [
        control
        for control in controls
        if control.isVisibleTo(page) and not _in_own_scroller(control, page)
    ]


def _outside(window: SessionWindow, control: QWidget) -> bool:
    viewport = window.page_scroller.viewport()
    corner = control.mapTo(viewport, QPoint(0, 0))
    return not viewport.rect().contains(QRect(corner, control.size()))


@pytest.mark.parametrize(("width", "height"), LAPTOPS)
def test_every_step_fits_a_laptop_screen(
    qtbot: QtBot, window: SessionWindow, width: int, height: int
) -> None:
    window.resize(width, height)
    problems = []
    for row, page in enumerate(window.page_list):
        window.go_to(row)
        _settle(window)
        title = page.step.title
        if window.page_scroller.horizontalScrollBar().isVisible():
            problems.append(f"{title}: the page scrolls sideways")
        problems += [f"{title}: {name} scrolls sideways" for name in _sideways(page)]
        problems += [
            f"{title}: {control.accessibleName() or getattr(control, 'text', str)()} "
            "is below the fold"
            for control in _key_controls(page)
            if _outside(window, control)
        ]
    assert problems == [], "\n".join(problems)


def test_the_decisions_table_shows_how_each_decision_was_given(
    qtbot: QtBot, window: SessionWindow
) -> None:
    controller = window.controller
    db, session_id = controller.db, controller.session_id
    freeze(db=db, session_id=session_id)
    for person, decision, comment in (
        (controller.document["participants"][0], "agreed", ""),
        (controller.document["participants"][4], "changes", "Graag de valrisicotest " * 8),
    ):
        record_decision(
            db=db, session_id=session_id, version=1, participant=person["key"],
            decision=decision, comment=comment, method="email",
        )  # fmt: skip
    window.resize(1280, 690)
    page = page_of(window, StepKind.AFTER)
    assert isinstance(page, PlanPage)
    page.refresh()
    _settle(window)
    qtbot.waitUntil(lambda: not page.decisions.horizontalScrollBar().isVisible())
    how = page.decisions.horizontalHeader().sectionViewportPosition(4)
    assert 0 <= how < page.decisions.viewport().width() - 40  # "Hoe" is in sight, not past it
    rows = range(page.decisions.rowCount())
    assert "per e-mail" in [page.decisions.item(row, 4).text() for row in rows]


def test_the_side_panel_folds_on_a_laptop_and_comes_back_on_request(
    qtbot: QtBot, window: SessionWindow
) -> None:
    window.resize(1280, 690)
    _settle(window)
    assert not window.side.isVisible()
    # The folded panel still says how many points of attention it holds.
    count = len(window.controller.checks)
    assert count and str(count) in window.side_fold.button.text()
    qtbot.keyClick(window.navigator, Qt.Key.Key_F4)
    assert window.side.isVisible()
    window.resize(1270, 690)  # the coach's choice holds while the window changes size
    _settle(window)
    assert window.side.isVisible()


def test_the_side_panel_shows_on_a_wide_screen(qtbot: QtBot, window: SessionWindow) -> None:
    window.resize(1900, 1000)
    _settle(window)
    assert window.side.isVisible()


def test_narrow_columns_keep_their_width_and_wide_ones_share_the_rest() -> None:
    assert share_width([40, 300, 500], 1000) == [40, 300, 500]
    widths = share_width([40, 60, 500, 700], 600)
    assert widths[:2] == [40, 60]
    assert widths[2] == widths[3] == 250
    assert sum(widths) == 600
