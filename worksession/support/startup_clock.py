"""When this process was launched, for ``--measure-startup``: the clock every start-up figure uses.

The benchmark passes its own launch moment in ``WORKSESSION_LAUNCHED`` (seconds since the epoch),
so the app and the floor scripts are timed from the same point: before the interpreter starts.
Without it, the kernel's record of the process start is used (Linux), else this import.
"""

from __future__ import annotations

import os
import time

LAUNCH_VARIABLE = "WORKSESSION_LAUNCHED"
_IMPORTED = time.time()


def launched_at() -> float:
    """Seconds since the epoch at which this process was launched, as well as it can be known."""
    given = os.environ.get(LAUNCH_VARIABLE)
    if given:
        try:
            return float(given)
        except ValueError:
            pass
    return _process_start() or _IMPORTED


def _process_start() -> float | None:
    try:
        with open("/proc/self/stat", encoding="ascii") as stat, open("/proc/uptime") as uptime:
            # Field 22 (after the command name in parentheses): start in clock ticks since boot.
            ticks = int(stat.read().rsplit(")", 1)[1].split()[19])
            booted = time.time() - float(uptime.read().split()[0])
    except (OSError, ValueError, IndexError):
        return None
    return booted + ticks / os.sysconf("SC_CLK_TCK")


def since_launch() -> float:
    return time.time() - launched_at()
