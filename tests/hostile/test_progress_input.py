"""Hostile input to the progress log: any text for the agreement, status, date, note or name is
recorded or refused with the field named — never another error, and a refusal writes nothing."""

from __future__ import annotations

import sqlite3

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from worksession.domain.validation import ValidationError
from worksession.programmes.library import load_library
from worksession.storage.opening import open_database
from worksession.storage.operations.progress import progress_log, record_progress
from worksession.workflows.demo import create_demo_session

TEXT = st.text(max_size=300)


@settings(max_examples=60)
@given(
    key=st.one_of(st.just("a-maatjes"), TEXT),
    status=st.one_of(st.sampled_from(["open", "in_progress", "done", "dropped"]), TEXT),
    on=st.one_of(st.none(), st.just("2026-05-01"), TEXT),
    note=TEXT,
    by=TEXT,
)
def test_any_text_is_recorded_or_refused_by_field(
    tmp_path_factory: pytest.TempPathFactory,
    key: str,
    status: str,
    on: str | None,
    note: str,
    by: str,
) -> None:
    path = tmp_path_factory.mktemp("progress") / "fuzz.sqlite3"
    db = open_database(path)
    try:
        session = create_demo_session(db=db, library=load_library())
        assert session.id is not None
        try:
            entry = record_progress(
                db=db, session_id=session.id, agreement_key=key, status=status, note=note,
                on=on, reported_by=by,
            )  # fmt: skip
        except ValidationError as error:
            assert error.path.startswith("agreement_progress.")
            assert progress_log(db=db, session_id=session.id) == []
        else:
            assert progress_log(db=db, session_id=session.id) == [entry]
            assert entry.note == note
    finally:
        db.close()
    with sqlite3.connect(path) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
