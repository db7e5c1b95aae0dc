"""Existing offers: a stakeholder's offers from the catalogue, what an agreement builds on, and a
participant's "waarvoor kun je mij bellen" line with the consent to share the e-mail address.

Rows that were there get no catalogue offers, build on nothing named, have an empty line and do
not share their e-mail address (the consent is never assumed).

Revision ID: 0010
Revises: 0009
"""

from alembic import op


revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


# SQLite's ADD COLUMN, exactly as the models declare the columns: the tables are not copied
# (their rows, ids and indexes stay), and a new database made from the models has this schema.
COLUMNS = (
    ("participant", "call_for", "VARCHAR DEFAULT '' NOT NULL"),
    ("participant", "share_email", "BOOLEAN DEFAULT '0' NOT NULL"),
    ("stakeholder", "offers", "JSON DEFAULT '[]' NOT NULL"),
    ("agreement", "builds_on", "JSON"),
)


def upgrade() -> None:
    for table, column, definition in COLUMNS:
        op.execute(f"ALTER TABLE {table} ADD COLUMN {column} {definition}")


def downgrade() -> None:
    # SQLite's own DROP COLUMN: copying a table (batch mode) would drop the old one, and with
    # it every row that refers to it (foreign keys are on).
    for table, column, _definition in reversed(COLUMNS):
        op.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
