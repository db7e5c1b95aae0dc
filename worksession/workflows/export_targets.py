"""Where an export may be written: never over a file the app owns, nor over a device or pipe.

Every export (the plan PDF, the JSON document, a programme overview, a signed plan) is written
by replacing its target, so a target that is the database, one of SQLite's companion files, a
backup or anything in the app's own folders would be destroyed, and a device node or FIFO
replaced by a plain file. The command line and the app ask here before they render anything.

Paths are compared after resolving symlinks (a link to the database *is* the database) and,
for files that exist, by device and inode as well, which also catches a hard link.
"""

from __future__ import annotations

import errno
import gc
import os
import stat
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from worksession.i18n import _
from worksession.support.files import atomic_write_bytes
from worksession.user.locations import data_dir, user_config_dir

# The files SQLite keeps beside a database while it is in use or recovering.
DATABASE_COMPANIONS = ("-wal", "-shm", "-journal")


class RefusedTarget(ValueError):
    """An export target that must not be written; the message names the path."""


def check_export_target(path: Path, *, database: Path | None) -> None:
    """Raise :class:`RefusedTarget` when ``path`` must not be replaced by an export.

    ``database`` is the SQLite file in use (``None`` for a server database); its folder's
    ``backups/``, the data folder and the config folder count as the app's own in any case.
    """
    target = _real(path)
    status = _status(target)
    if status is not None and not stat.S_ISREG(status.st_mode):
        raise RefusedTarget(
            _(
                "{path}: this is not a regular file (a folder, device or pipe); choose a file"
            ).format(path=path)
        )
    if database is not None:
        # Here, not at the top: the command line's catalogue commands never load the storage.
        from worksession.storage.backups import default_backup_dir

        real_database = _real(database)
        own = [
            _real(named.with_name(named.name + end))
            for named in (Path(database), real_database)
            for end in DATABASE_COMPANIONS
        ]
        if target == real_database or _same_file(status, real_database):
            raise RefusedTarget(
                _("{path}: this is the database; choose another file").format(path=path)
            )
        if target in own or any(_same_file(status, companion) for companion in own):
            raise RefusedTarget(
                _("{path}: this is a working file of the database; choose another file").format(
                    path=path
                )
            )
        # Backups sit beside the database as it was named, which may be a link to it.
        backups = {_real(default_backup_dir(Path(database))), default_backup_dir(real_database)}
        if any(target.is_relative_to(folder) for folder in backups):
            raise RefusedTarget(
                _("{path}: this is in the backups folder; choose another folder").format(path=path)
            )
    for folder in (data_dir(), Path(user_config_dir())):
        if target.is_relative_to(_real(folder)):
            raise RefusedTarget(
                _("{path}: this is in the app's own folder; choose another folder").format(
                    path=path
                )
            )


def write_export(path: Path, data: bytes, *, database: Path | None) -> None:
    """Check ``path`` once more (it may have changed since it was chosen), then write it
    atomically. Every export is written through here."""
    check_export_target(path, database=database)
    atomic_write_bytes(path, data)


def spreadsheet_made(make: Callable[[], bytes]) -> bytes:
    """The bytes ``make`` makes with openpyxl; a full disk meanwhile is an ``OSError``.

    openpyxl writes each sheet to a temporary file before it zips them, and lxml reports a
    failed write there as its own ``SerialisationError`` ("IO_ENOSPC"), which is no
    ``OSError``: it would end the command with a traceback instead of the file's name."""
    try:
        return make()
    except OSError:
        raise
    except Exception as error:
        if not _serialisation_error(error):
            raise
        reason = str(error)
    # Out of the handler the failed writer is free: collect it now, since closing it writes
    # and fails again, which Python would otherwise print as a traceback at exit.
    _collect_quietly()
    raise OSError(
        errno.ENOSPC,
        _("no room for the spreadsheet's temporary files ({reason})").format(reason=reason),
    )


def _serialisation_error(error: BaseException | None) -> bool:
    return type(error).__name__ == "SerialisationError"


def _collect_quietly() -> None:
    """Collect garbage, passing on every unraisable error but the writer's own."""
    passed_on = sys.unraisablehook

    def hook(unraisable: Any) -> None:
        if not _serialisation_error(unraisable.exc_value):
            passed_on(unraisable)

    sys.unraisablehook = hook
    try:
        gc.collect()
    finally:
        sys.unraisablehook = passed_on


def _real(path: Path) -> Path:
    """The absolute path with every symlink resolved, as far as it exists."""
    return Path(os.path.realpath(path))  # as the write will see it: no ~ expansion


def _status(path: Path) -> os.stat_result | None:
    try:
        return path.stat()
    except OSError:
        return None  # not there yet (or unreadable): the write itself will say why


def _same_file(status: os.stat_result | None, other: Path) -> bool:
    """Whether an existing target is ``other`` by another name (a hard link)."""
    if status is None:
        return False
    other_status = _status(other)
    return other_status is not None and (status.st_dev, status.st_ino) == (
        other_status.st_dev,
        other_status.st_ino,
    )
