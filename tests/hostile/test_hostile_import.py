"""Hostile import files: every one is refused with exit 2 and one line naming the JSON path, and
nothing — no database file, no backup — is written before the whole file has been checked."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.cli.running import run
from worksession.domain.interchange import MAX_FILE_BYTES, InterchangeError, parse_document
from worksession.programmes.library import load_library
from worksession.workflows.demo import demo_document

DEMO = demo_document(load_library())


def _demo_text(change: Callable[[dict[str, Any]], object] | None = None) -> str:
    document = copy.deepcopy(DEMO)
    if change is not None:
        change(document)
    return json.dumps(document, ensure_ascii=False)


def _with_title(raw_title: str) -> str:
    """The demo with its title replaced by raw JSON text (escapes and all)."""
    marker = "@@TITLE@@"
    return _demo_text(lambda d: d["session"].update(title=marker)).replace(
        json.dumps(marker), raw_title
    )


DEEP = '{"format": "worksession/1", "session": {"title": "x"}, "casus": ' + "[" * 1000
DEEP += "]" * 1000 + "}"
HOSTILE: dict[str, tuple[str, str]] = {
    "nested 1000 deep": (DEEP, "$"),
    "a 5000-digit integer": (
        _demo_text().replace('"minutes": 0', '"minutes": ' + "9" * 5000, 1),
        "$.session.programme_steps[",
    ),
    "a lone surrogate": (_with_title('"Kaalheide \\ud800"'), "$.session.title"),
    "a duplicate key": (
        _with_title('"Kaalheide", "title": "Heerlen"'),
        "$.session.title",
    ),
}


def _files(folder: Path) -> list[str]:
    return sorted(str(path.relative_to(folder)) for path in folder.rglob("*"))


@pytest.mark.parametrize("name", HOSTILE)
def test_a_hostile_import_exits_2_naming_the_path_and_writes_nothing(
    name: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    text, path = HOSTILE[name]
    source = tmp_path / "hostile.json"
    source.write_text(text, encoding="utf-8", errors="surrogatepass")
    code, out, err = run(capsys, "import", str(source), "--db", str(tmp_path / "ws.sqlite3"))
    assert code == 2, err
    assert out == ""
    assert len(err.splitlines()) == 1 and len(err) < 400, err
    assert f"hostile.json: {path}" in err
    assert _files(tmp_path) == ["hostile.json"]  # no database file, no backups folder


def test_a_refused_import_makes_no_backup_of_an_existing_database(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    database = tmp_path / "ws.sqlite3"
    good = tmp_path / "good.json"
    good.write_text(_demo_text(), encoding="utf-8")
    assert run(capsys, "import", str(good), "--db", str(database))[0] == 0
    before = _files(tmp_path)
    bad = tmp_path / "bad.json"
    bad.write_text(_with_title('"\\udc00"'), encoding="utf-8")
    assert run(capsys, "import", str(bad), "--db", str(database))[0] == 2
    assert _files(tmp_path) == sorted([*before, "bad.json"])


def _people(count: int) -> Callable[[dict[str, Any]], object]:
    def change(document: dict[str, Any]) -> None:
        document["participants"] += [
            {"key": f"extra-{number}", "name": f"Deelnemer {number}"} for number in range(count)
        ]

    return change


LIMITS: dict[str, tuple[Callable[[dict[str, Any]], object], str]] = {
    "participants": (_people(500), "$.participants"),
    "stakeholders": (
        lambda d: d["stakeholders"].extend(
            {"key": f"s-{n}", "name": f"Partner {n}"} for n in range(2000)
        ),
        "$.stakeholders",
    ),
    "agreements": (
        lambda d: d["agreements"].extend([d["agreements"][0]] * 1000),
        "$.agreements",
    ),
    "themes": (
        lambda d: d["themes"].extend({"key": f"t-{n}", "title": f"T {n}"} for n in range(200)),
        "$.themes",
    ),
}


@pytest.mark.parametrize("section", LIMITS)
def test_a_document_beyond_the_limits_is_refused_with_the_path(section: str) -> None:
    change, path = LIMITS[section]
    with pytest.raises(InterchangeError) as caught:
        parse_document(_demo_text(change))
    assert caught.value.path == path
    assert "maximaal" in caught.value.message


def test_the_limits_leave_room_for_a_large_real_session() -> None:
    parse_document(_demo_text(_people(400)))


def test_a_file_over_the_size_limit_is_refused_unread(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    source = tmp_path / "big.json"
    padding = " " * (MAX_FILE_BYTES + 1 - len(_demo_text()))
    source.write_text(_demo_text() + padding, encoding="utf-8")
    code, _, err = run(capsys, "import", str(source), "--db", str(tmp_path / "ws.sqlite3"))
    assert code == 2 and "big.json" in err and "10 MB" in err
    assert _files(tmp_path) == ["big.json"]


def test_a_fifo_is_refused_without_waiting(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    import os

    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    code, _, err = run(capsys, "import", str(fifo), "--db", str(tmp_path / "ws.sqlite3"))
    assert code == 2 and "pipe.json" in err
    assert _files(tmp_path) == ["pipe.json"]


def test_a_plan_snapshot_beyond_the_limits_is_not_one_the_app_makes() -> None:
    from worksession.domain.plan_check import snapshot_problem

    document = copy.deepcopy(DEMO)
    _people(500)(document)
    assert snapshot_problem(document).startswith("snapshot.participants: ")


def test_a_hundred_thousand_participants_are_refused_before_they_are_checked() -> None:
    with pytest.raises(InterchangeError) as caught:
        parse_document(_demo_text(_people(100_000)))
    assert caught.value.path == "$.participants"


def test_a_file_of_millions_of_values_is_refused_as_a_whole() -> None:
    text = '{"session": {"title": "x"}, "casus": {"figures": ['
    text += ", ".join("[" + "[], " * 5000 + "[]]" for _ in range(150)) + "]}}"
    with pytest.raises(InterchangeError) as caught:
        parse_document(text)
    assert caught.value.path == "$" and "500" in caught.value.message
