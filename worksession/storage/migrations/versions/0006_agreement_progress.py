"""The progress log between the sessions: status, date, note and reporter per agreement.

Revision ID: 0006
Revises: 0005
"""

from alembic import op
import sqlalchemy as sa


revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

INDEXED = ("session_id", "agreement_id", "reporter_participant_id")


def upgrade() -> None:
    op.create_table(
        "agreement_progress",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("agreement_id", sa.Integer(), nullable=True),
        sa.Column("agreement_key", sa.String(), nullable=False),
        sa.Column("status", sa.String(), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("reported_by", sa.String(), nullable=False),
        sa.Column("reporter_participant_id", sa.Integer(), nullable=True),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "status IN ('open', 'in_progress', 'done', 'dropped')",
            name="ck_agreement_progress_status",
        ),
        sa.ForeignKeyConstraint(["session_id"], ["work_session.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["agreement_id"], ["agreement.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(
            ["reporter_participant_id"], ["participant.id"], ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("agreement_progress", schema=None) as batch_op:
        for name in INDEXED:
            batch_op.create_index(
                batch_op.f(f"ix_agreement_progress_{name}"), [name], unique=False
            )


def downgrade() -> None:
    with op.batch_alter_table("agreement_progress", schema=None) as batch_op:
        for name in INDEXED:
            batch_op.drop_index(batch_op.f(f"ix_agreement_progress_{name}"))
    op.drop_table("agreement_progress")
