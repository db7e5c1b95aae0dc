"""Borging: the conditions that make agreements last, and the preparation timeline's ticks.

Revision ID: 0011
Revises: 0010
"""

from alembic import op
import sqlalchemy as sa


revision = "0011"
# The revision before this one: the only line that changes when another migration comes first.
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "condition",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("state", sa.String(), nullable=False),
        sa.Column("arranged_by_participant_id", sa.Integer(), nullable=True),
        sa.Column("arranged_by_stakeholder_id", sa.Integer(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.CheckConstraint(
            "NOT (arranged_by_participant_id IS NOT NULL AND arranged_by_stakeholder_id IS NOT "
            "NULL)",
            name="ck_condition_one_person",
        ),
        sa.ForeignKeyConstraint(
            ["arranged_by_participant_id"], ["participant.id"], ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["arranged_by_stakeholder_id"], ["stakeholder.id"], ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(["session_id"], ["work_session.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("session_id", "kind", name="uq_condition_kind"),
    )
    with op.batch_alter_table("condition", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_condition_arranged_by_participant_id"),
            ["arranged_by_participant_id"],
            unique=False,
        )
        batch_op.create_index(
            batch_op.f("ix_condition_arranged_by_stakeholder_id"),
            ["arranged_by_stakeholder_id"],
            unique=False,
        )
        batch_op.create_index(batch_op.f("ix_condition_session_id"), ["session_id"], unique=False)
    op.create_table(
        "preparation_tick",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("item", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(["session_id"], ["work_session.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("session_id", "item", name="uq_preparation_tick_item"),
    )
    with op.batch_alter_table("preparation_tick", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_preparation_tick_session_id"), ["session_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("preparation_tick", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_preparation_tick_session_id"))
    op.drop_table("preparation_tick")
    with op.batch_alter_table("condition", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_condition_session_id"))
        batch_op.drop_index(batch_op.f("ix_condition_arranged_by_stakeholder_id"))
        batch_op.drop_index(batch_op.f("ix_condition_arranged_by_participant_id"))
    op.drop_table("condition")
