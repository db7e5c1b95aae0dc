"""The toolkit in the app: where each programme comes from, and why a file is unusable."""

from __future__ import annotations

import shutil
from pathlib import Path

from pytestqt.qtbot import QtBot

from worksession.programmes.library import load_library
from worksession.programmes.model import Library
from worksession.storage.database import Database
from worksession.support.paths import sessions_dir
from worksession.ui.start_window import StartWindow


def _toolkit(tmp_path: Path, *, broken: bool) -> tuple[Path, Path]:
    shipped, own = tmp_path / "shipped", tmp_path / "own"
    shutil.copytree(sessions_dir(), shipped)
    (own / "programmes").mkdir(parents=True)
    if broken:
        (own / "programmes" / "kapot.toml").write_text('id = "kapot"\n', encoding="utf-8")
    return shipped, own


def _window(qtbot: QtBot, db: Database, shipped: Path, own: Path) -> StartWindow:
    def load() -> Library:
        return load_library([(shipped, "shipped"), (own, "user")])

    window = StartWindow(db, load(), load_library=load, user_folder=own)
    qtbot.addWidget(window)
    window.show()
    return window


def test_an_unusable_file_is_announced_and_explained(
    qtbot: QtBot, db: Database, tmp_path: Path
) -> None:
    window = _window(qtbot, db, *_toolkit(tmp_path, broken=True))
    assert window.toolkit_warning.isVisible()
    assert "1 bestand" in window.toolkit_warning.text()
    dialog = window.show_toolkit()
    qtbot.waitUntil(dialog.isVisible)
    (message,) = [dialog.problems.item(i).text() for i in range(dialog.problems.count())]
    assert message.endswith("kapot.toml:1: title: verplicht veld ontbreekt")


def test_the_dialog_shows_sources_and_reloads_after_a_fix(
    qtbot: QtBot, db: Database, tmp_path: Path
) -> None:
    shipped, own = _toolkit(tmp_path, broken=True)
    window = _window(qtbot, db, shipped, own)
    dialog = window.show_toolkit()
    programmes = dialog.tree.topLevelItem(0)
    rows = {
        programmes.child(i).text(1): programmes.child(i) for i in range(programmes.childCount())
    }
    assert rows["avondsessie"].text(3) == "meegeleverd"
    assert rows["samenwerken-in-de-wijk"].text(2).startswith("3 u")

    (own / "programmes" / "kapot.toml").unlink()
    dialog.reload()
    assert dialog.problems.isHidden()
    dialog.reject()
    qtbot.waitUntil(lambda: not window.toolkit_warning.isVisible())


def test_no_warning_when_every_file_is_usable(qtbot: QtBot, db: Database, tmp_path: Path) -> None:
    window = _window(qtbot, db, *_toolkit(tmp_path, broken=False))
    assert not window.toolkit_warning.isVisible()
