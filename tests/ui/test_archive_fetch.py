"""*Ophalen uit teamarchief* in the start window, against a real archive on the throwaway
PostgreSQL server and a second laptop's SQLite file: all sessions or one chosen from the
archive's list, listed afterwards, fetching twice changes nothing; an unreachable archive is
said in the dialog, nothing is fetched."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests.postgres_server import PostgresServer
from tests.ui.archive_places import address_in, short_folder
from worksession.programmes.library import load_library
from worksession.storage.database import Database
from worksession.storage.opening import open_database
from worksession.storage.operations.sessions import create_session, list_sessions, update_session
from worksession.ui.archive.fetch_dialog import FetchDialog
from worksession.ui.start_window import StartWindow
from worksession.user.settings import save_setting
from worksession.workflows.team_archive import fetch, publish

WAIT_MS = 60_000


@pytest.fixture
def archive(postgres_server: PostgresServer, tmp_path: Path) -> Iterator[str]:
    """A team archive holding two sessions another laptop published; set in the settings."""
    url = postgres_server.new_database()
    other = open_database(tmp_path / "other-laptop.sqlite3")
    try:
        for title, wijk, date in (
            ("Samen gezond in Heerlerbaan", "Heerlerbaan", "2026-03-12"),
            ("Bewegen in Bekkerveld", "Bekkerveld", "2026-04-02"),
        ):
            session = create_session(db=other, title=title, wijk=wijk, date=date)
            assert session.id is not None
            publish(db=other, session_id=session.id, archive=url)
    finally:
        other.close()
    save_setting("team_archive", url)
    yield url
    postgres_server.drop(url)


def opened(qtbot: QtBot, window: StartWindow) -> FetchDialog:
    dialog = window.archive.fetch()
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.fetch_button.isEnabled(), timeout=WAIT_MS)
    return dialog


def fetched(qtbot: QtBot, window: StartWindow, dialog: FetchDialog) -> str:
    with qtbot.waitSignal(dialog.chosen):
        dialog.fetch_button.click()
    run = window.archive.run
    assert run is not None
    if run.running:
        with qtbot.waitSignal(run.finished, timeout=WAIT_MS):
            pass
    return window.statusBar().currentMessage()


def test_one_chosen_session_is_fetched_then_all(qtbot: QtBot, db: Database, archive: str) -> None:
    window = StartWindow(db, load_library())
    qtbot.addWidget(window)
    window.show()
    assert window.fetch_action.text().replace("&", "") == "Ophalen uit teamarchief…"
    dialog = opened(qtbot, window)
    assert dialog.state.text() == "2 sessies in het teamarchief, waarvan 2 nog niet op deze laptop."
    offered = [dialog.choice.itemText(row) for row in range(dialog.choice.count())]
    assert "Bewegen in Bekkerveld — Bekkerveld, 2026-04-02 (nog niet op deze laptop)" in offered
    dialog.one.setChecked(True)
    dialog.choice.setCurrentIndex(dialog.choice.findText(offered[0]))
    chosen_title = offered[0].split(" — ")[0]
    line = fetched(qtbot, window, dialog)
    assert line == "Opgehaald uit het teamarchief: 1 sessie nieuw of bijgewerkt."
    assert [s.title for s in list_sessions(db=db)] == [chosen_title]
    assert window.model.rowCount() == 1  # listed at once

    again = opened(qtbot, window)
    assert again.state.text() == "2 sessies in het teamarchief, waarvan 1 nog niet op deze laptop."
    line = fetched(qtbot, window, again)  # all of them
    assert line == "Opgehaald uit het teamarchief: 1 sessie nieuw of bijgewerkt, 1 ongewijzigd."
    assert window.model.rowCount() == 2
    # Fetching everything once more changes nothing.
    line = fetched(qtbot, window, opened(qtbot, window))
    assert line == "Opgehaald uit het teamarchief: 2 ongewijzigd."


def test_an_unreachable_archive_is_said_in_the_dialog(
    qtbot: QtBot, db: Database, archive: str
) -> None:
    folder = short_folder()
    try:
        save_setting("team_archive", address_in(folder, archive))
        window = StartWindow(db, load_library())
        qtbot.addWidget(window)
        window.show()
        dialog = window.archive.fetch()
        assert dialog is not None
        qtbot.waitUntil(
            lambda: dialog.state.text().startswith("Het teamarchief kan niet worden gelezen"),
            timeout=WAIT_MS,
        )
        assert not dialog.fetch_button.isEnabled()
        assert list_sessions(db=db) == []
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _changed_on_both_sides(db: Database, archive: str, tmp_path: Path) -> str:
    """This laptop fetched a session and changed it; another laptop changed it in the archive
    meanwhile. Its title."""
    (outcome,) = [o for o in fetch(db=db, archive=archive) if o.title.startswith("Bewegen")]
    assert outcome.session_id is not None
    update_session(db=db, session_id=outcome.session_id, wijk="Bekkerveld-Zuid")
    other = open_database(tmp_path / "other-laptop.sqlite3")
    try:
        (theirs,) = [s for s in list_sessions(db=other) if s.title == outcome.title]
        assert theirs.id is not None
        update_session(db=other, session_id=theirs.id, gemeente="Heerlen-Noord")
        assert publish(db=other, session_id=theirs.id, archive=archive).action == "published"
    finally:
        other.close()
    return outcome.title


def test_a_conflict_asks_and_overwrite_says_where_the_backup_is(
    qtbot: QtBot, db: Database, archive: str, tmp_path: Path
) -> None:
    title = _changed_on_both_sides(db, archive, tmp_path)
    window = StartWindow(db, load_library())
    qtbot.addWidget(window)
    window.show()
    dialog = opened(qtbot, window)
    with qtbot.waitSignal(dialog.chosen):
        dialog.fetch_button.click()
    run = window.archive.run
    assert run is not None
    qtbot.waitUntil(lambda: run.question is not None, timeout=WAIT_MS)
    assert run.question is not None
    assert run.question.windowTitle() == "Aan beide kanten gewijzigd"
    with qtbot.waitSignal(run.finished, timeout=WAIT_MS):
        run.question.overwrite.click()
    line = window.statusBar().currentMessage()
    assert line.startswith("Opgehaald uit het teamarchief: 1 overschreven, 1 ongewijzigd.")
    assert "De overschreven versie staat in de back-up " in line
    backup = Path(line.rsplit("back-up ", 1)[1].rstrip("."))
    assert backup.is_file()
    (mine,) = [s for s in list_sessions(db=db) if s.title == title]
    assert mine.gemeente == "Heerlen-Noord"  # the archive's version, now here


def test_a_conflict_cancelled_leaves_that_session_and_fetches_the_others(
    qtbot: QtBot, db: Database, archive: str, tmp_path: Path
) -> None:
    title = _changed_on_both_sides(db, archive, tmp_path)
    window = StartWindow(db, load_library())
    qtbot.addWidget(window)
    window.show()
    dialog = opened(qtbot, window)
    with qtbot.waitSignal(dialog.chosen):
        dialog.fetch_button.click()
    run = window.archive.run
    assert run is not None
    qtbot.waitUntil(lambda: run.question is not None, timeout=WAIT_MS)
    assert run.question is not None
    with qtbot.waitSignal(run.finished, timeout=WAIT_MS):
        run.question.reject()
    assert window.statusBar().currentMessage() == (
        "Opgehaald uit het teamarchief: 1 ongewijzigd, niet opgehaald (aan beide kanten "
        f"gewijzigd): “{title}”."
    )
    (mine,) = [s for s in list_sessions(db=db) if s.title == title]
    assert mine.wijk == "Bekkerveld-Zuid"  # the laptop's change, untouched


def test_an_open_session_window_shows_what_a_fetch_brought(
    qtbot: QtBot, db: Database, archive: str, tmp_path: Path
) -> None:
    """The coach has the session open while fetching the archive's newer version over it: the
    window shows the archive's version, not its stale view."""
    title = _changed_on_both_sides(db, archive, tmp_path)
    window = StartWindow(db, load_library())
    qtbot.addWidget(window)
    window.show()
    (mine,) = [s for s in list_sessions(db=db) if s.title == title]
    assert mine.id is not None
    opened_window = window.open_session(mine.id)
    qtbot.addWidget(opened_window)
    dialog = opened(qtbot, window)
    with qtbot.waitSignal(dialog.chosen):
        dialog.fetch_button.click()
    run = window.archive.run
    assert run is not None
    qtbot.waitUntil(lambda: run.question is not None, timeout=WAIT_MS)
    assert run.question is not None
    with qtbot.waitSignal(run.finished, timeout=WAIT_MS):
        run.question.overwrite.click()
    controller = opened_window.controller
    qtbot.waitUntil(
        lambda: controller.document["session"]["gemeente"] == "Heerlen-Noord", timeout=WAIT_MS
    )


