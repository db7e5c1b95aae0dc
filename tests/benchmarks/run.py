"""``make bench``: every benchmark, each figure next to its baseline measured in the same run."""

from __future__ import annotations

import os
import platform
import sys
import tempfile
from pathlib import Path

# No display needed: every window of the benchmarks is painted offscreen.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from tests.benchmarks import (
    bench_dist,
    bench_interaction,
    bench_memory,
    bench_preview,
    bench_save_and_export,
    bench_startup,
)


def main() -> int:
    print(
        f"worksession benchmarks on {platform.machine()} {platform.system()}, "
        f"Python {platform.python_version()}"
    )
    with tempfile.TemporaryDirectory() as folder:
        ok = bench_startup.main(Path(folder))
    with tempfile.TemporaryDirectory() as folder:
        ok = bench_dist.main(Path(folder)) and ok
    ok = bench_save_and_export.main() and ok
    with tempfile.TemporaryDirectory() as folder:
        ok = bench_interaction.main(Path(folder)) and ok
    with tempfile.TemporaryDirectory() as folder:
        ok = bench_preview.main(Path(folder)) and ok
    with tempfile.TemporaryDirectory() as folder:
        ok = bench_memory.main(Path(folder)) and ok
    print("all targets met" if ok else "some targets are not met (see OVER above)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
