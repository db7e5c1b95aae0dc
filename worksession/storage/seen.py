"""Changes made from what a window showed: refused when the session changed since it looked.

A window reads the session, the coach acts on what it shows, and the change is stored a moment
later. Should another program (the command line, an import) have changed the session in
between, the change was made from a view that is no longer true, and storing it could undo
what the other program did without anyone noticing. So a window runs its changes inside
``made_from(view)``: every write transaction then first compares the session's change stamp
(``updated_at``, set by every change) with the one the window saw, and refuses with
``StaleView`` when they differ, naming who changed what (``change_said``). Stamps this program
wrote itself (a change in several transactions, the clock storing a step's time) are
remembered, so only a change made by another program is refused.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

from sqlalchemy import text
from sqlmodel import Session

from worksession.i18n import _
from worksession.storage.change_said import last_change_said
from worksession.storage.errors import StorageError

_STAMP = text("SELECT updated_at FROM work_session WHERE id = :id")


class StaleView(StorageError):
    """The session changed elsewhere after the window last read it.

    ``changed`` names who changed what and when (``change_said.last_change_said``), when known.
    """

    def __init__(self, changed: str | None = None) -> None:
        if changed is None:
            changed = _("another program changed this session a moment ago")
        super().__init__(
            _(
                "{changed}; the window now shows what is stored. Look and do it again if it "
                "is still needed."
            ).format(changed=changed)
        )


@dataclass
class SessionView:
    """What a window last read: the session and its change stamp at that moment."""

    session_id: int
    stamp: object  # as stored: compared, never interpreted


TOUCHED = "touched_sessions"  # in a Session's ``info``: the sessions its changes touched
_VIEW: ContextVar[SessionView | None] = ContextVar("worksession_view", default=None)
# (database url, session id) -> the change stamp this program's last write left.
_OWN: dict[tuple[str, int], object] = {}


def changed_elsewhere(url: str, view: SessionView, stamp: object) -> bool:
    """Whether ``stamp`` (read now) tells of a change another program made since ``view``."""
    return stamp not in (view.stamp, _OWN.get((url, view.session_id)))


def stamp_of(s: Session, session_id: int) -> object:
    return s.connection().execute(_STAMP, {"id": session_id}).scalar()


@contextmanager
def made_from(view: SessionView) -> Iterator[None]:
    """Refuse every write transaction in the block once the session no longer is as ``view``."""
    token = _VIEW.set(SessionView(view.session_id, view.stamp))
    try:
        yield
    finally:
        _VIEW.reset(token)


def check_view(s: Session, url: str) -> None:
    """At the start of a write transaction (the write lock is held): the view still holds."""
    view = _VIEW.get()
    if view is None:
        return
    if changed_elsewhere(url, view, stamp_of(s, view.session_id)):
        raise StaleView(last_change_said(s, view.session_id))


def note_own(url: str, session_id: int, stamp: object) -> None:
    """Remember the change stamp this program's write left (``session_marks``)."""
    _OWN[(url, session_id)] = stamp


def view_session() -> int | None:
    """The session the write transactions in progress were made from a view of, if any."""
    view = _VIEW.get()
    return None if view is None else view.session_id


def forget_own(url: str, session_id: int) -> None:
    """Count the session's present stamp as another program's: a write that replaced what a
    window shows (a fetch from the team archive) must make the window's older view stale,
    though this program wrote it."""
    _OWN.pop((url, session_id), None)
