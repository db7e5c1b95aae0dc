"""Composition root: the one place that knows every layer; chooses the language, starts the window.

Everything with Qt is in ``worksession.ui``; ``worksession.ui.startup`` opens the database and
lists the sessions after the window has painted.
"""

from __future__ import annotations

import sys

from worksession.i18n import set_language
from worksession.support.line_output import one_line
from worksession.ui.startup import run_window
from worksession.user.locations import database_location
from worksession.user.settings import chosen_language

EXIT_BAD_INPUT = 2


def run_app(*, database: str | None = None, measure_startup: bool = False) -> int:
    """Open the app on ``database`` (the user's own when None); the exit code when it ends."""
    set_language(chosen_language())
    location = database_location(database)
    if "://" in location:  # a plain path is SQLite, whose driver Python brings
        # Imported only then: SQLAlchemy is not needed before the window first paints.
        from worksession.storage.server import missing_driver, server_url

        # A server database without its driver: one line saying what to install, no window.
        missing = missing_driver(server_url(location))
        if missing is not None:
            print(one_line(f"worksession: {missing}"), file=sys.stderr)
            return EXIT_BAD_INPUT
    return run_window(database=database, measure_startup=measure_startup)
