"""Times are instants on a server whose own time zone is another one than UTC.

Every time column is a timestamp with a zone on PostgreSQL (migration 0013 made the last two),
so the app leaves the connection's time zone alone: a server set to Dutch time, or a URL that
asks for a zone of its own (``options=-c timezone=…``), stores and reads the same instants.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from urllib.parse import quote

import pytest
from sqlalchemy import create_engine
from sqlalchemy.engine import make_url
from sqlmodel import select

from tests.following import make_follow_up
from tests.postgres_server import PostgresServer
from worksession.domain.models import AgreementProgress, SessionOrigin
from worksession.storage.database import Database
from worksession.storage.opening import open_database

DUTCH = "Europe/Amsterdam"


@pytest.fixture
def dutch_server(postgres_server: PostgresServer) -> Iterator[str]:
    """A database whose server clock (the default for every connection) is Dutch time."""
    url = postgres_server.new_database()
    admin = create_engine(url)
    with admin.begin() as connection:
        connection.exec_driver_sql(
            f"ALTER DATABASE {make_url(url).database} SET timezone = '{DUTCH}'"
        )
    admin.dispose()
    yield url
    postgres_server.drop(url)


def _zone(db: Database) -> str:
    with db.engine.connect() as connection:
        return str(connection.exec_driver_sql("SHOW timezone").scalar())


def _times(db: Database, follow_up: int) -> list[dt.datetime]:
    """Every progress entry's and the follow-up origin's time, in a fixed order."""
    with db.reading() as s:
        rows = s.exec(select(AgreementProgress).order_by(AgreementProgress.id)).all()
        times = [row.recorded_at for row in rows]
        origin = s.get(SessionOrigin, follow_up)
        assert origin is not None
        return [*times, origin.created_at]


def _assert_between(times: list[dt.datetime], before: dt.datetime, after: dt.datetime) -> None:
    assert len(times) > 3  # progress entries (at least the three reports) and the origin
    for stored in times:
        assert stored.utcoffset() == dt.timedelta(0)
        assert before - dt.timedelta(seconds=1) <= stored <= after + dt.timedelta(seconds=1)


def test_recorded_times_are_the_instants_recorded_under_a_dutch_server_clock(
    dutch_server: str,
) -> None:
    db = open_database(dutch_server)
    try:
        assert _zone(db) == DUTCH  # the app no longer forces its connections to UTC
        before = dt.datetime.now(dt.UTC)
        _origin, follow_up = make_follow_up(db)
        after = dt.datetime.now(dt.UTC)
        times = _times(db, follow_up)
    finally:
        db.close()
    _assert_between(times, before, after)
    # Read through a connection in UTC: the same instants, not an hour or two apart.
    in_utc = open_database(dutch_server + "&options=" + quote("-c timezone=UTC"))
    try:
        assert _zone(in_utc) == "UTC"
        assert _times(in_utc, follow_up) == times
    finally:
        in_utc.close()


def test_a_urls_own_options_are_kept(dutch_server: str) -> None:
    tokyo = open_database(dutch_server + "&options=" + quote("-c timezone=Asia/Tokyo"))
    try:
        assert _zone(tokyo) == "Asia/Tokyo"  # the user's choice, not overridden
        before = dt.datetime.now(dt.UTC)
        _origin, follow_up = make_follow_up(tokyo)
        after = dt.datetime.now(dt.UTC)
        written = _times(tokyo, follow_up)
    finally:
        tokyo.close()
    _assert_between(written, before, after)
    dutch = open_database(dutch_server)
    try:
        assert _times(dutch, follow_up) == written
    finally:
        dutch.close()
