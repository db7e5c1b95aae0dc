"""*Publiceren naar teamarchief* from the session window, against a real archive on the
throwaway PostgreSQL server and the laptop's SQLite file: the window stays usable, the status
bar says what happened, a conflict asks, an unreachable or hanging archive leaves the session
waiting — said in the window, no traceback, no freeze."""

from __future__ import annotations

import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from tests.postgres_server import PostgresServer
from tests.ui.archive_places import HangingServer, address_in, make_reachable, short_folder
from tests.ui.conftest import shown_window
from worksession.programmes.library import load_library
from worksession.storage.database import Database
from worksession.storage.opening import open_database
from worksession.storage.operations.sessions import create_session, list_sessions, update_session
from worksession.ui.archive.running import ArchiveRun
from worksession.ui.session.controller import SessionController
from worksession.ui.session.window import SessionWindow
from worksession.ui.start_window import StartWindow
from worksession.user.settings import save_setting
from worksession.workflows.archive_listing import archived_sessions
from worksession.workflows.team_archive import fetch, publish, waiting

WAIT_MS = 60_000  # a publish on a busy two-core machine, a connection timeout included


@pytest.fixture
def archive(postgres_server: PostgresServer) -> Iterator[str]:
    """A team archive: a database of its own on the test server, set in the settings."""
    url = postgres_server.new_database()
    save_setting("team_archive", url)
    yield url
    postgres_server.drop(url)


@pytest.fixture
def folder() -> Iterator[Path]:
    path = short_folder()
    yield path
    shutil.rmtree(path, ignore_errors=True)


def published(qtbot: QtBot, window: SessionWindow) -> str:
    """Publish from the window as the coach does and wait for the outcome; the status line."""
    run = window.publish.publish()
    assert run is not None
    with qtbot.waitSignal(run.finished, timeout=WAIT_MS):
        pass
    return window.statusBar().currentMessage()


def test_a_session_is_published_in_the_background_and_said(
    qtbot: QtBot, controller: SessionController, archive: str, db: Database
) -> None:
    window = shown_window(qtbot, controller)
    entry = window.export_menu.menu.actions()[-1]
    assert entry is window.publish.action
    assert entry.text().replace("&", "") == "Publiceren naar teamarchief"
    assert "&" in entry.text()  # an Alt letter of its own in Exporteren

    run = window.publish.publish()
    assert run is not None
    assert not window.publish.action.isEnabled()  # one publish at a time
    assert window.statusBar().currentMessage() == "Bezig met publiceren naar het teamarchief…"
    with qtbot.waitSignal(run.finished, timeout=WAIT_MS):
        pass
    title = controller.document["session"]["title"]
    assert window.statusBar().currentMessage() == "Gepubliceerd naar het teamarchief."
    assert window.publish.action.isEnabled()
    assert [session.title for session in archived_sessions(db=db, archive=archive)] == [title]
    # Twice changes nothing, and says so.
    assert published(qtbot, window) == (
        "Het teamarchief heeft deze sessie zoals ze hier is: niets te publiceren."
    )
    assert not window.publish.waiting_mark.isVisible()


def test_without_an_archive_the_coach_is_told_where_to_set_it(
    qtbot: QtBot, controller: SessionController
) -> None:
    window = shown_window(qtbot, controller)
    assert window.publish.publish() is None
    from PySide6.QtWidgets import QMessageBox

    box = next(b for b in window.findChildren(QMessageBox) if b.isVisible())
    assert "Teamarchief in de instellingen" in box.text()


def _changed_in_the_archive(archive: str, tmp_path: Path, session_uuid: str) -> None:
    """Another coach's laptop fetches the session, renames it and publishes it."""
    other = open_database(tmp_path / "other-laptop.sqlite3")
    try:
        (outcome,) = fetch(db=other, archive=archive, session_uuid=session_uuid)
        assert outcome.action == "fetched"
        (theirs,) = list_sessions(db=other)
        assert theirs.id is not None
        update_session(db=other, session_id=theirs.id, gemeente="Kerkrade-Oost")
        assert publish(db=other, session_id=theirs.id, archive=archive).action == "published"
    finally:
        other.close()


