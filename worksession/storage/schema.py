"""A new database's schema, made from the table models and stamped at the head revision.

Running every migration on a new, empty database gives the same tables as making them from the
models (a test compares the two schemas in ``sqlite_master``), but needs Alembic, which costs
about 17 MB and a noticeable import. So an empty database gets its tables from the models, our
application id and the ``alembic_version`` table Alembic would have written, holding the head
revision; later migrations run on it as on any other database.
"""

from __future__ import annotations

from sqlalchemy import Connection, text

from worksession.storage.revisions import HEAD_REVISION

# Alembic's own table, as Alembic creates it on SQLite (the test compares the two).
VERSION_TABLE = (
    "CREATE TABLE alembic_version (\n"
    "\tversion_num VARCHAR(32) NOT NULL, \n"
    "\tCONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)\n"
    ")"
)


def is_empty(connection: Connection) -> bool:
    """Whether the database holds no table, index or view at all."""
    count: int = connection.exec_driver_sql("SELECT count(*) FROM sqlite_master").scalar_one()
    return count == 0


def create_schema(connection: Connection, *, application_id: int) -> None:
    """Make every table of the models in the empty database on ``connection`` and stamp it at
    the head revision, in the transaction the caller began."""
    from sqlmodel import SQLModel  # the models only when a database is made

    import worksession.domain.models  # noqa: F401 - registers the tables on SQLModel.metadata

    # An integer by type, so the text put in the pragma can only be a number.
    connection.exec_driver_sql(f"PRAGMA application_id = {int(application_id)}")
    SQLModel.metadata.create_all(connection)
    connection.exec_driver_sql(VERSION_TABLE)
    connection.execute(
        text("INSERT INTO alembic_version (version_num) VALUES (:head)"), {"head": HEAD_REVISION}
    )
