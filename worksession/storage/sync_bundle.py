"""One session as it travels between the laptop and the team archive, and how it is stored.

A bundle is what an archive backup holds of a session (``archive_backups``): its
``worksession/1`` document (which carries the progress log and the identity) and the plan part
(status, every frozen version with its decisions). Storing a bundle over a session replaces the
session's content, but its frozen versions and decisions are merged by fingerprint with those
already there: a signed version is never changed or lost on either side.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, update
from sqlmodel import Session, col, select

from worksession.domain.interchange import Document, InterchangeError, parse_document
from worksession.domain.models import SessionOrigin, WorkSession
from worksession.domain.models.work_session import new_uuid
from worksession.domain.nul_text import nul_path, nul_refusal
from worksession.i18n import _
from worksession.storage.archive_backups import plan_part, when, write_version
from worksession.storage.document import import_document_in, read_document_in
from worksession.storage.errors import StorageError

_DECISIONS = {"agreed", "changes"}
_METHODS = {"session", "email"}


@dataclass(frozen=True)
class Bundle:
    """A session with everything publish and fetch carry, and where it stands."""

    uuid: str
    title: str
    revision: int
    document: Document
    plan: dict[str, Any]  # status, created_at, versions with their decisions

    def digest(self) -> str:
        """The SHA-256 of the session's content (identity and revision aside): equal for equal
        content on every engine, different after any change, counted or not."""
        content = {
            "document": {key: value for key, value in self.document.items() if key != "uuid"},
            "plan": self.plan,
        }
        canonical = json.dumps(content, sort_keys=True, ensure_ascii=False, default=str)
        return hashlib.sha256(canonical.encode("utf-8")).hexdigest()

    def same_content(self, other: Bundle) -> bool:
        """Whether both hold the same session (identity and revision aside)."""
        mine = {key: value for key, value in self.document.items() if key != "uuid"}
        theirs = {key: value for key, value in other.document.items() if key != "uuid"}
        return mine == theirs and _fingerprints(self.plan) == _fingerprints(other.plan)


@dataclass(frozen=True)
class Standing:
    """A session's identity and revision, and who changed it last and when (for a conflict)."""

    id: int
    uuid: str
    title: str
    revision: int
    changed_by: str
    changed_at: str


def _fingerprints(plan: dict[str, Any]) -> set[str]:
    return {str(version["sha256"]) for version in plan.get("versions", [])}


def standing(s: Session, uuid: str) -> Standing | None:
    """The session with this identity in the database of ``s``, or None."""
    row = s.exec(select(WorkSession).where(WorkSession.uuid == uuid)).first()
    if row is None or row.id is None:
        return None
    return Standing(
        row.id, row.uuid, row.title, int(row.revision), row.changed_by, row.updated_at.isoformat()
    )


def all_standings(s: Session) -> list[Standing]:
    """Every session of the database of ``s``; one whose row cannot be read (a timestamp or a
    number that is none, written into a file archive by hand) is refused, naming it."""
    names = s.exec(select(WorkSession.uuid, WorkSession.title).order_by(col(WorkSession.id))).all()
    found = []
    for uuid, title in names:
        try:
            there = standing(s, uuid)
            assert there is not None
            found.append(there)
        except (ValueError, TypeError) as error:
            raise refused(str(title), str(uuid), _("its records"), str(error)) from error
    return found


def read_bundle(s: Session, session_id: int) -> Bundle:
    row = s.get(WorkSession, session_id)
    assert row is not None and row.id is not None, "looked up before"
    document = read_document_in(s, session_id)
    return Bundle(row.uuid, row.title, row.revision, document, plan_part(s, row))


TITLE_SHOWN = 80  # characters of a session's title a message shows


def shown_title(title: str) -> str:
    """A title as a message names it: an archive's row may hold any length (raw SQL), and a
    refusal must stay one readable line, the identity beside it says which session it is."""
    return title if len(title) <= TITLE_SHOWN else title[: TITLE_SHOWN - 1] + "…"


