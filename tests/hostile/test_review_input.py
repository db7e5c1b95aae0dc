"""Hostile input to the review of a carried agreement: any text or value for the status now,
what happened, the indicator, the evidence or the decision is recorded as given or refused with
the field named — never another error, and a refusal writes nothing."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.following import FollowUp, unreported_follow_up
from worksession.domain.validation import ValidationError
from worksession.storage.database import Database
from worksession.storage.opening import open_database
from worksession.storage.operations.review import review_overview, update_review

TEXT = st.text(max_size=300)
ANY = st.one_of(st.none(), TEXT, st.integers(), st.booleans())


def _choice(values: list[str]) -> st.SearchStrategy[object]:
    return st.one_of(st.sampled_from([None, *values]), ANY)


@pytest.fixture(scope="module")
def follow_up(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Database, FollowUp]]:
    db = open_database(tmp_path_factory.mktemp("review") / "fuzz.sqlite3")
    yield db, unreported_follow_up(db)
    db.close()
    assert db.path is not None
    with sqlite3.connect(db.path) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def _rows(db: Database) -> list[tuple[object, ...]]:
    assert db.path is not None
    with sqlite3.connect(db.path) as connection:
        return connection.execute("SELECT * FROM agreement_review ORDER BY id").fetchall()


@settings(max_examples=60)
@given(
    status_now=_choice(["open", "in_progress", "done", "dropped"]),
    what_happened=st.one_of(TEXT, ANY),
    indicator_seen=_choice(["yes", "partly", "no"]),
    evidence=st.one_of(TEXT, ANY),
    decision=_choice(["continue", "adjust", "completed", "stop"]),
)
def test_any_value_is_recorded_or_refused_by_field(
    follow_up: tuple[Database, FollowUp],
    status_now: object,
    what_happened: object,
    indicator_seen: object,
    evidence: object,
    decision: object,
) -> None:
    db, session = follow_up
    item = review_overview(db=db, session_id=session.session_id).items[0]
    before = _rows(db)
    changes = {
        "status_now": status_now, "what_happened": what_happened,
        "indicator_seen": indicator_seen, "evidence": evidence, "decision": decision,
    }  # fmt: skip
    try:
        update_review(db=db, review_id=item.review_id, **changes)  # type: ignore[arg-type]
    except ValidationError as error:
        assert error.path.startswith("agreement_review.")
        assert _rows(db) == before
    else:
        stored = review_overview(db=db, session_id=session.session_id).items[0]
        assert stored.indicator_seen == indicator_seen and stored.decision == decision
        assert stored.status_recorded == (status_now is not None)
        assert (stored.what_happened, stored.evidence) == (what_happened, evidence)
