"""Who is new on the sociale kaart and who left since the signed plan: compared by key."""

from __future__ import annotations

from typing import Any

from worksession.domain.kaart_changes import (
    NO_CHANGES,
    changes_since_origin,
    kaart_changes,
    left_line,
)
from worksession.i18n import set_language

SIGNED = [
    {"key": "s-huisarts", "name": "Huisartsenpraktijk"},
    {"key": "s-ggd", "name": "GGD Zuid-Limburg"},
    {"key": "s-apotheek", "name": "Apotheek Kaalheide"},
]


def test_new_and_left_are_found_by_key_not_by_name() -> None:
    current = [
        {"key": "s-huisarts", "name": "Huisartsenpraktijk De Linde"},  # renamed: not new
        {"key": "s-apotheek", "name": "Apotheek Kaalheide"},
        {"key": "s-buurtsport", "name": "Buurtsportcoach"},
    ]
    changes = kaart_changes(SIGNED, current)
    assert changes.new == {"s-buurtsport"}
    assert changes.left == ("GGD Zuid-Limburg",)
    assert changes


def test_the_same_kaart_has_no_changes() -> None:
    assert not kaart_changes(SIGNED, SIGNED)
    assert kaart_changes(SIGNED, []).left == (
        "Huisartsenpraktijk",
        "GGD Zuid-Limburg",
        "Apotheek Kaalheide",
    )


def _follow_up(plan: object, current: list[dict[str, str]]) -> Any:
    origin = {"title": "Plan", "version": 1, "fingerprint": "0" * 64, "plan": plan}
    return {"origin": origin, "stakeholders": current}


def test_a_follow_up_compares_with_the_plan_it_reviews() -> None:
    document = _follow_up({"stakeholders": SIGNED}, SIGNED[1:])
    assert changes_since_origin(document).left == ("Huisartsenpraktijk",)


def test_a_session_without_a_signed_origin_or_with_a_damaged_one_has_none() -> None:
    assert changes_since_origin({"stakeholders": SIGNED}) is NO_CHANGES  # type: ignore[typeddict-item]
    assert changes_since_origin(_follow_up({"stakeholders": "kapot"}, SIGNED)) is NO_CHANGES
    assert changes_since_origin(_follow_up("kapot", SIGNED)) is NO_CHANGES
    damaged = _follow_up({"stakeholders": [*SIGNED, "geen record", 3]}, SIGNED[:2])
    assert changes_since_origin(damaged).left == ("Apotheek Kaalheide",)


def test_the_left_line_stays_short() -> None:
    set_language("nl")
    assert left_line([]) == ""
    assert left_line(["GGD"]) == "vertrokken sinds de werksessie: GGD"
    names = [f"Partij {n}" for n in range(1, 10)]
    line = left_line(names, limit=3)
    assert line == "vertrokken sinds de werksessie: Partij 1, Partij 2, Partij 3 en nog 6"
