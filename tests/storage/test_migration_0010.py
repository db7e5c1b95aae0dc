"""A database of schema 0009 is upgraded to hold existing offers: the stakeholders that were
there have no catalogue offers, agreements build on nothing named, participants have no "bel mij
voor" line and do not share their e-mail; the migration can be undone."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tests.storage.migrating import migrate
from worksession.storage.document import read_document
from worksession.storage.opening import open_database
from worksession.storage.operations.agreements import update_agreement
from worksession.storage.operations.sociale_kaart import update_stakeholder

SESSION = (
    "INSERT INTO work_session (id, title, wijk, gemeente, location, coach, variant, accredited, "
    "programme, programme_steps, ambition, status, created_at, updated_at) VALUES (1, 'Oud', "
    "'Kaalheide', '', '', '', 'toolkit', 1, 'p', '[]', '', 'draft', "
    "'2026-01-01 10:00:00', '2026-01-01 10:00:00')"
)
PERSON = (
    "INSERT INTO participant (id, session_id, key, position, name, organisation, role, domain, "
    "email, registration, present) VALUES (1, 1, 'p-anna', 0, 'Anna', '', 'huisarts', '', "
    "'anna@example.nl', '', 1)"
)
STAKEHOLDER = (
    "INSERT INTO stakeholder (id, session_id, key, position, name, organisation, domain, role, "
    "offer, influence, interest, present) VALUES (1, 1, 's-buurtteam', 0, 'Buurtteam', '', '', "
    "'', 'Spreekuur in het buurthuis', 3, 4, 0)"
)
AGREEMENT = (
    "INSERT INTO agreement (id, session_id, key, position, kind, what, resources, indicator, "
    "status) VALUES (1, 1, 'a-1', 0, 'agreement', 'Koffie-ochtend', '', '', 'open')"
)


def _database_of_0009(path: Path) -> None:
    migrate(path, "0009")
    with sqlite3.connect(path) as connection:
        connection.execute(SESSION)
        connection.execute(
            "INSERT INTO casus (session_id, title, text, question) VALUES (1, '', '', '')"
        )
        connection.execute("INSERT INTO follow_up (session_id, funding) VALUES (1, '')")
        for statement in (PERSON, STAKEHOLDER, AGREEMENT):
            connection.execute(statement)


def test_existing_rows_get_empty_offers_and_no_consent(tmp_path: Path) -> None:
    path = tmp_path / "0009.sqlite3"
    _database_of_0009(path)

    db = open_database(path, backup_dir=tmp_path / "backups")
    document = read_document(db=db, session_id=1)
    (person,) = document["participants"]
    assert (person["call_for"], person["share_email"]) == ("", False)
    (stakeholder,) = document["stakeholders"]
    assert stakeholder["offers"] == []
    assert stakeholder["offer"] == "Spreekuur in het buurthuis"  # the free text stays
    assert document["agreements"][0]["builds_on"] is None
    # The new columns take values at once.
    update_stakeholder(db=db, stakeholder_id=1, offers=[{"id": "buurtteam", "name": "Buurtteam"}])
    update_agreement(db=db, agreement_id=1, builds_on={"offer": None, "name": "", "text": "MDO"})
    document = read_document(db=db, session_id=1)
    assert document["stakeholders"][0]["offers"] == [{"id": "buurtteam", "name": "Buurtteam"}]
    assert document["agreements"][0]["builds_on"] == {"offer": None, "name": "", "text": "MDO"}
    db.close()
    assert len(list((tmp_path / "backups").iterdir())) == 1  # backed up before migrating

    with sqlite3.connect(path) as connection, pytest.raises(sqlite3.IntegrityError):
        connection.execute("UPDATE participant SET share_email = NULL WHERE id = 1")


def test_the_migration_can_be_undone(tmp_path: Path) -> None:
    path = tmp_path / "down.sqlite3"
    _database_of_0009(path)
    migrate(path, "0010")
    migrate(path, "0009", down=True)
    with sqlite3.connect(path) as connection:
        columns = {
            table: {row[1] for row in connection.execute(f"PRAGMA table_info({table})")}
            for table in ("participant", "stakeholder", "agreement")
        }
        offer = connection.execute("SELECT offer FROM stakeholder").fetchone()
    assert not {"call_for", "share_email"} & columns["participant"]
    assert "offers" not in columns["stakeholder"]
    assert "builds_on" not in columns["agreement"]
    assert offer == ("Spreekuur in het buurthuis",)
