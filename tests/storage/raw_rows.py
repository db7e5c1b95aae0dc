"""Read a table as another program would: a connection of its own, past the operations.

Works on every engine, so a test that checks what is stored runs on SQLite and PostgreSQL.
"""

from __future__ import annotations

from worksession.storage.database import Database
from worksession.storage.engine import create_db_engine, to_url


def raw_rows(db: Database | str, sql: str) -> list[tuple[object, ...]]:
    """The rows ``sql`` reads from ``db`` (open, or a path or URL) through a new connection."""
    engine = create_db_engine(db.url if isinstance(db, Database) else to_url(db))
    try:
        with engine.connect() as connection:
            return [tuple(row) for row in connection.exec_driver_sql(sql)]
    finally:
        engine.dispose()
