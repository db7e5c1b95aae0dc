"""The trekker and partner pickers: opened with F2 from the agreement's cell, filtered by typing,
picked with Enter or Space, as wide as the longest name and never larger than the screen."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.ui.conftest import page_of
from worksession.domain.values import StepKind
from worksession.storage.operations.people import add_participant
from worksession.ui.session.lookups import people_choices
from worksession.ui.session.pages.agreements import AgreementsPage
from worksession.ui.session.pages.follow_up import FollowUpPage
from worksession.ui.session.people_picker import PeoplePicker, folded
from worksession.ui.session.window import SessionWindow


def _page(window: SessionWindow) -> AgreementsPage:
    page = page_of(window, StepKind.AGREEMENTS)
    assert isinstance(page, AgreementsPage)
    return page


def _column(page: AgreementsPage, field: str) -> int:
    return next(i for i, c in enumerate(page.table.model.columns) if c.field == field)


def _open_with_f2(qtbot: QtBot, page: AgreementsPage, row: int, field: str) -> PeoplePicker:
    view = page.table.view
    view.setFocus()
    view.setCurrentIndex(page.table.model.index(row, _column(page, field)))
    page.picker = None
    qtbot.keyClick(view, Qt.Key.Key_F2)
    picker = page.picker
    assert isinstance(picker, PeoplePicker)
    qtbot.waitExposed(picker)
    return picker


def _name_of(window: SessionWindow, key: str) -> str:
    return next(p["name"] for p in window.controller.document["participants"] if p["key"] == key)


def test_f2_on_the_lead_cell_opens_a_picker_that_filters_as_you_type(
    qtbot: QtBot, window: SessionWindow
) -> None:
    page = _page(window)
    person = window.controller.document["participants"][7]
    before = window.controller.document["agreements"][2]["lead"]
    assert before != person["key"]
    picker = _open_with_f2(qtbot, page, 2, "lead")
    assert not picker.several
    qtbot.waitUntil(picker.search.hasFocus)
    qtbot.keyClicks(picker.search, person["name"][:-1])
    assert picker.visible_labels()
    assert all(
        person["name"][:-1].casefold() in label.casefold() for label in picker.visible_labels()
    )
    with qtbot.waitSignal(picker.finished):
        qtbot.keyClick(picker.search, Qt.Key.Key_Return)
    assert window.controller.document["agreements"][2]["lead"] == person["key"]
    window.undo_action.trigger()  # one step
    assert window.controller.document["agreements"][2]["lead"] == before


def test_typing_a_letter_on_the_lead_cell_starts_the_search_with_it(
    qtbot: QtBot, window: SessionWindow
) -> None:
    page = _page(window)
    view = page.table.view
    view.setFocus()
    view.setCurrentIndex(page.table.model.index(0, _column(page, "lead")))
    qtbot.keyClick(view, "w")
    assert isinstance(page.picker, PeoplePicker)
    assert page.picker.search.text() == "w"
    page.picker.reject()


def test_space_on_the_list_picks_the_highlighted_lead(qtbot: QtBot, window: SessionWindow) -> None:
    page = _page(window)
    picker = _open_with_f2(qtbot, page, 1, "lead")
    picker.list.setFocus()
    qtbot.keyClick(picker.list, Qt.Key.Key_Down)
    qtbot.keyClick(picker.list, Qt.Key.Key_Down)
    chosen = picker.chosen()
    assert chosen and chosen[0]
    with qtbot.waitSignal(picker.finished):
        qtbot.keyClick(picker.list, Qt.Key.Key_Space)
    assert window.controller.document["agreements"][1]["lead"] == chosen[0]


def test_partners_are_typed_one_after_another_with_enter(
    qtbot: QtBot, window: SessionWindow
) -> None:
    page = _page(window)
    document = window.controller.document
    first, second = document["participants"][3], document["participants"][9]
    before = list(document["agreements"][0]["partners"])
    picker = _open_with_f2(qtbot, page, 0, "partners")
    assert picker.several
    for i in range(picker.list.count()):  # start from nobody, so the result is exactly known
        picker.list.item(i).setCheckState(Qt.CheckState.Unchecked)
    for person in (first, second):
        qtbot.keyClicks(picker.search, person["name"])
        qtbot.keyClick(picker.search, Qt.Key.Key_Return)  # ticks the match, clears the search
        assert picker.search.text() == ""
    assert first["name"] in picker.summary.text() and second["name"] in picker.summary.text()
    # Arrow keys walk the matches while typing stays in the search field.
    qtbot.keyClicks(picker.search, "a")
    row = picker.list.currentRow()
    qtbot.keyClick(picker.search, Qt.Key.Key_Down)
    assert picker.list.currentRow() > row
    qtbot.waitUntil(picker.search.hasFocus)
    picker.search.clear()
    with qtbot.waitSignal(picker.finished):
        qtbot.keyClick(picker.search, Qt.Key.Key_Return)  # an empty search: done
    expected = [
        p["key"] for p in document["participants"] if p["key"] in {first["key"], second["key"]}
    ]
    assert window.controller.document["agreements"][0]["partners"] == expected
    window.undo_action.trigger()
    assert window.controller.document["agreements"][0]["partners"] == before


def test_ctrl_enter_confirms_the_partners_and_escape_changes_nothing(
    qtbot: QtBot, window: SessionWindow
) -> None:
    page = _page(window)
    before = window.controller.fingerprint()
    picker = _open_with_f2(qtbot, page, 0, "partners")
    qtbot.keyClicks(picker.search, window.controller.document["participants"][4]["name"])
    qtbot.keyClick(picker.search, Qt.Key.Key_Return)
    with qtbot.waitSignal(picker.finished):
        qtbot.keyClick(picker.search, Qt.Key.Key_Escape)
    assert window.controller.fingerprint() == before
    picker = _open_with_f2(qtbot, page, 0, "partners")
    picker.list.setFocus()
    picker.list.setCurrentRow(4)
    qtbot.keyClick(picker.list, Qt.Key.Key_Space)
    with qtbot.waitSignal(picker.finished):
        qtbot.keyClick(picker.list, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert window.controller.fingerprint() != before


def test_a_double_click_on_the_partners_cell_opens_the_picker(
    qtbot: QtBot, window: SessionWindow
) -> None:
    page = _page(window)
    view = page.table.view
    index = page.table.model.index(1, _column(page, "partners"))
    view.scrollTo(index)
    page.picker = None
    qtbot.mouseDClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center()
    )
    assert isinstance(page.picker, PeoplePicker) and page.picker.several
    page.picker.reject()


def test_the_picker_fits_sixty_names_and_the_screen(qtbot: QtBot, window: SessionWindow) -> None:
    controller = window.controller
    for n in range(50):
        add_participant(
            db=controller.db,
            session_id=controller.session_id,
            name=f"Deelnemer met een lange naam nummer {n:02d}",
            role="wijkverpleegkundige",
            organisation="Thuiszorg",
        )
    long_name = "Annemarie Wilhelmina van der Steenhoven-Oudenaarde"
    add_participant(
        db=controller.db,
        session_id=controller.session_id,
        name=long_name,
        role="praktijkondersteuner huisarts",
    )
    controller.reload()
    page = _page(window)
    page.refresh()
    assert len(people_choices(controller.document)) >= 61
    picker = _open_with_f2(qtbot, page, 0, "partners")
    screen = picker.screen().availableGeometry()
    assert picker.width() <= screen.width() and picker.height() <= screen.height()
    assert picker.height() > 400  # not the 260 px peep-hole of before
    longest = max(picker.list.item(i).text() for i in range(picker.list.count()))
    item = picker.list.findItems(
        f"{long_name} (praktijkondersteuner huisarts)", Qt.MatchFlag.MatchExactly
    )[0]
    text_room = picker.list.visualItemRect(item).width()
    assert text_room >= picker.list.fontMetrics().horizontalAdvance(item.text())
    assert longest  # the list holds names at all
    # The organisation finds people too, though the list shows name and role only.
    qtbot.keyClicks(picker.search, "thuiszorg 07")
    assert picker.visible_labels() == [
        "Deelnemer met een lange naam nummer 07 (wijkverpleegkundige)"
    ]
    picker.search.clear()
    # A name typed in a different case and without its accents still matches.
    qtbot.keyClicks(picker.search, "STEENHOVEN oudenaarde")
    assert picker.visible_labels() == [item.text()]
    picker.reject()


def test_names_are_matched_without_case_or_accents() -> None:
    assert folded("Öztürk") == "ozturk"
    assert folded("José Müller") == "jose muller"


def test_a_small_list_keeps_a_usable_size(qtbot: QtBot) -> None:
    picker = PeoplePicker("Trekker", [("a", "Ank"), ("b", "Bas")], ["b"], several=False)
    qtbot.addWidget(picker)
    assert picker.chosen() == ["b"]
    assert picker.width() >= 320
    assert QApplication.instance() is not None


def test_f2_on_the_kartrekker_opens_the_picker(qtbot: QtBot, window: SessionWindow) -> None:
    page = page_of(window, StepKind.FOLLOW_UP)
    assert isinstance(page, FollowUpPage)
    before = window.controller.document["follow_up"]["kartrekker"]
    person = next(p for p in window.controller.document["participants"] if p["key"] != before)
    page.kartrekker.setFocus()
    qtbot.keyClick(page.kartrekker, Qt.Key.Key_F2)
    picker = page.picker
    assert isinstance(picker, PeoplePicker) and not picker.several
    qtbot.keyClicks(picker.search, person["name"])
    with qtbot.waitSignal(picker.finished):
        qtbot.keyClick(picker.search, Qt.Key.Key_Return)
    assert window.controller.document["follow_up"]["kartrekker"] == person["key"]
    assert page.kartrekker.currentData() == person["key"]
    window.undo_action.trigger()
    assert window.controller.document["follow_up"]["kartrekker"] == before


def test_the_werkgroep_list_narrows_as_you_type_and_keeps_who_is_ticked(
    qtbot: QtBot, window: SessionWindow
) -> None:
    page = page_of(window, StepKind.FOLLOW_UP)
    assert isinstance(page, FollowUpPage)
    members = list(window.controller.document["follow_up"]["werkgroep"])
    person = next(p for p in window.controller.document["participants"] if p["key"] not in members)
    qtbot.keyClicks(page.werkgroep_search, person["name"].upper())
    shown = [
        page.werkgroep.item(row)
        for row in range(page.werkgroep.count())
        if not page.werkgroep.item(row).isHidden()
    ]
    assert [item.text().split(" (")[0] for item in shown] == [person["name"]]
    shown[0].setCheckState(Qt.CheckState.Checked)
    assert window.controller.document["follow_up"]["werkgroep"] == [*members, person["key"]]
    page.werkgroep_search.clear()
    assert all(not page.werkgroep.item(row).isHidden() for row in range(page.werkgroep.count()))
    assert set(page.werkgroep.chosen()) == {*members, person["key"]}
