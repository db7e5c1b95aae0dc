"""Column helpers shared by the tables: foreign keys, long text, the time of now."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import JSON, Boolean, CheckConstraint, Column, ForeignKey, Integer, String, Text


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


def added_flag(default: bool) -> Column[bool]:
    """A yes/no column added to a table that had rows: the database fills them with ``default``."""
    return Column(Boolean, nullable=False, default=default, server_default="1" if default else "0")


def added_json(*, nullable: bool) -> Column[object]:
    """A JSON value (a list, or an object or NULL) added in place to a table that had rows; a
    non-nullable one starts as the empty list."""
    if nullable:
        return Column(JSON, nullable=True)
    return Column(JSON, nullable=False, default=list, server_default="[]")


ONE_PERSON_AT_MOST = "NOT ({p} IS NOT NULL AND {s} IS NOT NULL)"
EXACTLY_ONE_PERSON = "({p} IS NULL) <> ({s} IS NULL)"
