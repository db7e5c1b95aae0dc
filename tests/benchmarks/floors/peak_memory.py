"""The peak resident memory of this process, in kilobytes.

``VmHWM`` from ``/proc/self/status``: unlike ``ru_maxrss`` it starts afresh at ``exec``, so a
process started from a large one (the benchmark runner) does not inherit the runner's peak.
"""


def peak_rss_kb() -> int:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    raise RuntimeError("no VmHWM in /proc/self/status (Linux only)")
