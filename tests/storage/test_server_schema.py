"""On PostgreSQL every database is made by the migrations: they must build what the models say.

(On SQLite a new database is made from the models, and ``test_schema_from_models`` keeps the two
equal there.) Known and allowed: two columns the migrations made without a time zone, which the
app's connections in UTC make harmless (``test_server_time_zone``); changing them is a migration.
"""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlmodel import SQLModel

import worksession.domain.models  # noqa: F401 - registers the tables on SQLModel.metadata
from tests.postgres_server import PostgresServer
from worksession.storage.opening import open_database

ZONELESS = {("agreement_progress", "recorded_at"), ("session_origin", "created_at")}


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
    unexpected = []
    for difference in differences:
        # A column's change is a list of (kind, schema, table, column, …) tuples.
        change = difference[0] if isinstance(difference, list) else difference
        if change[0] == "modify_type" and (change[2], change[3]) in ZONELESS:
            continue
        unexpected.append(difference)
    assert unexpected == []
