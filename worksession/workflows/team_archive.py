"""Publishing sessions to the team archive and fetching them from it (no Qt).

The archive is an ordinary worksession database on a PostgreSQL server (or a file), opened with
the same storage code. A session is the same session on both sides by its identity (UUID);
each side's revision counts its changes. The laptop remembers both revisions at the last sync
(``storage.sync_records``), and so knows which side changed since:

- only the laptop: publish writes it into the archive; only the archive: fetch writes it here;
- neither: nothing is written ("unchanged"), so publishing or fetching twice changes nothing;
- both: ``SyncConflict`` and nothing is written, unless the coach chose ``keep_both`` (the
  laptop's version becomes a session of its own with a new identity, the archive's keeps the
  identity: both are kept on both sides in the end) or ``overwrite`` (after a backup of the side
  that is overwritten: the laptop's database file, or an archive backup of that one session).

Frozen plan versions and decisions merge by fingerprint on every write (``sync_bundle``).
An archive that cannot be reached leaves the session waiting to be published.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from sqlalchemy.exc import DBAPIError, IntegrityError, InterfaceError, OperationalError
from sqlmodel import Session

from worksession.domain.models.work_session import new_uuid
from worksession.i18n import _
from worksession.storage.database import Database
from worksession.storage.errors import DatabaseRefused, StorageError
from worksession.storage.operations._rows import fetch_session
from worksession.storage.same_database import refuse_itself
from worksession.storage.seen import forget_own
from worksession.storage.server import MissingDriver, where
from worksession.storage.sync_bundle import (
    Bundle,
    Standing,
    all_standings,
    checked,
    identity_taken,
    read_bundle,
    refused,
    reidentify,
    shown_title,
    standing,
    store_bundle,
)
from worksession.storage.sync_records import (
    LastSync,
    WaitingSession,
    archive_name,
    last_sync,
    note_sync,
    note_waiting,
    waiting_sessions,
)
from worksession.workflows.sync_backups import archive_backup, laptop_backup

ConflictChoice = Literal["refuse", "keep_both", "overwrite"]
Action = Literal["published", "fetched", "unchanged", "copied", "overwritten", "waiting"]
WaitingPublish = WaitingSession
# One sync at a time in this program: a sync reads the laptop's record of the last sync, writes
# the archive, then notes the new one; a second sync of the session in between (the app's retry
# of what waits beside the coach's own publish) would read the old record and see a conflict
# with its own publish.
_SYNCING = threading.Lock()
RETRY_SECONDS = 30.0  # how long the command line's ``--wait`` waits between two tries
# What a server out of reach (or gone on the way) raises; other database errors are no wait.
_LOST = (OperationalError, InterfaceError)


class ArchiveUnreachable(StorageError):
    """The archive cannot be reached now (one line, the password hidden)."""

    @classmethod
    def of(cls, archive: str, error: BaseException) -> ArchiveUnreachable:
        """The driver's first line of why (the server's own words where it gave them)."""
        reason = getattr(error, "orig", None) or error
        return cls(
            _("the team archive {url} cannot be reached: {reason}").format(
                url=where(archive), reason=str(reason).splitlines()[0]
            )
        )


class SyncConflict(StorageError):
    """Both the laptop and the archive changed the session since the last sync."""

    def __init__(
        self, session_uuid: str, title: str, *, laptop: str = "", archive: str = ""
    ) -> None:
        super().__init__(
            _(
                "session {title!r} ({uuid}) was changed both here and in the team archive "
                "since the last sync; nothing was overwritten. Choose to keep both (as a copy) "
                "or to overwrite (after a backup)."
            ).format(title=shown_title(title), uuid=session_uuid)
        )
        self.session_uuid = session_uuid
        self.title = title
        self.laptop_changed = laptop  # when, as stored (who, once it is recorded)
        self.archive_changed = archive
        self.done: list[SyncOutcome] = []  # a fetch's other sessions, written before


@dataclass(frozen=True)
class SyncOutcome:
    session_uuid: str
    title: str
    action: Action
    backup: Path | None = None  # the backup made before an overwrite
    session_id: int | None = field(default=None, compare=False)  # the laptop's session


def _open(archive: str) -> Database:
    """The archive, opened (and brought to this version's schema) like any database."""
    from worksession.storage.opening import open_database
    from worksession.storage.server import server_url

    try:
        return open_database(server_url(archive))
    except (DatabaseRefused, MissingDriver):
        raise
    except StorageError as error:  # out of reach, or the role or password refused
        raise ArchiveUnreachable(str(error)) from error
    except (DBAPIError, OSError) as error:
        raise ArchiveUnreachable.of(archive, error) from error


def _changes(
    state: LastSync | None, local: Standing, remote: Standing, remote_digest: str
) -> tuple[bool, bool]:
    """(the laptop changed, the archive changed) since the last sync; never synced: both.

    The archive changed when its revision moved on or its content is no longer what it was
    (``remote_digest``): a writer that changed it without counting is not trusted to count."""
    if state is None:
        return True, True
    theirs = remote.revision != state.archive_revision or (
        bool(state.archive_digest) and remote_digest != state.archive_digest
    )
    return local.revision != state.local_revision, theirs


def publish(
    *,
    db: Database,
    session_id: int,
    archive: str,
    on_conflict: ConflictChoice = "refuse",
) -> SyncOutcome:
    """Publish the session to the archive; see the module's description of the outcomes.

    When the archive cannot be reached the session is noted as waiting and the outcome is
    ``waiting``: whoever called decides when to try again (the command line's ``--wait`` every
    ``RETRY_SECONDS``, the app's timer).
    """
    with db.reading() as s:
        fetch_session(s, session_id)  # a wrong id is NotFound, as elsewhere
    try:
        remote = _open(archive)
    except ArchiveUnreachable:
        note_waiting(db, session_id, archive)
        with db.reading() as s:
            row = fetch_session(s, session_id)
        return SyncOutcome(row.uuid, row.title, "waiting", session_id=session_id)
    try:
        refuse_itself(db, remote, archive)
        with _SYNCING:
            return _publish_to(db, session_id, remote, archive, on_conflict)
    except _LOST as error:  # the connection was lost on the way: nothing committed
        note_waiting(db, session_id, archive)
        raise ArchiveUnreachable.of(archive, error) from error
    finally:
        remote.close()


def _publish_to(
    db: Database, session_id: int, remote: Database, archive: str, on_conflict: ConflictChoice
) -> SyncOutcome:
    with db.reading() as s:
        bundle = read_bundle(s, session_id)
        local = standing(s, bundle.uuid)
        state = last_sync(s, archive, bundle.uuid)
    assert local is not None
    try:
        backup, copy_uuid, action, remote_revision, digest = _write_archive(
            remote, bundle, local, state, on_conflict
        )
    except (ValueError, TypeError) as error:  # the archive's row, damaged by hand
        raise refused(bundle.title, bundle.uuid, _("its records"), str(error)) from error
    except IntegrityError as error:
        # The archive holds a session with this identity that the coach's role cannot see
        # (another team's, under row-level security): it is neither found nor overwritten.
        raise identity_taken(bundle.title, bundle.uuid) from error
    uuid = bundle.uuid
    with db.transaction() as s:
        if action == "copied":  # the archive holds it now: the laptop's takes its identity
            uuid = reidentify(s, session_id, copy_uuid)
        note_sync(s, archive, uuid, local=local.revision, remote=remote_revision, digest=digest)
    return SyncOutcome(uuid, bundle.title, action, backup, session_id=session_id)


def _write_archive(
    remote: Database,
    bundle: Bundle,
    local: Standing,
    state: LastSync | None,
    on_conflict: ConflictChoice,
) -> tuple[Path | None, str, Action, int, str]:
    """Write ``bundle`` into the archive: (backup, copy's identity, action, archive's revision,
    the archive's content as the laptop now knows it)."""
    backup: Path | None = None
    copy_uuid = ""
    with remote.transaction() as rs:  # the archive's write turn: nobody publishes meanwhile
        there = standing(rs, bundle.uuid)
        if there is None:
            remote_revision = 1
            stored = store_bundle(rs, bundle, uuid=bundle.uuid, revision=1)
            digest = read_bundle(rs, stored.session_id).digest()
            action: Action = "published"
        else:
            theirs = read_bundle(rs, there.id)
            digest = theirs.digest()
            if state is None and theirs.same_content(bundle):
                mine_changed = theirs_changed = False
            else:
                mine_changed, theirs_changed = _changes(state, local, there, digest)
            remote_revision = there.revision
            if not mine_changed:
                action = "unchanged"  # the archive's own changes come here with a fetch
                if state is not None:  # so what it was synced at stays noted
                    remote_revision, digest = state.archive_revision, state.archive_digest
            elif not theirs_changed or on_conflict == "overwrite":
                if theirs_changed:
                    backup = archive_backup(remote, there.id)
                remote_revision = there.revision + 1
                stored = store_bundle(
                    rs, bundle, uuid=bundle.uuid, revision=remote_revision, replace=there.id
                )
                digest = read_bundle(rs, stored.session_id).digest()
                if stored.kept_more:  # the archive kept versions the laptop lacks: fetch them
                    remote_revision = there.revision
                action = "overwritten" if theirs_changed else "published"
            elif on_conflict == "keep_both":
                copy_uuid = new_uuid()  # the laptop's version, as a session of its own
                copy = store_bundle(rs, bundle, uuid=copy_uuid, revision=1, team_of=there.id)
                digest = read_bundle(rs, copy.session_id).digest()
                remote_revision, action = 1, "copied"
            else:
                raise SyncConflict(
                    bundle.uuid, bundle.title, laptop=local.changed_at, archive=there.changed_at
                )
    return backup, copy_uuid, action, remote_revision, digest


def fetch(
    *,
    db: Database,
    archive: str,
    session_uuid: str | None = None,
    on_conflict: ConflictChoice = "refuse",
) -> list[SyncOutcome]:
    """Fetch every session of the archive (or the one ``session_uuid``) to the laptop.

    Each session is checked as an import is before anything of it is written; one that fails
    is refused naming the session and the field. When sessions conflict (and the choice is
    ``refuse``) the others are fetched and ``SyncConflict`` names the first conflicting one.
    """
    remote = _open(archive)
    try:
        refuse_itself(db, remote, archive)
        with remote.reading() as rs:
            found = all_standings(rs)
            if session_uuid is not None:
                found = [there for there in found if there.uuid == session_uuid]
                if not found:
                    raise StorageError(
                        _("the team archive {url} holds no session {uuid}").format(
                            url=archive_name(archive), uuid=session_uuid
                        )
                    )
            bundles = [(there, _read_there(rs, there)) for there in found]
    except _LOST as error:
        raise ArchiveUnreachable.of(archive, error) from error
    finally:
        remote.close()
    # Every session checked before the first is written: a hostile archive changes nothing.
    # Its content's fingerprint is taken as read, before the check: as a publish takes it.
    incoming = [(there, checked(bundle), bundle.digest()) for there, bundle in bundles]
    outcomes: list[SyncOutcome] = []
    conflicts: list[SyncConflict] = []
    for there, bundle, digest in incoming:
        try:
            with _SYNCING:
                outcomes.append(_fetch_one(db, archive, there, (bundle, digest), on_conflict))
        except SyncConflict as conflict:
            conflicts.append(conflict)
    if conflicts:
        conflicts[0].done = outcomes
        raise conflicts[0]
    return outcomes


def _read_there(rs: Session, there: Standing) -> Bundle:
    """The archive's session as a bundle; what cannot even be read is refused, naming it."""
    try:
        return read_bundle(rs, there.id)
    except (ValueError, KeyError, TypeError, LookupError) as error:
        raise refused(there.title, there.uuid, _("its records"), str(error)) from error


def _fetch_one(
    db: Database,
    archive: str,
    there: Standing,
    incoming: tuple[Bundle, str],
    on_conflict: ConflictChoice,
) -> SyncOutcome:
    bundle, digest = incoming  # the archive's session, checked, and its content's fingerprint
    with db.reading() as s:
        local = standing(s, there.uuid)
        state = last_sync(s, archive, there.uuid)
        mine = read_bundle(s, local.id) if local is not None else None
    if local is None or mine is None:
        with db.transaction() as s:
            new = store_bundle(s, bundle, uuid=there.uuid, revision=1)
            note_sync(s, archive, there.uuid, local=1, remote=there.revision, digest=digest)
        return SyncOutcome(there.uuid, there.title, "fetched", session_id=new.session_id)
    if state is None and mine.same_content(bundle):
        mine_changed = theirs_changed = False
    else:
        mine_changed, theirs_changed = _changes(state, local, there, digest)
    if not theirs_changed:
        if not mine_changed:
            with db.transaction() as s:  # the first sync of two equal sessions: noted
                note_sync(
                    s, archive, there.uuid, local=local.revision, remote=there.revision,
                    digest=digest,
                )  # fmt: skip
        return SyncOutcome(there.uuid, there.title, "unchanged", session_id=local.id)
    backup: Path | None = None
    if mine_changed:
        if on_conflict == "refuse":
            raise SyncConflict(
                there.uuid, there.title, laptop=local.changed_at, archive=there.changed_at
            )
        if on_conflict == "keep_both":
            with db.transaction() as s:
                reidentify(s, local.id)  # the laptop's version: a session of its own now
                copied = store_bundle(s, bundle, uuid=there.uuid, revision=1)
                note_sync(s, archive, there.uuid, local=1, remote=there.revision, digest=digest)
            return SyncOutcome(there.uuid, there.title, "copied", session_id=copied.session_id)
        backup = laptop_backup(db, local.id)
    with db.transaction() as s:
        revision = local.revision + 1
        stored = store_bundle(s, bundle, uuid=there.uuid, revision=revision, replace=local.id)
        # Versions kept here that the archive lacks go there with the next publish.
        synced = local.revision if stored.kept_more else revision
        note_sync(s, archive, there.uuid, local=synced, remote=there.revision, digest=digest)
    forget_own(db.url, local.id)  # a window's view from before the fetch is stale now
    action: Action = "overwritten" if mine_changed else "fetched"
    return SyncOutcome(there.uuid, there.title, action, backup, session_id=local.id)


def waiting(*, db: Database) -> list[WaitingSession]:
    """The sessions waiting to be published, the oldest first."""
    return waiting_sessions(db)


def publish_waiting(*, db: Database) -> list[SyncOutcome]:
    """Try every waiting session once; one whose archive is still out of reach stays waiting.

    A conflict is not resolved here: the others are tried, then ``SyncConflict`` names the
    first conflicting session (with ``done``: the outcomes of the others)."""
    outcomes: list[SyncOutcome] = []
    conflicts: list[SyncConflict] = []
    for entry in waiting_sessions(db):
        try:
            outcomes.append(publish(db=db, session_id=entry.session_id, archive=entry.archive))
        except SyncConflict as conflict:
            conflicts.append(conflict)
    if conflicts:
        conflicts[0].done = outcomes
        raise conflicts[0]
    return outcomes
