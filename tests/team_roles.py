"""Two teams on the throwaway server, each with a coach's own role, set up as the README says.

Roles belong to the whole server, so they are made once (and kept until it stops); the grants,
teams and memberships belong to each test's database. The grants the coaches get are read from
the README's *Setting up a team*, so the tests prove the SQL an administrator types.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import psycopg
from sqlalchemy.engine import make_url

from tests.postgres_server import SUPERUSER, PostgresServer

README = Path(__file__).resolve().parent.parent / "README.md"
GROUP = "worksession_coach"
NOORD, ZUID = "GGD Noord", "GGD Zuid"
# coach role -> the teams it is in
COACHES = {
    "coach_noord": (NOORD,),
    "coach_zuid": (ZUID,),
    "coach_beide": (NOORD, ZUID),
    "coach_zonder": (),
}


def readme_sql() -> str:
    """The SQL of the README's team set-up (its first ``sql`` block after the heading)."""
    text = README.read_text(encoding="utf-8")
    section = text.split("### Setting up a team", 1)[1]
    found = re.search(r"```sql\n(.*?)```", section, re.DOTALL)
    assert found is not None, "the README's team set-up has no sql block"
    return found.group(1)


def readme_grants() -> list[str]:
    """The statements of the README's SQL that give the coaches' group its rights."""
    statements = [s.strip() for s in _without_comments(readme_sql()).split(";")]
    grants = [s for s in statements if s.startswith(("GRANT", "ALTER DEFAULT", "REVOKE"))]
    assert grants, "the README's team set-up grants nothing"
    return grants


def _without_comments(sql: str) -> str:
    return "\n".join(line.split("--", 1)[0] for line in sql.splitlines())


def run_as(url: str, *statements: str) -> None:
    """Run ``statements`` on the database of ``url`` as its role, each committed."""
    with connect(url) as connection:
        for statement in statements:
            connection.execute(statement)  # type: ignore[arg-type]  # our own fixed SQL


def connect(url: str) -> psycopg.Connection[tuple[object, ...]]:
    """A plain driver connection (autocommit) for ``url``: raw SQL, as an attacker types it."""
    parsed = make_url(url)
    return psycopg.connect(
        host=str(parsed.query["host"]),
        user=parsed.username,
        dbname=parsed.database,
        autocommit=True,
    )


def role_url(url: str, role: str) -> str:
    return make_url(url).set(username=role).render_as_string(hide_password=False)


@dataclass(frozen=True)
class Teams:
    """A database with the two teams; ``url`` connects as its owner, ``coach`` as a coach."""

    url: str
    ids: dict[str, int]

    def coach(self, role: str) -> str:
        return role_url(self.url, role)


_MADE_ROLES: set[str] = set()


def make_roles(server: PostgresServer) -> None:
    key = str(server.folder)
    if key in _MADE_ROLES:
        return
    statements = [f"CREATE ROLE {GROUP} NOLOGIN"] + [
        f"CREATE ROLE {role} LOGIN IN ROLE {GROUP}" for role in COACHES
    ]
    run_as(server.url("postgres"), *statements)
    _MADE_ROLES.add(key)


def two_teams(server: PostgresServer, url: str) -> Teams:
    """Give the (migrated) database at ``url`` the README's grants, two teams and the coaches."""
    assert make_url(url).username == SUPERUSER
    make_roles(server)
    run_as(url, *readme_grants())
    ids: dict[str, int] = {}
    with connect(url) as connection:
        for name in (NOORD, ZUID):
            row = connection.execute(
                "INSERT INTO team (name) VALUES (%s) RETURNING id", (name,)
            ).fetchone()
            assert row is not None
            ids[name] = int(str(row[0]))
        for role, names in COACHES.items():
            for name in names:
                connection.execute(
                    "INSERT INTO team_member (team_id, role_name) VALUES (%s, %s)",
                    (ids[name], role),
                )
    return Teams(url=url, ids=ids)
