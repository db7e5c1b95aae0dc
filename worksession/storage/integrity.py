"""Integrity of a database: SQLite's quick and full checks of a file, read-only; on a server,
a check of what the sessions hold (``check_sessions``).

What follows from a damaged file (setting it aside, offering a backup) is in ``recovery``.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path

from worksession.i18n import _
from worksession.storage.database import Database
from worksession.storage.engine import read_only_uri


def _run(path: Path, pragma: str) -> list[str]:
    wal = path.with_name(path.name + "-wal")
    connection = sqlite3.connect(read_only_uri(path, immutable=not wal.exists()), uri=True)
    try:
        rows = connection.execute(pragma).fetchall()
    finally:
        connection.close()
    return [" ".join(str(cell) for cell in row) for row in rows]


def quick_check(path: Path) -> list[str]:
    """What SQLite's quick check reports; empty when the file is fine."""
    try:
        result = _run(path, "PRAGMA quick_check")
    except sqlite3.DatabaseError as error:
        return [str(error)]
    return [] if result == ["ok"] else result


def full_check(path: Path) -> list[str]:
    """The full integrity check and the foreign key check; empty when both are clean."""
    try:
        problems = _run(path, "PRAGMA integrity_check")
        problems = [] if problems == ["ok"] else problems
        links = _run(path, "PRAGMA foreign_key_check")
    except sqlite3.DatabaseError as error:
        return [str(error)]
    return problems + [_("broken link: {row}").format(row=row) for row in links]


def check_sessions(db: Database) -> list[str]:
    """What the integrity check is on a server, which keeps its own files whole: every session
    reads back as a document an import accepts, and every frozen plan version still matches
    its fingerprint, and every table has the row-level security that keeps teams apart. Empty
    when all is well."""
    from sqlmodel import col, select

    from worksession.domain.interchange import InterchangeError, parse_document
    from worksession.domain.models import PlanVersion, WorkSession
    from worksession.storage.document import read_document_in

    problems = []
    with db.reading() as s:
        for session_id in s.exec(select(WorkSession.id).order_by(col(WorkSession.id))).all():
            assert session_id is not None
            try:
                parse_document(json.dumps(read_document_in(s, session_id)))
            except InterchangeError as error:
                problems.append(_("session {id}: {problem}").format(id=session_id, problem=error))
        for version in s.exec(select(PlanVersion).order_by(col(PlanVersion.id))).all():
            if hashlib.sha256(version.snapshot.encode("utf-8")).hexdigest() != version.sha256:
                problems.append(
                    _("session {id}: plan version {number} does not match its fingerprint").format(
                        id=version.session_id, number=version.number
                    )
                )
        if db.engine.dialect.name == "postgresql":  # the rules that keep teams apart
            from worksession.storage.teams import row_security_problems

            problems += row_security_problems(s.connection())
    return problems
