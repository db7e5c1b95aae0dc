"""Files the storage layer creates are private (0600) from their first byte, and temporaries a
killed run left behind are removed.

The mode is given to ``os.open`` rather than set afterwards with ``chmod``: between a create and
a chmod another user could open the file, and a kill in between left it readable for ever.
The process-wide umask is not changed: background threads create files too.
"""

from __future__ import annotations

import contextlib
import os
import time
from pathlib import Path

from worksession.support.files import atomic_write_bytes

PRIVATE = 0o600
# A temporary older than this belongs to a run that was killed or crashed: a live backup or
# creation of a database takes seconds, not an hour.
STALE_AFTER_S = 3600.0


def create_private(path: Path) -> None:
    """Create ``path`` as an empty file readable and writable by the user only.

    Raises ``FileExistsError`` if it exists: a temporary name must be ours alone.
    """
    os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, PRIVATE))


def write_private(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically, mode 0600: the temporary file is made private by
    ``mkstemp`` and keeps that mode through the rename."""
    atomic_write_bytes(path, data)


def remove_stale(folder: Path, pattern: str, *, now: float | None = None) -> list[Path]:
    """Delete the files in ``folder`` matching ``pattern`` older than ``STALE_AFTER_S``."""
    if not folder.is_dir():
        return []
    limit = (time.time() if now is None else now) - STALE_AFTER_S
    removed = []
    for path in folder.glob(pattern):
        with contextlib.suppress(OSError):  # gone already, or not ours to delete: leave it
            if path.is_file() and not path.is_symlink() and path.stat().st_mtime < limit:
                path.unlink()
                removed.append(path)
    return removed
