"""A coach's own role on the test server: each coach connects with a role of their own.

``coach_url(url, role)`` makes the role (once for the whole server; roles are the cluster's),
lets it read and write the tables of the database at ``url``, and returns that database's URL
for the role. ``name`` is the coach's name a team may give the role (``COMMENT ON ROLE``).
The role is put in one shared team, and the sessions made before it (by the administrator, in no
team yet) are given to that team, as the README tells an administrator to do: the coaches of
these tests all work on the same sessions.
"""

from __future__ import annotations

import psycopg
from psycopg import sql
from sqlalchemy.engine import make_url

TEAM = "Wijkteam"


def coach_url(url: str, role: str, *, name: str = "") -> str:
    parsed = make_url(url)
    host = parsed.query["host"]
    assert isinstance(host, str)
    with psycopg.connect(
        host=host, user=parsed.username, dbname=parsed.database, autocommit=True
    ) as connection:
        exists = connection.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (role,))
        if exists.fetchone() is None:
            connection.execute(sql.SQL("CREATE ROLE {} LOGIN").format(sql.Identifier(role)))
        comment = sql.SQL("COMMENT ON ROLE {} IS {}").format(
            sql.Identifier(role), sql.Literal(name or None)
        )
        connection.execute(comment)
        for grant in (
            "GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {}",
            "GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO {}",
        ):
            connection.execute(sql.SQL(grant).format(sql.Identifier(role)))
        connection.execute("INSERT INTO team (name) VALUES (%s) ON CONFLICT DO NOTHING", (TEAM,))
        connection.execute(
            "INSERT INTO team_member (team_id, role_name) SELECT id, %s FROM team"
            " WHERE name = %s ON CONFLICT DO NOTHING",
            (role, TEAM),
        )
        connection.execute(
            "UPDATE work_session SET team_id = (SELECT id FROM team WHERE name = %s)"
            " WHERE team_id IS NULL",
            (TEAM,),
        )
    return parsed.set(username=role).render_as_string(hide_password=False)
