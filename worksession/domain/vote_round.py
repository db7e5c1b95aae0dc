"""What a document's vote round comes to: its tally, and what the plan keeps of it.

The rules of counting live in ``worksession.domain.voting``; this module applies them to the
interchange document's ``voting`` object (plain data, keyed by theme and participant keys).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from worksession.domain.values import VoteEntry
from worksession.domain.voting import (
    Tally,
    ballots_from_document,
    settings_from_document,
    tally,
)


def document_tally(document: Mapping[str, Any]) -> Tally[str] | None:
    """The tally of a document's vote round (None when it has none)."""
    voting = document.get("voting")
    if voting is None:
        return None
    themes = {theme["key"]: theme["title"] for theme in document.get("themes", [])}
    names = {person["key"]: person["name"] for person in document.get("participants", [])}
    return tally(
        settings_from_document(voting),
        themes,
        totals={theme["key"]: theme.get("votes", 0) for theme in document.get("themes", [])},
        ballots=ballots_from_document(voting, names),
        voters=voting.get("voters"),
        tie_break=voting.get("tie_break", ()),
    )


def present_count(document: Mapping[str, Any]) -> int:
    return sum(1 for person in document.get("participants", []) if person.get("present", True))


def plan_voting(document: Mapping[str, Any]) -> dict[str, Any] | None:
    """What the plan keeps of the vote round: the method, the count of voters, the final order,
    the ties, and — only when the vote is named — the ballots (by participant key)."""
    voting = document.get("voting")
    result = document_tally(document)
    if voting is None or result is None:
        return None
    settings = settings_from_document(voting)
    summary: dict[str, Any] = {
        "mode": settings.mode.value,
        "entry": settings.entry.value,
        "per_person": settings.budget,
        "cap": settings.theme_cap,
        "anonymous": settings.anonymous,
        "voters": result.voters,
        "eligible": present_count(document),
        "order": list(result.order),
        "ties": [list(group) for group in result.ties],
        "unresolved": [list(group) for group in result.unresolved],
    }
    if not settings.anonymous and settings.entry is VoteEntry.BALLOTS:
        summary["ballots"] = [
            {"participant": ballot.get("participant"), "counts": dict(ballot.get("counts", {}))}
            if settings.counting
            else {
                "participant": ballot.get("participant"),
                "ranking": list(ballot.get("ranking", [])),
            }
            for ballot in voting.get("ballots", [])
        ]
    return summary
