"""The follow-up session: the signed plan it reviews, the review per agreement, the lesson cards.

Revision ID: 0007
Revises: 0006
"""

from alembic import op
import sqlalchemy as sa


revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

STATUS = "('open', 'in_progress', 'done', 'dropped')"


def upgrade() -> None:
    op.create_table(
        "session_origin",
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("origin_session_id", sa.Integer(), nullable=True),
        sa.Column("title", sa.String(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("fingerprint", sa.String(), nullable=False),
        sa.Column("snapshot", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["session_id"], ["work_session.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["origin_session_id"], ["work_session.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("session_id"),
    )
    with op.batch_alter_table("session_origin", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_session_origin_origin_session_id"), ["origin_session_id"], unique=False
        )

    op.create_table(
        "agreement_review",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("agreement_id", sa.Integer(), nullable=False),
        sa.Column("status_now", sa.String(), nullable=True),
        sa.Column("what_happened", sa.Text(), nullable=False),
        sa.Column("indicator_seen", sa.String(), nullable=True),
        sa.Column("evidence", sa.Text(), nullable=False),
        sa.Column("decision", sa.String(), nullable=True),
        sa.CheckConstraint(
            f"status_now IS NULL OR status_now IN {STATUS}", name="ck_agreement_review_status"
        ),
        sa.CheckConstraint(
            "indicator_seen IS NULL OR indicator_seen IN ('yes', 'partly', 'no')",
            name="ck_agreement_review_indicator",
        ),
        sa.CheckConstraint(
            "decision IS NULL OR decision IN ('continue', 'adjust', 'completed', 'stop')",
            name="ck_agreement_review_decision",
        ),
        sa.ForeignKeyConstraint(["session_id"], ["work_session.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["agreement_id"], ["agreement.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("agreement_id", name="uq_agreement_review_agreement"),
    )
    with op.batch_alter_table("agreement_review", schema=None) as batch_op:
        for name in ("session_id", "agreement_id"):
            batch_op.create_index(batch_op.f(f"ix_agreement_review_{name}"), [name], unique=False)

    op.create_table(
        "lesson_card",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("obstacle", sa.String(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.CheckConstraint("kind IN ('worked', 'hindered')", name="ck_lesson_card_kind"),
        sa.ForeignKeyConstraint(["session_id"], ["work_session.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("lesson_card", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_lesson_card_session_id"), ["session_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("lesson_card", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_lesson_card_session_id"))
    op.drop_table("lesson_card")
    with op.batch_alter_table("agreement_review", schema=None) as batch_op:
        for name in ("session_id", "agreement_id"):
            batch_op.drop_index(batch_op.f(f"ix_agreement_review_{name}"))
    op.drop_table("agreement_review")
    with op.batch_alter_table("session_origin", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_session_origin_origin_session_id"))
    op.drop_table("session_origin")
