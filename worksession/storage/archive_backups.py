"""Backups of a server database: every session in one archive file, and a restore from it.

A database on a PostgreSQL server is no file the app can copy, so ``worksession backup`` writes
an archive (a zip) instead. For each session it holds the ``worksession/1`` document
(``sessions/<n>.json``, which ``worksession import`` also reads on its own) and what a document
leaves out but a signed plan needs to stay verifiable: every frozen plan version exactly as
frozen (snapshot and fingerprint), every decision on it with its time, method and comment, the
session's status, which archived session it follows up and, on a server, its team's name
(``sessions/<n>.plan.json``).
``manifest.json`` names the format and the sessions in order.

A restore checks the whole archive first (each document as an import does, each version
against its fingerprint), keeps the database's current state as an archive, then replaces
every session in one transaction: a bad archive changes nothing.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import delete
from sqlalchemy.engine import make_url
from sqlmodel import Session, col, select

from worksession.domain.interchange import Document, InterchangeError, parse_document
from worksession.domain.models import PlanVersion, SessionOrigin, SignOff, WorkSession
from worksession.domain.values import SessionStatus
from worksession.i18n import _
from worksession.storage.backups import Backup, keep
from worksession.storage.database import Database
from worksession.storage.document import import_document_in, read_document_in
from worksession.storage.errors import StorageError
from worksession.storage.private_files import create_private
from worksession.storage.teams import belong_to, chosen_team, team_name

FORMAT = "worksession-archive/1"
SUFFIX = ".zip"
MANIFEST = "manifest.json"
MAX_ENTRY_BYTES = 64 * 1024 * 1024  # a zip bomb is refused, not unpacked into memory
_STAMP = re.compile(r"-(?P<label>[A-Za-z0-9_.-]+?)-(?P<stamp>\d{8}T\d{12}Z)\.zip$")
_DECISIONS = {"agreed", "changes"}
_METHODS = {"session", "email"}


@dataclass(frozen=True)
class ArchivedSession:
    """One session as the archive holds it, checked."""

    number: int  # its id in the database it was archived from
    document: Document
    plan: dict[str, Any]  # status, origin, versions with their decisions


def archive_stem(url: str) -> str:
    """The archives' file-name stem: the database's name (a file's stem), safe in a file name
    and without ``-``, which separates the stem from the label and time."""
    name = Path(make_url(url).database or "database").stem or "database"
    return re.sub(r"[^A-Za-z0-9_.]", "_", name)


def _json(value: object) -> bytes:
    return (json.dumps(value, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _time(value: dt.datetime) -> str:
    aware = value if value.tzinfo is not None else value.replace(tzinfo=dt.UTC)
    return aware.astimezone(dt.UTC).isoformat()


def plan_part(s: Session, session: WorkSession) -> dict[str, Any]:
    origin = s.get(SessionOrigin, session.id)
    versions = s.exec(
        select(PlanVersion)
        .where(PlanVersion.session_id == session.id)
        .order_by(col(PlanVersion.number))
    ).all()
    return {
        "status": session.status,
        "created_at": _time(session.created_at),
        "follows_up": None if origin is None else origin.origin_session_id,
        "team": team_name(s, session.team_id),  # on a server; restored into the same team
        "versions": [
            {
                "number": version.number,
                "created_at": _time(version.created_at),
                "sha256": version.sha256,
                "snapshot": version.snapshot,
                "decisions": [
                    {
                        "participant_key": sign_off.participant_key,
                        "participant_name": sign_off.participant_name,
                        "decision": sign_off.decision,
                        "comment": sign_off.comment,
                        "method": sign_off.method,
                        "decided_at": _time(sign_off.decided_at),
                    }
                    for sign_off in s.exec(
                        select(SignOff)
                        .where(SignOff.version_id == version.id)
                        .order_by(col(SignOff.id))
                    ).all()
                ],
            }
            for version in versions
        ],
    }


def write_archive(db: Database, target: Path, *, only: Sequence[int] | None = None) -> int:
    """Write every session of ``db`` (or those with the ids ``only``) into the archive
    ``target``; the number of sessions.

    Read in one snapshot of the database (repeatable read on a server), written under a
    temporary name, private from its first byte, and renamed into place when complete.
    """
    engine = db.engine
    if engine.dialect.name == "postgresql":
        engine = engine.execution_options(isolation_level="REPEATABLE READ")
    temporary = target.with_name(f".{target.name}.tmp")
    target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    try:
        create_private(temporary)
        with (
            Session(engine) as s,
            zipfile.ZipFile(temporary, "w", compression=zipfile.ZIP_DEFLATED) as archive,
        ):
            query = select(WorkSession).order_by(col(WorkSession.id))
            if only is not None:
                query = query.where(col(WorkSession.id).in_(list(only)))
            sessions = s.exec(query).all()
            numbers = []
            for session in sessions:
                assert session.id is not None
                numbers.append(session.id)
                document = read_document_in(s, session.id)
                archive.writestr(f"sessions/{session.id}.json", _json(document))
                archive.writestr(f"sessions/{session.id}.plan.json", _json(plan_part(s, session)))
            archive.writestr(MANIFEST, _json({"format": FORMAT, "sessions": numbers}))
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            temporary.unlink()
        raise
    return len(numbers)


def list_archives(stem: str, folder: Path) -> list[Backup]:
    """The archives of the database named ``stem`` in ``folder``, newest first."""
    found = []
    if folder.is_dir():
        for path in folder.glob(f"{stem}-*{SUFFIX}"):
            match = _STAMP.search(path.name)
            if match is None or path.name[: match.start()] != stem:
                continue
            created = dt.datetime.strptime(match["stamp"], "%Y%m%dT%H%M%S%fZ")
            found.append(
                Backup(path, created.replace(tzinfo=dt.UTC), match["label"], path.stat().st_size)
            )
    return sorted(found, key=lambda backup: backup.created, reverse=True)


def make_archive(
    db: Database,
    *,
    folder: Path,
    label: str,
    retention_days: int,
    only: Sequence[int] | None = None,
) -> Backup:
    """An archive of ``db`` (or of the sessions ``only``) now in ``folder``, then the same
    rotation as file backups."""
    stem = archive_stem(db.url)
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S%fZ")
    path = folder / f"{stem}-{label}-{stamp}{SUFFIX}"
    write_archive(db, path, only=only)
    archives = list_archives(stem, folder)
    kept = keep(archives, dt.datetime.now(dt.UTC), retention_days)
    for archive in archives:
        if archive.path not in kept:
            archive.path.unlink(missing_ok=True)
    return next(archive for archive in list_archives(stem, folder) if archive.path == path)


def _refused(path: Path, reason: str) -> StorageError:
    return StorageError(
        _("{path} is not a usable worksession archive: {reason}").format(path=path, reason=reason)
    )


def _entry(archive: zipfile.ZipFile, path: Path, name: str) -> Any:
    try:
        info = archive.getinfo(name)
    except KeyError as error:
        raise _refused(path, _("{entry} is missing").format(entry=name)) from error
    if info.file_size > MAX_ENTRY_BYTES:
        raise _refused(path, _("{entry} is too large").format(entry=name))
    try:
        return json.loads(archive.read(info).decode("utf-8"))
    except (ValueError, UnicodeDecodeError, zipfile.BadZipFile) as error:
        raise _refused(path, f"{name}: {error}") from error


def check_plan(path: Path, name: str, plan: object) -> dict[str, Any]:
    """The plan part, or a refusal naming the entry and what is wrong in it."""
    if not isinstance(plan, dict) or plan.get("status") not in set(SessionStatus.values()):
        raise _refused(path, _("{entry}: no valid status").format(entry=name))
    if not isinstance(plan.get("team") or "", str):
        raise _refused(path, _("{entry}: the team is not a name").format(entry=name))
    for version in plan.get("versions", []):
        snapshot = version.get("snapshot") if isinstance(version, dict) else None
        if not isinstance(snapshot, str) or not isinstance(version.get("number"), int):
            raise _refused(path, _("{entry}: a plan version is incomplete").format(entry=name))
        if hashlib.sha256(snapshot.encode("utf-8")).hexdigest() != version.get("sha256"):
            raise _refused(
                path,
                _("{entry}: version {number} does not match its fingerprint").format(
                    entry=name, number=version["number"]
                ),
            )
        for decision in version.get("decisions", []):
            if (
                not isinstance(decision, dict)
                or decision.get("decision") not in _DECISIONS
                or decision.get("method") not in _METHODS
            ):
                raise _refused(
                    path,
                    _("{entry}: a decision on version {number} is not valid").format(
                        entry=name, number=version["number"]
                    ),
                )
    return plan


def read_archive(path: Path) -> list[ArchivedSession]:
    """Every session in the archive at ``path``, checked; raises ``StorageError`` naming the
    file and the entry at the first problem."""
    try:
        with zipfile.ZipFile(path) as archive:
            manifest = _entry(archive, path, MANIFEST)
            if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
                raise _refused(path, _("it is not in the format {format}").format(format=FORMAT))
            numbers = manifest.get("sessions")
            if not isinstance(numbers, list) or not all(isinstance(n, int) for n in numbers):
                raise _refused(path, _("{entry}: no list of sessions").format(entry=MANIFEST))
            sessions = []
            for number in numbers:
                name = f"sessions/{number}.json"
                try:
                    document = parse_document(json.dumps(_entry(archive, path, name)))
                except InterchangeError as error:
                    raise _refused(path, f"{name}: {error}") from error
                plan_name = f"sessions/{number}.plan.json"
                plan = check_plan(path, plan_name, _entry(archive, path, plan_name))
                sessions.append(ArchivedSession(number, document, plan))
    except (OSError, zipfile.BadZipFile) as error:
        raise _refused(path, str(error)) from error
    return sessions


def when(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text)


def _write_session(s: Session, archived: ArchivedSession) -> int:
    session = import_document_in(s, archived.document)
    assert session.id is not None
    plan = archived.plan
    session.status = plan["status"]
    if plan.get("created_at"):
        session.created_at = when(plan["created_at"])
    for version in plan.get("versions", []):
        write_version(s, session.id, version)
    return session.id


def write_version(s: Session, session_id: int, version: dict[str, Any]) -> None:
    """A frozen plan version and its decisions, exactly as they were (checked by the caller)."""
    row = PlanVersion(
        session_id=session_id,
        number=version["number"],
        created_at=when(version["created_at"]),
        snapshot=version["snapshot"],
        sha256=version["sha256"],
    )
    s.add(row)
    s.flush()
    assert row.id is not None
    for decision in version.get("decisions", []):
        s.add(
            SignOff(
                version_id=row.id,
                participant_key=decision["participant_key"],
                participant_name=decision["participant_name"],
                decision=decision["decision"],
                comment=decision.get("comment", ""),
                method=decision["method"],
                decided_at=when(decision["decided_at"]),
            )
        )


def restore_archive(
    db: Database, path: Path, *, folder: Path, retention_days: int
) -> tuple[Backup, int]:
    """Replace every session of ``db`` with those in the archive at ``path``.

    Returns the archive of the state before (restoring it undoes the restore) and the number
    of sessions restored. The archive is checked whole before anything is written.
    """
    sessions = read_archive(path)
    safety = make_archive(db, folder=folder, label="before-restore", retention_days=retention_days)
    with db.transaction() as s:
        s.execute(delete(WorkSession))  # every record of a session goes with it (cascade)
        # On a server each session goes back into its team; one without goes where the
        # coach's new sessions go. A team the role is not in refuses the whole restore.
        default_team = chosen_team(s)
        new_ids = {}
        for archived in sessions:
            belong_to(s, archived.plan.get("team") or default_team)
            new_ids[archived.number] = _write_session(s, archived)
        s.flush()
        for archived in sessions:
            followed = archived.plan.get("follows_up")
            origin = s.get(SessionOrigin, new_ids[archived.number])
            if origin is not None:
                origin.origin_session_id = new_ids.get(followed) if followed else None
    return safety, len(sessions)
