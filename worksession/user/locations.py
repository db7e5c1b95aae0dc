"""Where the user's files live: one module decides, every layer and entry point asks here.

The data folder holds the database (unless ``--db`` or ``$WORKSESSION_DB`` names another;
its backups sit beside it), the coach's certificates, the error log and the coach's own toolkit
files; the config folder holds the settings and the window state; the runtime folder holds the
one-app claim's lock file and socket (``ui/database_claim.py``), which last only while the app
runs.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "worksession"
DATABASE_ENV = "WORKSESSION_DB"
DATABASE_FILE = "worksession.sqlite3"
TEAM_ENV = "WORKSESSION_TEAM"
XDG_PLATFORMS = ("linux", "freebsd", "openbsd", "netbsd")


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


def team_choice(explicit: str | None = None) -> str | None:
    """``--team`` if given, else ``$WORKSESSION_TEAM``: the team a coach's new sessions get on a
    server where the coach is in several; None leaves it to the server (the only team)."""
    return explicit or os.environ.get(TEAM_ENV) or None


def user_config_dir() -> str:
    """The user's config folder for the app, as platformdirs gives it.

    On Linux and the BSDs that is the XDG rule, followed here directly: this runs before the
    first paint and importing platformdirs costs it ~8 ms. A test keeps the two equal; anything
    unusual (another system, a relative home folder) is left to platformdirs."""
    if sys.platform.startswith(XDG_PLATFORMS) and "ANDROID_DATA" not in os.environ:
        base = os.environ.get("XDG_CONFIG_HOME", "")
        if not os.path.isabs(base):
            base = os.path.expanduser("~/.config")
        if os.path.isabs(base):
            return os.path.join(base, APP_NAME)
    import platformdirs

    return platformdirs.user_config_dir(APP_NAME, appauthor=False)


def config_dir() -> Path:
    """The user's private config folder (created 0700 where the platform supports it)."""
    folder = Path(user_config_dir())
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    return folder


def runtime_dir(platform_folder: str) -> Path:
    """The user's private runtime folder: the platform's (Qt finds it: ``$XDG_RUNTIME_DIR``, else
    one it makes 0700) when it gives one, else a folder in the user's cache; created 0700."""
    folder = Path(platform_folder) if platform_folder else Path.home() / ".cache" / APP_NAME
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    return folder
