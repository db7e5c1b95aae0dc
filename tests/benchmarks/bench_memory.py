"""Memory: peak resident memory of a full demo walk plus export vs a bare PySide6 window: ≤ 3.0×.

Each runs as its own process (``demo_walk`` and ``floors/bare_window.py``) and reports its peak
resident set (``VmHWM``); the median of three runs each. Two more lines explain the figure: the
peak of the ready floor (PySide6 and sqlmodel listing the sessions, the stack the app is built
on, before any code of ours) against the same bare window, and the walk against that floor; and
the memory after the session window closed against the moment before.
"""

from __future__ import annotations

import statistics
import sys
from pathlib import Path

from tests.benchmarks.bench_startup import FLOORS, make_databases, process_figures
from tests.benchmarks.measure import megabytes, report, report_context

RUNS = 3
TARGET = 3.0  # the walk's peak at most this many times the bare window's


def _peak(command: list[str], home: Path) -> float:
    return process_figures(command, home)["peak_rss_kb"]


def main(folder: Path) -> bool:
    home = folder / "home"
    bare = [sys.executable, str(FLOORS / "bare_window.py")]
    (folder / "databases").mkdir()
    ten = make_databases(folder / "databases")["ten"]
    listed = [sys.executable, str(FLOORS / "listed_window.py"), str(ten)]
    floor = statistics.median(_peak(bare, home) for _ in range(RUNS))
    stack = statistics.median(_peak(listed, home) for _ in range(RUNS))
    walks = []
    for run in range(RUNS):
        walk = folder / f"walk-{run}"
        walk.mkdir()
        command = [sys.executable, "-m", "tests.benchmarks.demo_walk", str(walk)]
        walks.append(process_figures(command, home))
    peak = statistics.median(walk["peak_rss_kb"] for walk in walks)
    ok = report("memory: demo walk + export, peak RSS", peak, floor, TARGET, megabytes)
    report_context("memory: the stack alone (ready floor), peak RSS", stack, floor, megabytes)
    report_context("memory: demo walk + export vs the stack alone", peak, stack, megabytes)
    # What closing the session window gives back: its preview, the fonts, the dictionary.
    report_context(
        "memory: after the session window closed, RSS",
        statistics.median(walk["closed_rss_kb"] for walk in walks),
        statistics.median(walk["open_rss_kb"] for walk in walks),
        megabytes,
    )
    return ok
