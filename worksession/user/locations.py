"""Where the app keeps its data: one place decides, every entry point asks here."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "worksession"
DATABASE_ENV = "WORKSESSION_DB"
DATABASE_FILE = "worksession.sqlite3"


def data_dir() -> Path:
    """The user's private data folder (created 0700 where the platform supports it)."""
    import platformdirs  # not at import: the error report imports this before the first paint

    folder = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    return folder


def database_location(explicit: str | None = None) -> str:
    """``--db`` if given, else ``$WORKSESSION_DB``, else the database in the data folder."""
    if explicit:
        return explicit
    from_env = os.environ.get(DATABASE_ENV)
    if from_env:
        return from_env
    return str(data_dir() / DATABASE_FILE)