def refused(bundle_title: str, uuid: str, where: str, problem: str) -> StorageError:
    """One line naming the session (title and identity), the field and what is wrong."""
    return StorageError(
        _("the team archive's session {title!r} ({uuid}) was not taken: {where}: {problem}").format(
            title=shown_title(bundle_title), uuid=uuid, where=where, problem=problem
        )
    )


def identity_taken(title: str, uuid: str) -> StorageError:
    """A publish the archive refused: it holds a session with the identity that the coach's
    role cannot see (another team's, under row-level security)."""
    return StorageError(
        _(
            "the team archive refused session {title!r} ({uuid}): it holds a session with "
            "this identity that is not in your teams"
        ).format(title=shown_title(title), uuid=uuid)
    )


def checked(bundle: Bundle) -> Bundle:
    """The bundle when it passes every check an import and a restore make; else a refusal
    naming the session and the field (nothing is written)."""
    try:
        document = parse_document(json.dumps(bundle.document, ensure_ascii=False))
    except InterchangeError as error:
        raise refused(bundle.title, bundle.uuid, error.path, error.message) from error
    if document.get("uuid") != bundle.uuid:
        raise refused(bundle.title, bundle.uuid, "$.uuid", _("not the session's identity"))
    nul = nul_path(document)  # a file archive may hold one; the write would refuse it too late
    if nul is not None:
        raise refused(bundle.title, bundle.uuid, nul, nul_refusal())
    plan = bundle.plan
    if plan.get("status") not in {"draft", "in_review", "signed_off"}:
        raise refused(bundle.title, bundle.uuid, "status", repr(plan.get("status")))
    for version in plan.get("versions", []):
        number = version.get("number")
        snapshot = version.get("snapshot")
        where = _("plan version {number}").format(number=number)
        if not isinstance(snapshot, str) or not isinstance(number, int) or number < 1:
            raise refused(bundle.title, bundle.uuid, where, _("incomplete"))
        if hashlib.sha256(snapshot.encode("utf-8")).hexdigest() != version.get("sha256"):
            raise refused(bundle.title, bundle.uuid, where, _("does not match its fingerprint"))
        people = _participants(snapshot)
        for decision in version.get("decisions", []):
            if decision.get("decision") not in _DECISIONS or decision.get("method") not in _METHODS:
                raise refused(bundle.title, bundle.uuid, where, _("a decision is not valid"))
            if decision.get("participant_key") not in people:  # a sign-off forged by hand
                raise refused(
                    bundle.title, bundle.uuid, where, _("a decision by someone not in it")
                )
    return Bundle(bundle.uuid, bundle.title, bundle.revision, document, plan)


def _participants(snapshot: str) -> set[str]:
    """The participants' keys of a version's snapshot (checked against its fingerprint)."""
    try:
        people = json.loads(snapshot).get("participants", [])
        return {str(person["key"]) for person in people}
    except (ValueError, AttributeError, TypeError, KeyError):
        return set()


def _decision_key(decision: dict[str, Any]) -> tuple[str, ...]:
    return tuple(
        str(decision.get(name, ""))
        for name in ("participant_key", "decision", "method", "decided_at", "comment")
    )


def merged_versions(kept: list[dict[str, Any]], incoming: list[dict[str, Any]]) -> list[Any]:
    """Every version of both sides once (by fingerprint), each with every decision of both.

    The versions already stored keep their numbers; one that comes in under a number taken by
    another version here is stored under the next free number (its snapshot, and so its
    fingerprint, stay as they were)."""
    by_print: dict[str, dict[str, Any]] = {}
    for version in [*kept, *incoming]:
        found = by_print.get(version["sha256"])
        if found is None:
            by_print[version["sha256"]] = {**version, "decisions": list(version["decisions"])}
            continue
        known = {_decision_key(decision) for decision in found["decisions"]}
        for decision in version["decisions"]:
            if _decision_key(decision) not in known:
                found["decisions"].append(decision)
                known.add(_decision_key(decision))
    taken: set[int] = set()
    result = []
    for version in by_print.values():
        number = version["number"]
        if number in taken:
            number = max(taken) + 1
        taken.add(number)
        result.append({**version, "number": number})
    return sorted(result, key=lambda version: version["number"])


