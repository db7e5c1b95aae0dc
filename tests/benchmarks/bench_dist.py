"""The standalone build (``make dist``) beside the source run: its size and how fast it starts.

Figures without a target of their own, each next to the source run's as baseline: the folder a
coach downloads (on disk and packed as the .tar.gz a Linux download would be), first paint and
ready of ``worksession --measure-startup`` on a database of ten sessions, and one command
(``worksession-cli list``) from launch to exit. Build and source take turns, as in
``bench_startup``, so the machine's drift lands on both.
"""

from __future__ import annotations

import io
import statistics
import subprocess
import sys
import tarfile
import time
from pathlib import Path

from tests.benchmarks.bench_startup import _environment, make_databases, process_figures
from tests.benchmarks.measure import report_context

RUNS = 5
BUILD = Path(__file__).resolve().parents[2] / "dist" / "worksession"
SOURCE_BIN = Path(sys.executable).parent  # the virtualenv's installed commands


def folder_size(folder: Path) -> tuple[int, int]:
    """(bytes, files) of everything under ``folder``."""
    files = [path for path in folder.rglob("*") if path.is_file() and not path.is_symlink()]
    return sum(path.stat().st_size for path in files), len(files)


def packed_size(folder: Path) -> int:
    """Bytes of ``folder`` as a gzip-compressed tar (level 6, what a download would be)."""
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz", compresslevel=6) as archive:
        archive.add(folder, arcname=folder.name)
    return buffer.tell()


def command_seconds(command: list[str], home: Path) -> float:
    started = time.perf_counter()
    subprocess.run(command, env=_environment(home), capture_output=True, timeout=120, check=True)
    return time.perf_counter() - started


def seconds(value: float) -> str:
    return f"{value:9.2f} s "


def main(folder: Path) -> bool:
    """Print the figures; True (nothing here has a target) unless the build is missing."""
    program = BUILD / "worksession"
    if not program.is_file():
        print(f"OVER standalone build: none in {BUILD} (make bench builds it; run make dist)")
        return False
    home = folder / "home"
    ten = str(make_databases(folder)["ten"])
    size, files = folder_size(BUILD)
    venv, _ = folder_size(Path(sys.prefix))
    programs = sum(path.stat().st_size for path in BUILD.iterdir() if path.is_file())
    packed = packed_size(BUILD)
    print(
        f"    standalone build: {size / 1e6:.0f} MB on disk in {files} files "
        f"({packed / 1e6:.0f} MB as .tar.gz; the two programs {programs / 1e6:.0f} MB); "
        f"the source run's virtualenv {venv / 1e6:.0f} MB (test tools included) plus Python"
    )

    built = {"paint": [], "ready": [], "command": []}
    source = {"paint": [], "ready": [], "command": []}
    runs = (
        (built, [str(program)], [str(BUILD / "worksession-cli")]),
        (source, [str(SOURCE_BIN / "worksession")], [str(SOURCE_BIN / "worksession-cli")]),
    )
    for _ in range(RUNS):
        for figures, window, cli in runs:
            started = process_figures([*window, "--measure-startup", "--db", ten], home)
            figures["paint"].append(started["first_paint_s"])
            figures["ready"].append(started["ready_s"])
            figures["command"].append(command_seconds([*cli, "list", "--db", ten], home))
    for key, name in (
        ("paint", "build: first paint vs source, median"),
        ("ready", "build: ready (10 sessions) vs source, median"),
        ("command", "build: worksession-cli list vs source, median"),
    ):
        median_built, median_source = statistics.median(built[key]), statistics.median(source[key])
        report_context(name, median_built, median_source, seconds)
    return True
