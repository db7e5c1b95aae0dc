"""Shipped files skip the schema check only while their bytes are the ones listed, each of which
passes its schema; any other file, the trainer's own or an edited shipped one, is checked."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from worksession.domain.interchange import InterchangeError, check_document, parse_document
from worksession.domain.schema_check import first_schema_problem
from worksession.programmes.library import load_library
from worksession.programmes.parsing import FOLDERS, kind_of, read_toolkit_file, schema_for
from worksession.support.checked_files import CHECKED_FILES, listing, passed_when_shipped
from worksession.support.paths import resource_path, sessions_dir
from worksession.workflows.demo import DEMO_FILE, DOCUMENT, demo_document

ROOT = Path(__file__).resolve().parents[2]


def _shipped() -> list[tuple[bytes, str, str]]:
    toolkit = sorted(
        path for folder in FOLDERS for path in (sessions_dir() / folder).glob("*.toml")
    )
    files = [
        (path.read_bytes(), kind_of(path), path.relative_to(sessions_dir()).as_posix())
        for path in toolkit
    ]
    demo = resource_path(*DEMO_FILE)
    return [*files, (demo.read_bytes(), DOCUMENT, "/".join(DEMO_FILE))]


def test_the_list_holds_every_shipped_file_as_it_is_now() -> None:
    expected = listing(_shipped())
    written = resource_path(*CHECKED_FILES).read_text(encoding="utf-8")
    assert written == expected, (
        f"a shipped file changed: write this to resources/{'/'.join(CHECKED_FILES)}\n{expected}"
    )


def test_every_listed_file_passes_its_schema() -> None:
    for data, kind, name in _shipped():
        if kind == DOCUMENT:
            check_document(json.loads(data))  # in full, with the schema
        else:
            problem = first_schema_problem(schema_for(kind), tomllib.loads(data.decode()))
            assert problem is None, name


def test_the_demo_made_of_shipped_files_passes_the_schema() -> None:
    check_document(demo_document(load_library()))  # in full: what the demo leaves out


def test_an_edited_shipped_file_is_checked_against_its_schema(tmp_path: Path) -> None:
    source = sessions_dir() / "programmes" / "samenwerken-in-de-wijk.toml"
    assert passed_when_shipped(source.read_bytes(), "programme")
    edited = tmp_path / "programmes" / source.name
    edited.parent.mkdir()
    # Still valid TOML, one key the schema does not know: only the schema finds it.
    edited.write_bytes(source.read_bytes() + b"\nunknown_key = 1\n")
    entries, problems = read_toolkit_file(edited, "programme", "shipped")
    assert entries == []
    assert [problem.key for problem in problems] == ["steps[12].unknown_key"]  # in the last step


def test_the_same_bytes_in_the_trainers_folder_are_known_good(tmp_path: Path) -> None:
    # The answer depends on the bytes alone: a copy passes as the original does.
    copy = tmp_path / "programmes" / "eigen.toml"
    copy.parent.mkdir()
    shutil.copy(sessions_dir() / "programmes" / "samenwerken-in-de-wijk.toml", copy)
    entries, problems = read_toolkit_file(copy, "programme", "user")
    assert problems == []
    assert all(entry.source.known_good for entry in entries)


def test_a_listed_digest_counts_only_for_its_own_kind() -> None:
    data = (sessions_dir() / "casus" / "mijnstreek.toml").read_bytes()
    assert passed_when_shipped(data, "casus")
    assert not passed_when_shipped(data, "programme")


def test_an_imported_document_is_checked_against_the_schema() -> None:
    document = json.loads(resource_path(*DEMO_FILE).read_bytes())
    document["session"]["unknown_key"] = 1
    with pytest.raises(InterchangeError, match="unknown_key"):
        parse_document(json.dumps(document))


def test_a_trainers_own_programme_is_not_known_good(tmp_path: Path) -> None:
    own = tmp_path / "programmes" / "samenwerken-in-de-wijk.toml"
    own.parent.mkdir()
    shutil.copy(sessions_dir() / "programmes" / own.name, own)
    own.write_text(own.read_text(encoding="utf-8") + "\n# mijn versie\n", encoding="utf-8")
    library = load_library([(sessions_dir(), "shipped"), (tmp_path, "user")])
    source = library.programmes["samenwerken-in-de-wijk"].source
    assert source.origin == "user"
    assert not source.known_good  # so a demo made with it is checked against the schema


def test_making_the_demo_loads_no_schema_library() -> None:
    # About 3 MB for the app's whole run: the toolkit and the demo are all shipped files.
    code = (
        "import sys\n"
        "from worksession.programmes.library import load_library\n"
        "from worksession.workflows.demo import demo_document\n"
        "demo_document(load_library())\n"
        "print('jsonschema' in sys.modules)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "False"
