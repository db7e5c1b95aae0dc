"""The invite list's columns for the wie-is-wie list: "waarvoor kun je mij bellen" read as
typed, "e-mail delen" as yes or no, anything else refused (consent is never guessed)."""

from __future__ import annotations

from worksession.domain.people_import import read_invite_list
from worksession.i18n import set_language


def test_call_for_and_share_email_are_read_from_their_columns() -> None:
    set_language("nl")
    rows = [
        (1, ["Naam", "Waarvoor kun je mij bellen", "E-mail delen"]),
        (2, ["Anna de Wit", " Valpreventie en beweegaanbod ", "ja"]),
        (3, ["Bert Smit", "", "nee"]),
        (4, ["Carla Jansen", "Schuldhulp", ""]),
        (5, ["Dirk Bos", "Dementie", "misschien"]),
    ]
    invite = read_invite_list(rows)
    assert [(p["name"], p.get("call_for", ""), p.get("share_email")) for p in invite.people] == [
        ("Anna de Wit", "Valpreventie en beweegaanbod", True),
        ("Bert Smit", "", False),
        ("Carla Jansen", "Schuldhulp", None),  # no answer: the default (not shared) applies
    ]
    (refusal,) = invite.refused
    assert (refusal.row, refusal.column, refusal.value) == (5, "E-mail delen", "misschien")
    assert "ja / nee" in refusal.reason
