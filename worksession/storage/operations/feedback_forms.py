"""Operations on the participants' evaluation forms, typed in from paper: add, change, remove.

A form is anonymous: it is linked to no participant, and its key is opaque (``f-`` and random
hex, apart from every other key of the session), so the key says nothing of who filled it in.
Every answer may be left open; a score is a whole number 1–10.
"""

from __future__ import annotations

from typing import Unpack

from worksession.domain.models import FeedbackForm
from worksession.domain.record_changes import FeedbackFormChanges
from worksession.domain.validation import clean
from worksession.storage.database import Database
from worksession.storage.operations._rows import (
    append_row,
    fetch,
    list_records,
    opaque_key,
    remove_record,
    touch,
)


def add_feedback_form(
    *,
    db: Database,
    session_id: int,
    score: int | None = None,
    takeaway: str = "",
    to_improve: str = "",
) -> FeedbackForm:
    """A new form after the session's others."""
    fields = clean(
        "feedback_form", {"score": score, "takeaway": takeaway, "to_improve": to_improve}
    )
    with db.transaction() as s:
        return append_row(s, FeedbackForm, session_id, key=opaque_key(s, session_id, "f"), **fields)


def update_feedback_form(
    *, db: Database, form_id: int, **changes: Unpack[FeedbackFormChanges]
) -> FeedbackForm:
    """Change a form's score or answers; a refused value names its field and writes nothing."""
    fields = clean("feedback_form", changes)
    with db.transaction() as s:
        form = fetch(s, FeedbackForm, form_id)
        for name, value in fields.items():
            setattr(form, name, value)
        touch(s, form.session_id)
        return form


def remove_feedback_form(*, db: Database, form_id: int) -> FeedbackForm:
    return remove_record(db, FeedbackForm, form_id)


def list_feedback_forms(*, db: Database, session_id: int) -> list[FeedbackForm]:
    """The session's forms in the order they were typed in."""
    return list_records(db, FeedbackForm, session_id)
