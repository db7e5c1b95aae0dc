"""Vote rounds on a real database: ballots and totals keep the themes' scores and ranks current,
bad ballots are refused with nothing written, removal and undo and erasure keep the counts."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from worksession.domain.models import Participant, Theme, VoteBallot
from worksession.domain.validation import ValidationError
from worksession.domain.values import VoteEntry, VoteMode
from worksession.i18n import set_language
from worksession.programmes.library import load_library
from worksession.storage.database import Database
from worksession.storage.document import read_document
from worksession.storage.operations.people import add_participant
from worksession.storage.operations.privacy import erase_participant
from worksession.storage.operations.removal import remove_with_snapshot, restore_snapshot
from worksession.storage.operations.sessions import create_session
from worksession.storage.operations.themes import (
    add_theme,
    list_themes,
    record_votes,
    remove_theme,
    update_theme,
)
from worksession.storage.operations.vote_count import list_ballots, vote_overview
from worksession.storage.operations.voting import (
    add_ballot,
    get_vote_round,
    remove_ballot,
    set_tie_break,
    set_vote_settings,
    set_vote_totals,
    update_ballot,
)
from worksession.workflows.demo import create_demo_session


@pytest.fixture(autouse=True)
def _english() -> Iterator[None]:
    set_language("en")
    yield
    set_language("nl")  # module-scoped fixtures elsewhere render in the default language


class Room:
    """A session with four themes and three participants."""

    def __init__(self, db: Database) -> None:
        session = create_session(db=db, title="Werksessie Kaalheide")
        assert session.id is not None
        self.db, self.session_id = db, session.id
        self.themes = [
            _id(add_theme(db=db, session_id=session.id, title=title))
            for title in ("Eenzaamheid", "Bewegen", "Dementie", "Mantelzorg")
        ]
        self.people = [
            _id(add_participant(db=db, session_id=session.id, name=name))
            for name in ("Anna de Vries", "Bram Jansen", "Chantal Bakker")
        ]

    def scores(self) -> list[tuple[int, int | None]]:
        return [(t.votes, t.rank) for t in list_themes(db=self.db, session_id=self.session_id)]

    def snapshot(self) -> str:
        return json.dumps(read_document(db=self.db, session_id=self.session_id), sort_keys=True)


def _id(row: Theme | Participant | VoteBallot) -> int:
    assert row.id is not None
    return row.id


@pytest.fixture
def room(db: Database) -> Room:
    return Room(db)


def _dot_ballots(room: Room, per_person: int = 5, cap: int | None = None) -> None:
    set_vote_settings(
        db=room.db,
        session_id=room.session_id,
        mode="dots",
        entry="ballots",
        per_person=per_person,
        cap=cap,
    )


def test_a_session_without_a_vote_round_votes_with_dots_typed_per_theme(room: Room) -> None:
    row = get_vote_round(db=room.db, session_id=room.session_id)
    assert (row.mode, row.entry, row.anonymous) == ("dots", "totals", True)
    a, b, c, _d = room.themes
    record_votes(db=room.db, session_id=room.session_id, votes={a: 7, b: 12, c: 7})
    assert room.scores() == [(7, 2), (12, 1), (7, 2), (0, 4)]


def test_dot_ballots_set_the_themes_scores_and_ranks(room: Room) -> None:
    _dot_ballots(room)
    a, b, c, _d = room.themes
    anna, bram, _chantal = room.people
    add_ballot(db=room.db, session_id=room.session_id, participant_id=anna, counts={a: 3, b: 2})
    add_ballot(db=room.db, session_id=room.session_id, participant_id=bram, counts={c: 5})
    add_ballot(db=room.db, session_id=room.session_id, counts={a: 1, b: 1})  # a paper slip
    assert room.scores() == [(4, 2), (3, 3), (5, 1), (0, 4)]
    overview = vote_overview(db=room.db, session_id=room.session_id)
    assert overview.tally.voters == 3
    assert overview.eligible == 3
    assert overview.method == "Dot voting, 5 dots each; 3 of 3 participants voted."
    assert [b.participant_id for b in overview.ballots] == [anna, bram, None]


def test_a_ballot_over_the_budget_is_refused_and_nothing_is_written(room: Room) -> None:
    _dot_ballots(room, cap=3)
    a, b, *_ = room.themes
    anna = room.people[0]
    before = room.snapshot()
    with pytest.raises(ValidationError, match="Anna de Vries gave 6 dots; each person has 5"):
        add_ballot(db=room.db, session_id=room.session_id, participant_id=anna, counts={a: 3, b: 3})
    with pytest.raises(ValidationError, match="Anna de Vries put 4 on 'Eenzaamheid'; at most 3"):
        add_ballot(db=room.db, session_id=room.session_id, participant_id=anna, counts={a: 4})
    assert room.snapshot() == before
    assert list_ballots(db=room.db, session_id=room.session_id) == []


def test_one_ballot_per_participant(room: Room) -> None:
    _dot_ballots(room)
    anna = room.people[0]
    add_ballot(db=room.db, session_id=room.session_id, participant_id=anna, counts={})
    with pytest.raises(ValidationError, match="Anna de Vries has a ballot already"):
        add_ballot(db=room.db, session_id=room.session_id, participant_id=anna)


def test_a_theme_of_another_session_is_refused(room: Room, db: Database) -> None:
    other = Room(db)
    _dot_ballots(room)
    with pytest.raises(ValidationError, match="another session"):
        add_ballot(db=room.db, session_id=room.session_id, counts={other.themes[0]: 1})


def test_ranking_ballots_are_counted_with_borda(room: Room) -> None:
    set_vote_settings(db=room.db, session_id=room.session_id, mode="ranking", entry="ballots")
    a, b, c, d = room.themes
    add_ballot(db=room.db, session_id=room.session_id, ranking=[c, a, b, d])
    add_ballot(db=room.db, session_id=room.session_id, ranking=[a, c])
    assert [votes for votes, _rank in room.scores()] == [5, 1, 5, 0]
    with pytest.raises(ValidationError, match="ranked 'Eenzaamheid' twice"):
        add_ballot(db=room.db, session_id=room.session_id, ranking=[a, b, a])


def test_a_new_theme_changes_borda_points_and_removing_it_changes_them_back(room: Room) -> None:
    set_vote_settings(db=room.db, session_id=room.session_id, mode="ranking", entry="ballots")
    a, b, _c, _d = room.themes
    add_ballot(db=room.db, session_id=room.session_id, ranking=[a, b])
    assert [votes for votes, _rank in room.scores()] == [3, 2, 0, 0]
    extra = _id(add_theme(db=room.db, session_id=room.session_id, title="Schulden"))
    assert [votes for votes, _rank in room.scores()] == [4, 3, 0, 0, 0]
    remove_theme(db=room.db, theme_id=extra)
    assert [votes for votes, _rank in room.scores()] == [3, 2, 0, 0]


def test_updating_a_ballot_replaces_its_marks(room: Room) -> None:
    _dot_ballots(room)
    a, b, c, _d = room.themes
    ballot = _id(add_ballot(db=room.db, session_id=room.session_id, counts={a: 5}))
    update_ballot(db=room.db, ballot_id=ballot, counts={b: 2, c: 3})
    assert [votes for votes, _rank in room.scores()] == [0, 2, 3, 0]
    update_ballot(db=room.db, ballot_id=ballot, participant_id=room.people[2])
    (view,) = list_ballots(db=room.db, session_id=room.session_id)
    assert (view.participant_id, view.counts) == (room.people[2], {b: 2, c: 3})
    remove_ballot(db=room.db, ballot_id=ballot)
    assert room.scores() == [(0, None)] * 4


def test_typed_votes_are_refused_while_the_ballots_count(room: Room) -> None:
    _dot_ballots(room)
    a = room.themes[0]
    with pytest.raises(ValidationError, match="the votes come from the ballots"):
        update_theme(db=room.db, theme_id=a, votes=4)
    with pytest.raises(ValidationError, match="the votes come from the ballots"):
        record_votes(db=room.db, session_id=room.session_id, votes={a: 4})


def test_ballots_are_refused_while_totals_are_typed(room: Room) -> None:
    with pytest.raises(ValidationError, match="total per theme"):
        add_ballot(db=room.db, session_id=room.session_id, counts={room.themes[0]: 1})


def test_settings_that_break_a_stored_ballot_are_refused(room: Room) -> None:
    _dot_ballots(room)
    a, _b, *_ = room.themes
    add_ballot(db=room.db, session_id=room.session_id, participant_id=room.people[1], counts={a: 4})
    with pytest.raises(ValidationError, match="Bram Jansen gave 4 dots; each person has 3"):
        set_vote_settings(db=room.db, session_id=room.session_id, per_person=3)
    with pytest.raises(ValidationError, match="remove it before changing to a ranking"):
        set_vote_settings(db=room.db, session_id=room.session_id, mode="ranking")
    with pytest.raises(ValidationError, match="a show of hands is entered as a total"):
        set_vote_settings(db=room.db, session_id=room.session_id, mode="hands")
    row = get_vote_round(db=room.db, session_id=room.session_id)
    assert (row.mode, row.per_person) == ("dots", 5)
    set_vote_settings(db=room.db, session_id=room.session_id, mode="points", per_person=10)
    assert room.scores()[0] == (4, 1)


def test_switching_to_totals_keeps_the_ballots_result_to_edit(room: Room) -> None:
    _dot_ballots(room)
    a, b, *_ = room.themes
    add_ballot(db=room.db, session_id=room.session_id, counts={a: 2, b: 3})
    set_vote_settings(db=room.db, session_id=room.session_id, entry="totals", voters=1)
    set_vote_totals(db=room.db, session_id=room.session_id, totals={a: 4})
    assert [votes for votes, _rank in room.scores()] == [4, 3, 0, 0]
    set_vote_settings(db=room.db, session_id=room.session_id, entry="ballots")
    assert [votes for votes, _rank in room.scores()] == [2, 3, 0, 0]


def test_hands_typed_with_the_number_who_voted(room: Room) -> None:
    set_vote_settings(db=room.db, session_id=room.session_id, mode="hands")
    a, b, *_ = room.themes
    set_vote_totals(db=room.db, session_id=room.session_id, totals={a: 9, b: 2}, voters=8)
    overview = vote_overview(db=room.db, session_id=room.session_id)
    assert overview.settings.mode is VoteMode.HANDS
    assert overview.settings.entry is VoteEntry.TOTALS
    assert [p.message for p in overview.tally.problems] == [
        "'Eenzaamheid' has 9 hands, but 8 people voted"
    ]


def test_the_tie_break_orders_equal_scores_and_survives_a_reload(room: Room) -> None:
    _dot_ballots(room)
    a, _b, c, _d = room.themes
    add_ballot(db=room.db, session_id=room.session_id, counts={a: 2, c: 2})
    overview = vote_overview(db=room.db, session_id=room.session_id)
    assert overview.tally.unresolved == ((a, c),)
    set_tie_break(db=room.db, session_id=room.session_id, theme_ids=[c])
    overview = vote_overview(db=room.db, session_id=room.session_id)
    assert overview.tally.order[:2] == (c, a)
    assert overview.tie_break == (c,)
    assert not overview.tally.has_unresolved_ties
    assert [rank for _votes, rank in room.scores()][:3] == [1, 3, 1]
    with pytest.raises(ValidationError, match="listed twice"):
        set_tie_break(db=room.db, session_id=room.session_id, theme_ids=[a, a])


def test_removing_a_theme_takes_its_marks_and_undo_brings_them_back(room: Room) -> None:
    _dot_ballots(room)
    a, b, _c, _d = room.themes
    add_ballot(db=room.db, session_id=room.session_id, counts={a: 2, b: 3})
    before, scores = room.snapshot(), room.scores()
    snapshot = remove_with_snapshot(db=room.db, model=Theme, row_id=b)
    assert list_ballots(db=room.db, session_id=room.session_id)[0].counts == {a: 2}
    assert room.scores()[0] == (2, 1)
    restore_snapshot(db=room.db, snapshot=snapshot)
    assert room.snapshot() == before
    assert room.scores() == scores


def test_removing_a_ballot_with_undo(room: Room) -> None:
    _dot_ballots(room)
    a = room.themes[0]
    ballot = _id(add_ballot(db=room.db, session_id=room.session_id, counts={a: 2}))
    snapshot = remove_with_snapshot(db=room.db, model=VoteBallot, row_id=ballot)
    assert room.scores()[0] == (0, None)
    restore_snapshot(db=room.db, snapshot=snapshot)
    assert room.scores()[0] == (2, 1)


def test_removing_a_participant_keeps_their_ballot_and_undo_gives_the_name_back(
    room: Room,
) -> None:
    _dot_ballots(room)
    anna = room.people[0]
    add_ballot(
        db=room.db, session_id=room.session_id, participant_id=anna, counts={room.themes[0]: 5}
    )
    before = room.snapshot()
    snapshot = remove_with_snapshot(db=room.db, model=Participant, row_id=anna)
    (ballot,) = list_ballots(db=room.db, session_id=room.session_id)
    assert (ballot.participant_id, room.scores()[0]) == (None, (5, 1))
    restore_snapshot(db=room.db, snapshot=snapshot)
    assert room.snapshot() == before


def test_erasing_a_person_keeps_the_count_without_the_name(room: Room) -> None:
    _dot_ballots(room)
    anna = room.people[0]
    add_ballot(
        db=room.db, session_id=room.session_id, participant_id=anna, counts={room.themes[1]: 4}
    )
    erasure = erase_participant(db=room.db, participant_id=anna)
    assert erasure.ballots_unlinked == 1
    (ballot,) = list_ballots(db=room.db, session_id=room.session_id)
    assert ballot.participant_id is None
    assert room.scores()[1] == (4, 1)
    voting = read_document(db=room.db, session_id=room.session_id)["voting"]
    assert voting["ballots"] == [{"participant": None, "counts": {"t-bewegen": 4}}]


def test_the_demo_session_shows_its_dot_vote(db: Database) -> None:
    session = create_demo_session(db=db, library=load_library())
    assert session.id is not None
    overview = vote_overview(db=db, session_id=session.id)
    assert overview.method == "Dot voting, 5 dots each; 11 of 11 participants voted."
    assert overview.tally.problems == ()
    assert [t.votes for t in list_themes(db=db, session_id=session.id)] == [15, 12, 10, 8, 6, 4]


@settings(max_examples=30)
@given(
    st.lists(st.lists(st.integers(0, 2), min_size=4, max_size=4), max_size=6),
    st.data(),
)
def test_the_stored_scores_always_equal_the_ballots(
    db: Database, ballots: list[list[int]], data: st.DataObject
) -> None:
    room = Room(db)
    _dot_ballots(room, per_person=8)
    ids = [
        _id(
            add_ballot(
                db=db,
                session_id=room.session_id,
                counts=dict(zip(room.themes, counts, strict=True)),
            )
        )
        for counts in ballots
    ]
    removed = data.draw(st.lists(st.sampled_from(ids), unique=True)) if ids else []
    for ballot_id in removed:
        remove_ballot(db=db, ballot_id=ballot_id)
    kept = [
        counts for ballot_id, counts in zip(ids, ballots, strict=True) if ballot_id not in removed
    ]
    expected = [sum(counts[index] for counts in kept) for index in range(4)]
    assert [votes for votes, _rank in room.scores()] == expected
    assert vote_overview(db=db, session_id=room.session_id).tally.voters == sum(
        1 for counts in kept if any(counts)
    )
