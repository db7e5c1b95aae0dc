"""Copies of an SQLite database made with SQLite's online backup API, written atomically."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sqlite3
from pathlib import Path

from worksession.storage.engine import read_only_uri
from worksession.storage.private_files import create_private


def default_backup_dir(database: Path) -> Path:
    return database.parent / "backups"


def backup_sqlite(database: Path, *, dest_dir: Path, label: str) -> Path:
    """Copy ``database`` into ``dest_dir`` as ``<stem>-<label>-<UTC time>.sqlite3`` and return it.

    The copy is written to a temporary file, checked, then renamed, so a half-written backup
    never carries the final name.
    """
    dest_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S%fZ")
    final = dest_dir / f"{database.stem}-{label}-{stamp}.sqlite3"
    temporary = final.with_suffix(".tmp")
    try:
        # Private from its first byte (names and e-mail addresses): SQLite would create it 0644.
        create_private(temporary)
        source = sqlite3.connect(read_only_uri(database), uri=True)
        try:
            target = sqlite3.connect(temporary)
            try:
                source.backup(target)
                (result,) = target.execute("PRAGMA quick_check").fetchone()
                if result != "ok":
                    raise sqlite3.DatabaseError(f"backup copy failed its check: {result}")
            finally:
                target.close()
        finally:
            source.close()
        os.replace(temporary, final)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            temporary.unlink()
        raise
    return final
