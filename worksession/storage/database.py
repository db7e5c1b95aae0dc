"""The open database: an engine plus the one way to run an operation in a transaction."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError
from sqlmodel import Session

from worksession.storage.change_notes import noting
from worksession.storage.engine import LOCK_WAIT, WRITING
from worksession.storage.revision_count import COUNTING
from worksession.storage.seen import check_view
from worksession.storage.session_marks import mark_sessions
from worksession.storage.teams import team_refusal

_LOCK_WAIT: ContextVar[int | None] = ContextVar("worksession_lock_wait", default=None)


@contextmanager
def waiting_at_most(milliseconds: int) -> Iterator[None]:
    """Write transactions in the block wait at most ``milliseconds`` for another program's lock.

    A window keeps a change it could not store and tries again, so it need not freeze for the
    full busy timeout on every try while another program holds the database.
    """
    token = _LOCK_WAIT.set(milliseconds)
    try:
        yield
    finally:
        _LOCK_WAIT.reset(token)


@dataclass(frozen=True)
class Database:
    engine: Engine
    url: str
    path: Path | None

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One unit of work: committed when the block ends, rolled back when it raises.

        Objects stay readable after the commit (``expire_on_commit=False``) so an operation can
        return what it changed. Each session it changed gets one more revision.
        """
        options: dict[str, object] = dict(WRITING)  # takes the write lock at BEGIN
        wait = _LOCK_WAIT.get()
        if wait is not None:
            options[LOCK_WAIT] = wait
        writer = self.engine.execution_options(**options)
        try:
            with Session(writer, expire_on_commit=False) as session, session.begin():
                session.info[COUNTING] = True
                check_view(session, self.url)  # a change from a view another program made untrue
                with noting() as written:  # the tables it writes: what changed, for the note
                    yield session
                    session.flush()
                # One more revision, who changed what, and the stamp left, on each session.
                mark_sessions(session, self.url, written)
        except DBAPIError as error:
            refusal = team_refusal(error)  # a server's team rules said no: one line
            if refusal is None:
                raise
            raise refusal from error

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A read-only view; nothing done in it is committed."""
        with Session(self.engine, expire_on_commit=False) as session:
            yield session

    def close(self) -> None:
        self.engine.dispose()
