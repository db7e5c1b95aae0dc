"""The participants' evaluation forms: typed in, changed and removed; refusals name the field
and write nothing; a removed form comes back in its place; the forms travel in the document."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from worksession.domain.changes import Part
from worksession.domain.field_labels import user_message
from worksession.domain.interchange import FORMAT, InterchangeError, parse_document
from worksession.domain.models import FeedbackForm
from worksession.domain.validation import ValidationError
from worksession.i18n import set_language
from worksession.storage.database import Database
from worksession.storage.document import import_document, read_document
from worksession.storage.errors import NotFound
from worksession.storage.operations.feedback_forms import (
    add_feedback_form,
    list_feedback_forms,
    remove_feedback_form,
    update_feedback_form,
)
from worksession.storage.operations.parts import changed_by
from worksession.storage.operations.removal import remove_with_snapshot, restore_snapshot
from worksession.storage.operations.session_copy import duplicate_session
from worksession.storage.operations.sessions import create_session, get_session


def _session(db: Database) -> int:
    return int(create_session(db=db, title="Samen gezond oud worden").id or 0)


def _forms(db: Database, session_id: int) -> list[tuple[int | None, str, str]]:
    rows = list_feedback_forms(db=db, session_id=session_id)
    return [(f.score, f.takeaway, f.to_improve) for f in rows]


def test_forms_are_kept_in_the_order_typed_with_opaque_keys(db: Database) -> None:
    session_id = _session(db)
    add_feedback_form(db=db, session_id=session_id, score=8, takeaway="De sociale kaart",
                      to_improve="Meer tijd voor de casus")  # fmt: skip
    add_feedback_form(db=db, session_id=session_id)  # a form left blank still counts
    add_feedback_form(db=db, session_id=session_id, score=6, to_improve="Koffie")
    assert _forms(db, session_id) == [
        (8, "De sociale kaart", "Meer tijd voor de casus"),
        (None, "", ""),
        (6, "", "Koffie"),
    ]
    keys = [form.key for form in list_feedback_forms(db=db, session_id=session_id)]
    assert len(set(keys)) == 3 and all(key.startswith("f-") for key in keys)
    assert get_session(db=db, session_id=session_id).status == "draft"


def test_a_form_s_change_says_it_changed_the_forms(db: Database) -> None:
    session_id = _session(db)
    form = add_feedback_form(db=db, session_id=session_id, score=7)
    assert changed_by(form) == {Part.FEEDBACK_FORMS}
    changed = update_feedback_form(db=db, form_id=int(form.id or 0), score=None, takeaway="x")
    assert changed_by(changed) == {Part.FEEDBACK_FORMS}
    assert _forms(db, session_id) == [(None, "x", "")]


@pytest.mark.parametrize(
    ("changes", "field", "value"),
    [
        ({"score": 0}, "Score (1–10)", "0"),
        ({"score": 11}, "Score (1–10)", "11"),
        ({"score": "8"}, "Score (1–10)", "'8'"),
        ({"score": True}, "Score (1–10)", "True"),
        ({"takeaway": "x" * 10_001}, "What do you take away?", "10001"),
        ({"to_improve": 3}, "What could be better?", "3"),
    ],
)
def test_a_bad_value_is_refused_by_field_and_value_and_writes_nothing(
    db: Database, changes: dict[str, object], field: str, value: str
) -> None:
    set_language("en")
    session_id = _session(db)
    form = add_feedback_form(db=db, session_id=session_id, score=9, takeaway="Korte lijnen")
    before = _forms(db, session_id)
    with pytest.raises(ValidationError) as added:
        add_feedback_form(db=db, session_id=session_id, **changes)  # type: ignore[arg-type]
    with pytest.raises(ValidationError) as updated:
        update_feedback_form(db=db, form_id=int(form.id or 0), **changes)  # type: ignore[arg-type]
    for refusal in (added.value, updated.value):
        message = user_message(refusal)
        assert message.startswith(f"{field}: ") and value in message
    assert _forms(db, session_id) == before


def test_an_unknown_form_or_session_is_not_found_and_nothing_is_written(db: Database) -> None:
    session_id = _session(db)
    with pytest.raises(NotFound):
        add_feedback_form(db=db, session_id=session_id + 1, score=5)
    with pytest.raises(NotFound):
        update_feedback_form(db=db, form_id=99, score=5)
    with pytest.raises(NotFound):
        remove_feedback_form(db=db, form_id=99)
    assert _forms(db, session_id) == []


def test_a_removed_form_comes_back_with_its_id_key_and_place(db: Database) -> None:
    session_id = _session(db)
    first = add_feedback_form(db=db, session_id=session_id, score=4, takeaway="a")
    add_feedback_form(db=db, session_id=session_id, score=9, takeaway="b")
    before = list_feedback_forms(db=db, session_id=session_id)
    snapshot = remove_with_snapshot(db=db, model=FeedbackForm, row_id=int(first.id or 0))
    assert _forms(db, session_id) == [(9, "b", "")]
    restore_snapshot(db=db, snapshot=snapshot)
    assert list_feedback_forms(db=db, session_id=session_id) == before


def test_the_forms_travel_in_the_document_and_back(db: Database) -> None:
    session_id = _session(db)
    add_feedback_form(db=db, session_id=session_id, score=10, takeaway="Wie de POH-GGZ is",
                      to_improve="Een avond, geen middag")  # fmt: skip
    add_feedback_form(db=db, session_id=session_id, to_improve="Meer inwoners erbij")
    document = read_document(db=db, session_id=session_id)
    forms = document["feedback_forms"]
    assert [list(form) for form in forms] == [["key", "score", "takeaway", "to_improve"]] * 2
    assert [(f["score"], f["to_improve"]) for f in forms] == [
        (10, "Een avond, geen middag"),
        (None, "Meer inwoners erbij"),
    ]
    text = json.dumps(document, ensure_ascii=False)
    copy = import_document(db=db, document=parse_document(text))
    again = read_document(db=db, session_id=int(copy.id or 0))
    # The second import of one file is a copy: another session, with an identity of its own.
    assert again.pop("uuid") not in ("", document.pop("uuid"))
    assert again == document


def test_a_session_without_forms_has_no_forms_section(db: Database) -> None:
    """Its document, and so its plan's fingerprint, is what it was before forms existed."""
    session_id = _session(db)
    assert "feedback_forms" not in read_document(db=db, session_id=session_id)


