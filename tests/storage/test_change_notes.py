"""Every change leaves on its session who made it and what it changed, in a coach's words; a
change made from a view another coach made stale is refused with those words.

On both engines: on SQLite the writer is this computer's account, on the server the role the
connection logged in with (``postgres`` here; a coach's own role in the server tests below).
"""

from __future__ import annotations

import datetime as dt
import getpass
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import text

from tests.coach_roles import coach_url
from worksession.domain.models import Participant
from worksession.i18n import set_language
from worksession.storage.change_notes import MANY, words_for
from worksession.storage.change_said import describe
from worksession.storage.changes import ChangeWatch
from worksession.storage.database import Database
from worksession.storage.operations._rows import PersonRef
from worksession.storage.operations.agreements import add_agreement
from worksession.storage.operations.casus import update_casus
from worksession.storage.operations.people import add_participant
from worksession.storage.operations.removal import remove_with_snapshot, restore_snapshot
from worksession.storage.operations.sessions import create_session, update_session
from worksession.storage.operations.themes import add_theme
from worksession.storage.seen import SessionView, StaleView, made_from, stamp_of

ROOT = Path(__file__).resolve().parents[2]


def _note(db: Database, session_id: int) -> tuple[str, str, int]:
    with db.reading() as s:
        row = (
            s.connection()
            .execute(
                text("SELECT changed_by, last_change, revision FROM work_session WHERE id = :id"),
                {"id": session_id},
            )
            .one()
        )
    return str(row.changed_by), str(row.last_change), int(row.revision)


def _another_program_adds_a_participant(where: str, session_id: int) -> None:
    writer = subprocess.run(
        [sys.executable, "-m", "tests.storage.writer_process", "write", where, str(session_id),
         "1", "Anna"],
        cwd=ROOT, capture_output=True, text=True, check=True, timeout=60,
    )  # fmt: skip
    assert writer.stdout.splitlines()[-1] == "0", writer.stdout


def _writer(db: Database) -> str:
    return "postgres" if db.path is None else getpass.getuser()


def test_each_change_names_its_writer_and_the_part_it_changed(db: Database) -> None:
    session_id = create_session(db=db, title="Wijk Noord").id
    assert session_id is not None
    update_session(db=db, session_id=session_id, location="Buurthuis De Linde")
    assert _note(db, session_id)[:2] == (_writer(db), "the session details")

    participant = add_participant(db=db, session_id=session_id, name="Anouk de Vries")
    assert _note(db, session_id)[:2] == (_writer(db), "the participants")

    theme = add_theme(db=db, session_id=session_id, title="Eenzaamheid")
    assert _note(db, session_id)[1] == "the themes"
    add_agreement(
        db=db, session_id=session_id, what="Wegwijzer bij de huisartsen", theme_id=theme.id,
        lead=PersonRef("participant", participant.id or 0),
    )  # fmt: skip
    assert _note(db, session_id)[1] == "the agreements"

    update_casus(db=db, session_id=session_id, title="Mevrouw Jansen")
    assert _note(db, session_id)[1] == "the casus"


def test_a_removal_and_its_undo_name_what_they_changed(db: Database) -> None:
    session_id = create_session(db=db, title="Wijk Noord").id
    assert session_id is not None
    participant = add_participant(db=db, session_id=session_id, name="Bram Jansen")
    update_session(db=db, session_id=session_id, location="Wijkcentrum")
    snapshot = remove_with_snapshot(db=db, model=Participant, row_id=participant.id or 0)
    assert _note(db, session_id)[1] == "the participants"
    update_session(db=db, session_id=session_id, location="Buurthuis")
    restore_snapshot(db=db, snapshot=snapshot)  # plain INSERTs, not the ORM: seen as well
    assert _note(db, session_id)[1] == "the participants"


