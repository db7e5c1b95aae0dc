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
