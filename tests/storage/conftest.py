"""The storage tests run on both engines: ``db`` is an SQLite file and a PostgreSQL database."""

from __future__ import annotations

import pytest

from worksession.storage.database import Database


@pytest.fixture
def db(db_on_each_engine: Database) -> Database:
    return db_on_each_engine
