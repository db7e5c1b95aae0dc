"""Plans drawn from four threads at once are byte for byte the plans drawn one by one.

reportlab's defaults (invariant mode, the base font), its font registry and the hyphenation
dictionary are one per process; ``render_plan`` draws under one lock. Without that lock this run
(60 plans from a cold start) found one to three plans differing in each of six tries.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
THREADS = 4
ROUNDS = 5  # each thread draws each of the three plans this many times


def test_four_threads_draw_the_bytes_one_thread_draws_and_each_plan_verifies() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "tests.export.render_threads", str(THREADS), str(ROUNDS)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["errors"] == []
    assert report["renders"] == THREADS * ROUNDS * 3
    assert report["differing"] == []
    assert report["verdicts"] == {"corpus": "OK", "en": "OK", "nl": "OK"}
