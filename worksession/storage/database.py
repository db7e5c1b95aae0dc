"""The open database: an engine plus the one way to run an operation in a transaction."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.engine import Engine
from sqlmodel import Session

from worksession.storage.engine import WRITING
from worksession.storage.seen import TOUCHED, carry_view, check_view


@dataclass(frozen=True)
class Database:
    engine: Engine
    url: str
    path: Path | None

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One unit of work: committed when the block ends, rolled back when it raises.

        Objects stay readable after the commit (``expire_on_commit=False``) so an operation can
        return what it changed.
        """
        writer = self.engine.execution_options(**WRITING)  # takes the write lock at BEGIN
        with Session(writer, expire_on_commit=False) as session, session.begin():
            check_view(session, self.url)  # a change from a view another program made untrue
            yield session
            carry_view(session, self.url, session.info.get(TOUCHED, set()))

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A read-only view; nothing done in it is committed."""
        with Session(self.engine, expire_on_commit=False) as session:
            yield session

    def close(self) -> None:
        self.engine.dispose()
