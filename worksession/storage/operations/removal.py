"""Remove a record so that undo can put it back exactly, with everything that depended on it.

Before the delete, the record and every row that its foreign keys would take with it (ON DELETE
CASCADE) are copied, and every link that would be cleared (ON DELETE SET NULL) is remembered.
Restoring inserts the rows again with their own ids and sets the cleared links back: an agreement
whose lead was a removed stakeholder gets its lead again.

Removing a theme takes its marks on the ballots with it, removing a participant leaves their
ballot without a name; after a removal or a restore that touched themes or ballots the scores
and ranks of the vote round are recomputed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Table, insert, select, update
from sqlmodel import Session, SQLModel

from worksession.storage.database import Database
from worksession.storage.operations._rows import fetch, touch
from worksession.storage.operations.vote_count import refresh_votes

RowKey = tuple[str, tuple[Any, ...]]
VOTE_TABLES = frozenset({"theme", "vote_ballot", "vote_mark"})


@dataclass(frozen=True)
class RemovalSnapshot:
    """What a removal took away: rows parents-first, and the links it cleared."""

    session_id: int
    rows: tuple[tuple[str, dict[str, Any]], ...]
    cleared: tuple[tuple[str, dict[str, Any], str, Any], ...]  # table, primary key, column, value


def _table(name: str) -> Table:
    return SQLModel.metadata.tables[name]


def _primary_key(table: Table, row: Any) -> dict[str, Any]:
    return {column.name: row[column.name] for column in table.primary_key.columns}


def _collect(
    connection: Connection,
    table: Table,
    column: str,
    value: Any,
    rows: list[tuple[str, dict[str, Any]]],
    cleared: list[tuple[str, dict[str, Any], str, Any]],
    seen: set[RowKey],
) -> None:
    for row in connection.execute(select(table).where(table.c[column] == value)).mappings():
        key = (table.name, tuple(_primary_key(table, row).values()))
        if key in seen:
            continue
        seen.add(key)
        rows.append((table.name, dict(row)))
        for child in SQLModel.metadata.sorted_tables:
            for foreign_key in child.foreign_keys:
                if foreign_key.column.table is not table:
                    continue
                parent_value = row[foreign_key.column.name]
                link = foreign_key.parent.name
                if foreign_key.ondelete == "CASCADE":
                    _collect(connection, child, link, parent_value, rows, cleared, seen)
                elif foreign_key.ondelete == "SET NULL":
                    query = select(child).where(child.c[link] == parent_value)
                    for dependant in connection.execute(query).mappings():
                        cleared.append(
                            (child.name, _primary_key(child, dependant), link, parent_value)
                        )


def _gather(s: Session, model: type[SQLModel], row_id: int) -> tuple[SQLModel, RemovalSnapshot]:
    row = fetch(s, model, row_id)
    session_id = int(getattr(row, "session_id"))  # noqa: B009 - every removable row has one
    table = _table(str(model.__tablename__))
    rows: list[tuple[str, dict[str, Any]]] = []
    cleared: list[tuple[str, dict[str, Any], str, Any]] = []
    _collect(s.connection(), table, "id", row_id, rows, cleared, set())
    return row, RemovalSnapshot(session_id, tuple(rows), tuple(cleared))


def preview_removal(*, db: Database, model: type[SQLModel], row_id: int) -> RemovalSnapshot:
    """What removing this record would take away, found exactly as the removal finds it.

    Nothing changes: the coach is asked first, and the question lists these rows and links.
    """
    with db.reading() as s:
        return _gather(s, model, row_id)[1]


def remove_with_snapshot(*, db: Database, model: type[SQLModel], row_id: int) -> RemovalSnapshot:
    """Delete one record (and what cascades) in one transaction; return what undo needs."""
    with db.transaction() as s:
        row, snapshot = _gather(s, model, row_id)
        session_id, rows = snapshot.session_id, snapshot.rows
        s.delete(row)
        s.flush()
        _refresh_votes_if_touched(s, session_id, rows)
        touch(s, session_id)
    return snapshot


def restore_snapshot(*, db: Database, snapshot: RemovalSnapshot) -> None:
    """Put back exactly what ``remove_with_snapshot`` took away, ids and links included."""
    with db.transaction() as s:
        connection = s.connection()
        for name, values in snapshot.rows:
            connection.execute(insert(_table(name)).values(**values))
        for name, key, column, value in snapshot.cleared:
            table = _table(name)
            condition = [table.c[pk] == pk_value for pk, pk_value in key.items()]
            connection.execute(update(table).where(*condition).values({column: value}))
        _refresh_votes_if_touched(s, snapshot.session_id, snapshot.rows)
        touch(s, snapshot.session_id)


def _refresh_votes_if_touched(
    s: Session, session_id: int, rows: Sequence[tuple[str, dict[str, Any]]]
) -> None:
    if any(name in VOTE_TABLES for name, _values in rows):
        refresh_votes(s, session_id)
