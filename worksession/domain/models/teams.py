"""Teams on a shared server: which database roles (coaches) work on which sessions.

A session on a PostgreSQL server belongs to one team (``work_session.team_id``); a coach
connects with a database role of their own, and row-level security lets that role see and change
only the sessions of the teams it is a member of (``team_member.role_name``). On an SQLite file
(one laptop, one coach) the tables exist, stay empty and mean nothing; ``team_id`` stays NULL.
"""

from __future__ import annotations

from sqlalchemy import Column, ForeignKey, Integer, String
from sqlmodel import Field, SQLModel


class Team(SQLModel, table=True):
    """A group of coaches that shares sessions: a GGD, a ROS, an NHG region."""

    __tablename__ = "team"

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(sa_column=Column(String, nullable=False, unique=True))


class TeamMember(SQLModel, table=True):
    """A database role (a coach's login) that belongs to a team."""

    __tablename__ = "team_member"

    team_id: int = Field(
        sa_column=Column(Integer, ForeignKey("team.id", ondelete="CASCADE"), primary_key=True)
    )
    role_name: str = Field(sa_column=Column(String, primary_key=True))
