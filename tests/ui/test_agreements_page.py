"""Samenwerkingsafspraken: fast entry per theme, one lead, partners, a date the coach types."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from tests.ui.conftest import page_of
from worksession.domain.agreement_numbers import agreement_numbers
from worksession.domain.values import StepKind
from worksession.storage.operations.agreements import list_agreements, remove_agreement
from worksession.ui.session.pages.agreements import AgreementsPage
from worksession.ui.session.people_picker import PeoplePicker
from worksession.ui.session.window import SessionWindow


def _page(window: SessionWindow) -> AgreementsPage:
    page = page_of(window, StepKind.AGREEMENTS)
    assert isinstance(page, AgreementsPage)
    return page


def _column(page: AgreementsPage, field: str) -> int:
    return next(i for i, c in enumerate(page.table.model.columns) if c.field == field)


def test_typing_what_and_enter_adds_an_agreement_to_the_chosen_theme(
    qtbot: QtBot, window: SessionWindow
) -> None:
    page = _page(window)
    page.theme_choice.setCurrentIndex(page.theme_choice.findData("t-bewegen-valrisico"))
    theme_key = page.theme_choice.currentData()
    assert theme_key == "t-bewegen-valrisico"
    page.table.entry.setFocus()
    qtbot.keyClicks(page.table.entry, "Valpreventie op de seniorenmiddag")
    qtbot.keyClick(page.table.entry, Qt.Key.Key_Return)
    added = window.controller.document["agreements"][-1]
    assert added["what"] == "Valpreventie op de seniorenmiddag"
    assert added["theme"] == theme_key
    assert any(
        c.code == "agreement-without-lead" and c.key == added["key"]
        for c in window.controller.checks
    )


def test_lead_and_date_are_set_in_the_table_and_undone(window: SessionWindow) -> None:
    page = _page(window)
    model = page.table.model
    person = window.controller.document["participants"][5]["key"]
    assert model.setData(model.index(0, _column(page, "lead")), person)
    assert window.controller.document["agreements"][0]["lead"] == person
    assert model.setData(model.index(0, _column(page, "due")), "1-6-2026")
    assert window.controller.document["agreements"][0]["due"] == "2026-06-01"
    assert model.data(model.index(0, _column(page, "due"))) == "01-06-2026"
    window.undo_action.trigger()
    window.undo_action.trigger()
    assert window.controller.document["agreements"][0]["lead"] != person


def test_a_date_that_is_no_date_is_refused_with_its_field(window: SessionWindow) -> None:
    page = _page(window)
    before = window.controller.fingerprint()
    assert not page.table.model.setData(page.table.model.index(0, _column(page, "due")), "morgen")
    assert "Wanneer: " in window.banner.text()  # the column as on screen, not its path
    assert "agreement." not in window.banner.text()
    assert window.controller.fingerprint() == before


def test_partners_are_ticked_in_a_dialog(qtbot: QtBot, window: SessionWindow) -> None:
    page = _page(window)
    page.table.view.setCurrentIndex(page.table.model.index(1, 0))
    dialog = page.choose_partners()
    assert isinstance(dialog, PeoplePicker)
    for i in range(dialog.list.count()):
        dialog.list.item(i).setCheckState(Qt.CheckState.Unchecked)
    dialog.list.item(0).setCheckState(Qt.CheckState.Checked)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    first_person = window.controller.document["participants"][0]["key"]
    assert window.controller.document["agreements"][1]["partners"] == [first_person]


def test_each_agreement_shows_the_number_the_plan_gives_it(window: SessionWindow) -> None:
    page = _page(window)
    model = page.table.model
    column = _column(page, "number")
    assert column == 0
    assert not model.flags(model.index(0, column)) & Qt.ItemFlag.ItemIsEditable
    document = window.controller.document
    expected = agreement_numbers(document["themes"], document["agreements"])
    shown = [model.data(model.index(row, column)) for row in range(model.rowCount())]
    assert shown == [expected[a["key"]] for a in document["agreements"]]
    assert sorted(shown, key=lambda n: int(n[1:])) == [f"A{n}" for n in range(1, len(shown) + 1)]
    # A later date moves the first agreement behind the others of its theme: its number follows.
    first = document["agreements"][0]
    same_theme = [a for a in document["agreements"] if a["theme"] == first["theme"]]
    assert model.setData(model.index(0, _column(page, "due")), "31-12-2030")
    last_of_theme = max(int(expected[a["key"]][1:]) for a in same_theme)
    assert model.data(model.index(0, column)) == f"A{last_of_theme}"
    window.undo_action.trigger()
    assert model.data(model.index(0, column)) == shown[0]


def test_rows_take_the_id_of_the_stored_agreement_with_their_key_not_of_their_place(
    window: SessionWindow,
) -> None:
    """The table follows the document's order, the ids come with the stored rows of the same
    read. Matched by key, not by place: after another program removed an agreement and the
    order differs, a row still carries its own agreement's id (an edit lands on that id)."""
    page = _page(window)
    controller = window.controller
    stored = list_agreements(db=controller.db, session_id=controller.session_id)
    assert len(stored) >= 3
    gone = stored[0]
    assert gone.id is not None
    remove_agreement(db=controller.db, agreement_id=gone.id)
    controller.reload()  # as the window's poll does once it sees the other program's change
    controller.document["agreements"].reverse()

    rows = page._rows()

    what_by_id = {a.id: a.what for a in stored}
    shown = [a for a in controller.document["agreements"] if a["key"] != gone.key]
    assert [row.what for row in rows] == [a["what"] for a in shown]
    assert all(what_by_id[row.id] == row.what for row in rows)
    assert gone.id not in {row.id for row in rows}
