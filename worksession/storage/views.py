"""Read-only rows for screens and documents: plain table queries, no model objects.

Rows come back as named tuples with the same converted values the models hold (``row.name``,
``row.id``), without building an object per row. Reading a large plan through the ORM after each
save took twice as long, and building sixty stakeholder objects for a table cost more than the
query. Anything that changes data uses the operations and their models.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import Any, cast

from sqlalchemy import Row, Select, Table, bindparam, select
from sqlmodel import Session, SQLModel

from worksession.storage.database import Database

RecordView = Row[Any]


def table_of(model: type[SQLModel]) -> Table:
    """The table behind a model, for plain queries that skip the ORM's per-statement work."""
    return cast(Table, model.__table__)  # type: ignore[attr-defined]


def session_rows(
    s: Session, model: type[SQLModel], session_id: int, *order: str
) -> Sequence[RecordView]:
    """The session's rows of ``model``, by default in the coach's order."""
    query = _session_query(model, order or ("position", "id"))
    return s.execute(query, {"session_id": session_id}).all()


def rows_of_owners(
    s: Session, model: type[SQLModel], owner: type[SQLModel], session_id: int, *order: str
) -> Sequence[RecordView]:
    """Rows of ``model`` that belong to one of the session's ``owner`` rows, in ``order``."""
    return s.execute(_owners_query(model, owner, order), {"session_id": session_id}).all()


def one_row(s: Session, model: type[SQLModel], column: str, value: int) -> RecordView | None:
    """The row whose ``column`` is ``value`` (a session, or a session's own record), if any."""
    return s.execute(_one_query(model, column), {"value": value}).first()


# The statements are built once per shape: composing and caching a statement anew on every
# read cost more than running it (a re-read runs about fifteen of them).


@cache
def _session_query(model: type[SQLModel], order: tuple[str, ...]) -> Select[Any]:
    table = table_of(model)
    return (
        select(table)
        .where(table.c.session_id == bindparam("session_id"))
        .order_by(*(table.c[name] for name in order))
    )


@cache
def _owners_query(
    model: type[SQLModel], owner: type[SQLModel], order: tuple[str, ...]
) -> Select[Any]:
    # The owners are a subquery rather than a list of ids: a bound list is re-processed on
    # every run, which made this query slower than all the others together.
    table, owners = table_of(model), table_of(owner)
    foreign_key = next(column for column in table.c if column.references(owners.c.id))
    session_owners = select(owners.c.id).where(owners.c.session_id == bindparam("session_id"))
    return (
        select(table)
        .where(foreign_key.in_(session_owners))
        .order_by(*(table.c[name] for name in order))
    )


@cache
def _one_query(model: type[SQLModel], column: str) -> Select[Any]:
    table = table_of(model)
    return select(table).where(table.c[column] == bindparam("value"))


def record_rows(db: Database, model: type[SQLModel], session_id: int) -> Sequence[RecordView]:
    """The session's rows of ``model`` in the coach's order, to show (not to change)."""
    with db.reading() as s:
        return session_rows(s, model, session_id)
