"""Verwijzing, vervolg & borging, and evaluatie pages."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.ui.conftest import page_of
from worksession.domain.values import StepKind
from worksession.ui.session.pages.base import StepPage
from worksession.ui.session.pages.evaluation import EvaluationPage
from worksession.ui.session.pages.follow_up import FollowUpPage
from worksession.ui.session.pages.referral import ReferralPage
from worksession.ui.session.window import SessionWindow


def _page(window: SessionWindow, kind: StepKind) -> StepPage:
    return page_of(window, kind)


def test_each_priority_has_its_improvement_points(qtbot: QtBot, window: SessionWindow) -> None:
    page = _page(window, StepKind.REFERRAL)
    assert isinstance(page, ReferralPage)
    assert len(page.tables) == 3
    table = next(iter(page.tables.values()))
    table.entry.setFocus()
    qtbot.keyClicks(table.entry, "Geen vaste contactpersoon bij welzijn")
    qtbot.keyClick(table.entry, Qt.Key.Key_Return)
    assert window.controller.document["improvements"][-1]["text"].startswith("Geen vaste")


def test_kartrekker_werkgroep_and_the_suggested_evaluation(window: SessionWindow) -> None:
    page = _page(window, StepKind.FOLLOW_UP)
    assert isinstance(page, FollowUpPage)
    page.kartrekker.setCurrentIndex(0)
    page.kartrekker.activated.emit(0)
    assert window.controller.document["follow_up"]["kartrekker"] is None
    assert any(c.code == "no-kartrekker" for c in window.controller.checks)
    window.undo_action.trigger()
    assert window.controller.document["follow_up"]["kartrekker"] is not None

    page.werkgroep.item(1).setCheckState(Qt.CheckState.Checked)
    second = window.controller.document["participants"][1]["key"]
    assert window.controller.document["follow_up"]["werkgroep"][-1] == second

    page.use_suggested_evaluation()
    assert window.controller.document["follow_up"]["evaluation"] == "2026-09-12"


def test_a_typed_meeting_date_is_stored_or_refused(qtbot: QtBot, window: SessionWindow) -> None:
    page = _page(window, StepKind.FOLLOW_UP)
    assert isinstance(page, FollowUpPage)
    page.next_meeting.setFocus()
    page.next_meeting.selectAll()
    qtbot.keyClicks(page.next_meeting, "3-6-2026")
    page.funding.setFocus()
    assert window.controller.document["follow_up"]["next_meeting"] == "2026-06-03"
    page.next_meeting.setFocus()
    page.next_meeting.selectAll()
    qtbot.keyClicks(page.next_meeting, "volgende week")
    page.funding.setFocus()
    assert "Volgende bijeenkomst: " in window.banner.text()  # its label, not its path
    assert window.controller.document["follow_up"]["next_meeting"] == "2026-06-03"


def test_the_evaluation_score_can_be_cleared(window: SessionWindow) -> None:
    page = _page(window, StepKind.EVALUATION)
    assert isinstance(page, EvaluationPage)
    assert page.score.value() == 8
    page.score.setValue(0)
    assert window.controller.document["evaluation"]["score"] is None
    window.undo_action.trigger()
    assert window.controller.document["evaluation"]["score"] == 8
