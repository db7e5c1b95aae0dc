"""Reading and counting the stored vote round: the ballots, the tally and the themes' scores.

The operations in ``worksession.storage.operations.voting`` write the method, the ballots and the
totals; this module reads them back in the shape the screens and the checks use (``BallotView``,
``VoteOverview``) and recomputes the themes' ``votes`` and ``rank`` from them (``refresh_votes``),
inside the caller's transaction.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from sqlmodel import Session, col, select

from worksession.domain.models import Participant, Theme, VoteBallot, VoteMark, VoteRound
from worksession.domain.validation import ValidationError
from worksession.domain.values import VoteEntry, VoteMode
from worksession.domain.voting import Ballot, Tally, VoteSettings, method_sentence, tally
from worksession.i18n import _
from worksession.storage.database import Database
from worksession.storage.operations._rows import ordered, require_session


@dataclass(frozen=True)
class BallotView:
    """A stored ballot: counts per theme id (dots, points) or theme ids in order (ranking)."""

    id: int
    position: int
    participant_id: int | None
    counts: dict[int, int]
    ranking: tuple[int, ...]


@dataclass(frozen=True)
class VoteOverview:
    """Everything a vote screen shows, keyed by theme id.

    ``voters_typed`` is the number the coach typed with totals; ``tally.voters`` is the number
    that counts (ballots cast, or the typed number). ``eligible`` is the number of participants
    present. ``method`` is the plan's sentence in the current language.
    """

    settings: VoteSettings
    voters_typed: int | None
    tie_break: tuple[int, ...]
    ballots: tuple[BallotView, ...]
    tally: Tally[int]
    eligible: int
    method: str


def settings_of(row: VoteRound | None) -> VoteSettings:
    if row is None:
        return VoteSettings()
    return VoteSettings(
        mode=VoteMode(row.mode),
        entry=VoteEntry(row.entry),
        per_person=row.per_person,
        cap=row.cap,
        anonymous=row.anonymous,
    )


def list_ballots(*, db: Database, session_id: int) -> list[BallotView]:
    with db.reading() as s:
        return stored_ballots(s, session_id)


def vote_overview(*, db: Database, session_id: int) -> VoteOverview:
    """The method, the ballots and the tally by theme id, as a vote screen shows them."""
    with db.reading() as s:
        require_session(s, session_id)
        row = s.get(VoteRound, session_id)
        settings = settings_of(row)
        themes = session_themes(s, session_id)
        ballots = stored_ballots(s, session_id)
        result = _tally(s, session_id, settings, row, themes, ballots)
        present = s.exec(
            select(Participant.id).where(
                Participant.session_id == session_id, col(Participant.present)
            )
        ).all()
        return VoteOverview(
            settings=settings,
            voters_typed=row.voters if row is not None else None,
            tie_break=tuple(_tie_break(row, themes)),
            ballots=tuple(ballots),
            tally=result,
            eligible=len(present),
            method=method_sentence(settings, voters=result.voters, eligible=len(present)),
        )


def refresh_votes(s: Session, session_id: int) -> list[Theme]:
    """Recompute every theme's score (from the ballots, when they are the entry) and rank."""
    row = s.get(VoteRound, session_id)
    settings = settings_of(row)
    themes = session_themes(s, session_id)
    ballots = stored_ballots(s, session_id) if settings.entry is VoteEntry.BALLOTS else []
    result = _tally(s, session_id, settings, row, themes, ballots)
    for theme in themes:
        assert theme.id is not None
        theme.votes = result.scores[theme.id]
        theme.rank = result.ranks[theme.id]
    return themes


def refuse_typed_votes(s: Session, session_id: int) -> None:
    """Refuse typed votes when they come from the ballots (they would be overwritten)."""
    if settings_of(s.get(VoteRound, session_id)).entry is VoteEntry.BALLOTS:
        raise ValidationError(
            "theme.votes", _("the votes come from the ballots; change a ballot instead")
        )


def session_themes(s: Session, session_id: int) -> list[Theme]:
    return list(s.exec(ordered(Theme, session_id)).all())  # type: ignore[call-overload]


def participant_names(s: Session, session_id: int) -> dict[int, str]:
    rows = s.exec(select(Participant).where(Participant.session_id == session_id)).all()
    return {row.id: row.name for row in rows if row.id is not None}


def _tally(
    s: Session,
    session_id: int,
    settings: VoteSettings,
    row: VoteRound | None,
    themes: Sequence[Theme],
    ballots: Sequence[BallotView],
) -> Tally[int]:
    names = participant_names(s, session_id)
    return tally(
        settings,
        {theme.id: theme.title for theme in themes if theme.id is not None},
        totals={theme.id: theme.votes for theme in themes if theme.id is not None},
        ballots=[domain_ballot(ballot, names) for ballot in ballots],
        voters=row.voters if row is not None else None,
        tie_break=_tie_break(row, themes),
    )


def _tie_break(row: VoteRound | None, themes: Sequence[Theme]) -> list[int]:
    """The stored tie break (theme keys) as the ids of the themes that still exist."""
    ids = {theme.key: theme.id for theme in themes if theme.id is not None}
    keys = json.loads(row.tie_break) if row is not None else []
    return [ids[key] for key in keys if key in ids]


def domain_ballot(ballot: BallotView, names: Mapping[int, str]) -> Ballot[int]:
    voter = names.get(ballot.participant_id) if ballot.participant_id is not None else None
    return Ballot(voter=voter, counts=ballot.counts, ranking=ballot.ranking)


def stored_ballots(s: Session, session_id: int) -> list[BallotView]:
    rows = list(s.exec(ordered(VoteBallot, session_id)).all())  # type: ignore[call-overload]
    if not rows:
        return []
    marks = s.exec(
        select(VoteMark)
        .where(col(VoteMark.ballot_id).in_([row.id for row in rows]))
        .order_by(col(VoteMark.value), col(VoteMark.id))
    ).all()
    by_ballot: dict[int, list[VoteMark]] = {}
    for mark in marks:
        by_ballot.setdefault(mark.ballot_id, []).append(mark)
    settings = settings_of(s.get(VoteRound, session_id))
    return [_from_marks(row, by_ballot.get(row.id, []), settings) for row in rows]


def ballot_view(s: Session, ballot: VoteBallot) -> BallotView:
    marks = s.exec(
        select(VoteMark)
        .where(VoteMark.ballot_id == ballot.id)
        .order_by(col(VoteMark.value), col(VoteMark.id))
    ).all()
    return _from_marks(ballot, list(marks), settings_of(s.get(VoteRound, ballot.session_id)))


def _from_marks(row: VoteBallot, marks: Sequence[VoteMark], settings: VoteSettings) -> BallotView:
    assert row.id is not None
    if settings.counting:
        return BallotView(
            row.id, row.position, row.participant_id, {m.theme_id: m.value for m in marks}, ()
        )
    return BallotView(
        row.id, row.position, row.participant_id, {}, tuple(m.theme_id for m in marks)
    )
