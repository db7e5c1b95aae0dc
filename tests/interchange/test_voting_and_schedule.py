"""The optional ``voting`` and ``schedule`` objects: checked by path, imported, duplicated."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from worksession.domain.interchange import FORMAT, InterchangeError, parse_document
from worksession.i18n import set_language
from worksession.storage.database import Database
from worksession.storage.document import import_document, read_document
from worksession.storage.operations.session_copy import duplicate_session
from worksession.storage.operations.themes import list_themes

BASE: dict[str, Any] = {
    "format": FORMAT,
    "session": {
        "title": "Werksessie Kaalheide",
        "programme_steps": [
            {"id": "welkom", "title": "Welkom", "kind": "welcome", "minutes": 15},
            {"id": "prioriteren", "title": "Prioriteren", "kind": "prioritising", "minutes": 20},
        ],
    },
    "participants": [
        {"key": "p-anna", "name": "Anna de Vries", "present": True},
        {"key": "p-bram", "name": "Bram Jansen", "present": True},
    ],
    "themes": [
        {"key": "t-eenzaam", "title": "Eenzaamheid", "votes": 99},
        {"key": "t-bewegen", "title": "Bewegen"},
    ],
    "voting": {
        "mode": "dots",
        "entry": "ballots",
        "per_person": 5,
        "cap": 3,
        "anonymous": False,
        "tie_break": ["t-bewegen"],
        "ballots": [
            {"participant": "p-anna", "counts": {"t-eenzaam": 3, "t-bewegen": 2}},
            {"participant": None, "counts": {"t-bewegen": 3}},
        ],
    },
    "schedule": {
        "start_time": "13:30",
        "steps": [
            {
                "step": "welkom",
                "actual_seconds": 1080,
                "extra_minutes": 2,
                "started_at": "2026-03-12T12:30:00+00:00",
            }
        ],
    },
}


@pytest.fixture(autouse=True)
def _english() -> Iterator[None]:
    set_language("en")
    yield
    set_language("nl")


def _mutated(change: Callable[[dict[str, Any]], object]) -> str:
    document = copy.deepcopy(BASE)
    change(document)
    return json.dumps(document)


CASES: list[tuple[str, Callable[[dict[str, Any]], object], str]] = [
    (
        "unknown mode",
        lambda d: d["voting"].update(mode="stickers"),
        '$.voting.mode: "stickers" is not one of: "dots", "points", "ranking", "hands"',
    ),
    (
        "ranking typed as totals",
        lambda d: d["voting"].update(mode="ranking", entry="totals", ballots=[]),
        "$.voting.entry: a ranking is entered as a ballot per participant",
    ),
    (
        "unknown participant",
        lambda d: d["voting"]["ballots"][1].update(participant="p-x"),
        "$.voting.ballots[1].participant: unknown key 'p-x'",
    ),
    (
        "a participant is not a theme",
        lambda d: d["voting"]["ballots"][0]["counts"].update({"p-bram": 1}),
        "$.voting.ballots[0].counts.p-bram: unknown key 'p-bram'",
    ),
    (
        "unknown theme in the tie break",
        lambda d: d["voting"].update(tie_break=["t-x"]),
        "$.voting.tie_break[0]: unknown key 't-x'",
    ),
    (
        "two ballots of one participant",
        lambda d: d["voting"]["ballots"][1].update(participant="p-anna"),
        "$.voting.ballots[1].participant: 'p-anna' has a ballot already",
    ),
    (
        "over the budget",
        lambda d: d["voting"].update(per_person=4),
        "$.voting.ballots[0].counts: Anna de Vries gave 5 dots; each person has 4",
    ),
    (
        "over the cap",
        lambda d: d["voting"]["ballots"][1]["counts"].update({"t-bewegen": 4}),
        "$.voting.ballots[1].counts: ballot 2 put 4 on 'Bewegen'; at most 3 per theme",
    ),
    (
        "a theme ranked twice",
        lambda d: d["voting"].update(
            mode="ranking", ballots=[{"ranking": ["t-eenzaam", "t-bewegen", "t-eenzaam"]}]
        ),
        "$.voting.ballots[0].ranking: ballot 1 ranked 'Eenzaamheid' twice",
    ),
    (
        "a negative count",
        lambda d: d["voting"]["ballots"][0]["counts"].update({"t-eenzaam": -1}),
        "$.voting.ballots[0].counts.t-eenzaam: must be at least 0, got -1",
    ),
    (
        "unknown step",
        lambda d: d["schedule"]["steps"][0].update(step="pauze"),
        "$.schedule.steps[0].step: 'pauze' is not a step of session.programme_steps",
    ),
    (
        "a step timed twice",
        lambda d: d["schedule"]["steps"].append({"step": "welkom", "actual_seconds": 1}),
        "$.schedule.steps[1].step: step 'welkom' is listed twice",
    ),
    (
        "bad start time",
        lambda d: d["schedule"].update(start_time="1:30 pm"),
        "$.schedule.start_time: '1:30 pm' is not a time of day (HH:MM)",
    ),
    (
        "bad moment",
        lambda d: d["schedule"]["steps"][0].update(started_at="12-03-2026 13:30"),
        "$.schedule.steps[0].started_at: '12-03-2026 13:30' is not a date and time "
        "(YYYY-MM-DDTHH:MM:SS+00:00)",
    ),
]


@pytest.mark.parametrize(("change", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_a_bad_voting_or_schedule_names_its_first_problem(
    change: Callable[[dict[str, Any]], object], expected: str
) -> None:
    with pytest.raises(InterchangeError) as caught:
        parse_document(_mutated(change))
    assert str(caught.value) == expected


def test_the_ballots_decide_the_scores_on_import(db: Database) -> None:
    session = import_document(db=db, document=parse_document(json.dumps(BASE)))
    assert session.id is not None
    themes = list_themes(db=db, session_id=session.id)
    assert [(t.key, t.votes, t.rank) for t in themes] == [
        ("t-eenzaam", 3, 2),
        ("t-bewegen", 5, 1),
    ]
    document = read_document(db=db, session_id=session.id)
    assert document["voting"]["ballots"] == BASE["voting"]["ballots"]
    assert document["schedule"]["steps"][0]["started_at"] == "2026-03-12T12:30:00+00:00"


def test_a_file_without_voting_or_schedule_still_imports(db: Database) -> None:
    old = {key: value for key, value in BASE.items() if key not in ("voting", "schedule")}
    session = import_document(db=db, document=parse_document(json.dumps(old)))
    assert session.id is not None
    document = read_document(db=db, session_id=session.id)
    assert "voting" not in document and "schedule" not in document
    assert [t["votes"] for t in document["themes"]] == [99, 0]


def test_a_duplicate_keeps_the_votes_and_the_start_time_but_not_the_timings(db: Database) -> None:
    session = import_document(db=db, document=parse_document(json.dumps(BASE)))
    assert session.id is not None
    copy_ = duplicate_session(db=db, session_id=session.id, title="Kopie")
    assert copy_.id is not None
    original = read_document(db=db, session_id=session.id)
    duplicate = read_document(db=db, session_id=copy_.id)
    assert duplicate["voting"] == original["voting"]
    assert duplicate["schedule"] == {"start_time": "13:30", "steps": []}
