"""The laptop's sync record also keeps a fingerprint of the archive's session at the last sync.

Revisions alone trust every writer of the archive to count: a change made there without a new
revision (by hand in SQL, by a program that does not count) looked unchanged, and the next
publish overwrote it. With the fingerprint of what the archive held (``archive_digest``, the
SHA-256 of the session's content) a change is seen whatever its revision says. Records made
before this migration have none (empty) and are compared by revision, as before.

Revision ID: 0015
Revises: 0014
"""

from alembic import op
import sqlalchemy as sa


revision = "0015"
# The revision before this one: the only line that changes when another migration comes first.
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Added in place on both engines (as 0008): no copy of the table.
    op.add_column(
        "sync_state",
        sa.Column("archive_digest", sa.String(length=64), nullable=False, server_default=""),
    )


def downgrade() -> None:
    op.execute("ALTER TABLE sync_state DROP COLUMN archive_digest")
