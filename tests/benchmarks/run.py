"""``make bench``: every benchmark, each figure next to its baseline measured in the same run."""

from __future__ import annotations

import platform
import sys

from tests.benchmarks import bench_save_and_export


def main() -> int:
    print(
        f"worksession benchmarks on {platform.machine()} {platform.system()}, "
        f"Python {platform.python_version()}"
    )
    ok = bench_save_and_export.main()
    print("all targets met" if ok else "some targets are not met (see OVER above)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