def test_a_conflict_asks_and_keep_both_keeps_both(
    qtbot: QtBot, controller: SessionController, archive: str, db: Database, tmp_path: Path
) -> None:
    window = shown_window(qtbot, controller)
    published(qtbot, window)
    session_uuid = controller.document["uuid"]
    _changed_in_the_archive(archive, tmp_path, session_uuid)
    update_session(db=db, session_id=controller.session_id, wijk="Kaalheide-Noord")

    run = window.publish.publish()
    assert run is not None
    qtbot.waitUntil(lambda: run.question is not None and run.question.isVisible(), timeout=WAIT_MS)
    question = run.question
    assert question is not None
    assert question.cancel.isDefault()
    with qtbot.waitSignal(run.finished, timeout=WAIT_MS):
        question.keep_both.click()
    assert window.statusBar().currentMessage() == (
        "Gepubliceerd als kopie naast de versie in het teamarchief."
    )
    assert len(archived_sessions(db=db, archive=archive)) == 2  # theirs and ours, both kept


def test_a_conflict_cancelled_publishes_nothing(
    qtbot: QtBot, controller: SessionController, archive: str, db: Database, tmp_path: Path
) -> None:
    window = shown_window(qtbot, controller)
    published(qtbot, window)
    _changed_in_the_archive(archive, tmp_path, controller.document["uuid"])
    update_session(db=db, session_id=controller.session_id, wijk="Kaalheide-Noord")
    run = window.publish.publish()
    assert run is not None
    qtbot.waitUntil(lambda: run.question is not None, timeout=WAIT_MS)
    assert run.question is not None
    with qtbot.waitSignal(run.finished, timeout=WAIT_MS):
        run.question.reject()  # Escape, Enter, Annuleren
    assert "Niets gepubliceerd" in window.statusBar().currentMessage()
    (theirs,) = archived_sessions(db=db, archive=archive)
    assert theirs.title == controller.document["session"]["title"]


def test_an_unreachable_archive_leaves_the_session_waiting_and_says_so(
    qtbot: QtBot,
    controller: SessionController,
    archive: str,
    db: Database,
    folder: Path,
    postgres_server: PostgresServer,
) -> None:
    save_setting("team_archive", address_in(folder, archive))  # nothing listens there yet
    start = StartWindow(db, load_library())
    qtbot.addWidget(start)
    start.show()
    start.archive.attach()
    assert not start.archive.line.isVisible()
    window = shown_window(qtbot, controller)
    title = controller.document["session"]["title"]

    assert published(qtbot, window) == (
        "Teamarchief niet bereikbaar: deze sessie wacht en wordt later gepubliceerd."
    )
    assert window.publish.waiting_mark.isVisible()
    assert [entry.title for entry in waiting(db=db)] == [title]
    qtbot.waitUntil(start.archive.line.isVisible)
    assert start.archive.line.label.text().startswith(
        f"1 sessie wacht op het teamarchief: “{title}”."
    )
    button = start.archive.line.retry_button
    assert button.text() == "Nu &opnieuw proberen"

    # Still out of reach: tried, still waiting, and the line says when it was tried.
    run = start.archive.line.retry()
    assert run is not None
    with qtbot.waitSignal(run.finished, timeout=WAIT_MS):
        pass
    assert "Laatste poging om" in start.archive.line.label.text()
    assert start.archive.line.isVisible()

    make_reachable(folder, postgres_server)
    with qtbot.waitSignal(start.archive.line.tried, timeout=WAIT_MS):
        button.click()
    assert waiting(db=db) == []
    assert not start.archive.line.isVisible()
    qtbot.waitUntil(lambda: not window.publish.waiting_mark.isVisible())
    assert [session.title for session in archived_sessions(db=db, archive=archive)] == [title]


