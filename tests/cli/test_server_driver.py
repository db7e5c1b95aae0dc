"""A PostgreSQL URL without its driver: one line naming what to install, exit 2, no traceback.

The driver is installed here (the storage tests use it), so each case runs in a Python of its
own in which importing psycopg fails, as it does where ``worksession[server]`` is not installed.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
URL = "postgresql://coach@db.example.org/team"
WITHOUT_PSYCOPG = (
    "import sys; sys.modules['psycopg'] = None; "  # what Python does for a module it cannot import
    "from worksession.launch import main; sys.exit(main(sys.argv[1:]))"
)


def _run(*argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", WITHOUT_PSYCOPG, *argv],
        capture_output=True, text=True, cwd=ROOT, timeout=120,
        env={"PATH": "/usr/bin:/bin", "QT_QPA_PLATFORM": "offscreen", "LANGUAGE": "en"},
    )  # fmt: skip


@pytest.mark.parametrize(
    "argv",
    [["--db", URL, "list"], ["--db", URL, "demo"], ["--db", URL]],
    ids=["list", "demo", "app"],
)
def test_without_the_driver_one_line_says_what_to_install(argv: list[str]) -> None:
    done = _run(*argv)
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1
    assert "pip install 'worksession[server]'" in lines[0]
    assert "postgresql+psycopg://coach@db.example.org/team" in lines[0]  # the URL it was about


def test_another_missing_driver_is_named_too(capsys: pytest.CaptureFixture[str]) -> None:
    from worksession.cli import main

    # psycopg2 is not what the extra brings and is not installed: named, not a traceback.
    assert main(["--db", "postgresql+psycopg2://coach@db.example.org/team", "list"]) == 2
    err = capsys.readouterr().err.strip()
    assert "psycopg2" in err and "pip install psycopg2" in err and "\n" not in err


def test_a_password_is_never_shown(capsys: pytest.CaptureFixture[str]) -> None:
    from worksession.cli import main

    assert main(["--db", "postgresql+psycopg2://coach:geheim@db.example.org/team", "list"]) == 2
    err = capsys.readouterr().err
    assert "geheim" not in err and "coach:***@" in err
