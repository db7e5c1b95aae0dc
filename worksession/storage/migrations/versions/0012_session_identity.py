"""A session's identity and revision for the team archive, and the laptop's sync records.

``work_session`` gains ``uuid`` (unique; every existing session gets a fresh one), ``revision``
(1 for existing sessions; every change adds one), ``changed_by`` and ``last_change`` (empty).
Two tables of the laptop's own: ``sync_state`` (both revisions at the last sync, per archive and
session) and ``waiting_publish`` (sessions to publish once the archive can be reached).

Revision ID: 0012
Revises: 0011
"""

import uuid

from alembic import op
import sqlalchemy as sa


revision = "0012"
# The revision before this one: the only line that changes when another migration comes first.
down_revision = "0011"
branch_labels = None
depends_on = None

# SQLite's ADD COLUMN, exactly as the models declare them: work_session is not copied (a copy
# would drop the table every session's records refer to). PostgreSQL reads the same SQL.
SESSION_COLUMNS = (
    "uuid VARCHAR(36) DEFAULT '' NOT NULL",
    "revision INTEGER DEFAULT 1 NOT NULL CONSTRAINT ck_work_session_revision "
    "CHECK (revision >= 1)",
    "changed_by VARCHAR DEFAULT '' NOT NULL",
    "last_change VARCHAR DEFAULT '' NOT NULL",
)


def upgrade() -> None:
    for column in SESSION_COLUMNS:
        op.execute(f"ALTER TABLE work_session ADD COLUMN {column}")
    connection = op.get_bind()
    ids = [row[0] for row in connection.execute(sa.text("SELECT id FROM work_session"))]
    for session_id in ids:
        connection.execute(
            sa.text("UPDATE work_session SET uuid = :uuid WHERE id = :id"),
            {"uuid": str(uuid.uuid4()), "id": session_id},
        )
    op.create_index("ix_work_session_uuid", "work_session", ["uuid"], unique=True)
    op.create_table(
        "sync_state",
        sa.Column("archive", sa.String(), nullable=False),
        sa.Column("session_uuid", sa.String(length=36), nullable=False),
        sa.Column("local_revision", sa.Integer(), nullable=False),
        sa.Column("archive_revision", sa.Integer(), nullable=False),
        sa.Column("synced_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("archive", "session_uuid"),
    )
    op.create_table(
        "waiting_publish",
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("archive", sa.String(), nullable=False),
        sa.Column("since", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["session_id"], ["work_session.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("session_id"),
    )


def downgrade() -> None:
    op.drop_table("waiting_publish")
    op.drop_table("sync_state")
    op.drop_index("ix_work_session_uuid", table_name="work_session")
    # SQLite's own DROP COLUMN (as 0008): a batch copy would drop work_session and, with the
    # foreign keys on, every record that refers to it.
    for column in ("last_change", "changed_by", "revision", "uuid"):
        op.execute(f"ALTER TABLE work_session DROP COLUMN {column}")
