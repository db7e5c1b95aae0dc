"""The real-window tier: the app in a real X server with a window manager, driven by real keys.

One Xvfb per screen layout for the whole run (started when a test first needs it), one app per
test (killed and reaped after it, its log printed when the test failed). A machine without the
X programs says so in the summary; with ``CI=true`` that is a failure, never a skip.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Generator, Iterator
from pathlib import Path

import pytest

from tests.realwindow.xsession import (
    BEAMER,
    LAPTOP,
    App,
    Display,
    Launch,
    Rect,
    missing_tools,
    start_app,
    start_display,
)
from worksession.programmes.library import load_library
from worksession.storage.opening import open_database
from worksession.workflows.demo import create_demo_session

LAYOUTS: dict[str, tuple[Rect, ...]] = {
    "laptop": (LAPTOP,),  # the coach presents from the laptop alone
    "laptop_1366": (Rect(0, 0, 1366, 768),),  # the other common small laptop screen
    "beamer": (LAPTOP, BEAMER),  # the laptop with a beamer beside it
    "full_hd": (Rect(0, 0, 1920, 1080),),
}

_not_run: list[str] = []


def _in_ci() -> bool:
    return os.environ.get("CI", "").lower() in ("1", "true", "yes")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.path)).parents:
            item.add_marker(pytest.mark.realwindow)


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    """Keep each phase's report on the test, for the fixture that prints the app's output."""
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if _not_run:
        terminalreporter.section("REAL-WINDOW TIER NOT RUN", sep="!", red=True, bold=True)
        for line in sorted(set(_not_run)):
            terminalreporter.write_line(line, red=True, bold=True)


@pytest.fixture(scope="session")
def x_programs() -> None:
    """The X programs the tier needs are here; otherwise skip loudly, or fail in CI."""
    missing = missing_tools()
    if not missing:
        return
    message = (
        "the real-window tests cannot run: missing "
        + ", ".join(missing)
        + " — install them (.ci/run does) to test focus, screens and window sizes"
    )
    _not_run.append(message)
    if _in_ci():
        pytest.fail(f"CI=true and {message}", pytrace=False)
    pytest.skip(message)


@pytest.fixture(scope="session")
def displays(x_programs: None) -> Iterator[Callable[[str], Display]]:
    """``displays(layout)``: the running X server of that layout (see ``LAYOUTS``)."""
    started: dict[str, Display] = {}
    logs = Path(tempfile.mkdtemp(prefix="worksession-x-"))

    def display(layout: str) -> Display:
        if layout not in started:
            with (logs / f"{layout}.log").open("ab") as log:
                started[layout] = start_display(LAYOUTS[layout], log)
        return started[layout]

    yield display
    for running in started.values():
        running.stop()


@pytest.fixture
def demo_database(tmp_path: Path) -> tuple[Path, str]:
    """A database holding the demo session, closed again; (its path, the session's title)."""
    path = tmp_path / "werksessie.sqlite3"
    db = open_database(path)
    try:
        session = create_demo_session(db=db, library=load_library())
        title = session.title
    finally:
        db.close()
    return path, title


@pytest.fixture
def launch(
    request: pytest.FixtureRequest, tmp_path: Path, displays: Callable[[str], Display]
) -> Iterator[Launch]:
    """``launch(layout, database)``: the app started on that layout's display, stopped after
    the test; its output is printed when the test failed. Each start has its own data and
    config folders unless ``home`` names the folder of an earlier start."""
    apps: list[App] = []

    def start(layout: str, database: Path, home: Path | None = None) -> App:
        if home is None:
            home = tmp_path / f"home-{len(apps)}"
            home.mkdir()
        app = start_app(displays(layout), database, home)
        apps.append(app)
        return app

    yield start
    for app in apps:
        app.stop()
    report = getattr(request.node, "report_call", None)
    if report is not None and report.failed:
        for app in apps:
            print(f"--- output of the app (exit code {app.process.returncode}) ---\n{app.log()}")
