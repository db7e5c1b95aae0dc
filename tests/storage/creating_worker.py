"""Creates new databases one after another until it is killed (for the creation kill test).

Run as ``python -m tests.storage.creating_worker FOLDER``: prints ``ready`` once imported, then
creates ``FOLDER/db0.sqlite3``, ``db1.sqlite3``, … and prints each name when it is complete.
"""

from __future__ import annotations

import sys
from pathlib import Path


def main(folder: Path) -> None:
    from worksession.storage.opening import open_database

    print("ready", flush=True)
    for number in range(10_000):
        open_database(folder / f"db{number}.sqlite3").close()
        print(f"db{number}.sqlite3", flush=True)


if __name__ == "__main__":
    main(Path(sys.argv[1]))
