"""Operations on the vote round: the method, the ballots, the totals and the group's tie break.

A session without a vote round votes with dots, typed as a total per theme (``record_votes``).
Whatever changes — a ballot, a total, the method, a theme added or removed — the themes' ``votes``
(the score: dots, points, Borda points or hands) and ``rank`` are recomputed in the same
transaction, so the chart, the ranks, the plan and the command line always read the result.

Ballots are checked against the method before they are written: a ballot over the budget, over
the cap per theme, or ranking a theme twice is refused with a message naming the participant and
the value. Changing the method re-checks the stored ballots the same way.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Unpack

from sqlmodel import Session, select

from worksession.domain.models import Participant, Theme, VoteBallot, VoteMark, VoteRound
from worksession.domain.record_changes import VoteRoundChanges
from worksession.domain.validation import ValidationError, clean
from worksession.domain.values import VoteEntry
from worksession.domain.voting import (
    VoteSettings,
    ballot_problems,
    settings_problem,
)
from worksession.i18n import _, ngettext
from worksession.storage.database import Database
from worksession.storage.operations._rows import (
    check_belongs,
    fetch,
    next_position,
    require_session,
    session_record,
    touch,
)
from worksession.storage.operations.vote_count import (
    BallotView,
    ballot_view,
    domain_ballot,
    participant_names,
    refresh_votes,
    refuse_typed_votes,
    session_themes,
    settings_of,
    stored_ballots,
)

_UNSET: object = object()


def get_vote_round(*, db: Database, session_id: int) -> VoteRound:
    """The session's vote settings (an unsaved default row when none were chosen yet)."""
    with db.reading() as s:
        require_session(s, session_id)
        return s.get(VoteRound, session_id) or VoteRound(session_id=session_id)


def set_vote_settings(
    *, db: Database, session_id: int, **changes: Unpack[VoteRoundChanges]
) -> VoteRound:
    """Change the method: ``mode``, ``entry``, ``per_person``, ``cap``, ``anonymous``, ``voters``.

    Refused (nothing written) when ranking is to be typed as totals or hands as ballots, when
    stored ballots were cast in the other shape (counts versus a ranking), or when a stored
    ballot does not fit the new budget or cap.
    """
    fields = clean("vote_round", changes)
    with db.transaction() as s:
        require_session(s, session_id)
        row = session_record(s, VoteRound, session_id)
        before = settings_of(row)
        for name, value in fields.items():
            setattr(row, name, value)
        settings = settings_of(row)
        problem = settings_problem(settings)
        if problem is not None:
            raise ValidationError("vote_round.entry", problem)
        ballots = stored_ballots(s, session_id)
        if ballots and settings.counting != before.counting:
            message = (
                ngettext(
                    "{count} ballot has dots or points; remove it before changing to a ranking",
                    "{count} ballots have dots or points; remove them before changing to a ranking",
                    len(ballots),
                )
                if before.counting
                else ngettext(
                    "{count} ballot has a ranking; remove it before counting dots or points",
                    "{count} ballots have a ranking; remove them before counting dots or points",
                    len(ballots),
                )
            )
            raise ValidationError("vote_round.mode", message.format(count=len(ballots)))
        if settings.entry is VoteEntry.BALLOTS:
            _check_ballots(s, session_id, settings, ballots, "vote_round")
        refresh_votes(s, session_id)
        touch(s, session_id)
        return row


def set_tie_break(*, db: Database, session_id: int, theme_ids: Sequence[int]) -> VoteRound:
    """The order the group chose among themes with equal scores (earlier = placed higher)."""
    if len(set(theme_ids)) != len(theme_ids):
        raise ValidationError("vote_round.tie_break", _("a theme is listed twice"))
    with db.transaction() as s:
        require_session(s, session_id)
        keys = [
            _theme(s, session_id, theme_id, "vote_round.tie_break").key for theme_id in theme_ids
        ]
        row = session_record(s, VoteRound, session_id)
        row.tie_break = json.dumps(keys, ensure_ascii=False)
        refresh_votes(s, session_id)
        touch(s, session_id)
        return row


def set_vote_totals(
    *,
    db: Database,
    session_id: int,
    totals: Mapping[int, int],
    voters: int | object | None = _UNSET,
) -> list[Theme]:
    """Type the count per theme (theme id → dots, points or hands), and how many voted."""
    cleaned = {
        theme_id: int(clean("theme", {"votes": count})["votes"])
        for theme_id, count in totals.items()
    }
    voter_fields = clean("vote_round", {"voters": voters}) if voters is not _UNSET else {}
    with db.transaction() as s:
        require_session(s, session_id)
        refuse_typed_votes(s, session_id)
        for theme_id, count in cleaned.items():
            _theme(s, session_id, theme_id, "theme").votes = count
        if voter_fields:
            row = session_record(s, VoteRound, session_id)
            row.voters = voter_fields["voters"]
        s.flush()
        themes = refresh_votes(s, session_id)
        touch(s, session_id)
        return themes


