"""The obstacles catalogue: shipped valid, a hostile file refused by file, field and value, and a
trainer's own entry replacing the shipped one."""

from __future__ import annotations

import shutil
from pathlib import Path

from worksession.i18n import set_language
from worksession.programmes.library import load_library
from worksession.programmes.parsing import kind_of, read_toolkit_file
from worksession.support.paths import sessions_dir

SHIPPED = sessions_dir() / "catalogues" / "obstakels.toml"


def test_the_shipped_catalogue_names_the_evaluations_obstacles() -> None:
    library = load_library([(sessions_dir(), "shipped")])
    assert [str(problem) for problem in library.problems] == []
    assert list(library.obstacles) == [
        "taal-tempo-cultuur",
        "financiering",
        "tijd-en-capaciteit",
        "rol-ggd",
        "vaste-contactpersonen",
        "anders",
    ]
    for obstacle in library.obstacles.values():
        assert obstacle.name and obstacle.description
        assert "\n" not in obstacle.description  # one line, as the coach sees it
    assert "GGD" in library.obstacles["rol-ggd"].name
    assert "regio" in library.obstacles["rol-ggd"].description


def test_a_catalogue_is_recognised_by_its_obstacles_outside_its_folder(tmp_path: Path) -> None:
    loose = tmp_path / "mijn-drempels.toml"
    shutil.copy(SHIPPED, loose)
    assert kind_of(loose) == "catalogue"


def _problems(tmp_path: Path, text: str) -> list[str]:
    set_language("en")
    path = tmp_path / "catalogues" / "obstakels.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    entries, problems = read_toolkit_file(path, kind_of(path))
    assert not entries or not problems
    return [str(problem) for problem in problems]


def test_a_hostile_file_is_refused_naming_file_field_and_value(tmp_path: Path) -> None:
    path = tmp_path / "catalogues" / "obstakels.toml"
    bad_id = '[[obstacles]]\nid = "Geld!"\nname = "Geld"\n'
    (problem,) = _problems(tmp_path, bad_id)
    assert problem.startswith(f"{path}:2: obstacles[0].id: ")
    assert "Geld!" in problem
    unknown_key = '[[obstacles]]\nid = "geld"\nname = "Geld"\ncolour = "rood"\n'
    (problem,) = _problems(tmp_path, unknown_key)
    assert f"{path}:" in problem and "obstacles[0]" in problem and "colour" in problem
    too_long = '[[obstacles]]\nid = "geld"\nname = "' + "x" * 201 + '"\n'
    (problem,) = _problems(tmp_path, too_long)
    assert problem.startswith(f"{path}:3: obstacles[0].name: ")
    twice = '[[obstacles]]\nid = "geld"\nname = "Geld"\n\n[[obstacles]]\nid = "geld"\nname = "G"\n'
    assert _problems(tmp_path, twice) == [f"{path}:6: obstacles[1].id: duplicate id 'geld'"]
    nested = "[[obstacles]]\n" + "x = " + "[" * 40 + "]" * 40 + "\n"
    (problem,) = _problems(tmp_path, nested)
    assert "nested more than" in problem


def test_a_broken_own_catalogue_leaves_the_shipped_obstacles(tmp_path: Path) -> None:
    own = tmp_path / "own"
    (own / "catalogues").mkdir(parents=True)
    (own / "catalogues" / "obstakels.toml").write_text(
        '[[obstacles]]\nid = "financiering"\n', encoding="utf-8"
    )
    library = load_library([(sessions_dir(), "shipped"), (own, "user")])
    assert library.obstacles["financiering"].source.origin == "shipped"
    (problem,) = library.problems
    assert problem.key == "obstacles[0].name"


def test_a_trainers_obstacle_replaces_the_shipped_one_and_a_new_one_joins(tmp_path: Path) -> None:
    own = tmp_path / "own"
    (own / "catalogues").mkdir(parents=True)
    (own / "catalogues" / "drempels.toml").write_text(
        "# eigen drempels\n"
        '[[obstacles]]\nid = "financiering"\nname = "Geld en subsidies"\n\n'
        '[[obstacles]]\nid = "privacy"\nname = "Privacy en gegevens delen"\n',
        encoding="utf-8",
    )
    library = load_library([(sessions_dir(), "shipped"), (own, "user")])
    assert library.problems == []
    replaced = library.obstacles["financiering"]
    assert (replaced.name, replaced.source.origin) == ("Geld en subsidies", "user")
    assert library.obstacles["privacy"].source.origin == "user"
    assert library.obstacles["rol-ggd"].source.origin == "shipped"
