"""Two times of the progress log and the follow-up's origin carry their zone on PostgreSQL.

Migrations 0006 and 0007 made ``agreement_progress.recorded_at`` and
``session_origin.created_at`` timestamps without a zone, where the models (and every other time
in the schema) say "with a zone". On a server that meant an aware time was stored by the
connection's own clock, so the app forced its connections to UTC. Made ``timestamptz`` here, a
time is an instant whatever the server's or the connection's zone; the values stored so far were
written in UTC and are read as UTC. On SQLite a time has no stored type to change: nothing to do.

Revision ID: 0013
Revises: 0012
"""

from alembic import op


revision = "0013"
# The revision before this one: the only line that changes when another migration comes first.
down_revision = "0012"
branch_labels = None
depends_on = None

COLUMNS = (("agreement_progress", "recorded_at"), ("session_origin", "created_at"))


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for table, column in COLUMNS:
        op.execute(
            f"ALTER TABLE {table} ALTER COLUMN {column} TYPE timestamptz "
            f"USING {column} AT TIME ZONE 'UTC'"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    # Back to the UTC wall-clock time that 0006 and 0007 stored.
    for table, column in COLUMNS:
        op.execute(
            f"ALTER TABLE {table} ALTER COLUMN {column} TYPE timestamp "
            f"USING {column} AT TIME ZONE 'UTC'"
        )