def test_a_hanging_archive_never_freezes_the_window(
    qtbot: QtBot, controller: SessionController, archive: str, db: Database, folder: Path
) -> None:
    hanging = HangingServer(folder)
    try:
        save_setting("team_archive", address_in(folder, archive, connect_timeout="2"))
        window = shown_window(qtbot, controller)
        run = window.publish.publish()
        assert run is not None
        assert run.running  # the click returned while the archive is still being tried
        ticks: list[float] = []
        timer = QTimer(window)
        timer.setInterval(50)
        timer.timeout.connect(lambda: ticks.append(time.monotonic()))
        timer.start()
        with qtbot.waitSignal(run.finished, timeout=WAIT_MS):
            pass
        timer.stop()
        assert len(ticks) >= 10  # the window's event loop ran all along the wait
        assert "deze sessie wacht" in window.statusBar().currentMessage()
        assert window.publish.waiting_mark.isVisible()
    finally:
        hanging.close()


def test_a_publish_run_is_let_go_after_its_outcome(
    qtbot: QtBot, controller: SessionController, archive: str
) -> None:
    window = shown_window(qtbot, controller)
    run = window.publish.publish()
    assert isinstance(run, ArchiveRun)
    with qtbot.waitSignal(run.finished, timeout=WAIT_MS):
        pass
    # No job kept once it reported back (let go by the report's last slot, queued after ours).
    qtbot.waitUntil(lambda: run.jobs == [])
    assert window.publish.publish() is not None  # and the next publish may start


def test_what_waits_is_published_by_the_timer_once_the_archive_is_back(
    qtbot: QtBot,
    controller: SessionController,
    archive: str,
    db: Database,
    folder: Path,
    postgres_server: PostgresServer,
) -> None:
    save_setting("team_archive", address_in(folder, archive))
    window = shown_window(qtbot, controller)
    published(qtbot, window)
    assert len(waiting(db=db)) == 1
    start = StartWindow(db, load_library())
    qtbot.addWidget(start)
    start.show()
    start.archive.attach()
    assert start.archive.line.isVisible()
    make_reachable(folder, postgres_server)
    start.archive.line.timer.setInterval(100)  # every two minutes in the app
    qtbot.waitUntil(lambda: waiting(db=db) == [], timeout=WAIT_MS)
    qtbot.waitUntil(lambda: not start.archive.line.isVisible(), timeout=WAIT_MS)
    assert len(archived_sessions(db=db, archive=archive)) == 1


def test_a_closed_start_window_tries_nothing_more(
    qtbot: QtBot, controller: SessionController, archive: str, db: Database, folder: Path
) -> None:
    """The app ends: what waits stays waiting, and no try starts after the window closed."""
    save_setting("team_archive", address_in(folder, archive))  # nothing listens there
    published(qtbot, shown_window(qtbot, controller))
    start = StartWindow(db, load_library())
    qtbot.addWidget(start)
    start.show()
    start.archive.attach(first_try_ms=0)  # a first try already due when the window closes
    line = start.archive.line
    start.close()
    assert not line.timer.isActive()
    assert line.retry() is None
    qtbot.wait(0)  # a 0 ms timer started after the due first try fires after it: it has run
    assert line.run is None
    assert len(waiting(db=db)) == 1


def test_the_app_limits_how_long_a_silent_server_is_waited_for(
    monkeypatch: pytest.MonkeyPatch, db: Database, folder: Path, archive: str
) -> None:
    """Started as the app starts (``limit_connection_waits``), a publish to a server that
    never answers gives up after the app's timeout, not psycopg's 130 seconds; a timeout the
    user set stays theirs."""
    from worksession.ui.archive.timeouts import (
        CONNECT_TIMEOUT_S,
        ENVIRONMENT,
        limit_connection_waits,
    )

    monkeypatch.setenv(ENVIRONMENT, "3")
    limit_connection_waits()
    import os

    assert os.environ[ENVIRONMENT] == "3"
    monkeypatch.delenv(ENVIRONMENT)
    limit_connection_waits()
    assert os.environ[ENVIRONMENT] == str(CONNECT_TIMEOUT_S)
    monkeypatch.setenv(ENVIRONMENT, "2")  # the same rule, quicker for the test
    session = create_session(db=db, title="Stille server")
    assert session.id is not None
    hanging = HangingServer(folder)
    try:
        began = time.monotonic()
        outcome = publish(db=db, session_id=session.id, archive=address_in(folder, archive))
        assert outcome.action == "waiting"
        assert time.monotonic() - began < 10
    finally:
        hanging.close()


