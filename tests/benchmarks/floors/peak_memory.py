"""The peak resident memory of this process, in kilobytes.

``VmHWM`` from ``/proc/self/status``: unlike ``ru_maxrss`` it starts afresh at ``exec``, so a
process started from a large one (the benchmark runner) does not inherit the runner's peak.
"""


def peak_rss_kb() -> int:
    return _status_kb("VmHWM")


def rss_kb() -> int:
    """The resident memory of this process now (``VmRSS``), in kilobytes."""
    return _status_kb("VmRSS")


def _status_kb(field: str) -> int:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith(f"{field}:"):
                return int(line.split()[1])
    raise RuntimeError(f"no {field} in /proc/self/status (Linux only)")
