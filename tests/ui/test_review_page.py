"""The review step of a follow-up session, by keyboard only: walk three agreements setting the
status now, what happened, whether the indicator shows and the decision; adjust one and see the
signed wording kept beside it; stray keys on a closed list change nothing; the beamer follows
the agreement the coach is on; a session that reviews nothing says how to make one that does."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QComboBox, QWidget
from pytestqt.qtbot import QtBot

from tests.review_follow_up import FollowUp, make_follow_up
from worksession.domain.changes import Part
from worksession.domain.review import ReviewFocus, ReviewItem
from worksession.domain.values import StepKind
from worksession.programmes.model import Library
from worksession.storage.database import Database
from worksession.storage.operations.review import review_overview
from worksession.ui.session.controller import SessionController
from worksession.ui.session.pages.review import ReviewPage
from worksession.ui.session.window import SessionWindow
from worksession.ui.shortcuts import keys_of
from worksession.workflows.starting import new_session


def _press(qtbot: QtBot, widget: QWidget, name: str) -> None:
    """Press the declared keys of shortcut ``name`` (the overview lists those) on ``widget``."""
    combination = QKeySequence(keys_of(name)[0])[0]
    qtbot.keyClick(widget, combination.key(), combination.keyboardModifiers())


@pytest.fixture
def follow_up(db: Database, library: Library) -> FollowUp:
    return make_follow_up(db, library)


@pytest.fixture
def review_window(
    qtbot: QtBot, db: Database, library: Library, follow_up: FollowUp
) -> Iterator[SessionWindow]:
    window = SessionWindow(SessionController(db, follow_up.session_id, library))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield window


def _page(window: SessionWindow) -> ReviewPage:
    row = next(i for i, page in enumerate(window.page_list) if page.step.kind == StepKind.REVIEW)
    window.go_to(row)
    page = window.current_page()
    assert isinstance(page, ReviewPage)
    return page


def _focus() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def _tab(qtbot: QtBot) -> QWidget:
    qtbot.keyClick(_focus(), Qt.Key.Key_Tab)
    return _focus()


def _pick(qtbot: QtBot, combo: QComboBox, value: str) -> None:
    """The focused closed list: Down opens it, the arrows move the highlight, Enter chooses."""
    assert _focus() is combo
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    view = combo.view()
    qtbot.waitUntil(view.isVisible)
    target = combo.findData(value)
    assert target >= 0, value
    key = Qt.Key.Key_Down if target > combo.currentIndex() else Qt.Key.Key_Up
    for _step in range(abs(target - combo.currentIndex())):
        qtbot.keyClick(view, key)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not view.isVisible())


def _items(window: SessionWindow) -> tuple[ReviewItem, ...]:
    controller = window.controller
    return review_overview(db=controller.db, session_id=controller.session_id).items


def _start(qtbot: QtBot, window: SessionWindow) -> ReviewPage:
    page = _page(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    page.form.status_now.setFocus()  # where the coach starts: the first field of the review
    qtbot.waitUntil(page.form.status_now.hasFocus)
    return page


WALK = [
    ("done", "De wegwijzer ligt bij alle huisartsen.", "yes", "Alle 6 praktijken", "completed"),
    ("in_progress", "Vraag staat in het HIS.", "partly", "3 van 5 praktijken", "continue"),
    ("dropped", "Geen vrijwilligers gevonden.", "no", "", "stop"),
]


def test_walking_three_agreements_by_keyboard_records_each_review(
    qtbot: QtBot, review_window: SessionWindow
) -> None:
    page = _start(qtbot, review_window)
    form = page.form
    for place, (status, happened, seen, evidence, decision) in enumerate(WALK):
        assert page.current == place
        assert form.item is not None and form.item.key == _items(review_window)[place].key
        _pick(qtbot, form.status_now, status)
        assert _tab(qtbot) is form.what_happened
        qtbot.keyClicks(form.what_happened, happened)
        assert _tab(qtbot) is form.indicator_seen
        _pick(qtbot, form.indicator_seen, seen)
        assert _tab(qtbot) is form.evidence
        qtbot.keyClicks(form.evidence, evidence)
        assert _tab(qtbot) is form.decision
        _pick(qtbot, form.decision, decision)
        _press(qtbot, form.decision, "next_agreement")
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
    _press(qtbot, _focus(), "previous_agreement")
    assert page.current == 2
    assert form.what_happened.toPlainText() == "Geen vrijwilligers gevonden."
    assert form.decision.currentData() == "stop"


def test_each_choice_is_one_undo_step(qtbot: QtBot, review_window: SessionWindow) -> None:
    page = _start(qtbot, review_window)
    controller = review_window.controller
    before = _items(review_window)[0]
    _pick(qtbot, page.form.status_now, "done")
    page.form.decision.setFocus()
    _pick(qtbot, page.form.decision, "completed")
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
    page = _start(qtbot, review_window)
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
    page = _start(qtbot, review_window)
    form = page.form
    _press(qtbot, _focus(), "next_agreement")
    _press(qtbot, _focus(), "next_agreement")
    signed = _items(review_window)[2]
    assert signed.signed is not None
    assert not form.what.isVisible()  # the copy's fields show when the group adjusts
    form.decision.setFocus()
    _pick(qtbot, form.decision, "adjust")
    qtbot.waitUntil(form.what.hasFocus)  # the coach adjusts the wording next
    assert form.what.isVisible() and form.lead.isVisible()
    qtbot.keyClick(form.what, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(form.what, "Maatjes voor 20 ouderen, ook via de huisarts.")
    assert _tab(qtbot) is form.lead
    _pick(qtbot, form.lead, "p-wendy-pelzer")
    assert _tab(qtbot) is form.due
    qtbot.keyClick(form.due, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(form.due, "31-12-2026")
    _tab(qtbot)
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
    page = _start(qtbot, review_window)
    presenting = review_window.presenting
    presenting.show()
    qtbot.waitUntil(presenting.presenter.isVisible)
    items = _items(review_window)
    focus = review_window.controller.beamer_focus[page.step.id]
    assert isinstance(focus, ReviewFocus) and focus.item.key == items[0].key
    assert items[0].current.what.split()[0] in presenting.presenter.shown_text()
    assert "A1 (1 van 8)" in presenting.presenter.shown_text()
    _press(qtbot, _focus(), "next_agreement")
    qtbot.waitUntil(lambda: "A2 (2 van 8)" in presenting.presenter.shown_text())
    assert "Trekker: Marieke Hermans" in presenting.presenter.shown_text()
    _pick_status = page.form.status_now
    _pick_status.setFocus()
    qtbot.waitUntil(_pick_status.hasFocus)
    _pick(qtbot, _pick_status, "done")
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
    page = _page(window)
    assert "Vervolgbijeenkomst voorbereiden" in page.origin_line.text()
    assert page.origin_line.isVisible()
    assert not page.list.isVisible() and not page.form.isVisible()
    _press(qtbot, page, "next_agreement")  # nothing to walk: nothing happens
    assert not page.has_content()


def test_f2_on_the_trekker_opens_the_picker_that_finds_by_typing(
    qtbot: QtBot, review_window: SessionWindow
) -> None:
    page = _start(qtbot, review_window)
    form = page.form
    form.decision.setFocus()
    _pick(qtbot, form.decision, "adjust")
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
    page = _start(qtbot, review_window)
    form = page.form
    form.decision.setFocus()
    _pick(qtbot, form.decision, "adjust")
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
    page = _page(review_window)
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
    page = _page(review_window)
    assert page.find_text("maatjesproject")
    assert page.current == 2 and page.form.item is not None
    assert page.form.item.key == "a-maatjes"
    assert not page.find_text("staat nergens")


def test_a_review_announces_the_reviews_and_an_adjustment_the_agreements(
    qtbot: QtBot, review_window: SessionWindow
) -> None:
    page = _start(qtbot, review_window)
    controller = review_window.controller
    with qtbot.waitSignal(controller.changed) as announced:
        _pick(qtbot, page.form.status_now, "done")
    assert announced.args is not None and Part.REVIEWS in announced.args[0]
    assert Part.AGREEMENTS not in announced.args[0]
    page.form.decision.setFocus()
    _pick(qtbot, page.form.decision, "adjust")
    page.form.due.setFocus()
    qtbot.waitUntil(page.form.due.hasFocus)
    qtbot.keyClick(page.form.due, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(page.form.due, "01-10-2026")
    with qtbot.waitSignal(controller.changed) as announced:
        qtbot.keyClick(page.form.due, Qt.Key.Key_Tab)
    assert announced.args is not None and Part.AGREEMENTS in announced.args[0]
    assert page.has_content() is False
    assert type(page).shows >= {Part.REVIEWS, Part.AGREEMENTS, Part.ORIGIN, Part.PROGRESS}
