"""Who changed a session last, what and when, as the coach reads it.

A window's change refused because the session changed elsewhere (``seen.StaleView``) and the
window's notice that it shows another coach's change both say it: *Anna de Vries (rol anna)
heeft om 14:32 de afspraken gewijzigd (revisie 18)*. What is said was noted by every change
(``change_notes``); here it is read back and put in the coach's language.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import text
from sqlmodel import Session

from worksession.i18n import _
from worksession.storage.change_notes import FALLBACK, SEPARATOR

_LAST = text(
    "SELECT changed_by, last_change, updated_at, revision FROM work_session WHERE id = :id"
)
_ROLE_NAME = text("SELECT shobj_description(oid, 'pg_authid') FROM pg_roles WHERE rolname = :role")


def last_change_said(s: Session, session_id: int) -> str | None:
    """Who changed the session last, what and when, as one clause for a message; None when
    that is not known (a session no one changed since it was made by an older version)."""
    row = s.connection().execute(_LAST, {"id": session_id}).one_or_none()
    if row is None or not row.changed_by:
        return None
    on_server = s.get_bind().dialect.name == "postgresql"
    return _("{who} changed {what} at {time} (revision {revision})").format(
        who=_who(s, str(row.changed_by)) if on_server else _account(str(row.changed_by)),
        what=describe(str(row.last_change or "")),
        time=_moment(row.updated_at),
        revision=row.revision,
    )


def _who(s: Session, role: str) -> str:
    # A team may give a role the coach's name (COMMENT ON ROLE anna IS 'Anna de Vries').
    name = s.connection().execute(_ROLE_NAME, {"role": role}).scalar()
    if name:
        return _("{name} (role {role})").format(name=name, role=role)
    return _("role {role}").format(role=role)


def _account(account: str) -> str:
    return _("user account {account}").format(account=account)


def _moment(stamp: object) -> str:
    if isinstance(stamp, str):  # SQLite hands back a text stamp in a plain query
        stamp = dt.datetime.fromisoformat(stamp)
    if not isinstance(stamp, dt.datetime):
        return "?"
    if stamp.tzinfo is None:
        stamp = stamp.replace(tzinfo=dt.UTC)  # stored in UTC
    local = stamp.astimezone()
    if local.date() == dt.datetime.now().astimezone().date():
        return local.strftime("%H:%M")
    return local.strftime("%d-%m-%Y %H:%M")


def describe(last_change: str) -> str:
    """Stored words as the coach reads them: translated, joined with "and"."""
    parts = [_(part) for part in last_change.split(SEPARATOR) if part]
    if not parts:
        return _(FALLBACK)
    if len(parts) == 1:
        return parts[0]
    return _("{first} and {last}").format(first=", ".join(parts[:-1]), last=parts[-1])
