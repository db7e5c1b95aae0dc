"""A database of schema 0004 with a session in it is upgraded to referral agreements."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from alembic import command

from worksession.storage import opening
from worksession.storage.document import read_document
from worksession.storage.engine import create_db_engine, to_url
from worksession.storage.opening import open_database
from worksession.storage.operations._rows import PersonRef
from worksession.storage.operations.referrals import add_referral, list_referrals

SESSION = (
    "INSERT INTO work_session (id, title, wijk, gemeente, location, coach, variant, accredited, "
    "programme, programme_steps, ambition, status, created_at, updated_at) VALUES (1, 'Oud', "
    "'Kaalheide', '', '', '', 'toolkit', 0, 'p', '[]', '', 'signed_off', "
    "'2026-01-01 10:00:00', '2026-01-01 10:00:00')"
)


def _database_of_0004(path: Path) -> None:
    engine = create_db_engine(to_url(path))
    config = opening.alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0004")
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
            "INSERT INTO stakeholder (id, session_id, key, position, name, organisation, domain, "
            "role, offer, influence, interest, present) "
            "VALUES (1, 1, 's-welzijn', 0, 'Welzijn', '', '', '', '', 3, 3, 0)"
        )
    engine.dispose()


def test_a_0004_database_is_upgraded_and_takes_referral_agreements(tmp_path: Path) -> None:
    path = tmp_path / "0004.sqlite3"
    _database_of_0004(path)

    db = open_database(path, backup_dir=tmp_path / "backups")
    before = read_document(db=db, session_id=1)
    assert "referrals" not in before  # the session reads as it did before the upgrade
    assert [p["name"] for p in before["participants"]] == ["Anna"]
    assert list_referrals(db=db, session_id=1) == []

    add_referral(
        db=db,
        session_id=1,
        signal="Eenzaamheid",
        source=PersonRef("participant", 1),
        target=PersonRef("stakeholder", 1),
        feedback=True,
    )
    (referral,) = read_document(db=db, session_id=1)["referrals"]
    assert (referral["from"], referral["to"], referral["feedback"]) == ("p-anna", "s-welzijn", True)
    db.close()
    assert len(list((tmp_path / "backups").iterdir())) == 1  # backed up before migrating

    # The foreign keys hold in the new table: removing the person clears the link only.
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA foreign_keys = ON")
    connection.execute("DELETE FROM participant WHERE id = 1")
    connection.commit()
    row = connection.execute("SELECT signal, source_participant_id FROM referral").fetchone()
    connection.close()
    assert row == ("Eenzaamheid", None)


def test_the_migration_can_be_undone(tmp_path: Path) -> None:
    path = tmp_path / "down.sqlite3"
    _database_of_0004(path)
    open_database(path, backup_dir=tmp_path / "backups").close()
    engine = create_db_engine(to_url(path))
    config = opening.alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0004")
        tables = {
            name
            for (name,) in connection.exec_driver_sql(
                "SELECT name FROM sqlite_master WHERE type = 'table'"
            )
        }
    engine.dispose()
    assert "referral" not in tables and "participant" in tables
