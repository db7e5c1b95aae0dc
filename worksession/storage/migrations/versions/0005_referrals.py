"""Referral agreements (verwijsafspraken): signal, who refers to whom, contact, feedback.

Revision ID: 0005
Revises: 0004
"""

from alembic import op
import sqlalchemy as sa


revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

PEOPLE = (
    "source_participant_id",
    "source_stakeholder_id",
    "target_participant_id",
    "target_stakeholder_id",
)


def upgrade() -> None:
    op.create_table(
        "referral",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("theme_id", sa.Integer(), nullable=True),
        sa.Column("signal", sa.Text(), nullable=False),
        *(sa.Column(name, sa.Integer(), nullable=True) for name in PEOPLE),
        sa.Column("contact", sa.String(), nullable=False),
        sa.Column("feedback", sa.Boolean(), nullable=False),
        sa.Column("feedback_how", sa.Text(), nullable=False),
        sa.CheckConstraint(
            "NOT (source_participant_id IS NOT NULL AND source_stakeholder_id IS NOT NULL)",
            name="ck_referral_one_source",
        ),
        sa.CheckConstraint(
            "NOT (target_participant_id IS NOT NULL AND target_stakeholder_id IS NOT NULL)",
            name="ck_referral_one_target",
        ),
        sa.ForeignKeyConstraint(["session_id"], ["work_session.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["theme_id"], ["theme.id"], ondelete="SET NULL"),
        *(
            sa.ForeignKeyConstraint(
                [name], [f"{name.split('_')[1]}.id"], ondelete="SET NULL"
            )
            for name in PEOPLE
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("referral", schema=None) as batch_op:
        for name in ("session_id", "theme_id", *PEOPLE):
            batch_op.create_index(batch_op.f(f"ix_referral_{name}"), [name], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("referral", schema=None) as batch_op:
        for name in ("session_id", "theme_id", *PEOPLE):
            batch_op.drop_index(batch_op.f(f"ix_referral_{name}"))
    op.drop_table("referral")
