"""Read a file someone else made — an import, a toolkit file — without letting it hurt the app.

Only a regular file under a size limit is read: a symlink to ``/dev/zero`` would fill the memory,
a FIFO would block the read for ever, and a file of gigabytes is no file the app writes. The
checks come before the first byte is read, and the read itself never takes more than the limit.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from worksession.i18n import _

MEGABYTE = 1024 * 1024


class RefusedFile(OSError):
    """A file that is not read: not a regular file, or larger than the limit."""


def size_text(count: int) -> str:
    """A byte count as the user reads it: "10 MB", "512 kB"."""
    if count >= MEGABYTE:
        return f"{count / MEGABYTE:.0f} MB"
    return f"{max(1, round(count / 1024))} kB"


def _refuse_unless_regular(mode: int) -> None:
    if not stat.S_ISREG(mode):
        raise RefusedFile(_("not a regular file (a device, a pipe or a folder)"))


def read_limited(path: Path, limit: int) -> bytes:
    """The bytes of ``path``; ``RefusedFile`` when it is no regular file or exceeds ``limit``.

    Other ``OSError``s (missing, no permission) come through as they are."""
    _refuse_unless_regular(os.stat(path).st_mode)  # follows a symlink to what it points at
    # O_NONBLOCK: should the path become a FIFO between the stat and the open, the open does
    # not wait for a writer; the fstat below then refuses it.
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)
    descriptor = os.open(path, flags)
    with os.fdopen(descriptor, "rb") as handle:
        info = os.fstat(handle.fileno())
        _refuse_unless_regular(info.st_mode)
        too_large = RefusedFile(
            _("larger than {limit}; no file the app writes is that large").format(
                limit=size_text(limit)
            )
        )
        if info.st_size > limit:
            raise too_large
        data = handle.read(limit + 1)  # the file may have grown since the fstat
    if len(data) > limit:
        raise too_large
    return data
