"""The ``worksession`` command's first step: open the window with as little loaded as possible.

Opening the window is the common case and its start is timed (``make bench``), so it is
recognised here by hand, without argparse or the subcommands' parser. Anything else (a command,
``--help``, a mistake) goes to ``worksession.cli``, which parses and reports it properly.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence


def window_options(argv: Sequence[str]) -> tuple[str | None, bool] | None:
    """(database, measure start-up) when ``argv`` only opens the window, else None."""
    database: str | None = None
    measure = False
    rest = list(argv)
    while rest:
        argument = rest.pop(0)
        if argument == "--measure-startup":
            measure = True
        elif argument.startswith("--db="):
            database = argument.removeprefix("--db=")
        elif argument == "--db" and rest and not rest[0].startswith("-"):
            database = rest.pop(0)
        else:
            return None  # the full parser names what is wrong or runs the command
    return database, measure


def main(argv: Sequence[str] | None = None) -> int:
    arguments = sys.argv[1:] if argv is None else list(argv)
    quick = window_options(arguments)
    if quick is not None:
        # The Qt-free modules the window needs come first: once PySide6 is loaded it reads the
        # source of every module imported after it (looking for its ``__feature__`` imports),
        # which costs about half a millisecond a module before the first paint.
        import worksession.support.startup_clock
        import worksession.user.settings  # noqa: F401 (with locations, i18n and paths)
        from worksession.app import run_app  # Qt is loaded only when the window opens

        database, measure = quick
        return run_app(database=database, measure_startup=measure)
    from worksession.cli import main as command_line

    return command_line(arguments)
