"""The numbers of the agreements (A1, A2 …), the same in the plan and in the app.

A comment on the plan ("A4 should start after the summer") points to an agreement by its number,
so the numbers follow the order the plan prints them in: the themes in priority order — chosen
priorities by rank, then the other themes by rank — then the agreements without a theme; within
each group by due date, undated last, and by their place in the list when dates are equal.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

PREFIX = "A"
UNRANKED = 10**6  # a theme without a rank comes after every ranked one


def theme_order(themes: Sequence[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    """Themes as the plan lists their agreements: priorities first, each part by rank; themes
    with the same rank keep their order."""
    return sorted(themes, key=lambda t: (not t["priority"], t["rank"] or UNRANKED))


def agreement_groups(
    themes: Sequence[Mapping[str, Any]], agreements: Sequence[Mapping[str, Any]]
) -> list[tuple[Mapping[str, Any] | None, list[Mapping[str, Any]]]]:
    """(theme, its agreements in order) for every theme that has agreements, then (None, the
    agreements without a known theme). Every agreement is in exactly one group."""
    ordered = theme_order(themes)
    known = {theme["key"] for theme in ordered}
    groups: list[tuple[Mapping[str, Any] | None, list[Mapping[str, Any]]]] = []
    for theme in ordered:
        chosen = _by_date([a for a in agreements if a["theme"] == theme["key"]], agreements)
        if chosen:
            groups.append((theme, chosen))
    loose = _by_date([a for a in agreements if a["theme"] not in known], agreements)
    if loose:
        groups.append((None, loose))
    return groups


def agreement_numbers(
    themes: Sequence[Mapping[str, Any]], agreements: Sequence[Mapping[str, Any]]
) -> dict[str, str]:
    """Agreement key → its number ("A1", "A2" …), counted across the whole plan."""
    ordered = (a for _theme, group in agreement_groups(themes, agreements) for a in group)
    return {agreement["key"]: f"{PREFIX}{number}" for number, agreement in enumerate(ordered, 1)}


def _by_date(
    chosen: list[Mapping[str, Any]], everything: Sequence[Mapping[str, Any]]
) -> list[Mapping[str, Any]]:
    position = {id(agreement): index for index, agreement in enumerate(everything)}
    return sorted(chosen, key=lambda a: (*_due_key(a["due"]), position[id(a)]))


def _due_key(due: str | dt.date | None) -> tuple[bool, str]:
    """Dated before undated; ISO dates sort as text in date order."""
    if due is None or due == "":
        return True, ""
    return False, due.isoformat() if isinstance(due, dt.date) else str(due)
