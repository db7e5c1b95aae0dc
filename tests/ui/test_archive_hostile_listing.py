"""The fetch dialog offered an archive whose rows were written by hand: a title of a megabyte,
bidi overrides and line breaks. The dialog stays on the 1280×720 laptop and shows one line per
session; what it sends to fetch is the session's identity, whatever its title."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from worksession.ui.archive.fetch_dialog import FetchDialog
from worksession.workflows.archive_listing import ArchivedSession

HOSTILE = [
    ArchivedSession("11111111-1111-4111-8111-111111111111", "x" * 1_000_000, "W", "", False),
    ArchivedSession("22222222-2222-4222-8222-222222222222", "a\u202eevil\nline", "", "", True),
]


def test_a_hostile_listing_keeps_the_dialog_on_the_laptop(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = FetchDialog("postgresql://coach@db.example.org/teamarchief", lambda: HOSTILE)
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitUntil(lambda: dialog.choice.count() == 2)
    dialog.adjustSize()
    dialog.grab().save(str(tmp_path / "hostile-listing.png"))
    assert dialog.width() <= 1280 and dialog.height() <= 720, dialog.size()
    for index in range(2):
        assert not {"\n", "\u202e"} & set(dialog.choice.itemText(index))
        assert len(dialog.choice.itemText(index)) < 300
    with qtbot.waitSignal(dialog.chosen) as chosen:
        dialog.one.setChecked(True)
        dialog.choice.setCurrentIndex(1)
        dialog.fetch_button.click()
    assert chosen.args == [["22222222-2222-4222-8222-222222222222"]]
