"""On PostgreSQL every database is made by the migrations: they must build what the models say.

(On SQLite a new database is made from the models, and ``test_schema_from_models`` keeps the two
equal there.) Types are compared too: every time is a timestamp with a zone, as the models say.
"""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlmodel import SQLModel

import worksession.domain.models  # noqa: F401 - registers the tables on SQLModel.metadata
from tests.postgres_server import PostgresServer
from worksession.storage.opening import open_database


def test_the_migrations_build_the_models_tables_on_postgresql(
    postgres_server: PostgresServer,
) -> None:
    url = postgres_server.empty_database()
    db = open_database(url)  # every migration, from the first
    try:
        with db.engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={"compare_type": True})
            differences = compare_metadata(context, SQLModel.metadata)
    finally:
        db.close()
        postgres_server.drop(url)
    assert differences == []
