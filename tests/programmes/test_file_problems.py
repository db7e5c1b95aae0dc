"""A broken toolkit file is reported as `file:line: key: what is wrong` and never stops the rest."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from worksession.i18n import set_language
from worksession.programmes.library import load_library
from worksession.programmes.parsing import kind_of, read_toolkit_file
from worksession.programmes.toml_lines import dotted, key_lines, line_of
from worksession.support.paths import sessions_dir

PROGRAMME = """# test programme
id = "test"
title = "Testprogramma"

[[steps]]
id = "welkom"
title = "Welkom"
kind = "welcome"
minutes = 15
coach = \"\"\"Heet iedereen welkom.
Vertel het doel.\"\"\"

[[steps]]
id = "casus"
title = "Casus"
kind = "casus"
minutes = 30
"""


def _problems(tmp_path: Path, text: str | bytes, folder: str = "programmes") -> list[str]:
    set_language("en")
    path = tmp_path / folder / "file.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    entries, problems = read_toolkit_file(path, kind_of(path))
    assert not (entries and problems)
    return [str(problem).removeprefix(f"{path}:") for problem in problems]


def test_a_good_file_has_no_problems(tmp_path: Path) -> None:
    assert _problems(tmp_path, PROGRAMME) == []


CORRUPTIONS: list[tuple[str, Callable[[str], str | bytes], str]] = [
    (
        "unknown step kind",
        lambda t: t.replace('kind = "casus"', 'kind = "quiz"'),
        '16: steps[1].kind: "quiz" is not one of: "preparation", "welcome", "introductions", '
        '"profile", "casus", "sociale_kaart", "prioritising", "referral", "agreements", '
        '"follow_up", "evaluation", "after", "review", "lessons", "break", "plenary"',
    ),
    (
        "negative minutes",
        lambda t: t.replace("minutes = 30", "minutes = -5"),
        "17: steps[1].minutes: must be at least 0, got -5",
    ),
    (
        "missing title",
        lambda t: t.replace('title = "Casus"\n', ""),
        "13: steps[1].title: required field is missing",
    ),
    (
        "missing programme title",
        lambda t: t.replace('title = "Testprogramma"\n', ""),
        "1: title: required field is missing",
    ),
    (
        "duplicate id",
        lambda t: t.replace('id = "casus"', 'id = "welkom"'),
        "14: steps[1].id: duplicate id 'welkom'",
    ),
    (
        "wrong type",
        lambda t: t.replace("minutes = 15", 'minutes = "15"'),
        '9: steps[0].minutes: expected a whole number, got "15"',
    ),
    (
        "unknown key",
        lambda t: t.replace("minutes = 30", "minutes = 30\nduur = 30"),
        "18: steps[1].duur: unknown field",
    ),
    (
        "bad encoding",
        lambda t: t.replace("Testprogramma", "Test\udcff").encode("utf-8", "surrogateescape"),
        "3: (file): not UTF-8 text (byte 0xff); save the file as UTF-8",
    ),
    (
        "toml syntax",
        lambda t: t.replace("minutes = 30", "minutes = 30 min"),
        "17: (file): not valid TOML: Expected newline or end of document after a statement",
    ),
    (
        "bad id",
        lambda t: t.replace('id = "test"', 'id = "Mijn Programma"'),
        "2: id: 'Mijn Programma' is not a valid key (letters, digits, '.', '_' and '-')",
    ),
]


@pytest.mark.parametrize(
    ("corrupt", "expected"), [c[1:] for c in CORRUPTIONS], ids=[c[0] for c in CORRUPTIONS]
)
def test_each_corruption_gets_its_exact_message(
    tmp_path: Path, corrupt: Callable[[str], str | bytes], expected: str
) -> None:
    assert _problems(tmp_path, corrupt(PROGRAMME)) == [expected]


def test_casus_and_catalogue_files_are_checked_against_their_own_schema(tmp_path: Path) -> None:
    assert _problems(tmp_path, 'id = "x"\ntitle = "X"\ntext = "t"\n', "casus") == [
        "1: question: required field is missing"
    ]
    catalogue = '[[roles]]\nid = "huisarts"\nname = "Huisarts"\ndomain = "zorg"\n'
    assert _problems(tmp_path, catalogue, "catalogues") == [
        '4: roles[0].domain: "zorg" is not one of: "primary_care", "public_health", '
        '"social_domain", "lifestyle_sport", "residents", "other"'
    ]


def _toolkit_copy(tmp_path: Path) -> Path:
    root = tmp_path / "shipped"
    shutil.copytree(sessions_dir(), root)
    return root


def test_a_broken_file_is_listed_and_the_others_still_load(tmp_path: Path) -> None:
    root = _toolkit_copy(tmp_path)
    broken = root / "programmes" / "avondsessie.toml"
    broken.write_text(broken.read_text(encoding="utf-8").replace("minutes = ", "minutes = -"))
    library = load_library([(root, "shipped")])
    assert "avondsessie" not in library.programmes
    assert {"samenwerken-in-de-wijk", "een-half-jaar-later"} <= set(library.programmes)
    assert len(library.casus) >= 4
    (problem,) = library.problems
    assert problem.path == broken and "minutes" in problem.key


def test_a_trainers_file_with_the_same_id_replaces_the_shipped_one(tmp_path: Path) -> None:
    root = _toolkit_copy(tmp_path)
    own = tmp_path / "own"
    (own / "programmes").mkdir(parents=True)
    (own / "programmes" / "mijn-avond.toml").write_text(
        PROGRAMME.replace('id = "test"', 'id = "avondsessie"').replace(
            "Testprogramma", "Avond van de NHG-trainer"
        ),
        encoding="utf-8",
    )
    library = load_library([(root, "shipped"), (own, "user")])
    replaced = library.programmes["avondsessie"]
    assert replaced.title == "Avond van de NHG-trainer"
    assert replaced.source.origin == "user"
    assert library.programmes["samenwerken-in-de-wijk"].source.origin == "shipped"


def test_two_files_with_one_id_in_one_folder_keep_the_first(tmp_path: Path) -> None:
    root = tmp_path / "own"
    (root / "programmes").mkdir(parents=True)
    (root / "programmes" / "a.toml").write_text(PROGRAMME, encoding="utf-8")
    (root / "programmes" / "b.toml").write_text(PROGRAMME, encoding="utf-8")
    set_language("en")
    library = load_library([(root, "user")])
    assert library.programmes["test"].source.path.name == "a.toml"
    assert [str(p).split(": ", 1)[1] for p in library.problems] == [
        "id: id 'test' is used already by a.toml"
    ]


@given(st.text(max_size=300))
def test_any_text_gives_problems_never_an_exception(tmp_path: Path, text: str) -> None:
    for folder in ("programmes", "casus", "catalogues"):
        path = tmp_path / folder / "fuzz.toml"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-8", "surrogatepass"))
        entries, problems = read_toolkit_file(path, kind_of(path))
        # An empty catalogue is valid and holds nothing; every other outcome is one of the two.
        assert bool(entries) != bool(problems) or folder == "catalogues"


TOML_VALUES = st.recursive(
    st.none().map(lambda _: '""')
    | st.integers(-1000, 1000).map(str)
    | st.booleans().map(lambda b: "true" if b else "false")
    | st.text(max_size=20).map(lambda t: '"' + t.replace("\\", "").replace('"', "") + '"'),
    lambda inner: st.lists(inner, max_size=3).map(lambda items: "[" + ", ".join(items) + "]"),
    max_leaves=5,
)
KEYS = st.sampled_from(["id", "title", "kind", "minutes", "steps", "text", "question", "x"])


@given(
    st.lists(st.tuples(st.booleans(), KEYS, TOML_VALUES), max_size=12),
)
def test_structured_random_toml_is_always_answered_with_a_located_problem_or_entries(
    tmp_path: Path, lines: list[tuple[bool, str, str]]
) -> None:
    text = "".join(
        ("[[steps]]\n" if new_table else "") + f"{key} = {value}\n"
        for new_table, key, value in lines
    )
    path = tmp_path / "programmes" / "random.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    _entries, problems = read_toolkit_file(path, "programme")
    for problem in problems:
        assert 1 <= problem.line <= max(1, text.count("\n"))


def test_key_lines_follow_tables_arrays_and_multiline_strings() -> None:
    lines = key_lines(PROGRAMME)
    assert lines[("id",)] == 2
    assert lines[("steps", 0)] == 5
    assert lines[("steps", 1, "minutes")] == 17
    assert ("steps", 0, "Vertel het doel.") not in lines
    assert line_of(lines, ("steps", 1, "purpose")) == 13
    assert dotted(("steps", 1, "minutes")) == "steps[1].minutes"
    assert dotted(()) == "(file)"
