"""The list of erased people, kept beside the database, so a restored backup loses them again.

Backups hold everyone who was in the session when they were made. When one from before an
erasure is restored, the erasure must happen again, so every erasure is noted in
``<database>.erasures`` — a file the backups never copy, readable by the user only. It holds
nothing about the person: per erasure the session (its number and creation time, so a later
session that reuses the number is not touched) and a keyed digest of the participant's key
(older keys were made from the name; the digest does not give the name back). The secret of
the digest is in the same file: it only has to keep the list from being a list of names.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import secrets
from dataclasses import dataclass
from pathlib import Path

from worksession.i18n import _
from worksession.storage.errors import StorageError
from worksession.storage.private_files import write_private

FORMAT = "worksession-erasures/1"


@dataclass(frozen=True)
class ErasedKey:
    """One erasure: the participant whose key has this digest in this session."""

    session_id: int
    session_created: str  # ISO 8601, as ``session_stamp`` writes it
    digest: str


def erasure_list_path(database: Path) -> Path:
    return database.with_name(database.name + ".erasures")


def session_stamp(created_at: dt.datetime) -> str:
    """A session's creation time as the list stores it (stored times are naive UTC)."""
    return created_at.replace(tzinfo=None).isoformat()


@dataclass(frozen=True)
class ErasureList:
    secret: str
    erased: tuple[ErasedKey, ...]

    def digest(self, key: str) -> str:
        return hmac.new(bytes.fromhex(self.secret), key.encode(), hashlib.sha256).hexdigest()

    def in_session(self, session_id: int, created_at: dt.datetime) -> set[str]:
        """The digests of the keys erased from this session."""
        stamp = session_stamp(created_at)
        return {
            entry.digest
            for entry in self.erased
            if entry.session_id == session_id and entry.session_created == stamp
        }


def read_erasure_list(database: Path) -> ErasureList:
    """The list beside ``database``; an empty one (with a new secret) when there is none yet."""
    path = erasure_list_path(database)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return ErasureList(secrets.token_hex(32), ())
    except (OSError, ValueError) as error:
        raise StorageError(
            _("{path} cannot be read: {reason}").format(path=path, reason=error)
        ) from error
    try:
        if data["format"] != FORMAT:
            raise ValueError(data["format"])
        bytes.fromhex(data["secret"])
        erased = tuple(
            ErasedKey(int(item["session"]), str(item["session_created"]), str(item["key"]))
            for item in data["erased"]
        )
    except (KeyError, TypeError, ValueError) as error:
        raise StorageError(
            _(
                "{path} is not a list of erasures of worksession. Put back your own copy of it, "
                "or move it away to go on without it (then a restored backup brings back the "
                "people erased before)."
            ).format(path=path)
        ) from error
    return ErasureList(str(data["secret"]), erased)


def note_erasure(database: Path, *, session_id: int, created_at: dt.datetime, key: str) -> None:
    """Add one erasure to the list beside ``database``; the file is replaced whole or not at all."""
    current = read_erasure_list(database)
    entry = ErasedKey(session_id, session_stamp(created_at), current.digest(key))
    if entry in current.erased:
        return
    erased = [*current.erased, entry]
    document = {
        "format": FORMAT,
        "secret": current.secret,
        "erased": [
            {"session": e.session_id, "session_created": e.session_created, "key": e.digest}
            for e in erased
        ],
    }
    path = erasure_list_path(database)
    try:
        write_private(path, (json.dumps(document, indent=1) + "\n").encode("utf-8"))
    except OSError as error:
        raise StorageError(
            _(
                "The erasure could not be noted in {path} ({reason}), so nothing was erased; "
                "check the disk and try again."
            ).format(path=path, reason=error.strerror or error)
        ) from error
