"""The invite list on Voorbereiding: status by explicit choice only, initials, register and
number, the accreditation ID, and the import of a file with its report, all undoable."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QComboBox, QPushButton
from pytestqt.qtbot import QtBot

from tests.ui.conftest import page_of
from worksession.domain.values import StepKind
from worksession.ui.session.invite_list_dialog import OBJECT_NAME, InviteListDialog
from worksession.ui.session.pages.preparation import PreparationPage
from worksession.ui.session.window import SessionWindow


def _page(window: SessionWindow) -> PreparationPage:
    page = page_of(window, StepKind.PREPARATION)
    assert isinstance(page, PreparationPage)
    return page


def _column(page: PreparationPage, field: str) -> int:
    return next(i for i, c in enumerate(page.participants.model.columns) if c.field == field)


def _first(window: SessionWindow) -> dict[str, object]:
    return dict(window.controller.document["participants"][0])


def _open_status_editor(qtbot: QtBot, page: PreparationPage) -> QComboBox:
    view = page.participants.view
    index = page.participants.model.index(0, _column(page, "status"))
    view.setFocus()
    view.setCurrentIndex(index)
    view.edit(index)
    editor = view.indexWidget(index)
    assert isinstance(editor, QComboBox)
    return editor


def test_an_arrow_key_on_the_status_changes_nothing(qtbot: QtBot, window: SessionWindow) -> None:
    page = _page(window)
    editor = _open_status_editor(qtbot, page)
    editor.hidePopup()
    before = _first(window)
    for key in (Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_End, Qt.Key.Key_A):
        qtbot.keyClick(editor, key)
        editor.hidePopup()
    page.participants.view.setFocus()  # leaving the cell without a choice
    qtbot.keyClick(page.participants.view, Qt.Key.Key_Escape)
    assert _first(window) == before
    assert window.controller.undo_stack.count() == 0


def test_a_status_picked_sets_present_and_the_invitation_and_undoes(
    qtbot: QtBot, window: SessionWindow
) -> None:
    page = _page(window)
    assert (_first(window)["present"], _first(window)["invitation"]) == (True, "registered")
    editor = _open_status_editor(qtbot, page)
    # What a pick from the open list does: the item becomes current and ``activated`` says so.
    editor.setCurrentIndex(editor.findData("declined"))
    editor.activated.emit(editor.findData("declined"))
    assert (_first(window)["present"], _first(window)["invitation"]) == (False, "declined")
    status = page.participants.model.index(0, _column(page, "status"))
    assert status.data() == "afgemeld"
    assert window.controller.undo_stack.count() == 1  # both facts in one step
    window.undo_action.trigger()
    assert (_first(window)["present"], _first(window)["invitation"]) == (True, "registered")
    window.redo_action.trigger()
    assert page.participants.model.index(0, _column(page, "status")).data() == "afgemeld"

    # Ticking present afterwards makes them present and registered again.
    model = page.participants.model
    assert model.setData(
        model.index(0, _column(page, "present")),
        Qt.CheckState.Checked.value,
        Qt.ItemDataRole.CheckStateRole,
    )
    assert (_first(window)["present"], _first(window)["invitation"]) == (True, "registered")
    assert model.index(0, _column(page, "status")).data() == "aanwezig"


def test_initials_register_and_a_big_number_are_edited_and_checked(
    window: SessionWindow,
) -> None:
    page = _page(window)
    model = page.participants.model
    row = next(
        i for i, p in enumerate(window.controller.document["participants"]) if p["registration"]
    )
    assert model.setData(model.index(row, _column(page, "initials")), "M.J.")
    assert not model.setData(model.index(row, _column(page, "registration")), "12345")
    assert window.banner.isVisible()
    assert "Registratienr." in window.banner.text() and "'12345'" in window.banner.text()
    assert model.setData(model.index(row, _column(page, "registration")), "01234567890")
    person = window.controller.document["participants"][row]
    assert (person["initials"], person["registration"]) == ("M.J.", "01234567890")
    assert person["registration_type"] == "big"
    assert model.setData(model.index(row, _column(page, "registration_type")), "kngf")
    assert model.index(row, _column(page, "registration_type")).data() == "KNGF"
    window.undo_action.trigger()
    window.undo_action.trigger()
    assert window.controller.document["participants"][row]["registration_type"] == "big"
    assert window.controller.document["participants"][row]["registration"] != "01234567890"


def test_the_accreditation_id_is_stored_and_undone(qtbot: QtBot, window: SessionWindow) -> None:
    page = _page(window)
    field = page.fields["accreditation_id"]
    field.setFocus()
    qtbot.keyClicks(field, "GAIA-482913")
    page.fields["title"].setFocus()  # leaving the field stores it
    assert window.controller.document["session"]["accreditation_id"] == "GAIA-482913"
    window.undo_action.trigger()
    assert window.controller.document["session"]["accreditation_id"] == ""


def _answer(button: str, seen: list[str]) -> None:
    def click() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, InviteListDialog) or dialog.objectName() != OBJECT_NAME:
            QTimer.singleShot(10, click)
            return
        table = dialog.table
        seen.extend(
            " | ".join(table.item(row, column).text() for column in range(4))
            for row in range(table.rowCount())
        )
        if button == "import":
            target = dialog.findChild(QPushButton, "import")
            assert target is not None
            target.click()
        else:
            dialog.reject()

    QTimer.singleShot(0, click)


def _invite_file(path: Path) -> Path:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["Naam", "Voorletters", "Status", "Register", "Registratienummer"])
    sheet.append(["Anna de Wit", "A.", "uitgenodigd", "BIG", "01234567890"])
    sheet.append(["Bert Kok", "B.", "aangemeld", "BIG", "123"])
    workbook.save(path)
    return path


def test_a_file_shows_its_refusals_and_cancel_writes_nothing(
    window: SessionWindow, tmp_path: Path
) -> None:
    page = _page(window)
    before = window.controller.fingerprint()
    seen: list[str] = []
    _answer("cancel", seen)
    assert not page.import_file(_invite_file(tmp_path / "lijst.xlsx"))
    assert seen == ["3 | Registratienummer | 123 | '123' is geen BIG-nummer: precies 11 cijfers"]
    assert window.controller.fingerprint() == before


def test_importing_the_accepted_rows_is_one_undoable_step(
    window: SessionWindow, tmp_path: Path
) -> None:
    page = _page(window)
    count = len(window.controller.document["participants"])
    _answer("import", [])
    assert page.import_file(_invite_file(tmp_path / "lijst.xlsx"))
    anna = window.controller.document["participants"][-1]
    assert (anna["name"], anna["registration"], anna["invitation"]) == (
        "Anna de Wit",
        "01234567890",
        "invited",
    )
    assert len(window.controller.document["participants"]) == count + 1
    window.undo_action.trigger()
    assert len(window.controller.document["participants"]) == count


def test_a_file_that_is_no_list_is_refused_naming_it(window: SessionWindow, tmp_path: Path) -> None:
    page = _page(window)
    path = tmp_path / "kapot.xlsx"
    path.write_bytes(b"PK\x03\x04 not really")
    assert not page.import_file(path)
    assert window.banner.isVisible() and "kapot.xlsx" in window.banner.text()
