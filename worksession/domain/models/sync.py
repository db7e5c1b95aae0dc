"""The laptop's record of its syncs with team archives, and what waits to be published.

Kept in the laptop's own database (an archive holds these tables too, empty). An archive is
named by its URL without the password, so no password is ever stored.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Column, String
from sqlmodel import Field, SQLModel

from worksession.domain.models._columns import session_primary_key, utcnow


class SyncState(SQLModel, table=True):
    """Per archive and session: both revisions as they were at the last publish or fetch.

    A side whose revision moved on since then changed; when both did, neither overwrites."""

    __tablename__ = "sync_state"

    archive: str = Field(primary_key=True)
    session_uuid: str = Field(primary_key=True, max_length=36)
    local_revision: int
    archive_revision: int
    # The SHA-256 of the archive's session as it was then (``Bundle.digest``): a change made
    # there without a new revision is seen too. Empty in records from before it was kept.
    archive_digest: str = Field(
        default="", sa_column=Column(String(64), nullable=False, server_default="")
    )
    synced_at: dt.datetime = Field(default_factory=utcnow)


class WaitingPublish(SQLModel, table=True):
    """A session the coach published while the archive could not be reached."""

    __tablename__ = "waiting_publish"

    session_id: int = Field(sa_column=session_primary_key())
    # One archive per session at a time: publishing to another replaces the wait.
    archive: str
    since: dt.datetime = Field(default_factory=utcnow)
