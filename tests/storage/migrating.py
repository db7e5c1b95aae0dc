"""What the migration tests share: run the migrations up or down to a revision on an SQLite
file (or a database on the test server, by its URL), and list the file's tables."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from alembic import command

from worksession.storage import opening
from worksession.storage.engine import create_db_engine, to_url


def migrate(path: Path | str, revision: str, *, down: bool = False) -> None:
    """Upgrade (or with ``down`` downgrade) the database at ``path`` (or URL) to ``revision``."""
    engine = create_db_engine(to_url(path))
    config = opening.alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        (command.downgrade if down else command.upgrade)(config, revision)
    engine.dispose()


def tables(path: Path) -> set[str]:
    with sqlite3.connect(path) as connection:
        rows = connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        return {name for (name,) in rows}
