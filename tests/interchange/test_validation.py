"""Import rejects a bad document with the JSON path of its first problem, and writes nothing."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from typing import Any

import pytest

from worksession.domain.interchange import InterchangeError, parse_document
from worksession.i18n import set_language
from worksession.support.paths import resource_path

DEMO = json.loads(resource_path("demo", "demo-session.json").read_text(encoding="utf-8"))


def _mutated(change: Callable[[dict[str, Any]], object]) -> str:
    document = copy.deepcopy(DEMO)
    change(document)
    return json.dumps(document)


def test_the_demo_document_is_valid() -> None:
    assert parse_document(json.dumps(DEMO)) == DEMO


def test_a_minimal_document_is_enough() -> None:
    parse_document('{"format": "worksession/1", "session": {"title": "Avondsessie"}}')


CASES: list[tuple[str, Callable[[dict[str, Any]], object], str]] = [
    (
        "unknown format version",
        lambda d: d.update(format="worksession/2"),
        "$.format: unknown format version 'worksession/2'; this version reads 'worksession/1'",
    ),
    (
        "missing required field",
        lambda d: d["participants"][3].pop("name"),
        "$.participants[3].name: required field is missing",
    ),
    (
        "missing session",
        lambda d: d.pop("session"),
        "$.session: required field is missing",
    ),
    (
        "wrong type",
        lambda d: d["stakeholders"][2].update(influence="5"),
        '$.stakeholders[2].influence: expected a whole number, got "5"',
    ),
    (
        "out of range",
        lambda d: d["stakeholders"][0].update(interest=9),
        "$.stakeholders[0].interest: must be at most 5, got 9",
    ),
    (
        "unknown enum value",
        lambda d: d["agreements"][1].update(status="klaar"),
        '$.agreements[1].status: "klaar" is not one of: "open", "in_progress", "done", "dropped"',
    ),
    (
        "bad date",
        lambda d: d["session"].update(date="2026-13-01"),
        "$.session.date: '2026-13-01' is not a date (YYYY-MM-DD)",
    ),
    (
        "unknown field",
        lambda d: d["themes"][0].update(colour="red"),
        "$.themes[0].colour: unknown field",
    ),
    (
        "unknown key reference",
        lambda d: d["agreements"][2].update(lead="p-x"),
        "$.agreements[2].lead: unknown key 'p-x'",
    ),
    (
        "reference of the wrong kind",
        lambda d: d["relations"][0].update(to=d["themes"][0]["key"]),
        f"$.relations[0].to: unknown key '{DEMO['themes'][0]['key']}'",
    ),
    (
        "duplicate key",
        lambda d: d["themes"][1].update(key=d["participants"][0]["key"]),
        f"$.themes[1].key: duplicate key '{DEMO['participants'][0]['key']}'",
    ),
    (
        "duplicate relation",
        lambda d: d["relations"].append(dict(d["relations"][0])),
        f"$.relations[{len(DEMO['relations'])}]: duplicate relation",
    ),
    (
        "empty title",
        lambda d: d["session"].update(title=""),
        "$.session.title: must not be empty",
    ),
]


@pytest.mark.parametrize(("change", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_a_bad_document_names_its_first_problem(
    change: Callable[[dict[str, Any]], object], expected: str
) -> None:
    set_language("en")
    with pytest.raises(InterchangeError) as caught:
        parse_document(_mutated(change))
    assert str(caught.value) == expected


def test_the_first_problem_in_document_order_is_reported() -> None:
    set_language("en")

    def two_problems(d: dict[str, Any]) -> None:
        d["agreements"][5].update(kind="wens")
        d["participants"][1].update(present="ja")

    with pytest.raises(InterchangeError) as caught:
        parse_document(_mutated(two_problems))
    assert caught.value.path == "$.participants[1].present"


@pytest.mark.parametrize(
    ("raw", "fragment"),
    [
        (b"\xff\xfe not utf-8", "UTF-8"),
        (b'{"format": ', "JSON"),
        (b"[1, 2]", "JSON object"),
    ],
)
def test_files_that_are_not_a_json_object_are_named_as_such(raw: bytes, fragment: str) -> None:
    set_language("en")
    with pytest.raises(InterchangeError, match=fragment):
        parse_document(raw)


def test_an_imported_title_cannot_carry_a_fingerprint_code() -> None:
    text = _mutated(lambda d: d["session"].update(title="Plan sha256:" + "0" * 64))
    with pytest.raises(InterchangeError) as caught:
        parse_document(text)
    assert caught.value.path == "$.session.title"
