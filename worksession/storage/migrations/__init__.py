"""Alembic migrations of the worksession schema, applied in order when a database is opened."""
