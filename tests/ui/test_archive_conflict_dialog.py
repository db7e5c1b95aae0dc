"""The question when a session changed on both sides: it names the session and both sides'
changes, and the keyboard alone decides; Enter and Escape change nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMainWindow
from pytestqt.qtbot import QtBot

from worksession.ui.archive.conflict_dialog import ConflictDialog, Side, shown_time

UUID = "3f2a9c1e-7b4d-4e8a-9f10-2c6d8e5a1b7c"


HERE = Side("Anna de Vries (rol anna) heeft om 14:32 de afspraken gewijzigd (revisie 18)", "")
THERE = Side(None, "2026-11-30T12:05:00")  # the archive noted only when (in UTC)


@pytest.fixture
def owner(qtbot: QtBot) -> QMainWindow:
    """The window the dialog belongs to, as large as a laptop's screen."""
    window = QMainWindow()
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    return window


def shown(qtbot: QtBot, owner: QMainWindow, direction: str = "publish") -> ConflictDialog:
    dialog = ConflictDialog(
        title="Gezond ouder worden in Kaalheide",
        session_uuid=UUID,
        here=HERE,
        there=THERE,
        direction=direction,  # type: ignore[arg-type]
        parent=owner,
    )
    dialog.open()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def texts(dialog: ConflictDialog) -> str:
    return "\n".join(label.text() for label in dialog.findChildren(QLabel))


def test_the_dialog_names_the_session_and_both_sides(qtbot: QtBot, owner: QMainWindow) -> None:
    dialog = shown(qtbot, owner)
    said = texts(dialog)
    assert "“Gezond ouder worden in Kaalheide” is op deze laptop en in het teamarchief" in said
    assert UUID in said
    assert HERE.said in said
    # What the archive's side did not note is said to be unknown, not left out.
    assert f"Gewijzigd op {shown_time(THERE.when)}; wie en wat is niet vastgelegd." in said
    assert dialog.keep_both.text() == "Beide &bewaren (als kopie)"
    assert dialog.overwrite.text() == "&Overschrijven (na een back-up)"
    assert dialog.cancel.text() == "&Annuleren"
    assert "teamarchief wordt vervangen door die van deze laptop" in dialog.explanation.text()
    fetching = shown(qtbot, owner, "fetch")
    assert "deze laptop wordt vervangen door die van het teamarchief" in fetching.explanation.text()


def test_the_default_button_is_cancel_never_overwrite(qtbot: QtBot, owner: QMainWindow) -> None:
    dialog = shown(qtbot, owner)
    assert dialog.cancel.isDefault()
    assert not dialog.overwrite.isDefault()
    assert dialog.focusWidget() is dialog.cancel


@pytest.mark.parametrize("key", [Qt.Key.Key_Return, Qt.Key.Key_Escape])
def test_enter_and_escape_change_nothing(qtbot: QtBot, owner: QMainWindow, key: Qt.Key) -> None:
    dialog = shown(qtbot, owner)
    with qtbot.waitSignal(dialog.chosen) as chosen:
        qtbot.keyClick(dialog.focusWidget(), key)
    assert chosen.args == ["refuse"]
    assert not dialog.isVisible()


@pytest.mark.parametrize(
    ("letter", "choice"),
    [(Qt.Key.Key_B, "keep_both"), (Qt.Key.Key_O, "overwrite"), (Qt.Key.Key_A, "refuse")],
)
def test_each_choice_has_its_alt_letter(
    qtbot: QtBot, owner: QMainWindow, letter: Qt.Key, choice: str
) -> None:
    dialog = shown(qtbot, owner)
    with qtbot.waitSignal(dialog.chosen) as chosen:
        qtbot.keyClick(dialog.focusWidget(), letter, Qt.KeyboardModifier.AltModifier)
    assert chosen.args == [choice]


def test_tab_then_enter_presses_the_button_reached(qtbot: QtBot, owner: QMainWindow) -> None:
    """The default is only where Enter starts: moving to Beide bewaren and pressing Enter
    keeps both, as a keyboard user expects."""
    dialog = shown(qtbot, owner)
    dialog.keep_both.setFocus()
    with qtbot.waitSignal(dialog.chosen) as chosen:
        qtbot.keyClick(dialog.keep_both, Qt.Key.Key_Return)
    assert chosen.args == ["keep_both"]


def test_the_dialog_fits_a_laptop_screen(qtbot: QtBot, owner: QMainWindow, tmp_path: Path) -> None:
    dialog = shown(qtbot, owner)
    assert dialog.width() <= 1280 and dialog.height() <= 720
    assert dialog.grab().save(str(tmp_path / "conflict.png"))


def test_a_stored_time_is_shown_in_local_time() -> None:
    import datetime as dt

    utc = dt.datetime(2026, 11, 30, 12, 5, tzinfo=dt.UTC)
    assert shown_time("2026-11-30T12:05:00") == utc.astimezone().strftime("%d-%m-%Y %H:%M")
    assert shown_time("2026-11-30T12:05:00+00:00") == shown_time("2026-11-30T12:05:00")
    assert shown_time("not a time") == "not a time"


def test_titles_and_names_are_shown_as_typed_never_as_markup(
    qtbot: QtBot, owner: QMainWindow
) -> None:
    dialog = ConflictDialog(
        title="<b>Vet</b> & <img src='x'>",
        session_uuid=UUID,
        here=Side("<i>Anna</i> heeft <a href='x'>de afspraken</a> gewijzigd", ""),
        there=THERE,
        direction="fetch",
        parent=owner,
    )
    labels = dialog.findChildren(QLabel)
    assert all(label.textFormat() == Qt.TextFormat.PlainText for label in labels)
    said = "\n".join(label.text() for label in labels)
    assert "<b>Vet</b> & <img src='x'>" in said and "<i>Anna</i> heeft <a href" in said


def test_a_side_that_noted_nothing_says_so() -> None:
    from worksession.ui.archive.conflict_dialog import side_text

    assert side_text(Side(None, "")) == "Niet vastgelegd wie, wat en wanneer."
