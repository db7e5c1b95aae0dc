"""What is particular to a database on a PostgreSQL server: its driver, URL, reach, tables, lock.

SQLite's counterparts live beside it (``engine``: pragmas and ``BEGIN IMMEDIATE``; ``identity``:
the file header and application id; ``integrity``, ``checkpoint``, ``backups``). Everything the
storage does that differs per engine and is not a plain SQLAlchemy statement is here or there,
so a later engine-specific feature (revisions per session, row-level security) has one home.
"""

from __future__ import annotations

import importlib.util
from typing import TYPE_CHECKING

from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from worksession.i18n import _
from worksession.storage.errors import DatabaseRefused, StorageError

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection, Engine

SERVER_EXTRA = "pip install 'worksession[server]'"
# The driver each URL scheme needs: the module to import and what to install for it.
_DRIVERS = {"psycopg": ("psycopg", SERVER_EXTRA)}
# psycopg 3 is the driver we ship and test; SQLAlchemy's default for a bare postgresql:// is
# psycopg2, which we do not ship.
_BARE_SCHEMES = ("postgresql://", "postgres://")
SERVER_DRIVER = "postgresql+psycopg://"

# Every write transaction takes this transaction-level advisory lock first, so writers take
# turns on the server as they do on an SQLite file (BEGIN IMMEDIATE): a change checks what the
# window saw (``seen``) and writes without another writer in between.
WRITE_LOCK_KEY = 0x57534553  # "WSES", the number SQLite files carry as application id
OUR_TABLES = frozenset({"alembic_version", "work_session"})


class MissingDriver(StorageError):
    """The database URL needs a driver that is not installed."""


def server_url(text: str) -> str:
    """``postgresql://…`` and ``postgres://…`` become psycopg 3 URLs; others stay as given."""
    for scheme in _BARE_SCHEMES:
        if text.startswith(scheme):
            return SERVER_DRIVER + text[len(scheme) :]
    return text


def is_server(url: str) -> bool:
    """Whether ``url`` names a database on a PostgreSQL server."""
    try:
        return make_url(url).get_backend_name() == "postgresql"
    except ArgumentError:
        return False


def where(url: str) -> str:
    """The URL as it may be shown: without its password."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url


def missing_driver(url: str) -> str | None:
    """One line naming what to install when ``url`` needs a driver that is absent, else None."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        return None
    if parsed.get_backend_name() != "postgresql":
        return None
    driver = parsed.get_driver_name()
    module, install = _DRIVERS.get(driver, (driver, f"pip install {driver}"))
    if _importable(module):
        return None
    return _(
        "{url} is a PostgreSQL database and needs the {driver} driver, which is not installed: "
        "{install}"
    ).format(url=where(url), driver=driver, install=install)


def _importable(module: str) -> bool:
    try:
        return importlib.util.find_spec(module) is not None
    except (ImportError, ValueError):  # blocked (None in sys.modules) or a broken package
        return False


def require_driver(url: str) -> None:
    """Raise ``MissingDriver`` (one line saying what to install) when the driver is absent."""
    message = missing_driver(url)
    if message is not None:
        raise MissingDriver(message)


def server_connect_args(url: str, team: str | None = None) -> dict[str, str]:
    """What a server connection is opened with beyond its URL: the team the coach chose for new
    sessions (``teams``), added to the URL's own ``options=`` (which stay as given)."""
    if not team or not is_server(url):
        return {}
    from worksession.storage.teams import team_option

    own = make_url(url).query.get("options", "")
    own_text = " ".join(own) if isinstance(own, tuple) else own
    return {"options": f"{own_text} {team_option(team)}".strip()}


def _reason(error: BaseException) -> str:
    """The server's own words, without the driver's "connection failed:" and socket details."""
    orig = getattr(error, "orig", None) or error
    lines = [line.strip() for line in str(orig).splitlines() if line.strip()]
    # libpq: 'connection failed: connection to server at "…", port 1 failed: Connection
    # refused' then a hint line; the words after the last "failed:" are the reason.
    text = lines[0].rsplit("failed:", 1)[-1].strip() if lines else ""
    return text.removeprefix("FATAL:").strip() or type(orig).__name__


def unreachable(url: str, error: BaseException) -> StorageError:
    """One line for a server that cannot be reached or refuses the role or password."""
    return StorageError(
        _("cannot connect to the PostgreSQL server for {url}: {reason}").format(
            url=where(url), reason=_reason(error)
        )
    )


def inspect_server(engine: Engine, url: str) -> None:
    """Connect once; refuse a database that holds tables of another application.

    Raises ``StorageError`` (one line) when the server cannot be reached, and
    ``DatabaseRefused`` for a database that is neither empty nor ours. Nothing is written.
    """
    from sqlalchemy import inspect
    from sqlalchemy.exc import DBAPIError

    try:
        with engine.connect() as connection:
            tables = set(inspect(connection).get_table_names())
    except DBAPIError as error:
        raise unreachable(url, error) from error
    if tables and not tables >= OUR_TABLES:
        raise DatabaseRefused(
            _(
                "{url} holds tables of another application, not of worksession; "
                "give worksession a database of its own (nothing was changed)."
            ).format(url=where(url))
        )


def begin_writing(connection: Connection, wait_ms: int) -> None:
    """Wait at most ``wait_ms`` for the write lock, then hold it until the transaction ends."""
    # SET LOCAL lasts as long as the transaction; a lock not had in time raises
    # LockNotAvailable, which the window keeps and retries like SQLite's "database is locked".
    connection.exec_driver_sql(f"SET LOCAL lock_timeout = {int(wait_ms)}")
    connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({WRITE_LOCK_KEY})")


_OWNS_TABLES = text(
    "SELECT pg_has_role(current_user, relowner, 'USAGE') FROM pg_class "
    "WHERE oid = to_regclass('work_session')"
)
_MAY_CREATE = text("SELECT has_schema_privilege(current_schema(), 'CREATE')")


def refuse_migrating_as_coach(
    connection: Connection, url: str, current: str | None, head: str
) -> None:
    """Raise ``DatabaseRefused`` when the role may not migrate: it does not own the tables, or
    (for a database without them) may not make tables.

    On a team's server the administrator owns the tables and runs the migrations; a coach's
    role (row-level security applies to it) cannot, and is told so instead of failing halfway.
    """
    if current is None:
        if connection.execute(_MAY_CREATE).scalar() is False:
            raise DatabaseRefused(
                _(
                    "{url} has no worksession tables yet and your database role may not make "
                    "them: the administrator opens it once first (nothing was changed)."
                ).format(url=where(url))
            )
        return
    if connection.execute(_OWNS_TABLES).scalar() is False:
        raise DatabaseRefused(
            _(
                "{url} holds schema {current} and this version of worksession needs {head}; only "
                "the role that owns its tables (the administrator) can upgrade it: ask them to "
                "open it once with this version (nothing was changed)."
            ).format(url=where(url), current=current, head=head)
        )