@dataclass(frozen=True)
class Stored:
    session_id: int
    # Versions (or decisions) were kept that the bundle did not hold: the stored session now
    # holds more than the other side, which should get them at the next sync.
    kept_more: bool


def store_bundle(
    s: Session,
    bundle: Bundle,
    *,
    uuid: str,
    revision: int,
    replace: int | None = None,
    team_of: int | None = None,
) -> Stored:
    """Write ``bundle`` as the session ``uuid`` at ``revision`` (over the session ``replace``,
    keeping its id, its team and its frozen versions). Inside the caller's transaction.

    ``team_of``: a session whose team the new one joins (a copy kept beside it); without it and
    without ``replace`` the database gives the writer's team (on a server; none on SQLite).
    """
    team_id = _team_of(s, team_of if team_of is not None else replace)
    kept: list[dict[str, Any]] = []
    origin_link: int | None = None
    followers: list[int] = []
    if replace is not None:
        row = s.get(WorkSession, replace)
        assert row is not None
        kept = plan_part(s, row)["versions"]
        origin = s.get(SessionOrigin, replace)
        origin_link = origin.origin_session_id if origin is not None else None
        followers = [
            follower
            for follower in s.exec(
                select(SessionOrigin.session_id).where(SessionOrigin.origin_session_id == replace)
            ).all()
            if follower is not None
        ]
        s.expunge_all()
        # Every record of the session goes with it (the foreign keys cascade).
        s.execute(delete(WorkSession).where(col(WorkSession.id) == replace))
    document: Document = {**bundle.document, "uuid": uuid}
    session = import_document_in(s, document, session_id=replace, team_id=team_id)
    assert session.id is not None
    session.revision = revision
    session.status = bundle.plan["status"]
    if bundle.plan.get("created_at"):
        session.created_at = when(bundle.plan["created_at"])
    merged = merged_versions(kept, bundle.plan.get("versions", []))
    for version in merged:
        write_version(s, session.id, version)
    came = sum(len(version["decisions"]) + 1 for version in bundle.plan.get("versions", []))
    kept_more = sum(len(version["decisions"]) + 1 for version in merged) > came
    s.flush()
    # Links of follow-up sessions to this one, put back as they were: plain statements, so
    # the sessions that follow it up do not count a change.
    if origin_link is not None:
        s.execute(
            update(SessionOrigin)
            .where(col(SessionOrigin.session_id) == session.id)
            .values(origin_session_id=origin_link)
        )
    if followers:
        s.execute(
            update(SessionOrigin)
            .where(col(SessionOrigin.session_id).in_(followers))
            .values(origin_session_id=session.id)
        )
    return Stored(session.id, kept_more)


def _team_of(s: Session, session_id: int | None) -> int | None:
    """The team of ``session_id``: a session written anew stays in its team, whatever teams
    the coach who writes it is in (one in two teams would otherwise be asked which)."""
    if session_id is None:
        return None
    row = s.get(WorkSession, session_id)
    return row.team_id if row is not None else None


def reidentify(s: Session, session_id: int, uuid: str = "") -> str:
    """Give the session a new identity (``uuid``, or a new one): it becomes a session of its
    own; the identity. A plain statement: the content did not change, nor does the revision."""
    uuid = uuid or new_uuid()
    s.execute(update(WorkSession).where(col(WorkSession.id) == session_id).values(uuid=uuid))
    return uuid
