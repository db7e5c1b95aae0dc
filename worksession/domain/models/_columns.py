"""Column helpers shared by the tables: foreign keys, long text, the time of now."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import CheckConstraint, Column, ForeignKey, Integer, String, Text


def utcnow() -> dt.datetime:
    """Aware UTC: every stored time is UTC, whatever the laptop's zone."""
    return dt.datetime.now(dt.UTC)


def fk(target: str, *, ondelete: str, nullable: bool = False, index: bool = True) -> Column[int]:
    return Column(Integer, ForeignKey(target, ondelete=ondelete), nullable=nullable, index=index)


def session_primary_key() -> Column[int]:
    """A one-per-session record keyed by its session."""
    return Column(Integer, ForeignKey("work_session.id", ondelete="CASCADE"), primary_key=True)


def long_text() -> Column[str]:
    return Column(Text, nullable=False, default="")


def short_text(default: str, *, check: str = "", name: str = "") -> Column[str]:
    """A text column added to a table that had rows: the database fills them with ``default``.

    ``check`` (named ``name``) belongs to the column: SQLite adds a column with its check to a
    table in place, where a check of the table's would copy the whole table."""
    constraints = [CheckConstraint(check, name=name)] if check else []
    return Column(String, *constraints, nullable=False, default=default, server_default=default)


ONE_PERSON_AT_MOST = "NOT ({p} IS NOT NULL AND {s} IS NOT NULL)"
EXACTLY_ONE_PERSON = "({p} IS NULL) <> ({s} IS NULL)"
