"""Toolkit → Pakket importeren…: a package lands in the own folder and the toolkit is read
again; an id that exists asks "Vervangen?" (Cancel writes nothing, Vervangen keeps the old
file); a forged package is refused naming the entry, and nothing is written."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from tests.programmes import package_forgery as forgery
from tests.programmes.package_forgery import snapshot
from worksession.programmes.library import load_library
from worksession.programmes.model import Library
from worksession.storage.database import Database
from worksession.support.paths import sessions_dir
from worksession.ui.package_import import MESSAGE, QUESTION
from worksession.ui.start_window import StartWindow


def _window(qtbot: QtBot, db: Database, tmp_path: Path) -> tuple[StartWindow, Path]:
    shipped, own = tmp_path / "shipped", tmp_path / "own"
    shutil.copytree(sessions_dir(), shipped)

    def load() -> Library:
        return load_library([(shipped, "shipped"), (own, "user")])

    window = StartWindow(db, load(), load_library=load, user_folder=own)
    qtbot.addWidget(window)
    window.show()
    return window, own


def _answer(button: str, seen: list[str]) -> None:
    """When "Vervangen?" appears, note its text and click "replace" or Cancel."""

    def click() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox) or box.objectName() != QUESTION:
            QTimer.singleShot(10, click)
            return
        seen.append(f"{box.windowTitle()}\n{box.text()}")
        if button == "replace":
            target = box.findChild(QPushButton, "replace")
            assert target is not None
            target.click()
        else:
            box.button(QMessageBox.StandardButton.Cancel).click()

    QTimer.singleShot(0, click)


def _message(window: StartWindow) -> QMessageBox:
    box = window.findChild(QMessageBox, MESSAGE)
    assert box is not None
    return box


def test_the_toolkit_menu_offers_the_import(qtbot: QtBot, db: Database, tmp_path: Path) -> None:
    window, _own = _window(qtbot, db, tmp_path)
    toolkit = next(
        action.menu() for action in window.menuBar().actions() if action.text() == "&Toolkit"
    )
    assert window.package_action in toolkit.actions()
    assert window.package_action.text().replace("&", "") == "Pakket importeren…"


def test_a_package_is_imported_and_the_toolkit_read_again(
    qtbot: QtBot, db: Database, tmp_path: Path
) -> None:
    window, own = _window(qtbot, db, tmp_path)
    package = tmp_path / "pakket.zip"
    package.write_bytes(forgery.package())
    outcome = window.import_package(package)
    assert outcome is not None and outcome.result is not None
    assert (own / forgery.PROGRAMME).read_bytes() == forgery.own_programme()
    assert window._library.programmes["eigen-avond"].source.origin == "user"
    box = _message(window)
    qtbot.waitUntil(box.isVisible)
    assert "Het pakket is geïmporteerd." in box.text()
    assert forgery.PROGRAMME in box.text()


def test_an_existing_id_asks_and_cancel_writes_nothing_replace_keeps_the_old(
    qtbot: QtBot, db: Database, tmp_path: Path
) -> None:
    window, own = _window(qtbot, db, tmp_path)
    (own / "programmes").mkdir(parents=True)
    old = forgery.own_programme("Oud")
    (own / forgery.PROGRAMME).write_bytes(old)
    package = tmp_path / "pakket.zip"
    package.write_bytes(forgery.package())
    before = snapshot(own)

    seen: list[str] = []
    _answer("cancel", seen)
    outcome = window.import_package(package)
    assert outcome is not None and outcome.result is None
    (question,) = seen
    assert question.startswith("Vervangen?\n")
    assert "vervangt uw programmes/eigen-avond.toml" in question
    assert snapshot(own) == before

    _answer("replace", seen)
    outcome = window.import_package(package)
    assert outcome is not None and outcome.result is not None
    assert (own / forgery.PROGRAMME).read_bytes() == forgery.own_programme()
    (kept,) = (own / "replaced").rglob("eigen-avond.toml")
    assert kept.read_bytes() == old
    assert window._library.programmes["eigen-avond"].title == "Avond in Heerlen-Noord"


def test_a_forged_package_is_refused_naming_the_entry_and_nothing_is_written(
    qtbot: QtBot, db: Database, tmp_path: Path
) -> None:
    window, own = _window(qtbot, db, tmp_path)
    package = tmp_path / "pakket.zip"
    package.write_bytes(forgery.symlink())
    outcome = window.import_package(package)
    assert outcome is not None and outcome.result is None
    box = _message(window)
    qtbot.waitUntil(box.isVisible)
    assert "Het pakket is niet geïmporteerd; er is niets weggeschreven." in box.text()
    assert "casus/link.toml: een symbolische koppeling" in box.text()
    assert not own.exists()


def test_a_name_with_markup_is_shown_as_text(qtbot: QtBot, db: Database, tmp_path: Path) -> None:
    window, _own = _window(qtbot, db, tmp_path)
    package = tmp_path / "pakket.zip"
    files = forgery.good_files()
    package.write_bytes(
        forgery.zipped(
            [
                ("manifest.json", forgery.manifest(files)),
                *files.items(),
                ("casus/<b>x</b>.toml", b""),
            ]
        )
    )
    window.import_package(package)
    box = _message(window)
    assert "casus/&lt;b&gt;x&lt;/b&gt;.toml" in box.text()


def test_the_toolkit_dialog_imports_and_lists_the_programme_at_once(
    qtbot: QtBot, db: Database, tmp_path: Path
) -> None:
    window, _own = _window(qtbot, db, tmp_path)
    dialog = window.show_toolkit()
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.import_button.text() == "Pakket importeren…"
    package = tmp_path / "pakket.zip"
    package.write_bytes(forgery.package())
    outcome = dialog.import_package(package)
    assert outcome is not None and outcome.result is not None
    programmes = dialog.tree.topLevelItem(0)
    ids = {programmes.child(i).text(1): programmes.child(i) for i in range(programmes.childCount())}
    assert ids["eigen-avond"].text(3) == "eigen map"
    dialog.reject()
    qtbot.waitUntil(lambda: "eigen-avond" in window._library.programmes)
