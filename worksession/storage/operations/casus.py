"""Operations on the casus and the wijkgezondheidsprofiel: text, key figures, live insights."""

from __future__ import annotations

from typing import Unpack

from worksession.domain.models import Casus, Insight, KeyFigure
from worksession.domain.record_changes import CasusChanges, FigureChanges, InsightChanges
from worksession.domain.validation import clean
from worksession.storage.database import Database
from worksession.storage.operations._rows import (
    append_row,
    fetch,
    list_records,
    remove_record,
    touch,
    update_record,
)


def update_casus(*, db: Database, session_id: int, **changes: Unpack[CasusChanges]) -> Casus:
    """Change the casus title, text or question."""
    fields = clean("casus", changes)
    with db.transaction() as s:
        casus = fetch(s, Casus, session_id)
        for name, value in fields.items():
            setattr(casus, name, value)
        touch(s, session_id)
        return casus


def get_casus(*, db: Database, session_id: int) -> Casus:
    with db.reading() as s:
        return fetch(s, Casus, session_id)


def add_key_figure(
    *, db: Database, session_id: int, label: str, value: str = "", source: str = ""
) -> KeyFigure:
    fields = clean("figure", {"label": label, "value": value, "source": source})
    with db.transaction() as s:
        return append_row(s, KeyFigure, session_id, **fields)


def update_key_figure(
    *, db: Database, figure_id: int, **changes: Unpack[FigureChanges]
) -> KeyFigure:
    return update_record(db, KeyFigure, "figure", figure_id, changes)


def remove_key_figure(*, db: Database, figure_id: int) -> KeyFigure:
    return remove_record(db, KeyFigure, figure_id)


def list_key_figures(*, db: Database, session_id: int) -> list[KeyFigure]:
    return list_records(db, KeyFigure, session_id)


def add_insight(*, db: Database, session_id: int, text: str) -> Insight:
    fields = clean("insight", {"text": text})
    with db.transaction() as s:
        return append_row(s, Insight, session_id, **fields)


def update_insight(*, db: Database, insight_id: int, **changes: Unpack[InsightChanges]) -> Insight:
    return update_record(db, Insight, "insight", insight_id, changes)


def remove_insight(*, db: Database, insight_id: int) -> Insight:
    return remove_record(db, Insight, insight_id)


def list_insights(*, db: Database, session_id: int) -> list[Insight]:
    return list_records(db, Insight, session_id)
