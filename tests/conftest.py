"""Test harness: offscreen Qt, private data folders, Dutch by default, Qt-free tests stay so."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

# Set before anything can import Qt: every test runs headless.
os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.pop("WORKSESSION_DB", None)

from hypothesis import HealthCheck, settings

from tests.postgres_server import PostgresServer, ServerUnavailable
from worksession.i18n import set_language
from worksession.storage.database import Database
from worksession.storage.opening import open_database

settings.register_profile(
    "default", deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
settings.load_profile("default")


def _qapplication_exists() -> bool:
    widgets = sys.modules.get("PySide6.QtWidgets")
    return widgets is not None and widgets.QApplication.instance() is not None


@pytest.fixture(autouse=True)
def _isolated(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test gets its own data and config folders and the default language."""
    home = tmp_path_factory.mktemp("home")
    for variable in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        monkeypatch.setenv(variable, str(home / variable.lower()))
    # The claims on databases (one app per database) live here: private, like the user's own.
    runtime = home / "run"
    runtime.mkdir(mode=0o700)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
    monkeypatch.delenv("WORKSESSION_DB", raising=False)
    set_language("nl")


@pytest.fixture(autouse=True)
def _qt_free_tests_stay_qt_free(request: pytest.FixtureRequest) -> Iterator[None]:
    """A test outside tests/ui must not create a QApplication."""
    in_ui = "ui" in Path(str(request.path)).relative_to(Path(__file__).parent).parts
    existed = _qapplication_exists()
    yield
    if not in_ui and not existed:
        assert not _qapplication_exists(), f"{request.node.nodeid} created a QApplication"


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = open_database(tmp_path / "test.sqlite3")
    yield database
    database.close()


ENGINES = ("sqlite", "postgresql")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """A test that asks for ``engine_name`` (through ``database_url``) runs on every engine,
    unless it is marked ``sqlite_only``."""
    if "engine_name" in metafunc.fixturenames:
        only_sqlite = metafunc.definition.get_closest_marker("sqlite_only") is not None
        metafunc.parametrize("engine_name", ENGINES[:1] if only_sqlite else ENGINES)


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """One throwaway PostgreSQL server for the whole run, started when a test first needs it.

    In CI (CI=true) a server that cannot start fails the tests that need it: the suite must
    prove both engines there. Elsewhere they are skipped with the reason.
    """
    try:
        import psycopg  # noqa: F401 - the driver of worksession[server]

        server = PostgresServer()
    except (ImportError, ServerUnavailable) as error:
        reason = f"no PostgreSQL server for the tests: {error}"
        if os.environ.get("CI") == "true":
            pytest.fail(reason)
        pytest.skip(reason)
    yield server
    server.stop()


@pytest.fixture
def database_url(engine_name: str, tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[str]:
    """Where a test's database is: an SQLite file, or a fresh database on the test server."""
    if engine_name == "sqlite":
        yield str(tmp_path / "test.sqlite3")
        return
    server: PostgresServer = request.getfixturevalue("postgres_server")
    url = server.new_database()
    yield url
    server.drop(url)


@pytest.fixture
def db_on_each_engine(database_url: str) -> Iterator[Database]:
    """``db`` on SQLite and on PostgreSQL: the storage and interchange tests use this one."""
    database = open_database(database_url)
    yield database
    database.close()
