"""The review step of a follow-up session, by keyboard only: walk three agreements setting the
status now, what happened, whether the indicator shows and the decision; adjust one and see the
signed wording kept beside it; stray keys on a closed list change nothing; the beamer follows
the agreement the coach is on; a session that reviews nothing says how to make one that does."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.following import FollowUp, unreported_follow_up
from tests.ui.conftest import shown_window
from tests.ui.review_keys import WALK, focused, pick, press, review_page, start_review, tab
from worksession.domain.changes import Part
from worksession.domain.review import ReviewFocus, ReviewItem
from worksession.programmes.model import Library
from worksession.storage.database import Database
from worksession.storage.operations.review import review_overview
from worksession.ui.session.controller import SessionController
from worksession.ui.session.window import SessionWindow
from worksession.workflows.starting import new_session


@pytest.fixture
def follow_up(db: Database, library: Library) -> FollowUp:
    return unreported_follow_up(db)


@pytest.fixture
def review_window(
    qtbot: QtBot, db: Database, library: Library, follow_up: FollowUp
) -> SessionWindow:
    return shown_window(qtbot, SessionController(db, follow_up.session_id, library))


def _items(window: SessionWindow) -> tuple[ReviewItem, ...]:
    controller = window.controller
    return review_overview(db=controller.db, session_id=controller.session_id).items


def test_walking_three_agreements_by_keyboard_records_each_review(
    qtbot: QtBot, review_window: SessionWindow
) -> None:
    page = start_review(qtbot, review_window)
    form = page.form
    for place, (status, happened, seen, evidence, decision) in enumerate(WALK):
        assert page.current == place
        assert form.item is not None and form.item.key == _items(review_window)[place].key
        pick(qtbot, form.status_now, status)
        assert tab(qtbot) is form.what_happened
        qtbot.keyClicks(form.what_happened, happened)
        assert tab(qtbot) is form.indicator_seen
        pick(qtbot, form.indicator_seen, seen)
        assert tab(qtbot) is form.evidence
        qtbot.keyClicks(form.evidence, evidence)
        assert tab(qtbot) is form.decision
        pick(qtbot, form.decision, decision)
        press(qtbot, form.decision, "next_agreement")
        form.status_now.setFocus()
        qtbot.waitUntil(form.status_now.hasFocus)
    assert page.current == 3
    recorded = [
        (i.status_now, i.what_happened, i.indicator_seen, i.evidence, i.decision)
        for i in _items(review_window)[:3]
    ]
    assert recorded == WALK
    assert all(not item.reviewed for item in _items(review_window)[3:])
    assert "3 van 8 afspraken besloten" in page.origin_line.text()
    decided = [page.list.topLevelItem(row).text(4) for row in range(4)]  # type: ignore[union-attr]
    assert decided == ["✓ afgerond", "✓ doorgaan", "✓ stoppen", "nog niet"]
    # Back with Alt+PgUp: the form shows what was stored for that agreement.
    press(qtbot, focused(), "previous_agreement")
    assert page.current == 2
    assert form.what_happened.toPlainText() == "Geen vrijwilligers gevonden."
    assert form.decision.currentData() == "stop"


def test_each_choice_is_one_undo_step(qtbot: QtBot, review_window: SessionWindow) -> None:
    page = start_review(qtbot, review_window)
    controller = review_window.controller
    before = _items(review_window)[0]
    pick(qtbot, page.form.status_now, "done")
    page.form.decision.setFocus()
    pick(qtbot, page.form.decision, "completed")
    assert _items(review_window)[0].decision == "completed"
    assert controller.undo()
    assert _items(review_window)[0].decision is None
    assert page.form.decision.currentData() is None
    assert controller.undo()
    assert _items(review_window)[0] == before  # the status now is a default again
    assert controller.redo() and controller.redo()
    assert (_items(review_window)[0].status_now, _items(review_window)[0].decision) == (
        "done",
        "completed",
    )


def test_stray_keys_on_a_closed_list_change_nothing(
    qtbot: QtBot, review_window: SessionWindow
) -> None:
    page = start_review(qtbot, review_window)
    before = _items(review_window)
    for combo in (page.form.status_now, page.form.indicator_seen, page.form.decision):
        combo.setFocus()
        qtbot.waitUntil(combo.hasFocus)
        for key in (Qt.Key.Key_PageDown, Qt.Key.Key_End, Qt.Key.Key_Home, Qt.Key.Key_G):
            qtbot.keyClick(combo, key)
        qtbot.keyClick(combo, Qt.Key.Key_Down)  # opens the list...
        qtbot.waitUntil(combo.view().isVisible)
        qtbot.keyClick(combo.view(), Qt.Key.Key_Down)
        qtbot.keyClick(combo.view(), Qt.Key.Key_Escape)  # ...and leaving it chooses nothing
        qtbot.waitUntil(lambda c=combo: not c.view().isVisible())  # type: ignore[misc]
    assert _items(review_window) == before
    assert review_window.controller.undo_stack.count() == 0


def test_adjusting_edits_the_copy_and_keeps_the_signed_wording_beside_it(
    qtbot: QtBot, review_window: SessionWindow
) -> None:
    page = start_review(qtbot, review_window)
    form = page.form
    press(qtbot, focused(), "next_agreement")
    press(qtbot, focused(), "next_agreement")
    signed = _items(review_window)[2]
    assert signed.signed is not None
    assert not form.what.isVisible()  # the copy's fields show when the group adjusts
    form.decision.setFocus()
    pick(qtbot, form.decision, "adjust")
    qtbot.waitUntil(form.what.hasFocus)  # the coach adjusts the wording next
    assert form.what.isVisible() and form.lead.isVisible()
    qtbot.keyClick(form.what, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(form.what, "Maatjes voor 20 ouderen, ook via de huisarts.")
    assert tab(qtbot) is form.lead
    pick(qtbot, form.lead, "p-wendy-pelzer")
    assert tab(qtbot) is form.due
    qtbot.keyClick(form.due, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(form.due, "31-12-2026")
    tab(qtbot)
    adjusted = _items(review_window)[2]
    assert adjusted.adjusted and adjusted.decision == "adjust"
    assert adjusted.current.what == "Maatjes voor 20 ouderen, ook via de huisarts."
    assert adjusted.current.lead == "Wendy Pelzer"
    assert adjusted.current.due == "2026-12-31"
    assert adjusted.signed == signed.signed  # what was signed stays, and stays in view
    assert form.signed_what.text() == signed.signed.what
    assert form.signed_lead.text() == signed.signed.lead
    agreement = next(
        a for a in review_window.controller.document["agreements"] if a["key"] == signed.key
    )
    assert agreement["what"] == "Maatjes voor 20 ouderen, ook via de huisarts."


def test_the_beamer_follows_the_agreement_on_the_page(
    qtbot: QtBot, review_window: SessionWindow
) -> None:
    page = start_review(qtbot, review_window)
    presenting = review_window.presenting
    presenting.show()
    qtbot.waitUntil(presenting.presenter.isVisible)
    items = _items(review_window)
    focus = review_window.controller.beamer_focus[page.step.id]
    assert isinstance(focus, ReviewFocus) and focus.item.key == items[0].key
    assert items[0].current.what.split()[0] in presenting.presenter.shown_text()
    assert "A1 (1 van 8)" in presenting.presenter.shown_text()
    press(qtbot, focused(), "next_agreement")
    qtbot.waitUntil(lambda: "A2 (2 van 8)" in presenting.presenter.shown_text())
    assert "Trekker: Marieke Hermans" in presenting.presenter.shown_text()
    _pick_status = page.form.status_now
    _pick_status.setFocus()
    qtbot.waitUntil(_pick_status.hasFocus)
    pick(qtbot, _pick_status, "done")
    qtbot.waitUntil(lambda: "open → gereed" in presenting.presenter.shown_text())


def test_a_session_that_reviews_nothing_says_how_to_make_a_follow_up(
    qtbot: QtBot, db: Database, library: Library
) -> None:
    session = new_session(
        db=db, library=library, programme_id="een-half-jaar-later", casus_id=None, title="Los"
    )
    assert session.id is not None
    window = SessionWindow(SessionController(db, session.id, library))
    qtbot.addWidget(window)
    window.show()
    page = review_page(window)
    assert "Vervolgbijeenkomst voorbereiden" in page.origin_line.text()
    assert page.origin_line.isVisible()
    assert not page.list.isVisible() and not page.form.isVisible()
    press(qtbot, page, "next_agreement")  # nothing to walk: nothing happens
    assert not page.has_content()


def test_f2_on_the_trekker_opens_the_picker_that_finds_by_typing(
    qtbot: QtBot, review_window: SessionWindow
) -> None:
    page = start_review(qtbot, review_window)
    form = page.form
    form.decision.setFocus()
    pick(qtbot, form.decision, "adjust")
    form.lead.setFocus()
    qtbot.waitUntil(form.lead.hasFocus)
    qtbot.keyClick(form.lead, Qt.Key.Key_F2)
    picker = form.picker
    assert picker is not None
    qtbot.waitExposed(picker)
    qtbot.keyClicks(picker.search, "ingrid")
    with qtbot.waitSignal(picker.finished):
        qtbot.keyClick(picker.search, Qt.Key.Key_Return)
    assert _items(review_window)[0].current.lead == "Ingrid Coenen"
    assert _items(review_window)[0].signed.lead == "Wendy Pelzer"  # type: ignore[union-attr]


def test_a_date_that_is_no_date_is_refused_by_name_and_nothing_is_written(
    qtbot: QtBot, review_window: SessionWindow
) -> None:
    page = start_review(qtbot, review_window)
    form = page.form
    form.decision.setFocus()
    pick(qtbot, form.decision, "adjust")
    before = _items(review_window)[0]
    form.due.setFocus()
    qtbot.waitUntil(form.due.hasFocus)
    qtbot.keyClick(form.due, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(form.due, "na de zomer")
    with qtbot.waitSignal(review_window.controller.rejected) as refused:
        qtbot.keyClick(form.due, Qt.Key.Key_Tab)
    assert refused.args is not None
    assert refused.args[0] == "Wanneer: 'na de zomer' is geen datum (DD-MM-JJJJ)"
    assert _items(review_window)[0] == before


@pytest.mark.parametrize("adjusting", [False, True])
def test_the_review_fits_a_laptop_screen_with_the_decision_in_sight(
    qtbot: QtBot, review_window: SessionWindow, adjusting: bool
) -> None:
    review_window.resize(1280, 690)  # a 1280×720 laptop less its panel
    page = review_page(review_window)
    page.form.show_copy(adjusting)
    for _round in range(3):
        QApplication.processEvents()
    review_window.layout().activate()
    assert not review_window.page_scroller.horizontalScrollBar().isVisible()
    viewport = review_window.page_scroller.viewport()
    for control in (page.list, page.form.status_now, page.form.decision):
        corner = control.mapTo(viewport, QPoint(0, 0))
        assert viewport.rect().contains(QRect(corner, control.size())), control.accessibleName()
    assert not page.list.horizontalScrollBar().isVisible()


def test_find_goes_to_the_agreement_that_holds_the_words(
    qtbot: QtBot, review_window: SessionWindow
) -> None:
    page = review_page(review_window)
    assert page.find_text("maatjesproject")
    assert page.current == 2 and page.form.item is not None
    assert page.form.item.key == "a-maatjes"
    assert not page.find_text("staat nergens")


def test_a_review_announces_the_reviews_and_an_adjustment_the_agreements(
    qtbot: QtBot, review_window: SessionWindow
) -> None:
    page = start_review(qtbot, review_window)
    controller = review_window.controller
    with qtbot.waitSignal(controller.changed) as announced:
        pick(qtbot, page.form.status_now, "done")
    assert announced.args is not None and Part.REVIEWS in announced.args[0]
    assert Part.AGREEMENTS not in announced.args[0]
    page.form.decision.setFocus()
    pick(qtbot, page.form.decision, "adjust")
    page.form.due.setFocus()
    qtbot.waitUntil(page.form.due.hasFocus)
    qtbot.keyClick(page.form.due, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(page.form.due, "01-10-2026")
    with qtbot.waitSignal(controller.changed) as announced:
        qtbot.keyClick(page.form.due, Qt.Key.Key_Tab)
    assert announced.args is not None and Part.AGREEMENTS in announced.args[0]
    assert page.has_content() is False
    assert type(page).shows >= {Part.REVIEWS, Part.AGREEMENTS, Part.ORIGIN, Part.PROGRESS}
