"""Composition root: the one place that knows every layer; chooses the language, starts the window.

Everything with Qt is in ``worksession.ui``; ``worksession.ui.startup`` opens the database and
lists the sessions after the window has painted.
"""

from __future__ import annotations

from worksession.i18n import set_language
from worksession.ui.startup import run_window
from worksession.user.settings import chosen_language


def run_app(*, database: str | None = None, measure_startup: bool = False) -> int:
    """Open the app on ``database`` (the user's own when None); the exit code when it ends."""
    set_language(chosen_language())
    return run_window(database=database, measure_startup=measure_startup)
