"""Kennismaking, wijkgezondheidsprofiel and casus pages."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.ui.conftest import page_of
from worksession.domain.values import StepKind
from worksession.ui.session.pages.base import StepPage
from worksession.ui.session.pages.casus import CasusPage, ProfilePage
from worksession.ui.session.pages.introductions import IntroductionsPage
from worksession.ui.session.window import SessionWindow


def _page(window: SessionWindow, kind: StepKind) -> StepPage:
    return page_of(window, kind)


def test_introductions_group_people_by_domain(window: SessionWindow) -> None:
    page = _page(window, StepKind.INTRODUCTIONS)
    assert isinstance(page, IntroductionsPage)
    groups = [page.tree.topLevelItem(i).text(0) for i in range(page.tree.topLevelItemCount())]
    assert groups[0].startswith("Eerstelijnszorg (")
    assert any(group.startswith("Inwoners (2)") for group in groups)
    first = page.tree.topLevelItem(0)
    names = [first.child(i).text(0) for i in range(first.childCount())]
    # Not ticked present yet: their invite list status, not "afwezig" for everyone.
    assert not any(name.endswith("(afwezig)") for name in names)
    assert "Sanne Vliegen (afgemeld)" in names


def test_a_figure_is_added_by_keyboard_and_undone(qtbot: QtBot, window: SessionWindow) -> None:
    page = _page(window, StepKind.PROFILE)
    assert isinstance(page, ProfilePage)
    before = len(window.controller.document["casus"]["figures"])
    page.figures.entry.setFocus()
    qtbot.keyClicks(page.figures.entry, "Mantelzorgers overbelast")
    qtbot.keyClick(page.figures.entry, Qt.Key.Key_Return)
    figures = window.controller.document["casus"]["figures"]
    assert len(figures) == before + 1 and figures[-1]["label"] == "Mantelzorgers overbelast"
    window.undo_action.trigger()
    assert len(window.controller.document["casus"]["figures"]) == before


def test_insights_are_captured_live(qtbot: QtBot, window: SessionWindow) -> None:
    page = _page(window, StepKind.CASUS)
    assert isinstance(page, CasusPage)
    page.insights.entry.setFocus()
    qtbot.keyClicks(page.insights.entry, "Apotheek ziet het eerst")
    qtbot.keyClick(page.insights.entry, Qt.Key.Key_Return)
    assert window.controller.document["casus"]["insights"][-1] == "Apotheek ziet het eerst"
    assert page.has_content()
