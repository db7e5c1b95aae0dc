"""The timeline on Voorbereiding: the programme's items with this session's dates, each tick
stored as one undo step; with an NHG coach the items NHG arranges say so."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from tests.ui.conftest import page_of
from worksession.domain.values import StepKind
from worksession.ui.session.pages.preparation import PreparationPage
from worksession.ui.session.window import SessionWindow


def _page(window: SessionWindow) -> PreparationPage:
    page = page_of(window, StepKind.PREPARATION)
    assert isinstance(page, PreparationPage)
    return page


def test_the_items_carry_the_session_s_dates(window: SessionWindow) -> None:
    page = _page(window)
    timeline = page.timeline
    assert window.controller.document["session"]["date"] == "2026-03-12"
    boxes = timeline.boxes
    assert boxes["accreditatie"].text().endswith("15-01-2026")  # 8 weeks before
    assert boxes["presentielijst"].text().endswith("12-05-2026")  # 2 months after
    assert [*boxes][:2] == ["kartrekker", "accreditatie"]  # in date order


def test_a_tick_is_stored_and_undone(window: SessionWindow) -> None:
    page = _page(window)
    page.timeline.boxes["uitnodigingen"].click()
    assert window.controller.document["preparation"] == ["uitnodigingen"]
    assert page.timeline.boxes["uitnodigingen"].isChecked()
    window.undo_action.trigger()
    QApplication.processEvents()
    assert "preparation" not in window.controller.document
    assert not page.timeline.boxes["uitnodigingen"].isChecked()
    window.redo_action.trigger()
    assert page.timeline.ticked() == ["uitnodigingen"]


def test_with_an_nhg_coach_the_items_nhg_arranges_say_so(window: SessionWindow) -> None:
    page = _page(window)
    for variant in ("toolkit", "nhg_coach"):
        page.variant.setCurrentIndex(page.variant.findData(variant))
        page.variant.activated.emit(page.variant.currentIndex())
        assert window.controller.document["session"]["variant"] == variant
        if variant == "toolkit":  # the organiser arranges everything: nothing more is said
            texts = [label.text() for label in page.timeline.labels.values()]
            assert not any("geregeld door" in text for text in texts)
    labels = page.timeline.labels
    assert labels["accreditatie"].text().endswith("— geregeld door NHG")
    assert labels["materialen"].text().endswith("— geregeld door de coach")
    assert "geregeld door" not in labels["uitnodigingen"].text()


def test_a_session_without_a_date_shows_the_items_without_dates(window: SessionWindow) -> None:
    page = _page(window)
    window.controller.document["session"]["date"] = None  # as a session made without one
    page.timeline.refresh()
    assert {box.text() for box in page.timeline.boxes.values()} == {"–"}
