"""What the start window does differently for a database on a PostgreSQL server.

A server database is no file: its integrity check reads the sessions back instead of checking
a file, and its backups are archives the commands make, which a dialog of files cannot list.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox, QWidget

from worksession.i18n import _

if TYPE_CHECKING:  # the start window imports this before any database is opened
    from worksession.storage.database import Database


def database_problems(db: Database) -> list[str]:
    """The full check of an SQLite file, or on a server the check of every session."""
    from worksession.storage.integrity import check_sessions, full_check

    return check_sessions(db) if db.path is None else full_check(db.path)


def explain_server_backups(parent: QWidget) -> None:
    QMessageBox.information(
        parent,
        _("Backups"),
        _(
            "This database is on a server. Make a backup of every session with "
            "'worksession backup --db URL' and restore one with "
            "'worksession restore FILE --db URL'; the server's own backups are kept "
            "by whoever runs it."
        ),
    )