def test_a_change_from_a_stale_view_is_refused_naming_who_what_and_the_revision(
    db: Database,
) -> None:
    session_id = create_session(db=db, title="Wijk Noord").id
    assert session_id is not None
    with db.reading() as s:
        view = SessionView(session_id, stamp_of(s, session_id))
    if db.path is None:  # another coach, with a role of their own
        other = coach_url(db.url, "anna", name="Anna de Vries")
        who = "Anna de Vries (rol anna)"
    else:  # another program on this laptop
        other = str(db.path)
        who = f"gebruikersaccount {getpass.getuser()}"
    _another_program_adds_a_participant(other, session_id)
    revision = _note(db, session_id)[2]

    with made_from(view), pytest.raises(StaleView) as refused:
        update_session(db=db, session_id=session_id, location="Buurthuis De Linde")
    message = str(refused.value)
    assert message.startswith(f"{who} heeft om ")
    assert f"de deelnemers gewijzigd (revisie {revision});" in message
    assert "het venster toont nu wat er is opgeslagen" in message
    with db.reading() as s:
        location = (
            s.connection()
            .execute(text("SELECT location FROM work_session WHERE id = :id"), {"id": session_id})
            .scalar()
        )
    assert location != "Buurthuis De Linde"  # nothing stored


def test_the_words_are_translated_when_shown() -> None:
    assert words_for({"agreement", "agreement_partner", "vote_mark"}) == (
        "the votes, the agreements"
    )
    assert describe("the votes, the agreements") == "de stemmen en de afspraken"
    assert describe("the casus") == "de casus"
    assert words_for({"participant", "stakeholder", "theme", "agreement"}) == MANY
    assert describe(words_for(set())) == "de sessie"
    set_language("en")
    assert describe("the votes, the agreements") == "the votes and the agreements"


def test_the_watch_sees_a_change_stamped_by_a_laptop_clock_that_runs_behind(
    db: Database,
) -> None:
    session_id = create_session(db=db, title="Wijk Noord").id
    later = create_session(db=db, title="Wijk Zuid").id  # its stamp is the latest of all
    update_session(db=db, session_id=later or 0, location="Buurthuis")
    watch = ChangeWatch(db)
    try:
        assert not watch.changed()
        # Another coach's change to Wijk Noord, stamped by a clock that runs behind: the latest
        # stamp (Wijk Zuid's) stays as it was; the revision moves, as with every change.
        with db.engine.begin() as connection:
            connection.execute(
                text(
                    "UPDATE work_session SET updated_at = :earlier, location = 'Wijkcentrum', "
                    "revision = revision + 1 WHERE id = :id"
                ),
                {"earlier": dt.datetime(2020, 1, 1, tzinfo=dt.UTC), "id": session_id},
            )
        assert watch.changed()
    finally:
        watch.close()


def test_a_change_on_another_day_is_dated_and_an_unnoted_one_is_another_programs(
    db: Database,
) -> None:
    session_id = create_session(db=db, title="Wijk Noord").id
    assert session_id is not None
    with db.reading() as s:
        view = SessionView(session_id, stamp_of(s, session_id))
    earlier = dt.datetime(2026, 3, 12, 12, 30, tzinfo=dt.UTC)
    change = text(
        "UPDATE work_session SET updated_at = :at, changed_by = :who, last_change = :what, "
        "revision = revision + 1 WHERE id = :id"
    )
    with db.engine.begin() as connection:  # as another program stamped it, months ago
        connection.execute(
            change, {"at": earlier, "who": "anna", "what": "the votes", "id": session_id}
        )
    with made_from(view), pytest.raises(StaleView) as refused:
        update_session(db=db, session_id=session_id, location="Buurthuis")
    dated = earlier.astimezone().strftime("%d-%m-%Y %H:%M")
    assert f"om {dated} de stemmen gewijzigd (revisie 2)" in str(refused.value)

    with db.reading() as s:
        view = SessionView(session_id, stamp_of(s, session_id))
    with db.engine.begin() as connection:  # noted by no one: said as before this note existed
        moved = {"at": dt.datetime.now(dt.UTC), "who": "", "what": "", "id": session_id}
        connection.execute(change, moved)
    with made_from(view), pytest.raises(StaleView) as refused:
        update_session(db=db, session_id=session_id, location="Buurthuis")
    assert str(refused.value).startswith("een ander programma heeft deze sessie zojuist gewijzigd;")
