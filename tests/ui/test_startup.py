"""Start-up: ``--measure-startup`` reports its two moments, and the start path stays light.

The window paints before the storage layer loads and the sessions are listed before the toolkit,
the PDF code or the session screens are imported (``make bench`` times it; this guards the shape).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from worksession.storage.opening import open_database
from worksession.storage.operations.sessions import create_session

HEAVY = (
    "reportlab",
    "alembic",
    "pypdf",
    "jsonschema",
    "worksession.export",
    "worksession.workflows.demo",
)
HEAVY += ("worksession.ui.session.", "worksession.domain.models", "worksession.programmes.library")
HEAVY += ("pyhanko", "asn1crypto", "cryptography", "worksession.workflows.certificates")


def _start(database: Path, *python_options: str) -> subprocess.CompletedProcess[str]:
    environment = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    command = [sys.executable, *python_options, "-m", "worksession", "--measure-startup"]
    return subprocess.run(
        [*command, "--db", str(database)],
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )


def test_measure_startup_prints_first_paint_then_ready_and_quits(tmp_path: Path) -> None:
    database = tmp_path / "ws.sqlite3"
    db = open_database(database)
    create_session(db=db, title="Kaalheide")
    db.close()
    done = _start(database)
    found = re.fullmatch(r"first_paint_s=([\d.]+) ready_s=([\d.]+)\n", done.stdout)
    assert found, done.stdout
    first_paint, ready = map(float, found.groups())
    assert 0 < first_paint <= ready


def test_nothing_heavy_is_imported_before_the_sessions_are_listed(tmp_path: Path) -> None:
    database = tmp_path / "ws.sqlite3"
    open_database(database).close()
    done = _start(database, "-X", "importtime")
    imported = {line.rsplit("|", 1)[-1].strip() for line in done.stderr.splitlines()}
    assert "worksession.storage.session_list" in imported  # the listing itself ran
    assert sorted(name for name in imported if name.startswith(HEAVY)) == []


# Each costs milliseconds to import on a slow laptop and the start window needs none of them.
NOT_BEFORE_PAINT = ("locale", "dataclasses", "datetime", "platformdirs", "sqlalchemy", "sqlmodel")
NOT_BEFORE_PAINT += ("worksession.storage", "worksession.programmes")


def test_the_window_paints_before_the_database_layers_are_imported(tmp_path: Path) -> None:
    database = tmp_path / "ws.sqlite3"
    open_database(database).close()
    done = _start(database, "-X", "importtime")
    # importtime lists a module when its import ends, so every module above the app's own line
    # was loaded before the app began to build its window.
    names = [line.rsplit("|", 1)[-1].strip() for line in done.stderr.splitlines()]
    before_window = names[: names.index("worksession.app")]
    assert sorted(name for name in before_window if name.startswith(NOT_BEFORE_PAINT)) == []


def test_the_plan_page_loads_no_signing_library_until_the_coach_signs() -> None:
    """pyHanko and its certificate libraries load when signing, not with the session window."""
    script = (
        "import sys\n"
        "import worksession.ui.session.window, worksession.ui.session.pages.plan\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in "
        "('pyhanko', 'pyhanko_certvalidator', 'asn1crypto')))\n"
    )
    environment = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-c", script], env=environment, capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "[]"
