"""Operations on themes (prioritising) and the improvement points per theme."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Unpack

from worksession.domain.models import Improvement, Theme
from worksession.domain.record_changes import ImprovementChanges, ThemeChanges
from worksession.domain.validation import clean
from worksession.storage.database import Database
from worksession.storage.operations._rows import (
    fetch,
    list_records,
    new_key,
    next_position,
    remove_record,
    require_session,
    touch,
    update_record,
)
from worksession.storage.operations.vote_count import refresh_votes, refuse_typed_votes
from worksession.storage.operations.voting import set_vote_totals


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
        require_session(s, session_id)
        if fields["votes"]:
            refuse_typed_votes(s, session_id)
        theme = Theme(
            session_id=session_id,
            key=new_key(s, session_id, "t", str(fields["title"])),
            position=next_position(s, Theme, session_id),
            **fields,
        )
        s.add(theme)
        s.flush()
        refresh_votes(s, session_id)  # a ranking gives the first place one point more now
        touch(s, session_id)
        return theme


def update_theme(*, db: Database, theme_id: int, **changes: Unpack[ThemeChanges]) -> Theme:
    """Change a theme; a change of votes re-ranks every theme of the session.

    Votes are typed only when the vote round takes totals; with ballots they are refused.
    """
    if "votes" not in changes:
        return update_record(db, Theme, "theme", theme_id, changes)
    fields = clean("theme", changes)
    with db.transaction() as s:
        theme = fetch(s, Theme, theme_id)
        refuse_typed_votes(s, theme.session_id)
        for name, value in fields.items():
            setattr(theme, name, value)
        s.flush()
        refresh_votes(s, theme.session_id)
        touch(s, theme.session_id)
        return theme


def record_votes(*, db: Database, session_id: int, votes: Mapping[int, int]) -> list[Theme]:
    """Enter the dot-vote counts of several themes at once (theme id → votes); ranks follow."""
    return set_vote_totals(db=db, session_id=session_id, totals=votes)


def remove_theme(*, db: Database, theme_id: int) -> Theme:
    """Remove a theme with its improvement points and its marks on ballots; its agreements stay,
    without a theme. Scores and ranks of the other themes follow."""
    with db.transaction() as s:
        theme = fetch(s, Theme, theme_id)
        s.delete(theme)
        s.flush()
        refresh_votes(s, theme.session_id)
        touch(s, theme.session_id)
        return theme


def list_themes(*, db: Database, session_id: int) -> list[Theme]:
    return list_records(db, Theme, session_id)


def add_improvement(*, db: Database, theme_id: int, text: str) -> Improvement:
    fields = clean("improvement", {"text": text})
    with db.transaction() as s:
        theme = fetch(s, Theme, theme_id)
        improvement = Improvement(
            session_id=theme.session_id,
            theme_id=theme_id,
            position=next_position(s, Improvement, theme.session_id),
            **fields,
        )
        s.add(improvement)
        touch(s, theme.session_id)
        return improvement


def update_improvement(
    *, db: Database, improvement_id: int, **changes: Unpack[ImprovementChanges]
) -> Improvement:
    return update_record(db, Improvement, "improvement", improvement_id, changes)


def remove_improvement(*, db: Database, improvement_id: int) -> Improvement:
    return remove_record(db, Improvement, improvement_id)


def list_improvements(*, db: Database, session_id: int) -> list[Improvement]:
    return list_records(db, Improvement, session_id)
