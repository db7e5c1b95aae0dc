"""The vote on the Prioriteren page, typed as the coach types it: each mode ranks the themes
right, ties stay ties until the group orders them, refused ballots store nothing, every change
undoes, and a named vote reaches the plan."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QMessageBox, QSpinBox, QWidget
from pytestqt.qtbot import QtBot

from tests.ui.conftest import page_of
from worksession.domain.values import StepKind, VoteEntry, VoteMode
from worksession.domain.vote_round import plan_voting
from worksession.i18n import set_language
from worksession.ui.session.pages.prioritising import PrioritisingPage
from worksession.ui.session.voting.settings_bar import VoteSettingsBar
from worksession.ui.session.window import SessionWindow
from worksession.ui.vote_results import VoteResults

# The demo's themes, in the coach's order.
A, B, C, D, E, F = (
    "Eenzaamheid",
    "Vergeetachtigheid en dementie",
    "Bewegen en valrisico",
    "Diabetes en overgewicht",
    "Mantelzorg ontlasten",
    "Bestaanszekerheid",
)


@pytest.fixture(autouse=True)
def _english() -> Iterator[None]:
    set_language("en")  # messages are asserted in the source language
    yield
    set_language("nl")


# --- driving the widgets --------------------------------------------------------------------


def _page(window: SessionWindow) -> PrioritisingPage:
    page = page_of(window, StepKind.PRIORITISING)
    assert isinstance(page, PrioritisingPage)
    return page


def _choose(qtbot: QtBot, combo: QComboBox, value: str, *, replace: bool = True) -> None:
    """Pick an item with the keyboard, as the coach does: open the list (Space), move to the
    item with the arrows, Enter. When typed totals would be replaced the question is answered
    with ``replace``."""
    combo.setFocus()
    target = combo.findData(value)
    assert target >= 0
    qtbot.keyClick(combo, Qt.Key.Key_Space)
    view = combo.view()
    qtbot.waitUntil(view.isVisible)
    key = Qt.Key.Key_Down if target > combo.currentIndex() else Qt.Key.Key_Up
    for _step in range(abs(target - combo.currentIndex())):
        qtbot.keyClick(view, key)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    bar = combo.parentWidget()
    assert isinstance(bar, VoteSettingsBar)
    if bar.confirm is not None:
        _answer(qtbot, bar.confirm, replace=replace)


def _answer(qtbot: QtBot, box: QMessageBox, *, replace: bool) -> None:
    """Answer the question before totals are replaced: Enter keeps them (the default), Tab to
    the other button and Space replaces them."""
    qtbot.waitUntil(box.isVisible)
    if replace:
        box.button(QMessageBox.StandardButton.Yes).setFocus()
        qtbot.keyClick(box.button(QMessageBox.StandardButton.Yes), Qt.Key.Key_Space)
    else:
        qtbot.keyClick(box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not box.isVisible())


def _type_number(qtbot: QtBot, spin: QSpinBox, text: str) -> None:
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, text)
    qtbot.keyClick(spin, Qt.Key.Key_Return)


def _focus() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def _type_ballot(qtbot: QtBot, page: PrioritisingPage, row: int, cells: Sequence[str]) -> None:
    """Type one ballot along its row: a number per theme ("" skips it), Enter after each."""
    view = page.ballots.view
    view.setCurrentIndex(page.ballots.model.index(row, 0))
    view.setFocus()
    for text in cells:
        if not text and _focus() is view:
            qtbot.keyClick(view, Qt.Key.Key_Tab)
            continue
        for character in text:
            qtbot.keyClick(_focus(), character)  # the first key opens the cell's editor
        qtbot.keyClick(_focus(), Qt.Key.Key_Return)
    if _focus() is not view:
        qtbot.keyClick(_focus(), Qt.Key.Key_Escape)


def _set_up(
    qtbot: QtBot,
    page: PrioritisingPage,
    mode: VoteMode,
    entry: VoteEntry | None = None,
    per_person: str | None = None,
    cap: str | None = None,
) -> None:
    bar = page.vote_settings
    _choose(qtbot, bar.mode, mode.value)
    if entry is not None:
        _choose(qtbot, bar.entry, entry.value)
    if per_person is not None:
        _type_number(qtbot, bar.per_person, per_person)
    if cap is not None:
        _type_number(qtbot, bar.cap, cap)


def _named(qtbot: QtBot, page: PrioritisingPage) -> None:
    checkbox = page.vote_settings.anonymous
    assert checkbox.isChecked()
    qtbot.mouseClick(checkbox, Qt.MouseButton.LeftButton)


# --- reading the result ---------------------------------------------------------------------


def _stored(window: SessionWindow) -> dict[str, tuple[int, int | None]]:
    return {t["title"]: (t["votes"], t["rank"]) for t in window.controller.document["themes"]}


def _chart(page: PrioritisingPage) -> list[tuple[int | None, str, int]]:
    return [(bar.rank, bar.title, bar.votes) for bar in page.chart.bars]


# --- each mode ------------------------------------------------------------------------------


def test_dot_ballots_rank_the_themes_and_a_tie_stays_a_tie(
    qtbot: QtBot, window: SessionWindow
) -> None:
    page = _page(window)
    _set_up(qtbot, page, VoteMode.DOTS, VoteEntry.BALLOTS, per_person="5", cap="3")
    assert page.tabs.currentWidget() is page.ballots
    _named(qtbot, page)
    _type_ballot(qtbot, page, 0, ["3", "2"])
    _type_ballot(qtbot, page, 1, ["2", "3"])
    _type_ballot(qtbot, page, 2, ["", "", "3", "2"])

    assert _stored(window) == {
        A: (5, 1), B: (5, 1), C: (3, 3), D: (2, 4), E: (0, 5), F: (0, 5)
    }  # fmt: skip
    assert _chart(page)[:4] == [(1, A, 5), (1, B, 5), (3, C, 3), (4, D, 2)]
    assert page.results.ties.text() == f"Tie: {A} and {B}. The group decides the order."
    assert page.results.method.text() == (
        "Dot voting, 5 dots each, at most 3 per theme; 3 of 11 participants voted."
    )
    assert page.decide_button.isVisible()
    model = page.ballots.model
    assert model.data(model.index(0, model.summary_column)) == "0"  # 3 + 2 of 5: none left
    assert model.data(model.index(2, model.summary_column)) == "0"
    assert model.data(model.index(3, model.summary_column)) == "5"  # not voted yet
    voting = window.controller.document["voting"]
    assert (voting["mode"], voting["entry"], voting["per_person"], voting["cap"]) == (
        "dots", "ballots", 5, 3
    )  # fmt: skip
    assert [ballot["counts"] for ballot in voting["ballots"]] == [
        {"t-eenzaamheid": 3, "t-dementie": 2},
        {"t-eenzaamheid": 2, "t-dementie": 3},
        {"t-bewegen-valrisico": 3, "t-diabetes-overgewicht": 2},
    ]


def test_points_budget_refuses_a_ballot_over_the_budget_or_the_cap_and_stores_nothing(
    qtbot: QtBot, window: SessionWindow
) -> None:
    page = _page(window)
    _set_up(qtbot, page, VoteMode.POINTS, VoteEntry.BALLOTS, per_person="10", cap="6")
    _type_ballot(qtbot, page, 0, ["6", "4"])
    model = page.ballots.model
    label = model.rows[0].voter
    before = window.controller.fingerprint()

    _type_ballot(qtbot, page, 0, ["", "", "3"])  # 13 of 10 points
    assert window.controller.fingerprint() == before
    assert window.banner.isVisible()
    assert f"{label} gave 13 points; each person has 10" in window.banner.text()
    assert model.data(model.index(0, 2)) == "3"  # the refused value stays in view …
    assert model.problem(0) == f"{label} gave 13 points; each person has 10"  # no path
    assert model.data(model.index(0, model.summary_column)) == "⚠ 3 too many"
    assert "13 points" in page.ballots.status.text()

    _type_ballot(qtbot, page, 0, ["7"])  # over the cap of 6 per theme
    assert window.controller.fingerprint() == before
    assert f"{label} put 7 on '{A}'; at most 6 per theme" in window.banner.text()

    _type_ballot(qtbot, page, 1, ["", "4", "6"])
    _type_ballot(qtbot, page, 2, ["4", "", "", "", "", "6"])
    assert not window.banner.isVisible()
    assert model.problem(0) is None and model.data(model.index(0, 2)) == ""  # … until a change
    assert _stored(window) == {
        A: (10, 1), B: (8, 2), C: (6, 3), D: (0, 5), E: (0, 5), F: (6, 3)
    }  # fmt: skip
    assert _chart(page)[:4] == [(1, A, 10), (2, B, 8), (3, C, 6), (3, F, 6)]
    assert page.results.ties.text() == f"Tie: {C} and {F}. The group decides the order."

    _type_number(qtbot, page.vote_settings.per_person, "9")  # a stored ballot has 10
    assert window.controller.fingerprint().count('"per_person": 10') == 1
    assert "10 points; each person has 9" in window.banner.text()
    assert page.vote_settings.per_person.value() == 10


def test_a_ranking_is_counted_with_borda_points_as_rank_numbers_are_typed(
    qtbot: QtBot, window: SessionWindow
) -> None:
    page = _page(window)
    _set_up(qtbot, page, VoteMode.RANKING)
    bar = page.vote_settings
    assert bar.entry.currentData() == VoteEntry.BALLOTS.value  # a ranking needs ballots
    assert not bar.entry.isEnabled() and not bar.per_person.isVisible()
    model = page.ballots.model

    _type_ballot(qtbot, page, 0, ["2"])  # typed as the slip reads: A second …
    assert model.data(model.index(0, 0)) == "2"  # … shown as typed, though stored first
    _type_ballot(qtbot, page, 0, ["", "1", "3"])
    _type_ballot(qtbot, page, 1, ["1", "3", "2"])
    _type_ballot(qtbot, page, 2, ["3", "2", "", "1"])

    # Six themes: first place 5 points, second 4, third 3.
    assert _stored(window) == {
        A: (12, 1), B: (12, 1), C: (7, 3), D: (5, 4), E: (0, 5), F: (0, 5)
    }  # fmt: skip
    assert [model.data(model.index(0, column)) for column in range(3)] == ["2", "1", "3"]
    assert _chart(page)[:2] == [(1, A, 12), (1, B, 12)]
    rankings = [b["ranking"] for b in window.controller.document["voting"]["ballots"]]
    assert rankings[0] == ["t-dementie", "t-eenzaamheid", "t-bewegen-valrisico"]
    assert plan_voting(window.controller.document)["unresolved"] == [
        ["t-eenzaamheid", "t-dementie"]
    ]

    before = window.controller.fingerprint()
    _type_ballot(qtbot, page, 1, ["", "", "", "1"])  # rank 1 is A's already
    assert f"{model.rows[1].voter} gave rank 1 to both '{A}' and '{D}'" in window.banner.text()
    _type_ballot(qtbot, page, 1, ["", "", "", "7"])
    assert "the ranks go from 1 to 6" in window.banner.text()
    assert window.controller.fingerprint() == before


def test_a_show_of_hands_is_typed_per_theme_with_the_number_who_voted(
    qtbot: QtBot, window: SessionWindow
) -> None:
    page = _page(window)
    _set_up(qtbot, page, VoteMode.HANDS)
    bar = page.vote_settings
    assert bar.entry.currentData() == VoteEntry.TOTALS.value
    assert not page.tabs.isTabEnabled(page.tabs.indexOf(page.ballots))
    _type_number(qtbot, bar.voters, "12")
    model = page.themes.model
    votes = next(i for i, column in enumerate(model.columns) if column.field == "votes")
    assert model.headerData(votes, Qt.Orientation.Horizontal) == "Hands"
    for row, hands in enumerate([9, 9, 7, 13, 2, 0]):
        model.setData(model.index(row, votes), hands)

    assert _stored(window) == {
        A: (9, 2), B: (9, 2), C: (7, 4), D: (13, 1), E: (2, 5), F: (0, 6)
    }  # fmt: skip
    assert _chart(page)[:3] == [(1, D, 13), (2, A, 9), (2, B, 9)]
    assert page.results.method.text() == "Show of hands; 12 of 11 participants voted."
    assert page.problems.isVisible()
    assert f"'{D}' has 13 hands, but 12 people voted" in page.problems.text()
    assert window.controller.document["voting"]["voters"] == 12


def test_the_group_orders_a_tie_and_the_order_is_stored_and_undone(
    qtbot: QtBot, window: SessionWindow
) -> None:
    page = _page(window)
    _set_up(qtbot, page, VoteMode.DOTS, VoteEntry.BALLOTS)
    _type_ballot(qtbot, page, 0, ["2", "2", "1"])
    assert [bar.title for bar in page.chart.bars][:2] == [A, B]

    dialog = page.decide_ties()
    assert dialog is not None
    assert [[title for title in _titles(dialog, i)] for i in range(len(dialog.lists))] == [[A, B]]
    dialog.lists[0].setCurrentRow(0)
    dialog.shift(1, dialog.lists[0])  # the group puts B above A
    with qtbot.waitSignal(window.controller.changed):
        dialog.accept()

    assert window.controller.document["voting"]["tie_break"] == ["t-dementie", "t-eenzaamheid"]
    assert [bar.title for bar in page.chart.bars][:2] == [B, A]
    assert [bar.rank for bar in page.chart.bars][:2] == [1, 1]  # still equal scores
    assert page.results.ties.text() == f"Tie: {B} and {A}; the group chose this order."
    assert plan_voting(window.controller.document)["order"][:2] == ["t-dementie", "t-eenzaamheid"]

    window.undo_action.trigger()
    assert window.controller.document["voting"]["tie_break"] == []
    assert page.results.ties.text() == f"Tie: {A} and {B}. The group decides the order."


def _titles(dialog: object, index: int) -> list[str]:
    listing = dialog.lists[index]  # type: ignore[attr-defined]
    return [listing.item(row).text() for row in range(listing.count())]


# --- undo, names, the results widget --------------------------------------------------------


def test_undo_restores_the_ballots_and_the_method(qtbot: QtBot, window: SessionWindow) -> None:
    page = _page(window)
    start = window.controller.fingerprint()
    _set_up(qtbot, page, VoteMode.DOTS, VoteEntry.BALLOTS, per_person="4")
    method = window.controller.fingerprint()
    _type_ballot(qtbot, page, 0, ["1", "3"])
    assert _stored(window)[B] == (3, 1)

    window.undo_action.trigger()  # the second count
    assert _stored(window)[B] == (0, 2)
    assert page.ballots.model.data(page.ballots.model.index(0, 1)) == ""
    window.undo_action.trigger()  # the first count, which made the ballot
    assert window.controller.document["voting"]["ballots"] == []
    assert window.controller.fingerprint() == method
    window.undo_action.trigger()  # 4 dots each
    assert page.vote_settings.per_person.value() == 5
    window.undo_action.trigger()  # ballots
    window.undo_action.trigger()  # dots (no change) — the method is as it was
    assert window.controller.fingerprint() == start
    assert page.vote_settings.entry.currentData() == VoteEntry.TOTALS.value
    assert page.tabs.currentWidget() is page.themes

    window.redo_action.trigger()
    window.redo_action.trigger()
    window.redo_action.trigger()
    window.redo_action.trigger()
    assert (_stored(window)[A], _stored(window)[B]) == ((1, 2), (3, 1))


def test_a_named_vote_puts_the_ballots_in_the_plan_an_anonymous_one_does_not(
    qtbot: QtBot, window: SessionWindow
) -> None:
    page = _page(window)
    _set_up(qtbot, page, VoteMode.DOTS, VoteEntry.BALLOTS)
    assert page.ballots.model.rows[-1].label == "New ballot"
    assert len(page.ballots.model.rows) == 1  # anonymous: room for the first slip
    _named(qtbot, page)
    present = sum(p["present"] for p in window.controller.document["participants"])
    assert len(page.ballots.model.rows) == present + 1  # a row for everyone in the room
    _type_ballot(qtbot, page, 0, ["5"])
    named = plan_voting(window.controller.document)
    assert named is not None and not named["anonymous"]
    first = window.controller.document["participants"][0]
    assert page.ballots.model.rows[0].label == first["name"]
    assert named["ballots"] == [{"participant": first["key"], "counts": {"t-eenzaamheid": 5}}]

    qtbot.mouseClick(page.vote_settings.anonymous, Qt.MouseButton.LeftButton)
    anonymous = plan_voting(window.controller.document)
    assert anonymous is not None and anonymous["anonymous"] and "ballots" not in anonymous
    assert anonymous["order"][0] == "t-eenzaamheid"


def test_the_results_widget_reads_only_the_document_and_scales_for_the_beamer(
    qtbot: QtBot, window: SessionWindow
) -> None:
    document = window.controller.document
    small, large = VoteResults(scale=1.0), VoteResults(scale=2.5)
    for results in (small, large):
        qtbot.addWidget(results)
        results.show_document(document)
    assert [bar.title for bar in large.chart.bars] == [bar.title for bar in small.chart.bars]
    assert large.method.text() == "Dot voting, 5 dots each; 11 of 11 participants voted."
    assert large.chart.font().pointSizeF() == pytest.approx(small.chart.font().pointSizeF() * 2.5)
    assert large.chart.sizeHint().height() > small.chart.sizeHint().height()
    assert not large.ties.isVisibleTo(large)  # the demo has no tie

    page = _page(window)
    before = page.results.chart.font().pointSizeF()
    window.zoom(1.5)  # Ctrl++ for the beamer enlarges the page's result too
    assert page.results.chart.font().pointSizeF() == pytest.approx(before * 1.5)

    without_vote = {key: value for key, value in document.items() if key != "voting"}
    small.show_document(without_vote)
    assert small.method.text() == "Dot voting."
    assert [bar.votes for bar in small.chart.bars] == [15, 12, 10, 8, 6, 4]


def test_ballots_are_cleared_and_removed_with_the_keyboard_and_buttons(
    qtbot: QtBot, window: SessionWindow
) -> None:
    page = _page(window)
    _set_up(qtbot, page, VoteMode.DOTS, VoteEntry.BALLOTS)
    _type_ballot(qtbot, page, 0, ["2", "3"])
    _type_ballot(qtbot, page, 1, ["1"])
    view, model = page.ballots.view, page.ballots.model
    view.setCurrentIndex(model.index(0, 1))
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert _stored(window)[B] == (0, 2)

    _choose(qtbot, page.vote_settings.mode, VoteMode.POINTS.value)
    before = window.controller.fingerprint()
    _choose(qtbot, page.vote_settings.mode, VoteMode.RANKING.value)  # points are on the ballots
    assert "remove them before changing to a ranking" in window.banner.text()
    assert window.controller.fingerprint() == before
    assert page.vote_settings.mode.currentData() == VoteMode.POINTS.value

    view.setCurrentIndex(model.index(1, 0))
    qtbot.mouseClick(page.ballots.remove_button, Qt.MouseButton.LeftButton)
    assert len(window.controller.document["voting"]["ballots"]) == 1
    qtbot.mouseClick(page.ballots.clear_button, Qt.MouseButton.LeftButton)
    assert window.controller.document["voting"]["ballots"] == []
    assert not page.ballots.clear_button.isEnabled()
    window.undo_action.trigger()
    assert _stored(window)[A] == (2, 1)
    window.redo_action.trigger()
    _choose(qtbot, page.vote_settings.mode, VoteMode.RANKING.value)  # now it may
    assert window.controller.document["voting"]["mode"] == "ranking"


def test_switching_to_ballots_and_back_by_undo_keeps_the_typed_totals(
    qtbot: QtBot, window: SessionWindow
) -> None:
    page = _page(window)
    typed = _stored(window)
    assert typed[A] == (15, 1)
    _choose(qtbot, page.vote_settings.entry, VoteEntry.BALLOTS.value)
    assert _stored(window)[A] == (0, None)  # the (empty) ballots count now
    window.undo_action.trigger()
    assert _stored(window) == typed


def test_choosing_a_ranking_and_then_points_keeps_the_chosen_entry(
    qtbot: QtBot, window: SessionWindow
) -> None:
    page = _page(window)
    bar = page.vote_settings
    voting = window.controller.document["voting"]
    assert (voting["mode"], voting["entry"]) == ("dots", "totals")
    typed = _stored(window)
    _choose(qtbot, bar.mode, VoteMode.RANKING.value)  # the highlight passes points on the way
    assert window.controller.document["voting"]["entry"] == "ballots"  # the only way
    _choose(qtbot, bar.mode, VoteMode.POINTS.value)  # one step back up
    voting = window.controller.document["voting"]
    assert (voting["mode"], voting["entry"]) == ("points", "totals")
    assert bar.entry.currentData() == VoteEntry.TOTALS.value
    for _step in range(2):  # the ranking's ballots replaced the typed totals: undo brings them
        window.undo_action.trigger()
    assert _stored(window) == typed
    _choose(qtbot, bar.entry, VoteEntry.BALLOTS.value)  # a choice the coach makes is kept
    _choose(qtbot, bar.mode, VoteMode.HANDS.value)
    assert window.controller.document["voting"]["entry"] == "totals"
    _choose(qtbot, bar.mode, VoteMode.DOTS.value)
    assert window.controller.document["voting"]["entry"] == "ballots"