def add_ballot(
    *,
    db: Database,
    session_id: int,
    participant_id: int | None = None,
    counts: Mapping[int, int] | None = None,
    ranking: Sequence[int] | None = None,
) -> VoteBallot:
    """Add one ballot: ``counts`` (theme id → dots or points) or ``ranking`` (theme ids, first =
    most preferred), of ``participant_id`` or unnamed (None)."""
    with db.transaction() as s:
        require_session(s, session_id)
        settings = _ballot_settings(s, session_id)
        _check_voter(s, session_id, participant_id, None)
        ballot = VoteBallot(
            session_id=session_id,
            position=next_position(s, VoteBallot, session_id),
            participant_id=participant_id,
        )
        s.add(ballot)
        s.flush()
        assert ballot.id is not None
        _write_marks(s, session_id, settings, ballot, counts or {}, ranking or ())
        refresh_votes(s, session_id)
        touch(s, session_id)
        return ballot


def update_ballot(
    *,
    db: Database,
    ballot_id: int,
    participant_id: int | object | None = _UNSET,
    counts: Mapping[int, int] | object = _UNSET,
    ranking: Sequence[int] | object = _UNSET,
) -> VoteBallot:
    """Change a ballot's participant or its marks; what is not given stays as it was."""
    with db.transaction() as s:
        ballot = fetch(s, VoteBallot, ballot_id)
        session_id = ballot.session_id
        settings = _ballot_settings(s, session_id)
        if participant_id is not _UNSET:
            assert participant_id is None or isinstance(participant_id, int)
            _check_voter(s, session_id, participant_id, ballot_id)
            ballot.participant_id = participant_id
        if counts is not _UNSET or ranking is not _UNSET:
            current = ballot_view(s, ballot)
            new_counts = current.counts if counts is _UNSET else counts
            new_ranking = current.ranking if ranking is _UNSET else ranking
            assert isinstance(new_counts, Mapping) and isinstance(new_ranking, Sequence)
            _write_marks(s, session_id, settings, ballot, new_counts, new_ranking)
        else:
            _check_ballots(s, session_id, settings, [ballot_view(s, ballot)], _marks_path(settings))
        refresh_votes(s, session_id)
        touch(s, session_id)
        return ballot


def remove_ballot(*, db: Database, ballot_id: int) -> VoteBallot:
    with db.transaction() as s:
        ballot = fetch(s, VoteBallot, ballot_id)
        s.delete(ballot)
        s.flush()
        refresh_votes(s, ballot.session_id)
        touch(s, ballot.session_id)
        return ballot


def _theme(s: Session, session_id: int, theme_id: int, path: str) -> Theme:
    theme = s.get(Theme, theme_id)
    if theme is None:
        raise ValidationError(path, _("there is no theme with id {id}").format(id=theme_id))
    check_belongs(theme, session_id, path)
    return theme


def _ballot_settings(s: Session, session_id: int) -> VoteSettings:
    settings = settings_of(s.get(VoteRound, session_id))
    if settings.entry is not VoteEntry.BALLOTS:
        raise ValidationError(
            "vote_ballot",
            _("votes are entered as a total per theme; choose a ballot per participant first"),
        )
    return settings


def _check_voter(
    s: Session, session_id: int, participant_id: int | None, ballot_id: int | None
) -> None:
    if participant_id is None:
        return
    person = fetch(s, Participant, participant_id)
    check_belongs(person, session_id, "vote_ballot.participant")
    taken = s.exec(
        select(VoteBallot.id).where(
            VoteBallot.session_id == session_id, VoteBallot.participant_id == participant_id
        )
    ).first()
    if taken is not None and taken != ballot_id:
        raise ValidationError(
            "vote_ballot.participant", _("{name} has a ballot already").format(name=person.name)
        )


def _write_marks(
    s: Session,
    session_id: int,
    settings: VoteSettings,
    ballot: VoteBallot,
    counts: Mapping[int, int],
    ranking: Sequence[int],
) -> None:
    """Check the marks (themes of this session, whole numbers, the method's limits) and replace
    the ballot's marks with them."""
    for theme_id, count in counts.items():
        _theme(s, session_id, theme_id, "vote_ballot.counts")
        clean("vote", {"count": count})
    for theme_id in ranking:
        _theme(s, session_id, theme_id, "vote_ballot.ranking")
    assert ballot.id is not None
    view = BallotView(
        ballot.id,
        ballot.position,
        ballot.participant_id,
        {theme_id: count for theme_id, count in counts.items() if count},
        tuple(ranking),
    )
    _check_ballots(s, session_id, settings, [view], _marks_path(settings))
    for mark in s.exec(select(VoteMark).where(VoteMark.ballot_id == ballot.id)).all():
        s.delete(mark)
    s.flush()
    if settings.counting:
        s.add_all(
            VoteMark(ballot_id=ballot.id, theme_id=theme_id, value=count)
            for theme_id, count in view.counts.items()
        )
    else:
        s.add_all(
            VoteMark(ballot_id=ballot.id, theme_id=theme_id, value=place)
            for place, theme_id in enumerate(view.ranking, 1)
        )
    s.flush()


def _marks_path(settings: VoteSettings) -> str:
    return "vote_ballot.counts" if settings.counting else "vote_ballot.ranking"


def _check_ballots(
    s: Session,
    session_id: int,
    settings: VoteSettings,
    ballots: Sequence[BallotView],
    path: str,
) -> None:
    """Raise ``ValidationError`` with the first problem of any of ``ballots``."""
    themes = {
        theme.id: theme.title for theme in session_themes(s, session_id) if theme.id is not None
    }
    names = participant_names(s, session_id)
    for ballot in ballots:
        problems = ballot_problems(
            settings, themes, domain_ballot(ballot, names), number=ballot.position + 1
        )
        if problems:
            raise ValidationError(path, problems[0])
