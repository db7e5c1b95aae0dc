"""Voting the way groups vote without devices: dots, a points budget, a ranking, a show of hands.

Pure rules, no storage: the coach enters either a total per theme (dots or hands counted on the
wall, points added up) or one ballot per participant (dots or points per theme, or an ordered
list of themes). ``tally`` turns that into a score per theme, shared ("1224") ranks, the ties and
the problems of each ballot; ``method_sentence`` says in the plan how the group voted.

Themes are identified by any hashable key: the database passes theme ids, the interchange
document and the plan pass theme keys. ``themes`` maps each key to its title, in the coach's
order; the title only serves the messages.

Ranking is counted with the Borda count: with ``n`` themes the first place of a ballot gets
``n - 1`` points, the second ``n - 2`` and so on; themes a ballot leaves out get nothing.
Ties stay ties: ranks are shared, and the group decides the order, stored as ``tie_break`` (a
list of theme keys, earlier = placed higher among equals).
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from worksession.domain.rules import competition_ranks
from worksession.domain.values import VoteEntry, VoteMode
from worksession.i18n import _, ngettext

K = TypeVar("K", bound=Hashable)

#: How each mode may be entered: a ranking only as ballots, a show of hands only as totals.
ENTRIES: dict[VoteMode, tuple[VoteEntry, ...]] = {
    VoteMode.DOTS: (VoteEntry.TOTALS, VoteEntry.BALLOTS),
    VoteMode.POINTS: (VoteEntry.TOTALS, VoteEntry.BALLOTS),
    VoteMode.RANKING: (VoteEntry.BALLOTS,),
    VoteMode.HANDS: (VoteEntry.TOTALS,),
}
#: Modes whose ballots hold a count per theme (the others hold an ordered list).
COUNTING = (VoteMode.DOTS, VoteMode.POINTS)


@dataclass(frozen=True)
class VoteSettings:
    """The method of one vote round.

    ``per_person`` is the number of dots or points each participant has, ``cap`` the most one
    participant may give one theme; both apply to dots and points only (None: not fixed).
    ``anonymous`` says whether the plan names who voted what.
    """

    mode: VoteMode = VoteMode.DOTS
    entry: VoteEntry = VoteEntry.TOTALS
    per_person: int | None = None
    cap: int | None = None
    anonymous: bool = True

    @property
    def counting(self) -> bool:
        """Whether a ballot holds counts per theme (dots, points) rather than a ranking."""
        return self.mode in COUNTING

    @property
    def budget(self) -> int | None:
        """Dots or points per person, when the mode has a budget and it is fixed."""
        return self.per_person if self.counting else None

    @property
    def theme_cap(self) -> int | None:
        """The most one person may give one theme, when the mode has a cap and it is set."""
        return self.cap if self.counting else None


def replaced_totals(before: VoteEntry, after: VoteEntry, totals: Mapping[K, int]) -> dict[K, int]:
    """The typed totals (theme → count, zeros left out) that changing the entry from ``before``
    to ``after`` would replace: going from totals to ballots, the ballots' count takes their
    place. Nothing is replaced otherwise (ballots are kept when totals are typed instead)."""
    if (before, after) != (VoteEntry.TOTALS, VoteEntry.BALLOTS):
        return {}
    return {theme: count for theme, count in totals.items() if count}


def settings_problem(settings: VoteSettings) -> str | None:
    """Why this combination of mode and entry cannot be used, or None."""
    if settings.entry in ENTRIES[settings.mode]:
        return None
    if settings.mode is VoteMode.RANKING:
        return _("a ranking is entered as a ballot per participant")
    return _("a show of hands is entered as a total per theme")


@dataclass(frozen=True)
class Ballot(Generic[K]):
    """One participant's vote: counts per theme (dots, points) or themes in order (ranking).

    ``voter`` is the name used in messages and, when the vote is named, in the plan; None for
    a ballot without a name (it is called "ballot N").
    """

    voter: str | None = None
    counts: Mapping[K, int] = field(default_factory=dict)
    ranking: Sequence[K] = ()

    @property
    def empty(self) -> bool:
        return not self.ranking and not any(count > 0 for count in self.counts.values())


@dataclass(frozen=True)
class VoteProblem:
    """Something that does not add up: ``ballot`` is its number (1-based), None for totals."""

    ballot: int | None
    voter: str | None
    message: str


@dataclass(frozen=True)
class Tally(Generic[K]):
    """The result of a vote round.

    ``scores``: dots, points, Borda points or hands per theme. ``ranks``: competition ranks, equal
    scores share a rank; every rank is None until a vote is cast. ``order``: highest score first,
    equal scores in the group's tie-break order, then in the coach's order. ``voters``: ballots
    cast, or the number typed with totals (None when unknown). ``ties``: groups of themes with the
    same score above zero, highest first. ``unresolved``: the ties the tie break does not settle.
    """

    scores: Mapping[K, int]
    ranks: Mapping[K, int | None]
    order: tuple[K, ...]
    voters: int | None
    ties: tuple[tuple[K, ...], ...]
    unresolved: tuple[tuple[K, ...], ...]
    problems: tuple[VoteProblem, ...]

    @property
    def has_unresolved_ties(self) -> bool:
        return bool(self.unresolved)


def voter_name(ballot: Ballot[Any], number: int) -> str:
    return ballot.voter or _("ballot {number}").format(number=number)


def ballot_problems(
    settings: VoteSettings, themes: Mapping[K, str], ballot: Ballot[K], *, number: int
) -> list[str]:
    """What is wrong with one ballot, each message naming the voter and the value."""
    who = voter_name(ballot, number)
    problems: list[str] = []
    if settings.counting:
        if ballot.ranking:
            problems.append(
                _("{voter} ranked themes, but this vote counts dots or points").format(voter=who)
            )
        total = 0
        for key, count in ballot.counts.items():
            if key not in themes:
                problems.append(_unknown_theme(who, key))
                continue
            title = themes[key]
            if count < 0:
                problems.append(
                    _("{voter} gave {count} to '{theme}'; a count cannot be negative").format(
                        voter=who, count=count, theme=title
                    )
                )
                continue
            total += count
            cap = settings.theme_cap
            if cap is not None and count > cap:
                problems.append(
                    _("{voter} put {count} on '{theme}'; at most {cap} per theme").format(
                        voter=who, count=count, theme=title, cap=cap
                    )
                )
        budget = settings.budget
        if budget is not None and total > budget:
            message = (
                _("{voter} gave {count} dots; each person has {budget}")
                if settings.mode is VoteMode.DOTS
                else _("{voter} gave {count} points; each person has {budget}")
            )
            problems.append(message.format(voter=who, count=total, budget=budget))
        return problems
    if any(count for count in ballot.counts.values()):
        problems.append(_("{voter} gave counts, but this vote is a ranking").format(voter=who))
    seen: set[K] = set()
    for key in ballot.ranking:
        if key not in themes:
            problems.append(_unknown_theme(who, key))
        elif key in seen:
            problems.append(
                _("{voter} ranked '{theme}' twice").format(voter=who, theme=themes[key])
            )
        seen.add(key)
    return problems


def _unknown_theme(who: str, key: object) -> str:
    return _("{voter} voted for a theme that is not in the list: {theme}").format(
        voter=who, theme=key
    )


def ballot_scores(settings: VoteSettings, themes: Sequence[K], ballot: Ballot[K]) -> dict[K, int]:
    """What one ballot adds to each theme it names (themes not in ``themes`` are skipped)."""
    known = set(themes)
    if settings.counting:
        return {key: count for key, count in ballot.counts.items() if key in known and count > 0}
    ranked = list(dict.fromkeys(key for key in ballot.ranking if key in known))
    return {key: borda_points(place, len(themes)) for place, key in enumerate(ranked, 1)}


def borda_points(place: int, themes: int) -> int:
    """The Borda points of the ``place``-th theme (1 = first) of a ballot among ``themes``."""
    return max(themes - place, 0)


def total_problems(
    settings: VoteSettings, themes: Mapping[K, str], totals: Mapping[K, int], voters: int | None
) -> list[str]:
    """Totals that cannot come from ``voters`` people with this budget, cap or pair of hands."""
    if voters is None:
        return []
    problems: list[str] = []
    budget = settings.budget
    counted = sum(totals.values())
    if budget is not None and counted > budget * voters:
        message = (
            _("{count} dots were counted, but {voters} voters with {budget} dots each have {most}")
            if settings.mode is VoteMode.DOTS
            else _(
                "{count} points were counted, but {voters} voters with {budget} points each "
                "have {most}"
            )
        )
        problems.append(
            message.format(count=counted, voters=voters, budget=budget, most=budget * voters)
        )
    cap = settings.theme_cap
    for key, count in totals.items():
        if cap is not None and count > cap * voters:
            problems.append(
                _(
                    "'{theme}' has {count}, but {voters} voters with at most {cap} per theme "
                    "give at most {most}"
                ).format(theme=themes[key], count=count, voters=voters, cap=cap, most=cap * voters)
            )
        if settings.mode is VoteMode.HANDS and count > voters:
            problems.append(
                _("'{theme}' has {count} hands, but {voters} people voted").format(
                    theme=themes[key], count=count, voters=voters
                )
            )
    return problems


def tally(
    settings: VoteSettings,
    themes: Mapping[K, str],
    *,
    totals: Mapping[K, int] | None = None,
    ballots: Sequence[Ballot[K]] = (),
    voters: int | None = None,
    tie_break: Sequence[K] = (),
) -> Tally[K]:
    """Count a vote round.

    With ``settings.entry`` = totals the scores are ``totals`` and ``voters`` is the number the
    coach typed; with ballots every ballot is counted as given (its problems are reported, not
    corrected) and ``voters`` is the number of ballots that name at least one theme.
    """
    keys = list(themes)
    problems: list[VoteProblem] = []
    if settings.entry is VoteEntry.TOTALS:
        given = totals or {}
        scores = {key: int(given.get(key, 0)) for key in keys}
        counted_voters = voters
        problems += [
            VoteProblem(None, None, message)
            for message in total_problems(settings, themes, scores, voters)
        ]
    else:
        scores = dict.fromkeys(keys, 0)
        counted_voters = 0
        for number, ballot in enumerate(ballots, 1):
            problems += [
                VoteProblem(number, ballot.voter, message)
                for message in ballot_problems(settings, themes, ballot, number=number)
            ]
            for key, points in ballot_scores(settings, keys, ballot).items():
                scores[key] += points
            if not ballot.empty:
                counted_voters += 1
    values = [scores[key] for key in keys]
    ranks: list[int | None] = list(competition_ranks(values)) if any(values) else [None] * len(keys)
    decided = {key: index for index, key in enumerate(dict.fromkeys(tie_break))}
    position = {key: index for index, key in enumerate(keys)}
    order = tuple(
        sorted(keys, key=lambda k: (-scores[k], decided.get(k, len(decided)), position[k]))
    )
    groups: dict[int, list[K]] = {}
    for key in order:
        if scores[key] > 0:
            groups.setdefault(scores[key], []).append(key)
    ties = tuple(tuple(group) for group in groups.values() if len(group) > 1)
    unresolved = tuple(group for group in ties if sum(1 for key in group if key not in decided) > 1)
    return Tally(
        scores=scores,
        ranks=dict(zip(keys, ranks, strict=True)),
        order=order,
        voters=counted_voters,
        ties=ties,
        unresolved=unresolved,
        problems=tuple(problems),
    )


def method_sentence(settings: VoteSettings, *, voters: int | None, eligible: int | None) -> str:
    """How the group voted, for the plan: "Dot voting, 5 dots each; 18 of 20 participants voted."

    ``eligible`` is the number of participants present; it is left out when unknown or zero.
    """
    per_person = settings.budget
    if settings.mode is VoteMode.DOTS and per_person is not None:
        method = ngettext(
            "Dot voting, {count} dot each", "Dot voting, {count} dots each", per_person
        ).format(count=per_person)
    elif settings.mode is VoteMode.POINTS and per_person is not None:
        method = ngettext(
            "Points budget, {count} point each", "Points budget, {count} points each", per_person
        ).format(count=per_person)
    else:
        method = settings.mode.label
    if settings.theme_cap is not None:
        method = _("{method}, at most {cap} per theme").format(
            method=method, cap=settings.theme_cap
        )
    if voters is None:
        return _("{method}.").format(method=method)
    if eligible:
        who = ngettext(
            "{voters} of {eligible} participants voted",
            "{voters} of {eligible} participants voted",
            voters,
        ).format(voters=voters, eligible=eligible)
    else:
        who = ngettext("{voters} participant voted", "{voters} participants voted", voters).format(
            voters=voters
        )
    return _("{method}; {voters}.").format(method=method, voters=who)


# The interchange document's "voting" object (plain data, keyed by theme and participant keys).


def settings_from_document(voting: Mapping[str, Any]) -> VoteSettings:
    return VoteSettings(
        mode=VoteMode(voting.get("mode", VoteMode.DOTS.value)),
        entry=VoteEntry(voting.get("entry", VoteEntry.TOTALS.value)),
        per_person=voting.get("per_person"),
        cap=voting.get("cap"),
        anonymous=voting.get("anonymous", True),
    )


def ballots_from_document(voting: Mapping[str, Any], names: Mapping[str, str]) -> list[Ballot[str]]:
    """The document's ballots, named by ``names`` (participant key → name)."""
    return [
        Ballot(
            voter=names.get(ballot["participant"]) if ballot.get("participant") else None,
            counts=dict(ballot.get("counts", {})),
            ranking=tuple(ballot.get("ranking", ())),
        )
        for ballot in voting.get("ballots", [])
    ]
