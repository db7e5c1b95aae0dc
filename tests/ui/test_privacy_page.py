"""The Privacy page tells what an erasure does to backups, and a restore from the Back-ups
dialog keeps the erasures made after the backup."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from worksession.programmes.library import load_library
from worksession.storage.database import Database
from worksession.storage.erasures import erasure_list_path
from worksession.storage.operations.people import add_participant, list_participants
from worksession.storage.operations.privacy import erase_participant
from worksession.storage.operations.sessions import create_session
from worksession.ui.start_window import StartWindow


def test_the_privacy_page_says_a_restore_erases_again_and_where_the_list_is(
    qtbot: QtBot, db: Database
) -> None:
    assert db.path is not None
    window = StartWindow(db, load_library())
    qtbot.addWidget(window)
    text = window.show_privacy().text.toPlainText()
    assert str(erasure_list_path(db.path)) in text
    assert "opnieuw gewist" in text  # Dutch is the default language


def test_restoring_from_the_dialog_erases_again_who_was_erased_after_the_backup(
    qtbot: QtBot, db: Database
) -> None:
    session = create_session(db=db, title="Wijkgesprek")
    assert session.id is not None
    person = add_participant(db=db, session_id=session.id, name="Xandra Quirijnen")
    add_participant(db=db, session_id=session.id, name="Piet Blijft")
    window = StartWindow(db, load_library())
    qtbot.addWidget(window)
    dialog = window.show_backups()
    dialog.backup_now()
    assert person.id is not None
    erase_participant(db=db, participant_id=person.id)
    assert dialog.restore(dialog.backups[-1].path)
    names = [p.name for p in list_participants(db=db, session_id=session.id)]
    assert names == ["Piet Blijft"]
