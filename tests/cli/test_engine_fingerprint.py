"""The demo's plan is the same plan on either engine: PDF from PostgreSQL and from SQLite carry
the same fingerprint, frozen or not, and each verifies against its own database."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.cli.running import run
from tests.postgres_server import PostgresServer

_FINGERPRINT = re.compile(r"sha256:([0-9a-f]{64})")


def _plan_fingerprints(
    capsys: pytest.CaptureFixture[str], db: str, folder: Path
) -> tuple[str, str, str]:
    """(the concept's fingerprint, the frozen version's, what freeze printed)."""
    assert run(capsys, "demo", "--db", db)[:2] == (0, "1\n")
    concept, plan = folder / "concept.pdf", folder / "plan.pdf"
    assert run(capsys, "pdf", "1", "--out", str(concept), "--db", db)[0] == 0
    frozen = run(capsys, "freeze", "1", "--db", db)[1]
    assert run(capsys, "pdf", "1", "--version", "1", "--out", str(plan), "--db", db)[0] == 0
    code, out, _ = run(capsys, "verify", str(concept))  # a concept is in no archive
    assert code == 0, out
    code, recorded, _ = run(capsys, "verify", str(plan), "--db", db)
    assert code == 0, recorded
    assert "archive: recorded as session 1 version 1, with the same decisions" in recorded
    found = []
    for line in (out, recorded):
        match = _FINGERPRINT.search(line)
        assert match is not None
        found.append(match.group(1))
    freeze_match = _FINGERPRINT.search(frozen)
    assert freeze_match is not None
    return found[0], found[1], freeze_match.group(1)


def test_the_demo_plan_has_the_same_fingerprint_on_both_engines(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, postgres_server: PostgresServer
) -> None:
    (tmp_path / "sqlite").mkdir()
    (tmp_path / "server").mkdir()
    on_sqlite = _plan_fingerprints(
        capsys, str(tmp_path / "sqlite" / "w.sqlite3"), tmp_path / "sqlite"
    )
    url = postgres_server.new_database()
    try:
        on_server = _plan_fingerprints(capsys, url, tmp_path / "server")
    finally:
        postgres_server.drop(url)
    assert on_server == on_sqlite
    assert on_sqlite[1] == on_sqlite[2]  # the frozen PDF carries the version's fingerprint
