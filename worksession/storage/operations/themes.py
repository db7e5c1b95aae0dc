"""Operations on themes (prioritising) and the improvement points per theme."""

from __future__ import annotations

from collections.abc import Mapping

from sqlmodel import Session, select

from worksession.domain.models import Improvement, Theme
from worksession.domain.rules import competition_ranks
from worksession.domain.validation import clean
from worksession.storage.database import Database
from worksession.storage.operations._rows import (
    check_belongs,
    fetch,
    fetch_session,
    list_records,
    new_key,
    next_position,
    remove_record,
    touch,
    update_record,
)


def add_theme(
    *,
    db: Database,
    session_id: int,
    title: str,
    target_group: str = "",
    why: str = "",
    votes: int = 0,
    priority: bool = False,
) -> Theme:
    fields = clean(
        "theme",
        {
            "title": title,
            "target_group": target_group,
            "why": why,
            "votes": votes,
            "priority": priority,
        },
    )
    with db.transaction() as s:
        fetch_session(s, session_id)
        theme = Theme(
            session_id=session_id,
            key=new_key(s, session_id, "t", str(fields["title"])),
            position=next_position(s, Theme, session_id=session_id),
            **fields,
        )
        s.add(theme)
        s.flush()
        _rerank(s, session_id)
        touch(s, session_id)
        return theme


def update_theme(*, db: Database, theme_id: int, **changes: object) -> Theme:
    """Change a theme; a change of votes re-ranks every theme of the session."""
    if "votes" not in changes:
        return update_record(db, Theme, "theme", theme_id, changes)
    fields = clean("theme", changes)
    with db.transaction() as s:
        theme = fetch(s, Theme, theme_id)
        for name, value in fields.items():
            setattr(theme, name, value)
        s.flush()
        _rerank(s, theme.session_id)
        touch(s, theme.session_id)
        return theme


def record_votes(*, db: Database, session_id: int, votes: Mapping[int, int]) -> list[Theme]:
    """Enter the dot-vote counts of several themes at once (theme id → votes); ranks follow."""
    cleaned = {
        theme_id: clean("theme", {"votes": count})["votes"] for theme_id, count in votes.items()
    }
    with db.transaction() as s:
        for theme_id, count in cleaned.items():
            theme = fetch(s, Theme, theme_id)
            check_belongs(theme, session_id, "theme")
            theme.votes = int(str(count))
        s.flush()
        themes = _rerank(s, session_id)
        touch(s, session_id)
        return themes


def _rerank(s: Session, session_id: int) -> list[Theme]:
    """Ranks follow votes once any vote is cast; before that no theme has a rank."""
    themes = list(s.exec(select(Theme).where(Theme.session_id == session_id)).all())
    counts = [theme.votes for theme in themes]
    ranks: list[int | None] = (
        list(competition_ranks(counts)) if any(counts) else [None] * len(themes)
    )
    for theme, rank in zip(themes, ranks, strict=True):
        theme.rank = rank
    return themes


def remove_theme(*, db: Database, theme_id: int) -> Theme:
    """Remove a theme with its improvement points; its agreements stay, without a theme."""
    return remove_record(db, Theme, theme_id)


def list_themes(*, db: Database, session_id: int) -> list[Theme]:
    return list_records(db, Theme, session_id)


def add_improvement(*, db: Database, theme_id: int, text: str) -> Improvement:
    fields = clean("improvement", {"text": text})
    with db.transaction() as s:
        theme = fetch(s, Theme, theme_id)
        improvement = Improvement(
            session_id=theme.session_id,
            theme_id=theme_id,
            position=next_position(s, Improvement, session_id=theme.session_id),
            **fields,
        )
        s.add(improvement)
        touch(s, theme.session_id)
        return improvement


def update_improvement(*, db: Database, improvement_id: int, **changes: object) -> Improvement:
    return update_record(db, Improvement, "improvement", improvement_id, changes)


def remove_improvement(*, db: Database, improvement_id: int) -> Improvement:
    return remove_record(db, Improvement, improvement_id)


def list_improvements(*, db: Database, session_id: int) -> list[Improvement]:
    return list_records(db, Improvement, session_id)
