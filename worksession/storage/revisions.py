"""The schema revisions this version knows, oldest first, without importing Alembic.

Opening a database that is already up to date must not pay for Alembic's import; Alembic is
loaded only when a migration has to run. A test keeps this list equal to the migration scripts.
"""

from __future__ import annotations

KNOWN_REVISIONS: tuple[str, ...] = (
    "0001",
    "0002",
    "0003",
    "0004",
    "0005",
    "0006",
    "0007",
    "0008",
    "0009",
    "0010",
    "0011",
    "0012",
    "0013",
    "0014",
    "0015",
)
HEAD_REVISION = KNOWN_REVISIONS[-1]
