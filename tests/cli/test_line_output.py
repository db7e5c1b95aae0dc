"""Line-oriented output stays one line per record: control characters from imported or
toolkit text are escaped, never sent raw to the terminal."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli.running import run
from worksession.programmes.library import load_library, user_sessions_dir
from worksession.support.line_output import one_line, record
from worksession.support.paths import sessions_dir
from worksession.workflows.demo import demo_document

# No NUL: an import refuses it (tests/cli/test_cli.py); the escapes of NUL are tested below.
HOSTILE = "Wijk\x1b]0;pwned\x07\x1b[31mrood\tA\nB\rC\x7f\x85\x9b\u202eD\u2066E\u2069\u2028F"
# Anything that moves the cursor, colours, splits a line or a field, or reorders text.
RAW = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029]")


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("a\tb", "a\\tb"),
        ("a\nb\rc", "a\\nb\\rc"),
        ("\x1b[2J", "\\x1b[2J"),
        ("\x00\x07\x7f", "\\x00\\x07\\x7f"),
        ("\x85\x9b", "\\x85\\x9b"),
        ("\u202ecba\u202c", "\\u202ecba\\u202c"),
        ("\u2066x\u2069", "\\u2066x\\u2069"),
        ("a\u2028b", "a\\u2028b"),
        ("Brunssum-Noord – café ✓ 😀", "Brunssum-Noord – café ✓ 😀"),
    ],
)
def test_one_line_escapes_control_characters_and_keeps_the_rest(text: str, shown: str) -> None:
    assert one_line(text) == shown
    assert record(text, text) == f"{shown}\t{shown}"


def _no_raw(text: str) -> None:
    assert not RAW.search(text.replace("\n", "").replace("\t", "")), repr(text)


def test_list_prints_a_hostile_title_as_one_line_of_five_fields(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    document = demo_document(load_library())
    document["session"]["title"] = HOSTILE
    document["session"]["wijk"] = "Noord\tZuid\x1b[0m"
    source = tmp_path / "vijandig.json"
    source.write_text(json.dumps(document), encoding="utf-8")
    db = str(tmp_path / "ws.sqlite3")
    assert run(capsys, "import", str(source), "--db", db)[0] == 0
    code, out, _err = run(capsys, "list", "--db", db)
    assert code == 0
    (line,) = out.splitlines()
    fields = line.split("\t")
    assert len(fields) == 5
    assert fields[2] == "Noord\\tZuid\\x1b[0m"
    assert fields[3] == one_line(HOSTILE)
    _no_raw(out)
    code, out, _err = run(capsys, "show", "1", "--db", db)
    assert code == 0 and one_line(HOSTILE) in out.splitlines()
    _no_raw(out)
    plan = tmp_path / "plan.pdf"
    assert run(capsys, "freeze", "1", "--db", db)[0] == 0
    assert run(capsys, "pdf", "1", "--out", str(plan), "--db", db)[0] == 0
    code, out, err = run(capsys, "verify", str(plan), "--db", db)
    assert code == 0 and len(out.splitlines()) == 2, (out, err)
    _no_raw(out + err)


def test_programmes_and_casus_escape_a_trainers_titles(
    capsys: pytest.CaptureFixture[str],
) -> None:
    own = user_sessions_dir() / "programmes"
    own.mkdir(parents=True)
    source = sessions_dir() / "programmes" / "avondsessie.toml"
    text = source.read_text(encoding="utf-8").replace(
        'title = "Avondsessie samenwerken in de wijk"',
        'title = "Avond\\u001b[2J\\tin\\nHeerlen\\u202e"',
    )
    (own / "avondsessie.toml").write_text(text, encoding="utf-8")
    code, out, err = run(capsys, "programmes")
    assert code == 0, err
    (row,) = [line for line in out.splitlines() if line.startswith("avondsessie\t")]
    assert row.split("\t")[1] == "Avond\\x1b[2J\\tin\\nHeerlen\\u202e"
    assert all(len(line.split("\t")) == 4 for line in out.splitlines())
    _no_raw(out)
    code, out, _err = run(capsys, "overview", "avondsessie")
    assert code == 0
    _no_raw(out)


def test_an_error_line_naming_a_hostile_file_stays_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    missing = tmp_path / "plan\n\x1b[31m.json"
    db = str(tmp_path / "ws.sqlite3")
    for argv in (["import", str(missing)], ["verify", str(missing)], ["check", str(missing)]):
        code, out, err = run(capsys, *argv, "--db", db)
        assert code == 2 and out == ""
        (line,) = err.splitlines()
        assert "plan\\n\\x1b[31m.json" in line
        _no_raw(err)


def test_a_reader_that_stops_early_is_no_traceback(tmp_path: Path) -> None:
    # `worksession programmes | head -1`: the pipe closes before everything is written.
    reader, writer = os.pipe()
    os.close(reader)  # closed before the command writes its first line: every write fails
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "worksession.cli",
            "--db",
            str(tmp_path / "db.sqlite"),
            "programmes",
        ],
        stdout=writer,
        stderr=subprocess.PIPE,
        text=True,
        check=False,
    )
    os.close(writer)
    assert "Traceback" not in done.stderr and "BrokenPipe" not in done.stderr
    assert done.returncode == 0
