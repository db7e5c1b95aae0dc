"""Small timing helpers for the benchmarks: repeat, take percentiles, report against a baseline."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable


def timings(action: Callable[[], object], runs: int) -> list[float]:
    """Seconds each run of ``action`` took."""
    results = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        results.append(time.perf_counter() - start)
    return results


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(share * (len(ordered) - 1))))
    return ordered[index]


def median(values: list[float]) -> float:
    return statistics.median(values)


def milliseconds(seconds: float) -> str:
    return f"{seconds * 1000:9.2f} ms"


def megabytes(kilobytes: float) -> str:
    return f"{kilobytes / 1024:9.1f} MB"


def report(
    name: str,
    value: float,
    baseline: float,
    target: float,
    shown: Callable[[float], str] = milliseconds,
) -> bool:
    """Print one figure next to its baseline as a ratio; True when the ratio meets the target."""
    ratio = value / baseline if baseline else float("inf")
    ok = ratio <= target
    mark = "ok " if ok else "OVER"
    print(
        f"{mark} {name:<46} {shown(value)}  baseline {shown(baseline)}"
        f"  ratio {ratio:5.2f}  (target ≤ {target})"
    )
    return ok


def report_context(
    name: str, value: float, baseline: float, shown: Callable[[float], str] = milliseconds
) -> None:
    """Print a figure that explains another one (no target of its own), with its ratio."""
    ratio = value / baseline if baseline else float("inf")
    print(f"    {name:<46} {shown(value)}  baseline {shown(baseline)}  ratio {ratio:5.2f}")


def report_limit(name: str, value: float, limit: float) -> bool:
    """Print one figure against an absolute limit (a frame, say); True when within it."""
    ok = value <= limit
    mark = "ok " if ok else "OVER"
    print(f"{mark} {name:<46} {milliseconds(value)}  limit    {milliseconds(limit)}")
    return ok
