"""Memory: peak resident memory of a full demo walk plus export vs a bare PySide6 window: ≤ 2.0×.

Both run as their own process (``demo_walk`` and ``floors/bare_window.py``) and report their peak
resident set (``ru_maxrss``); the median of three runs each.
"""

from __future__ import annotations

import statistics
import sys
from pathlib import Path

from tests.benchmarks.bench_startup import FLOORS, process_figures
from tests.benchmarks.measure import megabytes, report

RUNS = 3


def main(folder: Path) -> bool:
    home = folder / "home"
    floor = statistics.median(
        process_figures([sys.executable, str(FLOORS / "bare_window.py")], home)["peak_rss_kb"]
        for _ in range(RUNS)
    )
    walks = []
    for run in range(RUNS):
        walk = folder / f"walk-{run}"
        walk.mkdir()
        command = [sys.executable, "-m", "tests.benchmarks.demo_walk", str(walk)]
        walks.append(process_figures(command, home)["peak_rss_kb"])
    peak = statistics.median(walks)
    return report("memory: demo walk + export, peak RSS", peak, floor, 2.0, megabytes)
