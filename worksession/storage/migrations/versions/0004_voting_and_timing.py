"""Vote rounds with ballots, step timings, and the start time of the dagdeel.

Revision ID: 0004
Revises: 0003
"""

from alembic import op
import sqlalchemy as sa


revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("work_session", schema=None) as batch_op:
        batch_op.add_column(sa.Column("start_time", sa.String(), nullable=True))
    op.create_table(
        "vote_round",
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("mode", sa.String(), nullable=False),
        sa.Column("entry", sa.String(), nullable=False),
        sa.Column("per_person", sa.Integer(), nullable=True),
        sa.Column("cap", sa.Integer(), nullable=True),
        sa.Column("anonymous", sa.Boolean(), nullable=False),
        sa.Column("voters", sa.Integer(), nullable=True),
        sa.Column("tie_break", sa.Text(), nullable=False),
        sa.CheckConstraint("mode IN ('dots', 'points', 'ranking', 'hands')", name="ck_vote_mode"),
        sa.CheckConstraint("entry IN ('totals', 'ballots')", name="ck_vote_entry"),
        sa.CheckConstraint("per_person IS NULL OR per_person >= 1", name="ck_vote_per_person"),
        sa.CheckConstraint("cap IS NULL OR cap >= 1", name="ck_vote_cap"),
        sa.CheckConstraint("voters IS NULL OR voters >= 0", name="ck_vote_voters"),
        sa.ForeignKeyConstraint(["session_id"], ["work_session.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("session_id"),
    )
    op.create_table(
        "vote_ballot",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("participant_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["participant_id"], ["participant.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["session_id"], ["work_session.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("session_id", "participant_id", name="uq_vote_ballot_participant"),
    )
    with op.batch_alter_table("vote_ballot", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_vote_ballot_participant_id"), ["participant_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_vote_ballot_session_id"), ["session_id"], unique=False)
    op.create_table(
        "vote_mark",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("ballot_id", sa.Integer(), nullable=False),
        sa.Column("theme_id", sa.Integer(), nullable=False),
        sa.Column("value", sa.Integer(), nullable=False),
        sa.CheckConstraint("value >= 0", name="ck_vote_mark_value"),
        sa.ForeignKeyConstraint(["ballot_id"], ["vote_ballot.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["theme_id"], ["theme.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("ballot_id", "theme_id", name="uq_vote_mark"),
    )
    with op.batch_alter_table("vote_mark", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_vote_mark_ballot_id"), ["ballot_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_vote_mark_theme_id"), ["theme_id"], unique=False)
    op.create_table(
        "step_timing",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("step_id", sa.String(), nullable=False),
        sa.Column("actual_seconds", sa.Integer(), nullable=False),
        sa.Column("extra_minutes", sa.Integer(), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.CheckConstraint("actual_seconds >= 0", name="ck_step_timing_seconds"),
        sa.CheckConstraint("extra_minutes >= 0", name="ck_step_timing_extra"),
        sa.ForeignKeyConstraint(["session_id"], ["work_session.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("session_id", "step_id", name="uq_step_timing"),
    )
    with op.batch_alter_table("step_timing", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_step_timing_session_id"), ["session_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("step_timing", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_step_timing_session_id"))
    op.drop_table("step_timing")
    with op.batch_alter_table("vote_mark", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_vote_mark_theme_id"))
        batch_op.drop_index(batch_op.f("ix_vote_mark_ballot_id"))
    op.drop_table("vote_mark")
    with op.batch_alter_table("vote_ballot", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_vote_ballot_session_id"))
        batch_op.drop_index(batch_op.f("ix_vote_ballot_participant_id"))
    op.drop_table("vote_ballot")
    op.drop_table("vote_round")
    with op.batch_alter_table("work_session", schema=None) as batch_op:
        batch_op.drop_column("start_time")
