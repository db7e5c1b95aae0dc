"""Step notes of the coach and the session's short evaluation.

Revision ID: 0003
Revises: 0002
"""

from alembic import op
import sqlalchemy as sa


revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "step_note",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("step_id", sa.String(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["session_id"], ["work_session.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("session_id", "step_id", name="uq_step_note"),
    )
    with op.batch_alter_table("step_note", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_step_note_session_id"), ["session_id"], unique=False)
    op.create_table(
        "evaluation",
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("went_well", sa.Text(), nullable=False),
        sa.Column("to_improve", sa.Text(), nullable=False),
        sa.Column("score", sa.Integer(), nullable=True),
        sa.CheckConstraint("score IS NULL OR score BETWEEN 1 AND 10", name="ck_evaluation_score"),
        sa.ForeignKeyConstraint(["session_id"], ["work_session.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("session_id"),
    )


def downgrade() -> None:
    op.drop_table("evaluation")
    with op.batch_alter_table("step_note", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_step_note_session_id"))
    op.drop_table("step_note")
