"""A follow-up session's plan names the signed plan it reviews and keeps, per review, the signed
agreement as it was signed — with the names of then, whatever changed in the follow-up since."""

from __future__ import annotations

from typing import Any, cast

from worksession.domain.interchange import Document
from worksession.domain.plan import fingerprint, plan_snapshot

SIGNED: dict[str, Any] = {
    "format": "worksession-plan/1",
    "version": 2,
    "session": {"title": "Kaalheide"},
    "participants": [{"key": "p-anna", "name": "Anna de Vries", "present": True}],
    "stakeholders": [{"key": "s-ggd", "name": "GGD Zuid-Limburg"}],
    "themes": [{"key": "t-bewegen", "title": "Bewegen"}],
    "agreements": [
        {
            "key": "a-loket",
            "what": "Eén loket voor leefstijlvragen",
            "theme": "t-bewegen",
            "lead": "p-anna",
            "due": "2026-06-01",
            "indicator": "Tien verwijzingen per maand",
            "status": "in_progress",
        },
        {"key": "a-kaart", "what": "Sociale kaart online", "lead": "s-ggd"},
    ],
}


def _follow_up() -> Document:
    return cast(
        Document,
        {
            "format": "worksession/1",
            "session": {"title": "Kaalheide — een half jaar later"},
            # Anna left; the loket is now led by someone new, and its wording was adjusted.
            "participants": [{"key": "p-bram", "name": "Bram", "present": True}],
            "agreements": [
                {"key": "a-loket", "what": "Loket ook op zaterdag", "lead": "p-bram"},
                {"key": "a-nieuw", "what": "Wandelgroep"},
            ],
            "origin": {
                "title": "Kaalheide",
                "version": 2,
                "fingerprint": fingerprint(cast(Any, SIGNED)),
                "plan": SIGNED,
            },
            "reviews": [
                {
                    "agreement": "a-loket",
                    "status_now": "done",
                    "what_happened": "Loket draait sinds maart",
                    "indicator_seen": "partly",
                    "evidence": "Zes verwijzingen per maand",
                    "decision": "adjust",
                },
                {"agreement": "a-kaart"},
            ],
            "lessons": [{"kind": "hindered", "obstacle": "financiering", "text": "Geen geld"}],
        },
    )


def test_the_plan_names_the_signed_plan_without_carrying_it() -> None:
    snapshot = plan_snapshot(_follow_up(), 1)
    assert snapshot["origin"] == {
        "title": "Kaalheide",
        "version": 2,
        "fingerprint": fingerprint(cast(Any, SIGNED)),
    }
    assert snapshot["lessons"] == [
        {"kind": "hindered", "obstacle": "financiering", "text": "Geen geld"}
    ]


def test_each_review_keeps_the_agreement_as_signed_with_the_names_of_then() -> None:
    loket, kaart = plan_snapshot(_follow_up(), 1)["reviews"]
    assert loket["signed"] == {
        "what": "Eén loket voor leefstijlvragen",
        "theme": "Bewegen",
        "lead": "Anna de Vries",
        "due": "2026-06-01",
        "indicator": "Tien verwijzingen per maand",
        "status": "in_progress",
    }
    assert (loket["status_now"], loket["indicator_seen"], loket["decision"]) == (
        "done",
        "partly",
        "adjust",
    )
    assert kaart["signed"] is not None
    assert (kaart["signed"]["lead"], kaart["signed"]["status"]) == ("GGD Zuid-Limburg", "open")
    assert (kaart["status_now"], kaart["what_happened"], kaart["decision"]) == (None, "", None)


def test_a_review_of_a_key_the_signed_plan_lacks_has_no_signed_agreement() -> None:
    document = _follow_up()
    document["reviews"] = [{"agreement": "a-nieuw"}]
    (review,) = plan_snapshot(document, 1)["reviews"]
    assert review["signed"] is None


def test_a_session_that_follows_none_has_no_origin_or_reviews_in_its_plan() -> None:
    document = _follow_up()
    for key in ("origin", "reviews", "lessons"):
        document.pop(key)  # type: ignore[misc]
    snapshot = plan_snapshot(document, 1)
    assert not {"origin", "reviews", "lessons"} & set(snapshot)
