"""Who changed a session last and what, in a coach's words: noted with every change.

Two coaches in one session on a server: when a change made from a window is refused because
the session changed elsewhere (``seen.StaleView``), the coach should read *who* changed *what*
and when, not "another program". Every write transaction therefore leaves on each session it
touched ``changed_by`` (who wrote) and ``last_change`` (what):

- **who**: on a PostgreSQL server the database role (``current_user``): each coach connects
  with their own role, and the server, not the laptop, vouches for it. On an SQLite file the
  operating system's account name: the only other writers of a laptop's file are programs on
  that laptop (the command line, a second window, an import), and the account is what is true
  for all of them; the storage layer never reads the user's settings, and the coach's name
  there is the signer's name on certificates, which may be empty or someone else's.
- **what**: derived from what the transaction wrote, not said by each of the operations: every
  INSERT/UPDATE/DELETE statement a transaction runs names its table, and a table stands for
  a part of the session a coach knows ("the agreements", "the votes"); on the session's own
  row only the details a coach edits count, not the change stamp every change moves.

``last_change`` holds the English words (``"the agreements, the votes"``), translated when
shown (``change_said``): a team's coaches may read the app in different languages.
"""

from __future__ import annotations

import getpass
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from sqlalchemy import event, inspect
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.sql.dml import UpdateBase
from sqlmodel import Session, func, select

from worksession.i18n import N_

# Table → the part of the session it holds, as a coach calls it; in the order they are named.
PART_WORDS: dict[str, str] = {
    "work_session": N_("the session details"),  # its details, not its stamp (BOOKKEEPING)
    "casus": N_("the casus"),
    "key_figure": N_("the wijkgezondheidsprofiel"),
    "insight": N_("the insights"),
    "participant": N_("the participants"),
    "stakeholder": N_("the sociale kaart"),
    "relation": N_("the sociale kaart"),
    "vote_round": N_("the votes"),
    "vote_ballot": N_("the votes"),
    "vote_mark": N_("the votes"),
    "theme": N_("the themes"),
    "improvement": N_("the improvement points"),
    "agreement": N_("the agreements"),
    "agreement_partner": N_("the agreements"),
    "referral": N_("the referral agreements"),
    "follow_up": N_("the follow-up"),
    "werkgroep_member": N_("the follow-up"),
    "condition": N_("the borging"),
    "preparation_tick": N_("the preparation"),
    "step_note": N_("the notes"),
    "evaluation": N_("the evaluation"),
    "feedback_form": N_("the evaluation forms"),
    "step_timing": N_("the schedule"),
    "plan_version": N_("the plan and its sign-off"),
    "sign_off": N_("the plan and its sign-off"),
    "session_origin": N_("the signed plan it follows"),
    "agreement_progress": N_("the progress"),
    "agreement_review": N_("the review of the agreements"),
    "lesson_card": N_("the lessons"),
}
FALLBACK = N_("the session")
MANY = N_("much of the session")
MOST_PARTS = 3  # more parts than this are "much of the session": a message stays one line
SEPARATOR = ", "
# The session row's columns every change moves (its stamp, status, revision, this note): a
# change of only these is a change of another part, named by that part's table.
BOOKKEEPING = frozenset({"updated_at", "status", "revision", "changed_by", "last_change", "uuid"})
SHORT = 200  # at most this many characters of a role or account name are kept

SESSIONS = "work_session"

_WRITTEN: ContextVar[set[str] | None] = ContextVar("worksession_written", default=None)


@contextmanager
def noting() -> Iterator[set[str]]:
    """Collect the tables the statements in the block write (one write transaction)."""
    written: set[str] = set()
    token = _WRITTEN.set(written)
    try:
        yield written
    finally:
        _WRITTEN.reset(token)


@event.listens_for(Engine, "before_execute")
def _statement(
    _connection: Connection, clause: Any, _multi: Any, _params: Any, _options: Any
) -> None:
    # Every engine's statements, the ORM's flushes and plain Core alike; only while a write
    # transaction collects. The session row's own UPDATEs are judged by ``_flushed`` instead.
    written = _WRITTEN.get()
    if written is not None and isinstance(clause, UpdateBase):
        name = getattr(clause.table, "name", "")  # an Insert/Update/Delete's table
        if name and name != SESSIONS:
            written.add(name)


@event.listens_for(Session, "after_flush")
def _flushed(session: Session, _context: object) -> None:
    # Still the state before the flush: a loaded session row's attribute history says which
    # of its details changed.
    written = _WRITTEN.get()
    if written is None:
        return
    for row in session.dirty:
        if _table(row) == SESSIONS and _details_changed(row):
            written.add(SESSIONS)


def _table(row: object) -> str:
    return str(getattr(row, "__tablename__", ""))


def _details_changed(row: object) -> bool:
    state = inspect(row)
    return any(
        attribute.history.has_changes()
        for attribute in state.attrs
        if attribute.key not in BOOKKEEPING
    )


def words_for(tables: set[str]) -> str:
    """What changed, in English words (stored; ``change_said.describe`` translates them)."""
    parts = list(dict.fromkeys(word for table, word in PART_WORDS.items() if table in tables))
    if not parts:
        return FALLBACK
    if len(parts) > MOST_PARTS:
        return MANY
    return SEPARATOR.join(parts)


def account_name() -> str:
    """The operating system's name of whoever runs this program ("" when it has none)."""
    try:
        return getpass.getuser()[:SHORT]
    except (OSError, KeyError):  # no login name and no passwd entry (a bare container)
        return ""


def writer(s: Session) -> str:
    """Who writes through ``s``: the server's role, or this computer's account name."""
    if s.get_bind().dialect.name == "postgresql":
        return str(s.execute(select(func.current_user())).scalar_one())[:SHORT]
    return account_name()