def test_the_timer_asks_nothing_and_names_a_session_changed_in_the_archive_too(
    qtbot: QtBot,
    controller: SessionController,
    archive: str,
    db: Database,
    folder: Path,
    postgres_server: PostgresServer,
    tmp_path: Path,
) -> None:
    window = shown_window(qtbot, controller)
    published(qtbot, window)  # reachable: published and in sync
    _changed_in_the_archive(archive, tmp_path, controller.document["uuid"])
    update_session(db=db, session_id=controller.session_id, wijk="Kaalheide-Noord")
    save_setting("team_archive", address_in(folder, archive))  # the wifi is gone
    assert "deze sessie wacht" in published(qtbot, window)
    start = StartWindow(db, load_library())
    qtbot.addWidget(start)
    start.show()
    start.archive.attach()
    make_reachable(folder, postgres_server)
    line = start.archive.line
    with qtbot.waitSignal(line.tried, timeout=WAIT_MS):
        line.timer.setInterval(100)
    assert line.run is not None and line.run.question is None  # nobody was asked
    title = controller.document["session"]["title"]
    assert f"publiceer vanuit het eigen venster om te kiezen: “{title}”" in line.label.text()
    assert [entry.title for entry in waiting(db=db)] == [title]  # still waits, nothing lost
    (theirs,) = archived_sessions(db=db, archive=archive)
    assert theirs.wijk != "Kaalheide-Noord"


def _record_change(url: str, uuid: str, who: str, what: str) -> None:
    """Who changed the session last and what, as the storage records it on each change."""
    from sqlalchemy import create_engine, text

    # A lock some other connection keeps is an error named here, not a wait without end.
    waits = {"options": "-c lock_timeout=30000"} if url.startswith("postgresql") else {}
    engine = create_engine(url, connect_args=waits)
    try:
        with engine.begin() as connection:
            connection.execute(
                text("UPDATE work_session SET changed_by = :who, last_change = :what"
                     " WHERE uuid = :uuid"),
                {"who": who, "what": what, "uuid": uuid},
            )  # fmt: skip
    finally:
        engine.dispose()


def test_the_question_names_who_changed_what_on_each_side(
    qtbot: QtBot, controller: SessionController, archive: str, db: Database, tmp_path: Path
) -> None:
    window = shown_window(qtbot, controller)
    published(qtbot, window)
    uuid = controller.document["uuid"]
    _changed_in_the_archive(archive, tmp_path, uuid)
    update_session(db=db, session_id=controller.session_id, wijk="Kaalheide-Noord")
    assert db.path is not None
    _record_change(f"sqlite:///{db.path}", uuid, "anna", "the agreements")
    _record_change(archive, uuid, "pjansen", "the participants, the votes")

    run = window.publish.publish()
    assert run is not None
    qtbot.waitUntil(lambda: run.question is not None, timeout=WAIT_MS)
    question = run.question
    assert question is not None
    here = "\n".join(label.text() for label in question.here.findChildren(QLabel))
    there = "\n".join(label.text() for label in question.there.findChildren(QLabel))
    assert here.startswith("gebruikersaccount anna heeft om ")
    assert " de afspraken gewijzigd (revisie " in here
    assert there.startswith("rol pjansen heeft om ")
    assert "de deelnemers en de stemmen gewijzigd (revisie" in there
    with qtbot.waitSignal(run.finished, timeout=WAIT_MS):
        question.reject()


def test_what_waits_is_tried_soon_after_the_app_starts(
    qtbot: QtBot,
    controller: SessionController,
    archive: str,
    db: Database,
    folder: Path,
    postgres_server: PostgresServer,
) -> None:
    """Back at the office: the first try comes shortly after the start, not after the timer's
    two minutes."""
    save_setting("team_archive", address_in(folder, archive))
    published(qtbot, shown_window(qtbot, controller))
    make_reachable(folder, postgres_server)
    start = StartWindow(db, load_library())
    qtbot.addWidget(start)
    start.show()
    with qtbot.waitSignal(start.archive.line.tried, timeout=WAIT_MS):
        start.archive.attach(first_try_ms=50)
    assert start.archive.line.timer.interval() == 2 * 60 * 1000
    assert waiting(db=db) == []
    assert not start.archive.line.isVisible()
