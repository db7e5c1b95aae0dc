"""A database of schema 0003 with a session in it is upgraded to vote rounds and step timings."""

from __future__ import annotations

from pathlib import Path

from alembic import command

from worksession.storage import opening
from worksession.storage.document import read_document
from worksession.storage.engine import create_db_engine, to_url
from worksession.storage.opening import open_database
from worksession.storage.operations.sessions import get_session
from worksession.storage.operations.themes import list_themes
from worksession.storage.operations.timing import record_step_time, session_schedule
from worksession.storage.operations.vote_count import vote_overview
from worksession.storage.operations.voting import add_ballot, set_vote_settings

STEPS = '[{"id": "prioriteren", "title": "Prioriteren", "kind": "prioritising", "minutes": 20}]'


def test_a_0003_database_with_votes_is_upgraded_and_keeps_them(tmp_path: Path) -> None:
    path = tmp_path / "0003.sqlite3"
    engine = create_db_engine(to_url(path))
    config = opening.alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0003")
        connection.exec_driver_sql(
            "INSERT INTO work_session (id, title, wijk, gemeente, location, coach, variant, "
            "accredited, programme, programme_steps, ambition, status, created_at, updated_at) "
            "VALUES (1, 'Oud', '', '', '', '', 'toolkit', 0, 'p', ?, '', 'draft', "
            "'2026-01-01 10:00:00', '2026-01-01 10:00:00')",
            (STEPS,),
        )
        connection.exec_driver_sql(
            "INSERT INTO casus (session_id, title, text, question) VALUES (1, '', '', '')"
        )
        connection.exec_driver_sql("INSERT INTO follow_up (session_id, funding) VALUES (1, '')")
        for theme_id, key, votes, rank in ((1, "t-a", 9, 1), (2, "t-b", 4, 2)):
            connection.exec_driver_sql(
                "INSERT INTO theme (id, session_id, key, position, title, target_group, why, "
                "votes, rank, priority) VALUES (?, 1, ?, ?, ?, '', '', ?, ?, 0)",
                (theme_id, key, theme_id, key.upper(), votes, rank),
            )
        connection.exec_driver_sql(
            "INSERT INTO participant (id, session_id, key, position, name, organisation, role, "
            "domain, email, registration, present) "
            "VALUES (1, 1, 'p-anna', 0, 'Anna', '', '', '', '', '', 1)"
        )
    engine.dispose()

    db = open_database(path, backup_dir=tmp_path / "backups")
    assert get_session(db=db, session_id=1).start_time is None
    assert [(t.votes, t.rank) for t in list_themes(db=db, session_id=1)] == [(9, 1), (4, 2)]
    overview = vote_overview(db=db, session_id=1)
    assert (overview.settings.mode, overview.settings.entry) == ("dots", "totals")
    document = read_document(db=db, session_id=1)
    assert "voting" not in document and "schedule" not in document  # as before the upgrade

    set_vote_settings(db=db, session_id=1, entry="ballots", per_person=3)
    add_ballot(db=db, session_id=1, participant_id=1, counts={2: 3})
    assert [(t.votes, t.rank) for t in list_themes(db=db, session_id=1)] == [(0, 2), (3, 1)]
    record_step_time(db=db, session_id=1, step_id="prioriteren", actual_seconds=1500)
    assert session_schedule(db=db, session_id=1).overrun_seconds == 5 * 60
    db.close()
    assert len(list((tmp_path / "backups").iterdir())) == 1
