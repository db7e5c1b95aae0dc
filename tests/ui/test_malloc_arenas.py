"""With the UI loaded, a worker thread allocates from the same glibc arena as the GUI thread:
what it frees (a plan drawn, a page rasterised) serves the window afterwards.

Run in a fresh process each: the arena limit and the arenas made are for the whole process."""

from __future__ import annotations

import os
import platform
import re
import subprocess
import sys

import pytest

# A worker thread allocates a megabyte in blocks malloc serves (not pymalloc); then glibc's
# malloc_stats() lists the arenas on stderr, one "Arena N:" each.
_THREAD_ALLOCATES = """
import ctypes, sys, threading
if sys.argv[1] == "ui":
    import worksession.ui
def work():
    kept = [bytearray(4096) for _ in range(256)]
thread = threading.Thread(target=work)
thread.start()
thread.join()
ctypes.CDLL(None).malloc_stats()
"""

glibc = pytest.mark.skipif(
    platform.libc_ver()[0] != "glibc", reason="the arena limit is glibc's (elsewhere a no-op)"
)


def _arenas(*argument: str) -> int:
    environment = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    environment.pop("MALLOC_ARENA_MAX", None)
    done = subprocess.run(
        [sys.executable, "-c", _THREAD_ALLOCATES, *argument],
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    )
    return len(re.findall(r"^Arena \d+:", done.stderr, re.MULTILINE))


@glibc
def test_a_worker_thread_allocates_from_the_gui_threads_arena() -> None:
    assert _arenas("plain") == 2  # without the UI: the thread got an arena of its own
    assert _arenas("ui") == 1
