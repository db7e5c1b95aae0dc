"""Operations on what the coach writes down: notes per step and the closing evaluation."""

from __future__ import annotations

from typing import Unpack

from sqlmodel import select

from worksession.domain.models import Evaluation, StepNote
from worksession.domain.record_changes import EvaluationChanges
from worksession.domain.validation import ValidationError, clean
from worksession.i18n import _
from worksession.storage.database import Database
from worksession.storage.operations._rows import require_session, session_record, touch


def set_step_note(*, db: Database, session_id: int, step_id: str, text: str) -> StepNote:
    """Store the notes of one step (replacing what was there)."""
    fields = clean("step_note", {"text": text})
    if not step_id:
        raise ValidationError("step_note.step_id", _("must not be empty"))
    with db.transaction() as s:
        require_session(s, session_id)
        note = s.exec(
            select(StepNote).where(StepNote.session_id == session_id, StepNote.step_id == step_id)
        ).first()
        if note is None:
            note = StepNote(session_id=session_id, step_id=step_id)
            s.add(note)
        note.text = fields["text"]
        touch(s, session_id, plan=False)
        return note


def step_notes(*, db: Database, session_id: int) -> dict[str, str]:
    """Step id → notes, for the steps that have any."""
    with db.reading() as s:
        rows = s.exec(select(StepNote).where(StepNote.session_id == session_id)).all()
        return {row.step_id: row.text for row in rows if row.text}


def update_evaluation(
    *, db: Database, session_id: int, **changes: Unpack[EvaluationChanges]
) -> Evaluation:
    """Change what went well, what to improve, or the score (1–10, or None)."""
    fields = clean("evaluation", changes)
    with db.transaction() as s:
        require_session(s, session_id)
        evaluation = session_record(s, Evaluation, session_id)
        for name, value in fields.items():
            setattr(evaluation, name, value)
        touch(s, session_id)
        return evaluation


def get_evaluation(*, db: Database, session_id: int) -> Evaluation:
    with db.reading() as s:
        require_session(s, session_id)
        return s.get(Evaluation, session_id) or Evaluation(session_id=session_id)
