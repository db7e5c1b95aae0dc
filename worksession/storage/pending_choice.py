"""The coach's pending choice after a damaged database was set aside (see ``recovery``).

A marker file beside the database names the damaged file and the backup that was offered. While
it exists the database stays refused (no new, empty database appears behind the coach's back),
the offered backup is kept by the rotation, and every start offers it again. Restoring a backup
or explicitly starting empty removes the marker.
"""

from __future__ import annotations

import contextlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

from worksession.storage.private_files import write_private


@dataclass(frozen=True)
class PendingChoice:
    set_aside: Path  # the damaged file, kept as it was
    backup: Path | None  # the backup offered for a restore, if there was one
    reason: str


def marker_path(database: Path) -> Path:
    return database.with_name(database.name + ".pending-restore.json")


def record_choice(database: Path, choice: PendingChoice) -> None:
    """Remember what was offered, so the next start offers the same again."""
    data = {
        "set_aside": str(choice.set_aside),
        "backup": None if choice.backup is None else str(choice.backup),
        "reason": choice.reason,
    }
    write_private(marker_path(database), json.dumps(data, indent=1).encode("utf-8"))


def pending_choice(database: Path) -> PendingChoice | None:
    """The choice still to be made for ``database``; None when there is none."""
    marker = marker_path(database)
    try:
        data = json.loads(marker.read_text(encoding="utf-8"))
        backup = data.get("backup")
        return PendingChoice(
            set_aside=Path(str(data["set_aside"])),
            backup=None if backup is None else Path(str(backup)),
            reason=str(data.get("reason", "")),
        )
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        # A marker we cannot read still means the coach has not chosen: keep refusing.
        return PendingChoice(set_aside=marker, backup=None, reason="")


def clear_choice(database: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        os.unlink(marker_path(database))


def protected_backups(database: Path) -> set[Path]:
    """Backups the rotation must keep: the one offered for a restore not yet chosen."""
    choice = pending_choice(database)
    if choice is None or choice.backup is None:
        return set()
    return {choice.backup}
