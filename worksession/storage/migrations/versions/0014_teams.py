"""Teams, and on a PostgreSQL server row-level security: a coach's role sees its teams' sessions.

Both engines get the ``team`` and ``team_member`` tables and ``work_session.team_id`` (NULL on
an SQLite file, where teams mean nothing). On a server, every table of the schema gets row-level
security, so a role that is not the tables' owner (a coach) sees and changes only:

- its own memberships (``team_member.role_name = current_user``) and those teams, read-only;
- the sessions of those teams (``work_session.team_id``), also as the row it writes: a session
  cannot be moved to, or made for, a team the role is not in;
- the rows of every table that hangs below a visible session, by its ``session_id`` or, for a
  table without one, by the row above it (a sign-off by its plan version); a row it writes must
  point at visible rows only, through every reference it has;
- ``alembic_version``, read-only; any other table (none today) not at all.

The tables are found through their foreign keys when the migration runs, so a table an earlier
migration added is covered. Row-level security is enabled, not forced: the owner (the role that
runs the migrations, the administrator) sees everything, coaches never own the tables. A
trigger gives a new session the team its coach chose (``worksession.team``, the ``--team``
option) or the coach's only team, and refuses by name when the coach has none or several.

Revision ID: 0014
Revises: 0013
"""

from __future__ import annotations

from alembic import op
import sqlalchemy as sa


revision = "0014"
# The revision before this one: the only line that changes when another migration comes first.
down_revision = "0013"
branch_labels = None
depends_on = None

PREFIX = "worksession_"  # every policy, function and trigger made here, found again by it
MINE = "(SELECT m.team_id FROM {schema}.team_member m WHERE m.role_name = current_user)"
# Tables with rules of their own; every other table hangs below a session or is closed.
OWN_RULES = ("alembic_version", "team", "team_member", "work_session")

_FOREIGN_KEYS = """
SELECT child.relname, col.attname, col.attnotnull, parent.relname, pcol.attname
FROM pg_constraint c
JOIN pg_class child ON child.oid = c.conrelid
JOIN pg_class parent ON parent.oid = c.confrelid
JOIN pg_attribute col ON col.attrelid = c.conrelid AND col.attnum = c.conkey[1]
JOIN pg_attribute pcol ON pcol.attrelid = c.confrelid AND pcol.attnum = c.confkey[1]
WHERE c.contype = 'f' AND cardinality(c.conkey) = 1
  AND child.relnamespace = current_schema()::regnamespace
ORDER BY child.relname, col.attname
"""
# Tables that name a session by its identity (``session_uuid``), where sessions have one.
_BY_IDENTITY = """
SELECT c.relname FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
WHERE a.attname = 'session_uuid' AND NOT a.attisdropped AND c.relkind = 'r'
  AND c.relnamespace = current_schema()::regnamespace
  AND EXISTS (
      SELECT 1 FROM pg_attribute u JOIN pg_class w ON w.oid = u.attrelid
      WHERE w.relname = 'work_session' AND w.relnamespace = c.relnamespace
        AND u.attname = 'uuid' AND NOT u.attisdropped)
"""
_TABLES = """
SELECT relname FROM pg_class
WHERE relkind = 'r' AND relnamespace = current_schema()::regnamespace ORDER BY relname
"""

# Runs as the role that inserts: a coach's session gets the chosen team, or the only one.
_SESSION_TEAM = """
CREATE FUNCTION {schema}.worksession_session_team() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $body$
DECLARE
    chosen text := nullif(current_setting('worksession.team', true), '');
    bound boolean := row_security_active('{schema}.work_session');
    found integer;
    teams integer;
    names text;
BEGIN
    IF NEW.team_id IS NOT NULL THEN
        RETURN NEW;  -- the policy checks that it is one of the role's teams
    END IF;
    SELECT min(t.id) FILTER (WHERE t.name = chosen), count(*), string_agg(t.name, ', ' ORDER BY t.name)
      INTO found, teams, names
      FROM {schema}.team t
     WHERE NOT bound OR t.id IN {mine};
    IF chosen IS NOT NULL AND found IS NULL THEN
        RAISE EXCEPTION 'role % is not in team %', current_user, chosen
            USING ERRCODE = 'WST02', DETAIL = coalesce(names, ''), HINT = chosen;
    END IF;
    IF found IS NOT NULL OR NOT bound THEN
        NEW.team_id := found;  -- the owner may leave a session without a team
        RETURN NEW;
    END IF;
    IF teams = 1 THEN
        SELECT t.id INTO NEW.team_id FROM {schema}.team t WHERE t.id IN {mine};
        RETURN NEW;
    END IF;
    IF teams = 0 THEN
        RAISE EXCEPTION 'role % is in no team', current_user USING ERRCODE = 'WST01';
    END IF;
    RAISE EXCEPTION 'role % is in several teams: %', current_user, names
        USING ERRCODE = 'WST03', DETAIL = names;
END
$body$
"""


