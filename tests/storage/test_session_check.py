"""The check of what the sessions hold (``check-db`` on a server), on both engines."""

from __future__ import annotations

from sqlalchemy import text

from tests.following import sign_off
from worksession.i18n import set_language
from worksession.programmes.library import load_library
from worksession.storage.database import Database
from worksession.storage.integrity import check_sessions
from worksession.workflows.demo import create_demo_session


def test_a_frozen_version_changed_behind_the_apps_back_is_named(db: Database) -> None:
    set_language("en")
    session = create_demo_session(db=db, library=load_library())
    assert session.id is not None
    sign_off(db, session.id)
    assert check_sessions(db) == []
    with db.engine.begin() as connection:  # as someone editing the table by hand would
        connection.execute(
            text("UPDATE plan_version SET snapshot = replace(snapshot, 'Kaalheide', 'Kaalheid')")
        )
    assert check_sessions(db) == [
        f"session {session.id}: plan version 1 does not match its fingerprint"
    ]
