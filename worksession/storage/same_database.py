"""Whether two opened databases are one and the same, however their URLs were written.

A team archive that is the laptop's own database (the same file, or the same database on the
same server under another role) would sync a session with itself: a conflict with itself, an
"overwrite" that rewrites it and counts a revision every time. Such an archive is refused.
"""

from __future__ import annotations

from worksession.i18n import _
from worksession.storage.database import Database
from worksession.storage.errors import StorageError
from worksession.storage.server import where


def _place(db: Database) -> tuple[object, ...]:
    if db.path is not None:
        return ("file", db.path.resolve())
    url = db.engine.url
    return ("server", url.host, url.port, url.database, tuple(sorted(url.query.items())))


def refuse_itself(db: Database, archive: Database, address: str) -> None:
    """Refuse (nothing written) when ``archive`` is the database ``db`` itself."""
    if _place(db) == _place(archive):
        raise StorageError(
            _("--archive: the team archive {url} is this database itself").format(
                url=where(address)
            )
        )