def test_a_session_refused_is_named_and_the_others_still_come(
    qtbot: QtBot, db: Database, archive: str
) -> None:
    """A session gone from the archive since the list was read (or one whose content is
    refused) stops only itself."""
    window = StartWindow(db, load_library())
    qtbot.addWidget(window)
    window.show()
    dialog = opened(qtbot, window)
    gone = "00000000-0000-4000-8000-000000000000"
    run = window.archive.fetch_sessions([gone, dialog.sessions[0].uuid], archive)
    assert run is not None
    with qtbot.waitSignal(run.finished, timeout=WAIT_MS):
        pass
    line = window.statusBar().currentMessage()
    assert line.startswith("Opgehaald uit het teamarchief: 1 sessie nieuw of bijgewerkt. ")
    assert "Niet opgehaald: " in line and gone in line
    assert [s.title for s in list_sessions(db=db)] == [dialog.sessions[0].title]
    dialog.reject()


def test_an_empty_archive_says_so_and_asking_twice_keeps_one_question(
    qtbot: QtBot, db: Database, postgres_server: PostgresServer
) -> None:
    url = postgres_server.new_database()
    try:
        save_setting("team_archive", url)
        window = StartWindow(db, load_library())
        qtbot.addWidget(window)
        window.show()
        dialog = window.archive.fetch()
        assert dialog is not None
        assert window.archive.fetch() is dialog
        qtbot.waitUntil(
            lambda: dialog.state.text() == "Het teamarchief heeft nog geen sessies.",
            timeout=WAIT_MS,
        )
        assert not dialog.fetch_button.isEnabled()
        dialog.reject()
    finally:
        postgres_server.drop(url)
