"""``worksession show`` says how many evaluation forms the participants handed in and their
mean score, in the language's words and decimal sign."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.running import run
from worksession.storage.opening import open_database
from worksession.storage.operations.feedback_forms import add_feedback_form


def test_show_names_the_count_and_mean_of_the_forms(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    dbfile = str(tmp_path / "cli.sqlite3")
    assert run(capsys, "demo", "--db", dbfile)[0] == 0
    code, out, _ = run(capsys, "show", "1", "--db", dbfile)
    assert code == 0
    lines = out.splitlines()
    heading = lines.index("Evaluatie door de deelnemers")
    assert lines[heading + 2] == "Nog geen evaluatieformulieren"
    db = open_database(Path(dbfile))
    try:
        for score in (7, 8, 8, 6, 9, 7, 7, 8, 6, 8, 7, 8):
            add_feedback_form(db=db, session_id=1, score=score, takeaway="De sociale kaart")
    finally:
        db.close()
    code, out, _ = run(capsys, "show", "1", "--db", dbfile)
    assert code == 0
    assert "7,4 gemiddeld uit 12 formulieren" in out.splitlines()
