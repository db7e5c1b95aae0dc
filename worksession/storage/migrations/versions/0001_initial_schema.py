"""Initial schema: sessions, casus, people, sociale kaart, themes, agreements, follow-up, versions.

Revision ID: 0001
Revises: 
Create Date: 2026-11-22 13:08:44.179078
"""

from alembic import op
import sqlalchemy as sa


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        # Marks the file as ours (0x57534553, "WSES"), so a foreign SQLite file is recognised on open.
        op.execute("PRAGMA application_id = 1465075027")
    op.create_table('work_session',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(), nullable=False),
    sa.Column('wijk', sa.String(), nullable=False),
    sa.Column('gemeente', sa.String(), nullable=False),
    sa.Column('date', sa.Date(), nullable=True),
    sa.Column('location', sa.String(), nullable=False),
    sa.Column('coach', sa.String(), nullable=False),
    sa.Column('variant', sa.String(), nullable=False),
    sa.Column('accredited', sa.Boolean(), nullable=False),
    sa.Column('programme', sa.String(), nullable=False),
    sa.Column('ambition', sa.Text(), nullable=False),
    sa.Column('status', sa.String(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("status IN ('draft', 'in_review', 'signed_off')", name='ck_session_status'),
    sa.CheckConstraint("variant IN ('toolkit', 'nhg_coach')", name='ck_session_variant'),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('casus',
    sa.Column('session_id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('question', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['session_id'], ['work_session.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('session_id')
    )
    op.create_table('insight',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('session_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['session_id'], ['work_session.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('insight', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_insight_session_id'), ['session_id'], unique=False)

    op.create_table('key_figure',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('session_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('label', sa.String(), nullable=False),
    sa.Column('value', sa.String(), nullable=False),
    sa.Column('source', sa.String(), nullable=False),
    sa.ForeignKeyConstraint(['session_id'], ['work_session.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('key_figure', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_key_figure_session_id'), ['session_id'], unique=False)

    op.create_table('participant',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('session_id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(), nullable=False),
    sa.Column('organisation', sa.String(), nullable=False),
    sa.Column('role', sa.String(), nullable=False),
    sa.Column('domain', sa.String(), nullable=False),
    sa.Column('email', sa.String(), nullable=False),
    sa.Column('registration', sa.String(), nullable=False),
    sa.Column('present', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['session_id'], ['work_session.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('session_id', 'key', name='uq_participant_key')
    )
    with op.batch_alter_table('participant', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_participant_session_id'), ['session_id'], unique=False)

    op.create_table('plan_version',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('session_id', sa.Integer(), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('snapshot', sa.Text(), nullable=False),
    sa.Column('sha256', sa.String(), nullable=False),
    sa.ForeignKeyConstraint(['session_id'], ['work_session.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('session_id', 'number', name='uq_plan_version_number')
    )
    with op.batch_alter_table('plan_version', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_plan_version_session_id'), ['session_id'], unique=False)

    op.create_table('theme',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('session_id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(), nullable=False),
    sa.Column('target_group', sa.String(), nullable=False),
    sa.Column('why', sa.Text(), nullable=False),
    sa.Column('votes', sa.Integer(), nullable=False),
    sa.Column('rank', sa.Integer(), nullable=True),
    sa.Column('priority', sa.Boolean(), nullable=False),
    sa.CheckConstraint('rank IS NULL OR rank >= 1', name='ck_theme_rank'),
    sa.CheckConstraint('votes >= 0', name='ck_theme_votes'),
    sa.ForeignKeyConstraint(['session_id'], ['work_session.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('session_id', 'key', name='uq_theme_key')
    )
    with op.batch_alter_table('theme', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_theme_session_id'), ['session_id'], unique=False)

    op.create_table('improvement',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('session_id', sa.Integer(), nullable=False),
    sa.Column('theme_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['session_id'], ['work_session.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['theme_id'], ['theme.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('improvement', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_improvement_session_id'), ['session_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_improvement_theme_id'), ['theme_id'], unique=False)

    op.create_table('sign_off',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('version_id', sa.Integer(), nullable=False),
    sa.Column('participant_key', sa.String(), nullable=False),
    sa.Column('participant_name', sa.String(), nullable=False),
    sa.Column('decision', sa.String(), nullable=False),
    sa.Column('comment', sa.Text(), nullable=False),
    sa.Column('method', sa.String(), nullable=False),
    sa.Column('decided_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("decision IN ('agreed', 'changes')", name='ck_sign_off_decision'),
    sa.CheckConstraint("method IN ('session', 'email')", name='ck_sign_off_method'),
    sa.ForeignKeyConstraint(['version_id'], ['plan_version.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('sign_off', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sign_off_version_id'), ['version_id'], unique=False)

    op.create_table('stakeholder',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('session_id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(), nullable=False),
    sa.Column('organisation', sa.String(), nullable=False),
    sa.Column('domain', sa.String(), nullable=False),
    sa.Column('role', sa.String(), nullable=False),
    sa.Column('offer', sa.Text(), nullable=False),
    sa.Column('influence', sa.Integer(), nullable=False),
    sa.Column('interest', sa.Integer(), nullable=False),
    sa.Column('present', sa.Boolean(), nullable=False),
    sa.Column('participant_id', sa.Integer(), nullable=True),
    sa.CheckConstraint('influence BETWEEN 1 AND 5', name='ck_stakeholder_influence'),
    sa.CheckConstraint('interest BETWEEN 1 AND 5', name='ck_stakeholder_interest'),
    sa.ForeignKeyConstraint(['participant_id'], ['participant.id'], ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['session_id'], ['work_session.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('session_id', 'key', name='uq_stakeholder_key')
    )
    with op.batch_alter_table('stakeholder', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_stakeholder_participant_id'), ['participant_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_stakeholder_session_id'), ['session_id'], unique=False)

    op.create_table('agreement',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('session_id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('theme_id', sa.Integer(), nullable=True),
    sa.Column('kind', sa.String(), nullable=False),
    sa.Column('what', sa.Text(), nullable=False),
    sa.Column('lead_participant_id', sa.Integer(), nullable=True),
    sa.Column('lead_stakeholder_id', sa.Integer(), nullable=True),
    sa.Column('due', sa.Date(), nullable=True),
    sa.Column('resources', sa.Text(), nullable=False),
    sa.Column('indicator', sa.Text(), nullable=False),
    sa.Column('status', sa.String(), nullable=False),
    sa.CheckConstraint("kind IN ('agreement', 'decision', 'action')", name='ck_agreement_kind'),
    sa.CheckConstraint("status IN ('open', 'in_progress', 'done', 'dropped')", name='ck_agreement_status'),
    sa.CheckConstraint('NOT (lead_participant_id IS NOT NULL AND lead_stakeholder_id IS NOT NULL)', name='ck_agreement_one_lead'),
    sa.ForeignKeyConstraint(['lead_participant_id'], ['participant.id'], ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['lead_stakeholder_id'], ['stakeholder.id'], ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['session_id'], ['work_session.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['theme_id'], ['theme.id'], ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('session_id', 'key', name='uq_agreement_key')
    )
    with op.batch_alter_table('agreement', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_agreement_lead_participant_id'), ['lead_participant_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_agreement_lead_stakeholder_id'), ['lead_stakeholder_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_agreement_session_id'), ['session_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_agreement_theme_id'), ['theme_id'], unique=False)

    op.create_table('follow_up',
    sa.Column('session_id', sa.Integer(), nullable=False),
    sa.Column('kartrekker_participant_id', sa.Integer(), nullable=True),
    sa.Column('kartrekker_stakeholder_id', sa.Integer(), nullable=True),
    sa.Column('next_meeting', sa.Date(), nullable=True),
    sa.Column('evaluation', sa.Date(), nullable=True),
    sa.Column('funding', sa.Text(), nullable=False),
    sa.CheckConstraint('NOT (kartrekker_participant_id IS NOT NULL AND kartrekker_stakeholder_id IS NOT NULL)', name='ck_follow_up_one_kartrekker'),
    sa.ForeignKeyConstraint(['kartrekker_participant_id'], ['participant.id'], ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['kartrekker_stakeholder_id'], ['stakeholder.id'], ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['session_id'], ['work_session.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('session_id')
    )
    with op.batch_alter_table('follow_up', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_follow_up_kartrekker_participant_id'), ['kartrekker_participant_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_follow_up_kartrekker_stakeholder_id'), ['kartrekker_stakeholder_id'], unique=False)

    op.create_table('relation',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('session_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('source_id', sa.Integer(), nullable=False),
    sa.Column('target_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(), nullable=False),
    sa.CheckConstraint("kind IN ('refers_to', 'works_with', 'feeds_back_to')", name='ck_relation_kind'),
    sa.ForeignKeyConstraint(['session_id'], ['work_session.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['source_id'], ['stakeholder.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['target_id'], ['stakeholder.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('source_id', 'target_id', 'kind', name='uq_relation')
    )
    with op.batch_alter_table('relation', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_relation_session_id'), ['session_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_relation_source_id'), ['source_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_relation_target_id'), ['target_id'], unique=False)

    op.create_table('werkgroep_member',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('session_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('participant_id', sa.Integer(), nullable=True),
    sa.Column('stakeholder_id', sa.Integer(), nullable=True),
    sa.CheckConstraint('(participant_id IS NULL) <> (stakeholder_id IS NULL)', name='ck_werkgroep_one_person'),
    sa.ForeignKeyConstraint(['participant_id'], ['participant.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['session_id'], ['work_session.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['stakeholder_id'], ['stakeholder.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('werkgroep_member', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_werkgroep_member_participant_id'), ['participant_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_werkgroep_member_session_id'), ['session_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_werkgroep_member_stakeholder_id'), ['stakeholder_id'], unique=False)

    op.create_table('agreement_partner',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('agreement_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('participant_id', sa.Integer(), nullable=True),
    sa.Column('stakeholder_id', sa.Integer(), nullable=True),
    sa.CheckConstraint('(participant_id IS NULL) <> (stakeholder_id IS NULL)', name='ck_partner_one_person'),
    sa.ForeignKeyConstraint(['agreement_id'], ['agreement.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['participant_id'], ['participant.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['stakeholder_id'], ['stakeholder.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('agreement_partner', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_agreement_partner_agreement_id'), ['agreement_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_agreement_partner_participant_id'), ['participant_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_agreement_partner_stakeholder_id'), ['stakeholder_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('agreement_partner', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_agreement_partner_stakeholder_id'))
        batch_op.drop_index(batch_op.f('ix_agreement_partner_participant_id'))
        batch_op.drop_index(batch_op.f('ix_agreement_partner_agreement_id'))

    op.drop_table('agreement_partner')
    with op.batch_alter_table('werkgroep_member', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_werkgroep_member_stakeholder_id'))
        batch_op.drop_index(batch_op.f('ix_werkgroep_member_session_id'))
        batch_op.drop_index(batch_op.f('ix_werkgroep_member_participant_id'))

    op.drop_table('werkgroep_member')
    with op.batch_alter_table('relation', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_relation_target_id'))
        batch_op.drop_index(batch_op.f('ix_relation_source_id'))
        batch_op.drop_index(batch_op.f('ix_relation_session_id'))

    op.drop_table('relation')
    with op.batch_alter_table('follow_up', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_follow_up_kartrekker_stakeholder_id'))
        batch_op.drop_index(batch_op.f('ix_follow_up_kartrekker_participant_id'))

    op.drop_table('follow_up')
    with op.batch_alter_table('agreement', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_agreement_theme_id'))
        batch_op.drop_index(batch_op.f('ix_agreement_session_id'))
        batch_op.drop_index(batch_op.f('ix_agreement_lead_stakeholder_id'))
        batch_op.drop_index(batch_op.f('ix_agreement_lead_participant_id'))

    op.drop_table('agreement')
    with op.batch_alter_table('stakeholder', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_stakeholder_session_id'))
        batch_op.drop_index(batch_op.f('ix_stakeholder_participant_id'))

    op.drop_table('stakeholder')
    with op.batch_alter_table('sign_off', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_sign_off_version_id'))

    op.drop_table('sign_off')
    with op.batch_alter_table('improvement', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_improvement_theme_id'))
        batch_op.drop_index(batch_op.f('ix_improvement_session_id'))

    op.drop_table('improvement')
    with op.batch_alter_table('theme', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_theme_session_id'))

    op.drop_table('theme')
    with op.batch_alter_table('plan_version', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_plan_version_session_id'))

    op.drop_table('plan_version')
    with op.batch_alter_table('participant', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_participant_session_id'))

    op.drop_table('participant')
    with op.batch_alter_table('key_figure', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_key_figure_session_id'))

    op.drop_table('key_figure')
    with op.batch_alter_table('insight', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_insight_session_id'))

    op.drop_table('insight')
    op.drop_table('casus')
    op.drop_table('work_session')
