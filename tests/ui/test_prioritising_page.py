"""Prioriteren: themes from the catalogue, votes that rank, priorities with a gentle warning."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.ui.conftest import page_of
from worksession.domain.values import StepKind
from worksession.ui.session.pages.prioritising import PrioritisingPage
from worksession.ui.session.window import SessionWindow


def _page(window: SessionWindow) -> PrioritisingPage:
    page = page_of(window, StepKind.PRIORITISING)
    assert isinstance(page, PrioritisingPage)
    return page


def _column(page: PrioritisingPage, field: str) -> int:
    return next(i for i, c in enumerate(page.themes.model.columns) if c.field == field)


def test_a_catalogue_theme_comes_with_its_target_group(qtbot: QtBot, window: SessionWindow) -> None:
    page = _page(window)
    page.themes.entry.setFocus()
    qtbot.keyClicks(page.themes.entry, "roken")
    qtbot.keyClick(page.themes.entry, Qt.Key.Key_Return)
    added = window.controller.document["themes"][-1]
    assert added["title"] == "Roken" and added["target_group"]


def test_typing_votes_reranks_and_redraws_the_chart(window: SessionWindow) -> None:
    page = _page(window)
    model = page.themes.model
    last = model.rowCount() - 1
    assert model.setData(model.index(last, _column(page, "votes")), 40)
    themes = window.controller.document["themes"]
    assert themes[-1]["rank"] == 1
    assert page.chart.bars[0].title == themes[-1]["title"]
    window.undo_action.trigger()
    assert window.controller.document["themes"][-1]["rank"] == 6


def test_a_fourth_priority_warns_but_is_kept(window: SessionWindow) -> None:
    page = _page(window)
    assert not page.warning.isVisible()
    model = page.themes.model
    checked = Qt.CheckState.Checked.value
    assert model.setData(
        model.index(3, _column(page, "priority")), checked, Qt.ItemDataRole.CheckStateRole
    )
    assert page.warning.isVisible()
    assert sum(t["priority"] for t in window.controller.document["themes"]) == 4
    assert any(c.code == "too-many-priorities" for c in window.controller.checks)
    window.undo_action.trigger()
    assert not page.warning.isVisible()