def upgrade() -> None:
    op.create_table(
        "team",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("name"),
    )
    op.create_table(
        "team_member",
        sa.Column("team_id", sa.Integer(), nullable=False),
        sa.Column("role_name", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(["team_id"], ["team.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("team_id", "role_name"),
    )
    server = op.get_bind().dialect.name == "postgresql"
    # In place on SQLite (no copy of work_session, whose children would go with it); the
    # reference to the team only where teams mean something.
    reference = (
        " CONSTRAINT fk_work_session_team REFERENCES team (id) ON DELETE RESTRICT"
        if server
        else ""
    )
    op.execute(f"ALTER TABLE work_session ADD COLUMN team_id INTEGER{reference}")
    op.create_index("ix_work_session_team_id", "work_session", ["team_id"], unique=False)
    if server:
        _secure_rows()


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        _open_rows()
    op.drop_index("ix_work_session_team_id", table_name="work_session")
    # SQLite's own DROP COLUMN: a batch copy would drop work_session and cascade.
    op.execute("ALTER TABLE work_session DROP COLUMN team_id")
    op.drop_table("team_member")
    op.drop_table("team")


def _quote(name: str) -> str:
    return op.get_bind().dialect.identifier_preparer.quote(name)


def _secure_rows() -> None:
    bind = op.get_bind()
    schema = _quote(bind.exec_driver_sql("SELECT current_schema()").scalar_one())
    mine = MINE.format(schema=schema)
    tables = [row[0] for row in bind.exec_driver_sql(_TABLES)]
    references: dict[str, list[tuple[str, bool, str, str]]] = {}
    for child, column, not_null, parent, key in bind.exec_driver_sql(_FOREIGN_KEYS):
        references.setdefault(child, []).append((column, not_null, parent, key))
    for table in tables:
        op.execute(f"ALTER TABLE {schema}.{_quote(table)} ENABLE ROW LEVEL SECURITY")
    # (which commands, the rows it sees, the rows it may write); read-only ones write nothing.
    rules: dict[str, tuple[str, str, str]] = {
        "alembic_version": ("FOR SELECT", "true", ""),
        "team_member": ("FOR SELECT", "role_name = current_user", ""),
        "team": ("FOR SELECT", f"id IN {mine}", ""),
        "work_session": ("FOR ALL", f"team_id IN {mine}", f"team_id IN {mine}"),
    }
    identified = [row[0] for row in bind.exec_driver_sql(_BY_IDENTITY)]
    rules.update(_below_sessions(tables, references, identified, schema))
    for table, (reach, using, check) in rules.items():
        checked = f" WITH CHECK ({check})" if check else ""
        op.execute(
            f"CREATE POLICY {PREFIX}rows ON {schema}.{_quote(table)} {reach} "
            f"USING ({using}){checked}"
        )
    op.execute(_SESSION_TEAM.format(schema=schema, mine=mine))
    op.execute(
        f"CREATE TRIGGER {PREFIX}session_team BEFORE INSERT ON {schema}.work_session "
        f"FOR EACH ROW EXECUTE FUNCTION {schema}.worksession_session_team()"
    )


def _below_sessions(
    tables: list[str],
    references: dict[str, list[tuple[str, bool, str, str]]],
    identified: list[str],
    schema: str,
) -> dict[str, tuple[str, str, str]]:
    """The rule of each table that hangs below a session: by its ``session_id``, else by a
    required reference to a table that does (repeated until nothing more is found), else by
    the session's identity it names (``session_uuid``, a sync's record of a session)."""
    scoped = {"work_session"}
    scope: dict[str, tuple[str, str, str]] = {}
    found = True
    while found:
        found = False
        for table in tables:
            if table in scoped or table in OWN_RULES:
                continue
            links = references.get(table, [])
            chosen = [link for link in links if link[0] == "session_id" and link[2] in scoped]
            chosen = chosen or [link for link in links if link[1] and link[2] in scoped]
            if chosen:
                column, _not_null, parent, key = chosen[0]
                scope[table] = (column, parent, key)
                scoped.add(table)
                found = True
    for table in identified:
        if table not in scoped and table not in OWN_RULES:
            scope[table] = ("session_uuid", "work_session", "uuid")
    rules = {}
    for table, (column, parent, key) in scope.items():
        using = f"{_quote(column)} IN (SELECT {_quote(key)} FROM {schema}.{_quote(parent)})"
        # Every reference of a written row points at a row this role may see.
        checks = [
            f"({_quote(col)} IS NULL OR {_quote(col)} IN "
            f"(SELECT {_quote(k)} FROM {schema}.{_quote(p)}))"
            for col, _not_null, p, k in references.get(table, [])
            if p in scoped
        ]
        rules[table] = ("FOR ALL", using, " AND ".join(checks))
    return rules


def _open_rows() -> None:
    bind = op.get_bind()
    schema = _quote(bind.exec_driver_sql("SELECT current_schema()").scalar_one())
    op.execute(f"DROP TRIGGER IF EXISTS {PREFIX}session_team ON {schema}.work_session")
    op.execute(f"DROP FUNCTION IF EXISTS {schema}.worksession_session_team()")
    policies = bind.exec_driver_sql(
        "SELECT tablename, policyname FROM pg_policies WHERE schemaname = current_schema() "
        f"AND starts_with(policyname, '{PREFIX}')"
    ).fetchall()
    for table, policy in policies:
        op.execute(f"DROP POLICY {_quote(policy)} ON {schema}.{_quote(table)}")
    for (table,) in bind.exec_driver_sql(_TABLES).fetchall():
        op.execute(f"ALTER TABLE {schema}.{_quote(table)} DISABLE ROW LEVEL SECURITY")
