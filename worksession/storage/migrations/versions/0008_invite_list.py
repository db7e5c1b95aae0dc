"""The invite list: a participant's initials, register and invitation; the accreditation ID.

Participants that were there before stay as they were: ``present`` is kept and their invitation
is "registered" (they were on the list the coach kept), initials and register empty.

Revision ID: 0008
Revises: 0007
"""

from alembic import op
import sqlalchemy as sa


revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


# Written as SQLite's ADD COLUMN with the check in the column, exactly as the models declare
# them: the table is not copied (its rows, ids and indexes stay), and a new database made from
# the models has the same schema.
PARTICIPANT_COLUMNS = (
    "initials VARCHAR DEFAULT '' NOT NULL",
    "registration_type VARCHAR DEFAULT '' NOT NULL CONSTRAINT ck_participant_registration_type "
    "CHECK (registration_type IN ('', 'big', 'kngf', 'vvn', 'kabiz', 'other'))",
    "invitation VARCHAR DEFAULT 'registered' NOT NULL CONSTRAINT ck_participant_invitation "
    "CHECK (invitation IN ('invited', 'registered', 'declined'))",
)


def upgrade() -> None:
    for column in PARTICIPANT_COLUMNS:
        op.execute(f"ALTER TABLE participant ADD COLUMN {column}")
    with op.batch_alter_table("work_session", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("accreditation_id", sa.String(), nullable=False, server_default="")
        )


def downgrade() -> None:
    # SQLite's own DROP COLUMN: copying a table (Alembic's batch mode) drops the old one, and
    # dropping work_session would take every row that refers to it along (foreign keys are on).
    op.execute("ALTER TABLE work_session DROP COLUMN accreditation_id")
    for column in ("invitation", "registration_type", "initials"):
        op.execute(f"ALTER TABLE participant DROP COLUMN {column}")
