"""The sociale kaart on a 1280×720 beamer: every marker numbered as in the coach's table, the
names in a key beside the grid with capitals at least 16 px high, and a legend."""

from __future__ import annotations

import itertools
import os
from pathlib import Path

from PySide6.QtGui import QFontMetricsF
from pytestqt.qtbot import QtBot

from worksession.domain.slides import slide_for
from worksession.domain.values import StepKind
from worksession.ui.presenter.presenter_window import PresenterWindow
from worksession.ui.session.grid_items import StakeholderNode
from worksession.ui.session.window import SessionWindow


def _grid_slide(qtbot: QtBot, window: SessionWindow) -> PresenterWindow:
    presenter = PresenterWindow()
    qtbot.addWidget(presenter)
    presenter.resize(1280, 720)
    presenter.show()
    qtbot.waitExposed(presenter)
    step = next(p.step for p in window.page_list if p.step.kind == StepKind.SOCIALE_KAART)
    document = window.controller.document
    presenter.show_slide(slide_for(step.to_dict(), document), document)
    qtbot.waitUntil(lambda: presenter.grid_key.isVisible() and presenter.grid_key.height() > 0)
    return presenter


def test_the_beamer_numbers_the_grid_and_lists_the_names_large(
    qtbot: QtBot, window: SessionWindow, tmp_path: Path
) -> None:
    presenter = _grid_slide(qtbot, window)
    # Saved first: a failing slide is the one to look at.
    folder = Path(os.environ.get("WORKSESSION_SHOTS", str(tmp_path / "shots")))
    folder.mkdir(parents=True, exist_ok=True)
    presenter.grab().save(str(folder / "beamer-sociale-kaart-1280x720.png"))
    stakeholders = window.controller.document["stakeholders"]
    grid = presenter.grid
    scale = grid.transform().m11()
    for number, record in enumerate(stakeholders, start=1):
        node = grid.nodes[record["key"]]
        assert node.number.text() == str(number) and not node.label.isVisible()
    # A marker alone in its cell carries a number the back row reads.
    alone = grid.nodes[stakeholders[0]["key"]]
    number_cap = QFontMetricsF(alone.number.font()).capHeight() * alone.number.scale() * scale
    assert number_cap >= 16
    key_cap = QFontMetricsF(presenter.grid_key.font()).capHeight()
    assert key_cap >= 16
    columns, _rows, shown = presenter.grid_key.lines()
    assert len(shown) == len(stakeholders) and columns <= 2  # the demo's 15 all fit
    nodes = [item for item in grid.scene().items() if isinstance(item, StakeholderNode)]
    for first, second in itertools.combinations(nodes, 2):
        overlap = first.mapRectToScene(first.rect()).intersected(
            second.mapRectToScene(second.rect())
        )
        assert overlap.width() < 0.01 or overlap.height() < 0.01
    legend = presenter.grid_legend
    assert legend.isVisible() and "verwijst naar" in legend.text()
    assert legend.geometry().bottom() <= presenter.height()
    assert not presenter.items.isVisible()


def test_other_slides_keep_their_list_and_hide_the_key(qtbot: QtBot, window: SessionWindow) -> None:
    presenter = _grid_slide(qtbot, window)
    step = next(p.step for p in window.page_list if p.step.kind == StepKind.PROFILE)
    document = window.controller.document
    presenter.show_slide(slide_for(step.to_dict(), document), document)
    assert presenter.items.isVisible() and presenter.items.text()
    assert not presenter.grid_key.isVisible() and not presenter.grid_legend.isVisible()
    # Beside the chart the text column is its usual share again, not the grid's half.
    step = next(p.step for p in window.page_list if p.step.kind == StepKind.PRIORITISING)
    presenter.show_slide(slide_for(step.to_dict(), document), document)
    assert presenter.text_panel.width() < presenter.width() * 0.45
    assert presenter.visuals.x() > presenter.text_panel.geometry().right()
