"""Quick-add from a catalogue: a picked suggestion is added once and the field is empty after;
a name already in the list is not added silently."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from tests.ui.conftest import page_of
from worksession.domain.values import StepKind
from worksession.i18n import speaking
from worksession.ui.session.pages.sociale_kaart import SocialeKaartPage
from worksession.ui.session.record_table import RecordTable
from worksession.ui.session.window import SessionWindow


def _kaart(window: SessionWindow) -> SocialeKaartPage:
    page = page_of(window, StepKind.SOCIALE_KAART)
    assert isinstance(page, SocialeKaartPage)
    return page


def _named(window: SessionWindow, name: str) -> int:
    return sum(1 for s in window.controller.document["stakeholders"] if s["name"] == name)


def _pick(qtbot: QtBot, table: RecordTable, typed: str) -> None:
    """Type, go down into the suggestions and press Enter on the first, as the coach does."""
    table.entry.setFocus()
    QTest.keyClicks(table.entry, typed)
    completer = table.entry.completer()
    assert completer is not None
    popup = completer.popup()
    qtbot.waitUntil(popup.isVisible)
    QTest.keyClick(popup, Qt.Key.Key_Down)
    QTest.keyClick(popup, Qt.Key.Key_Return)


def test_a_picked_suggestion_is_added_once_and_the_field_is_cleared(
    qtbot: QtBot, window: SessionWindow
) -> None:
    table = _kaart(window).table
    _pick(qtbot, table, "Huisar")
    assert _named(window, "Huisarts") == 1
    qtbot.waitUntil(lambda: table.entry.text() == "")
    QTest.keyClick(table.entry, Qt.Key.Key_Return)  # a second Enter on an empty field: nothing
    assert _named(window, "Huisarts") == 1
    added = next(s for s in window.controller.document["stakeholders"] if s["name"] == "Huisarts")
    assert added["domain"] == "primary_care"  # the catalogue's role came along
    window.undo_action.trigger()
    assert _named(window, "Huisarts") == 0


def test_a_duplicate_name_warns_and_a_second_enter_adds_it_anyway(
    qtbot: QtBot, window: SessionWindow
) -> None:
    table = _kaart(window).table
    _pick(qtbot, table, "Huisar")
    qtbot.waitUntil(lambda: table.entry.text() == "")
    with speaking("nl"):
        _pick(qtbot, table, "Huisar")
    assert _named(window, "Huisarts") == 1  # not added silently
    qtbot.wait(0)  # let the field settle: the warned name must stay in it
    assert table.entry.text() == "Huisarts"
    assert "staat al in de lijst" in window.statusBar().currentMessage()
    selected = table.model.row_at(table.view.currentIndex().row())
    assert selected.name == "Huisarts"  # the one already there is shown
    QTest.keyClick(table.entry, Qt.Key.Key_Return)
    assert _named(window, "Huisarts") == 2
    assert table.entry.text() == ""


def test_a_typed_duplicate_participant_is_not_added_silently(
    qtbot: QtBot, window: SessionWindow
) -> None:
    page = page_of(window, StepKind.PREPARATION)
    entry = page.participants.entry  # type: ignore[attr-defined]
    count = len(window.controller.document["participants"])
    entry.setFocus()
    QTest.keyClicks(entry, "marieke  hermans")
    QTest.keyClick(entry, Qt.Key.Key_Return)
    assert len(window.controller.document["participants"]) == count
    QTest.keyClicks(entry, "Jan Pieters")
    QTest.keyClick(entry, Qt.Key.Key_Return)
    assert len(window.controller.document["participants"]) == count + 1


def test_a_picked_theme_is_added_once_and_a_picked_duplicate_theme_is_not(
    qtbot: QtBot, window: SessionWindow
) -> None:
    page = page_of(window, StepKind.PRIORITISING)
    table = page.themes  # type: ignore[attr-defined]
    titles = lambda: [t["title"] for t in window.controller.document["themes"]]  # noqa: E731
    _pick(qtbot, table, "Rok")
    qtbot.waitUntil(lambda: table.entry.text() == "")
    assert titles().count("Roken") == 1
    _pick(qtbot, table, "Eenzaam")  # the demo holds it already
    assert titles().count("Eenzaamheid") == 1