def test_a_file_without_forms_imports_and_a_file_with_forms_is_checked(db: Database) -> None:
    minimal = {
        "format": FORMAT,
        "session": {"title": "Kaalheide"},
        "participants": [{"key": "p-1", "name": "An"}],
    }
    session = import_document(db=db, document=parse_document(json.dumps(minimal)))
    assert list_feedback_forms(db=db, session_id=int(session.id or 0)) == []
    for forms, path in (
        ([{"key": "f-1", "score": 11}], "$.feedback_forms[0].score"),
        ([{"key": "f-1"}, {"key": "f-1"}], "$.feedback_forms[1].key"),
        ([{"key": "p-1"}], "$.feedback_forms[0].key"),  # one key space with the participants
        ([{"score": 5}], "$.feedback_forms[0].key"),
        ([{"key": "f-1", "name": "An"}], "$.feedback_forms[0].name"),
    ):
        with pytest.raises(InterchangeError) as refused:
            parse_document(json.dumps({**minimal, "feedback_forms": forms}))
        assert refused.value.path == path, refused.value
    referring = {
        **minimal,
        "agreements": [{"key": "a-1", "what": "Koffie-ochtend", "lead": "f-1"}],
        "feedback_forms": [{"key": "f-1"}],
    }
    with pytest.raises(InterchangeError) as refused:  # nothing may refer to a form
        parse_document(json.dumps(referring))
    assert refused.value.path == "$.agreements[0].lead"


def test_a_duplicated_session_starts_without_the_forms_of_that_day(db: Database) -> None:
    session_id = _session(db)
    add_feedback_form(db=db, session_id=session_id, score=8)
    copy = duplicate_session(db=db, session_id=session_id, title="Volgend jaar")
    assert list_feedback_forms(db=db, session_id=int(copy.id or 0)) == []
    assert len(list_feedback_forms(db=db, session_id=session_id)) == 1


@given(score=st.none() | st.integers(-3, 14), text=st.text(max_size=30))
def test_any_score_is_stored_or_refused_by_field(
    db: Database, score: int | None, text: str
) -> None:
    session_id = _session(db)
    try:
        form = add_feedback_form(db=db, session_id=session_id, score=score, takeaway=text)
    except ValidationError as refusal:
        refused = {"feedback_form.takeaway"} if "\x00" in text else set()  # NUL is no text
        if score is not None and not 1 <= score <= 10:
            refused.add("feedback_form.score")
        assert refusal.path in refused
        return
    assert form.score == score and form.takeaway == text
