"""Times stay UTC on a server whose own time zone is another one.

Two columns made by migrations (``agreement_progress.recorded_at``, ``session_origin.created_at``)
are timestamps without a zone on PostgreSQL; the server converts an aware time into them by the
connection's time zone. Every connection of the app works in UTC, so what is stored is UTC.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import create_engine
from sqlalchemy.engine import make_url
from sqlmodel import select

from tests.following import make_follow_up
from tests.postgres_server import PostgresServer
from worksession.domain.models import AgreementProgress, SessionOrigin
from worksession.storage.opening import open_database


def test_recorded_times_come_back_as_recorded_under_a_dutch_server_clock(
    postgres_server: PostgresServer,
) -> None:
    url = postgres_server.new_database()
    name = make_url(url).database
    admin = create_engine(url)
    with admin.begin() as connection:
        connection.exec_driver_sql(f"ALTER DATABASE {name} SET timezone = 'Europe/Amsterdam'")
    admin.dispose()
    db = open_database(url)
    try:
        before = dt.datetime.now(dt.UTC)
        _origin, follow_up = make_follow_up(db)
        after = dt.datetime.now(dt.UTC)
        with db.reading() as s:
            times = [row.recorded_at for row in s.exec(select(AgreementProgress)).all()]
            origin = s.get(SessionOrigin, follow_up)
            assert origin is not None
            times.append(origin.created_at)
        assert times
        for stored in times:
            assert before - dt.timedelta(seconds=1) <= stored <= after + dt.timedelta(seconds=1)
    finally:
        db.close()
        postgres_server.drop(url)
