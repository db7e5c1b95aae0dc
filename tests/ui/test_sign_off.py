"""Sign-off in the room: everyone present agreed in one step (asked first, naming them, undone in
one step), Ctrl+Enter records a requested change, freezing with open points of attention warns."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from tests.ui.conftest import freeze_plan, page_of
from worksession.domain.values import StepKind
from worksession.storage.operations.plan import latest_decisions, list_versions
from worksession.ui.session.pages.plan import PlanPage
from worksession.ui.session.sign_off import listed, names
from worksession.ui.session.window import SessionWindow


def _page(window: SessionWindow) -> PlanPage:
    page = page_of(window, StepKind.AFTER)
    assert isinstance(page, PlanPage)
    return page


def _button(box: QMessageBox, role: QMessageBox.ButtonRole) -> object:
    return next(b for b in box.buttons() if box.buttonRole(b) == role)


def _decided(window: SessionWindow) -> dict[str, str]:
    controller = window.controller
    version = list_versions(db=controller.db, session_id=controller.session_id)[-1]
    assert version.id is not None
    return {
        key: row.decision
        for key, row in latest_decisions(db=controller.db, version_id=version.id).items()
    }


def test_freezing_with_open_points_of_attention_names_them_and_asks(
    qtbot: QtBot, window: SessionWindow
) -> None:
    page = _page(window)
    points = [check.message for check in window.controller.checks]
    assert points  # the demo has stakeholders with much influence who were not there
    question = page.freeze_version()
    assert isinstance(question, QMessageBox)
    qtbot.waitExposed(question)
    for point in points:
        assert point in question.informativeText()
    assert question.defaultButton() is _button(question, QMessageBox.ButtonRole.RejectRole)
    with qtbot.waitSignal(question.finished):
        qtbot.keyClick(question, Qt.Key.Key_Return)  # Enter is "not yet"
    assert window.controller.status == "draft"
    assert page.version.count() == 0
    freeze_plan(page)  # "freeze anyway"
    assert window.controller.status == "in_review"
    assert page.version.count() == 1


def test_everyone_present_agrees_in_one_step_after_a_question_naming_them(
    qtbot: QtBot, window: SessionWindow
) -> None:
    page = _page(window)
    freeze_plan(page)
    page.decisions.setCurrentCell(0, 0)
    asker = page.decisions.item(0, 0).text()
    assert page.decide("changes", "De datum van de informatiemiddag klopt niet")
    page.decisions.setCurrentCell(1, 0)
    qtbot.keyClick(page.decisions, Qt.Key.Key_Down)
    assert page.decide("agreed")
    before = _decided(window)
    names = [page.decisions.item(row, 0).text() for row in range(page.decisions.rowCount())]
    undecided = [name for row, name in enumerate(names) if row not in (0, 2)]
    question = page.agree_all_present()
    assert isinstance(question, QMessageBox)
    qtbot.waitExposed(question)
    assert f"{len(undecided)} " in question.text()
    listing, _sep, waiting = question.informativeText().partition("\n\n")
    assert [line.removeprefix("• ") for line in listing.splitlines()] == undecided
    assert asker in waiting  # asked for a change: not counted as agreeing
    steps = window.controller.undo_stack.count()
    _button(question, QMessageBox.ButtonRole.AcceptRole).click()  # type: ignore[attr-defined]
    decided = _decided(window)
    assert sum(1 for d in decided.values() if d == "agreed") == len(names) - 1
    assert list(decided.values()).count("changes") == 1
    assert window.controller.status == "in_review"  # one asked for a change
    assert page.decisions.item(3, 1).text() == "akkoord"
    assert window.controller.undo_stack.count() == steps + 1
    window.undo_action.trigger()
    assert _decided(window) == before
    assert page.decisions.item(3, 1).text() == "nog niet"


def test_everyone_agreeing_signs_the_plan_off_and_undo_reopens_the_review(
    qtbot: QtBot, window: SessionWindow
) -> None:
    page = _page(window)
    freeze_plan(page)
    question = page.agree_all_present()
    assert question is not None
    _button(question, QMessageBox.ButtonRole.AcceptRole).click()  # type: ignore[attr-defined]
    assert window.controller.status == "signed_off"
    assert page.sign_button.isEnabled()
    window.undo_action.trigger()
    assert window.controller.status == "in_review"
    window.redo_action.trigger()
    assert window.controller.status == "signed_off"
    assert not page.all_agree_button.isEnabled()  # nobody left to ask about
    assert page.agree_all_present() is None
    assert not window.banner.isVisible()  # a note in the status bar, nothing went wrong


def test_cancelling_the_question_records_nothing(qtbot: QtBot, window: SessionWindow) -> None:
    page = _page(window)
    freeze_plan(page)
    question = page.agree_all_present()
    assert question is not None
    with qtbot.waitSignal(question.finished):
        qtbot.keyClick(question, Qt.Key.Key_Escape)
    assert _decided(window) == {}


def test_ctrl_enter_records_the_change_asked_for(qtbot: QtBot, window: SessionWindow) -> None:
    page = _page(window)
    freeze_plan(page)
    page.decisions.setCurrentCell(2, 0)
    who = page.decisions.item(2, 0).text()
    dialog = page.ask_changes()
    assert dialog is not None
    qtbot.waitExposed(dialog)
    assert who in dialog.question.text()
    qtbot.keyClick(dialog.comment, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.isVisible()  # nothing typed: nothing to record yet
    qtbot.keyClicks(dialog.comment, "Afspraak 3 later")
    qtbot.keyClick(dialog.comment, Qt.Key.Key_Return)  # a new line, not the end
    assert dialog.isVisible()
    qtbot.keyClicks(dialog.comment, "en met de wijkverpleging")
    with qtbot.waitSignal(dialog.finished):
        qtbot.keyClick(dialog.comment, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert page.decisions.item(2, 1).text() == "wijziging gevraagd"
    assert page.decisions.item(2, 2).text() == "Afspraak 3 later\nen met de wijkverpleging"
    window.undo_action.trigger()  # a single decision is one undo step too
    assert page.decisions.item(2, 1).text() == "nog niet"


def test_a_long_list_of_names_runs_on_so_the_question_fits_a_laptop() -> None:
    few = [f"Deelnemer {n}" for n in range(5)]
    assert names(few).splitlines() == [f"• {name}" for name in few]
    many = [f"Deelnemer {n}" for n in range(60)]
    assert names(many) == ", ".join(many)  # every name, in one paragraph
    points = [f"Punt {n}" for n in range(20)]
    shown = listed(points).splitlines()
    assert shown[:12] == [f"• Punt {n}" for n in range(12)]
    assert shown[12] == "… en nog 8"
