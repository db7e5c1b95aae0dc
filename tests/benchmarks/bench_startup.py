"""Start-up budgets, each against a floor script run the same way on the same database.

- First paint of the installed command ``worksession --measure-startup`` vs a bare PySide6
  window: ≤ 1.2×.
- Ready (sessions listed, taking input) vs PySide6 + sqlmodel listing the table: ≤ 1.15×.
- Ready with an archive of 1,000 sessions vs an empty database: ≤ 1.3×.
- Nothing heavy on the start path: the modules loaded by the time the app is ready, from
  ``python -X importtime``, include no PDF code, reportlab, Alembic, models or session screens.

Every process is launched with ``WORKSESSION_LAUNCHED`` set just before it starts, so all figures
include the interpreter's own start, and with private XDG folders so nothing of the user is read.
The package is byte-compiled first, as an installed copy is: timing the compiler is not timing
the start.
"""

from __future__ import annotations

import compileall
import os
import re
import sqlite3
import statistics
import subprocess
import sys
import time
from pathlib import Path

from tests.benchmarks.measure import report
from tests.ui.test_startup import HEAVY as HEAVY_MODULES
from worksession.domain.models.work_session import new_uuid
from worksession.programmes.library import load_library
from worksession.storage.document import import_document
from worksession.storage.opening import open_database
from worksession.workflows.demo import demo_document

RUNS = 11
STARTS = ("ten", "empty", "archive")  # the databases each round starts the app on
FLOORS = Path(__file__).resolve().parent / "floors"
PACKAGE = Path(__file__).resolve().parents[2] / "worksession"
# The installed command, as a coach starts it: ``python -m worksession`` would add runpy's own
# imports (a few milliseconds) that the command does not have.
COMMAND = Path(sys.executable).with_name("worksession")
APP = [str(COMMAND), "--measure-startup", "--db"]


def _environment(home: Path) -> dict[str, str]:
    environment = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    environment.pop("PYTHONDONTWRITEBYTECODE", None)
    for variable in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        environment[variable] = str(home / variable.lower())
    environment.pop("WORKSESSION_DB", None)
    return environment


def process_figures(command: list[str], home: Path) -> dict[str, float]:
    """Run ``command`` as the app would be started and read the ``name=value`` it prints."""
    environment = _environment(home)
    environment["WORKSESSION_LAUNCHED"] = repr(time.time())
    done = subprocess.run(
        command,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return {key: float(value) for key, value in re.findall(r"(\w+)=([\d.]+)", done.stdout)}


def make_databases(folder: Path) -> dict[str, Path]:
    """An empty database, one with ten example sessions, and an archive of 1,000 sessions."""
    library = load_library()
    document = demo_document(library)
    paths = {name: folder / f"{name}.sqlite3" for name in ("empty", "ten", "archive")}
    for name, path in paths.items():
        db = open_database(path)
        for _ in range({"empty": 0, "ten": 10, "archive": 40}[name]):
            import_document(db=db, document=document)
        db.close()
    # The rest of the archive as copies of the session rows: the start window lists sessions,
    # and importing 1,000 full sessions would take a minute of the benchmark.
    archive = sqlite3.connect(paths["archive"])
    columns = [
        row[1] for row in archive.execute("PRAGMA table_info(work_session)") if row[1] != "id"
    ]
    listed = ", ".join(columns)
    # Each copy is a session of its own: a title of its own and an identity of its own.
    archive.create_function("new_uuid", 0, new_uuid)
    made = {"title": "title || ' ' || abs(random() % 1000)", "uuid": "new_uuid()"}
    copied = ", ".join(made.get(column, column) for column in columns)
    with archive:
        for _ in range(24):  # 40 more each time
            archive.execute(
                f"INSERT INTO work_session ({listed}) "
                f"SELECT {copied} FROM work_session ORDER BY id LIMIT 40"
            )
    assert archive.execute("SELECT count(*) FROM work_session").fetchone()[0] == 1000
    archive.close()
    return paths


def start_path_modules(database: Path, home: Path) -> list[str]:
    """The heavy modules imported by the time the app reports ready."""
    environment = _environment(home)
    environment["WORKSESSION_LAUNCHED"] = repr(time.time())
    done = subprocess.run(
        [sys.executable, "-X", "importtime", *APP, str(database)],
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    imported = {line.rsplit("|", 1)[-1].strip() for line in done.stderr.splitlines()}
    return sorted(m for m in imported if m.startswith(HEAVY_MODULES))


def main(folder: Path) -> bool:
    home = folder / "home"
    compileall.compile_dir(PACKAGE, quiet=1)
    paths = make_databases(folder)
    ten = str(paths["ten"])
    python = [sys.executable]
    bare = [*python, str(FLOORS / "bare_window.py")]
    listed = [*python, str(FLOORS / "listed_window.py"), ten]
    # Floors and app take turns: on a shared machine the speed drifts over a minute, and
    # measuring all floors first and the app after would put the drift into the ratio. The
    # window paints before any database is opened, so every app start (ten sessions, empty,
    # archive) is a sample of first paint; the bare window runs before each of the three
    # starts so both sides have as many samples and the same neighbours.
    floors: list[float] = []
    floors_ready: list[float] = []
    paints: list[float] = []
    readies: dict[str, list[float]] = {name: [] for name in STARTS}
    for _ in range(RUNS):
        for name in STARTS:
            floors.append(process_figures(bare, home)["first_paint_s"])
            if name == "ten":
                floors_ready.append(process_figures(listed, home)["ready_s"])
            started = process_figures([*APP, str(paths[name])], home)
            paints.append(started["first_paint_s"])
            readies[name].append(started["ready_s"])
    paint_floor, ready_floor = statistics.median(floors), statistics.median(floors_ready)
    first_paint = statistics.median(paints)
    ready, empty, archive = (statistics.median(readies[name]) for name in STARTS)
    results = [
        report("start-up: first paint, median", first_paint, paint_floor, 1.2),
        report("start-up: ready (10 sessions), median", ready, ready_floor, 1.15),
        report("scale: ready with 1,000 sessions vs empty", archive, empty, 1.3),
    ]
    heavy = start_path_modules(paths["ten"], home)
    mark = "ok " if not heavy else "OVER"
    named = ", ".join(heavy) or "none of " + ", ".join(HEAVY_MODULES)
    print(f"{mark} start path free of heavy imports: {named}")
    return all(results) and not heavy
