"""Teams on a PostgreSQL server: the team a coach's new sessions get, and the server's refusals.

Row-level security (migration 0014) lets a coach's database role see and change only the
sessions of its teams. A new session gets the team the coach chose (``--team``, sent to the
server as the connection setting ``worksession.team``) or the coach's only team; the server
refuses it, with a code of ours, when the role is in no team, not in the chosen one, or in
several without a choice. Those refusals, and a row the rules turn away, become one line here.
On an SQLite file there are no teams and nothing here applies.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import text

from worksession.i18n import _
from worksession.storage.errors import StorageError

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection
    from sqlmodel import Session

TEAM_SETTING = "worksession.team"
NO_TEAM, NOT_IN_TEAM, SEVERAL_TEAMS = "WST01", "WST02", "WST03"  # raised by the server's trigger
ROW_RULES = "42501"  # insufficient privilege: a row the row-level security turned away
# Tables with rules of their own (migration 0014); every other table hangs below a session.
OWN_RULES = frozenset({"alembic_version", "team", "team_member", "work_session"})


class TeamRefused(StorageError):
    """The server refused a change for the coach's team: none, another, or not chosen."""


def team_option(team: str) -> str:
    """The libpq startup option that tells the server which team new sessions belong to."""
    # libpq splits options at spaces unless escaped with a backslash (which escapes itself).
    escaped = team.replace("\\", "\\\\").replace(" ", "\\ ")
    return f"-c {TEAM_SETTING}={escaped}"


def team_name(s: Session, team_id: int | None) -> str | None:
    """The name of the team ``team_id`` (None for none), as an archive keeps a session's team."""
    if team_id is None:
        return None
    from worksession.domain.models import Team

    team = s.get(Team, team_id)
    return None if team is None else team.name


def chosen_team(s: Session) -> str | None:
    """The team this connection's new sessions get (``--team``); None: the server's default."""
    if s.get_bind().dialect.name != "postgresql":
        return None
    value = s.connection().exec_driver_sql(f"SELECT current_setting('{TEAM_SETTING}', true)")
    return value.scalar() or None


def belong_to(s: Session, team: str | None) -> None:
    """Sessions made in the rest of this transaction belong to ``team`` (on a server)."""
    if s.get_bind().dialect.name == "postgresql":
        s.connection().execute(
            text("SELECT set_config(:name, :team, true)"),
            {"name": TEAM_SETTING, "team": team or ""},
        )


def same_team_as(s: Session, session_id: int) -> None:
    """Sessions made in the rest of this transaction join the team of ``session_id`` (its copy,
    its follow-up), on a server; a session without a team leaves the coach's choice as it is."""
    if s.get_bind().dialect.name != "postgresql":
        return
    from worksession.domain.models import WorkSession

    original = s.get(WorkSession, session_id)
    name = None if original is None else team_name(s, original.team_id)
    if name is not None:
        belong_to(s, name)


def team_refusal(error: BaseException) -> TeamRefused | None:
    """The one line for a server's refusal for the team; None for any other error."""
    orig = getattr(error, "orig", None)
    code = getattr(orig, "sqlstate", None)
    diag = getattr(orig, "diag", None)
    teams = (getattr(diag, "message_detail", None) or "").strip()
    if code == NO_TEAM:
        return TeamRefused(
            _(
                "your database role is in no team, so it cannot make a session: ask the "
                "administrator to add it to one (nothing was changed)."
            )
        )
    if code == NOT_IN_TEAM:
        chosen = getattr(diag, "message_hint", None) or ""
        return TeamRefused(
            _(
                "team {team} is not among the teams of your database role: {teams} "
                "(nothing was changed)."
            ).format(team=chosen, teams=teams or "-")
        )
    if code == SEVERAL_TEAMS:
        return TeamRefused(
            _(
                "your database role is in several teams ({teams}): choose the team of the new "
                "session with --team or WORKSESSION_TEAM (nothing was changed)."
            ).format(teams=teams)
        )
    if code == ROW_RULES and "row-level security" in str(orig):
        return TeamRefused(
            _(
                "the change touches a session of another team, which your database role may "
                "not change (nothing was changed)."
            )
        )
    return None


_SECURITY = """
SELECT c.relname, c.relrowsecurity, count(p.polname) FROM pg_class c
LEFT JOIN pg_policy p ON p.polrelid = c.oid
WHERE c.relkind = 'r' AND c.relnamespace = current_schema()::regnamespace
GROUP BY c.relname, c.relrowsecurity ORDER BY c.relname
"""
_SESSION_TABLES = """
SELECT DISTINCT c.relname FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid
WHERE c.relkind = 'r' AND c.relnamespace = current_schema()::regnamespace
  AND a.attname IN ('session_id', 'session_uuid') AND NOT a.attisdropped
"""


def row_security_problems(connection: Connection) -> list[str]:
    """What is missing of the row-level security that keeps teams apart, one line each.

    Every table must have it; the session's own tables and every table with a ``session_id``
    (or ``session_uuid``) need a rule (without one, a coach sees nothing of that table, which
    is safe but breaks the app)."""
    problems = []
    ruled = {}
    for table, secured, rules in connection.exec_driver_sql(_SECURITY):
        ruled[table] = rules
        if not secured:
            problems.append(
                _(
                    "table {table} has no row-level security: every coach sees all of its rows"
                ).format(table=table)
            )
    needing = OWN_RULES | {row[0] for row in connection.exec_driver_sql(_SESSION_TABLES)}
    for table in sorted(needing & ruled.keys()):
        if ruled[table] == 0:
            problems.append(
                _("table {table} has no rule for the teams: coaches see none of its rows").format(
                    table=table
                )
            )
    return problems
