"""A database of schema 0005 with a signed-off session is upgraded to the progress log, keeps
its status, and takes progress entries; the migration can be undone."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from alembic import command

from worksession.storage import opening
from worksession.storage.engine import create_db_engine, to_url
from worksession.storage.opening import open_database
from worksession.storage.operations.progress import current_statuses, record_progress
from worksession.storage.operations.sessions import get_session

SESSION = (
    "INSERT INTO work_session (id, title, wijk, gemeente, date, location, coach, variant, "
    "accredited, programme, programme_steps, ambition, status, created_at, updated_at) VALUES "
    "(1, 'Oud', 'Kaalheide', '', '2026-03-12', '', '', 'toolkit', 0, 'p', '[]', '', "
    "'signed_off', '2026-03-12 10:00:00', '2026-03-12 10:00:00')"
)


def _database_of_0005(path: Path) -> None:
    engine = create_db_engine(to_url(path))
    config = opening.alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0005")
        connection.exec_driver_sql(SESSION)
        connection.exec_driver_sql(
            "INSERT INTO casus (session_id, title, text, question) VALUES (1, '', '', '')"
        )
        connection.exec_driver_sql("INSERT INTO follow_up (session_id, funding) VALUES (1, '')")
        connection.exec_driver_sql(
            "INSERT INTO participant (id, session_id, key, position, name, organisation, role, "
            "domain, email, registration, present) "
            "VALUES (1, 1, 'p-anna', 0, 'Anna', '', 'huisarts', '', '', '', 1)"
        )
        connection.exec_driver_sql(
            "INSERT INTO agreement (id, session_id, key, position, kind, what, due, resources, "
            "indicator, status) VALUES (1, 1, 'a-loket', 0, 'agreement', 'Eén loket', "
            "'2026-06-01', '', '', 'open')"
        )
    engine.dispose()


def test_a_0005_database_is_upgraded_and_takes_progress(tmp_path: Path) -> None:
    path = tmp_path / "0005.sqlite3"
    _database_of_0005(path)

    db = open_database(path, backup_dir=tmp_path / "backups")
    assert current_statuses(db=db, session_id=1) == {"a-loket": "open"}
    record_progress(db=db, session_id=1, agreement_key="a-loket", status="in_progress",
                    on="2026-05-01", reported_by="anna")  # fmt: skip
    assert current_statuses(db=db, session_id=1) == {"a-loket": "in_progress"}
    assert get_session(db=db, session_id=1).status == "signed_off"
    db.close()
    assert len(list((tmp_path / "backups").iterdir())) == 1  # backed up before migrating

    # The foreign keys hold in the new table: removing the agreement or the person clears the
    # link only; deleting the session removes the log.
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA foreign_keys = ON")
    connection.execute("DELETE FROM agreement WHERE id = 1")
    connection.execute("DELETE FROM participant WHERE id = 1")
    row = connection.execute(
        "SELECT agreement_key, agreement_id, reported_by, reporter_participant_id "
        "FROM agreement_progress"
    ).fetchone()
    assert row == ("a-loket", None, "Anna", None)
    connection.execute("DELETE FROM work_session WHERE id = 1")
    assert connection.execute("SELECT count(*) FROM agreement_progress").fetchone() == (0,)
    connection.commit()
    connection.close()


def test_the_migration_can_be_undone(tmp_path: Path) -> None:
    path = tmp_path / "down.sqlite3"
    _database_of_0005(path)
    open_database(path, backup_dir=tmp_path / "backups").close()
    engine = create_db_engine(to_url(path))
    config = opening.alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0005")
        tables = {
            name
            for (name,) in connection.exec_driver_sql(
                "SELECT name FROM sqlite_master WHERE type = 'table'"
            )
        }
    engine.dispose()
    assert "agreement_progress" not in tables and "agreement" in tables
