"""What a follow-up session carries over from the signed-off session it reviews.

Half a year later the same people meet about the same plan, so the follow-up starts from the
first session's header, participants (for the invitation), sociale kaart, themes, agreements,
kartrekker with werkgroep and the borging conditions — not from an empty session. What
happened on the day itself (casus, votes, improvement points, referrals, notes, timings,
evaluation, the preparation's ticks) stays with the first session: the follow-up has a day of
its own.

The people come from the working copy, not from the signed snapshot: a person erased after
sign-off stays in the frozen version (its fingerprint must not change) but must not come back
in a new session. The agreements are the signed plan's, each with its status *at sign-off*
(the review compares then with now), and they keep their keys so then and now match by key.

The result is a whole ``worksession/1`` follow-up document: the signed plan it reviews
(``origin``, checked against its fingerprint like any imported follow-up), the progress log so
far and one empty review per carried agreement.
"""

from __future__ import annotations

import copy
from typing import Any

from worksession.domain import document_types as typed
from worksession.domain.interchange import FORMAT, Document
from worksession.domain.plan import Snapshot
from worksession.domain.validation import SHORT_TEXT_MAX
from worksession.i18n import _


def follow_up_title(title: str) -> str:
    """The first session's title and "— een half jaar later", cut to fit when it is long.

    The follow-up of a follow-up keeps its title: the ending twice would say nothing more."""
    template = _("{title} — half a year later")
    if title.endswith(template.format(title="")):
        return title
    room = SHORT_TEXT_MAX - len(template.format(title=""))
    cut = title if len(title) <= room else title[: max(room - 1, 0)].rstrip() + "…"
    return template.format(title=cut)


def follow_up_document(
    document: Document,
    signed: Snapshot,
    *,
    fingerprint: str,
    programme_id: str,
    steps: list[typed.ProgrammeStep],
) -> Document:
    """The follow-up session as a ``worksession/1`` document, made from the first session's
    working copy (``document``) and its signed version (``signed``, whose stored fingerprint
    is ``fingerprint``)."""
    header = document["session"]
    # Everyone of the first session is on the follow-up's invite list, invited afresh.
    participants = [
        {**copy.deepcopy(person), "present": False, "invitation": "invited"}
        for person in document.get("participants", [])
    ]
    # Nobody is in the room yet: the stakeholders a participant stands for are ticked with them.
    stakeholders = [
        {**copy.deepcopy(row), "present": False} for row in document.get("stakeholders", [])
    ]
    themes = copy.deepcopy(document.get("themes", []))
    people: set[str] = {str(row["key"]) for row in [*participants, *stakeholders]}
    theme_keys = {row["key"] for row in themes}
    follow_up = document.get("follow_up", {})
    agreements = signed_agreements(document, signed, people, theme_keys)
    result: dict[str, Any] = {
        "format": FORMAT,
        "session": {
            "title": follow_up_title(header["title"]),
            "wijk": header.get("wijk", ""),
            "gemeente": header.get("gemeente", ""),
            "date": None,
            "location": "",
            "coach": header.get("coach", ""),
            "variant": header.get("variant", "toolkit"),
            "accredited": False,
            "programme": programme_id,
            "programme_steps": copy.deepcopy(steps),
            "ambition": header.get("ambition", ""),
        },
        "participants": participants,
        "stakeholders": stakeholders,
        "relations": copy.deepcopy(document.get("relations", [])),
        "themes": themes,
        "agreements": agreements,
        "follow_up": {
            "kartrekker": follow_up.get("kartrekker"),
            "werkgroep": list(follow_up.get("werkgroep", [])),
        },
        # The conditions as the working copy has them: the review shows them beside the signed
        # plan's, and the follow-up goes on from there.
        "conditions": [
            {**copy.deepcopy(row), "arranged_by": _carried(row.get("arranged_by"), people)}
            for row in document.get("conditions", [])
        ],
        "origin": {
            "title": signed["session"]["title"],
            "version": signed["version"],
            "fingerprint": fingerprint,
            "plan": copy.deepcopy(signed),
        },
        # The log so far, each entry by its agreement's key (kept, so it finds the copy).
        "progress": copy.deepcopy(document.get("progress", [])),
        "reviews": [{"agreement": agreement["key"]} for agreement in agreements],
    }
    carried: Document = result  # type: ignore[assignment]  # built as plain data, named here
    return carried


def _carried(key: str | None, people: set[str]) -> str | None:
    return key if key in people else None


def signed_agreements(
    document: Document, signed: Snapshot, people: set[str], themes: set[str]
) -> list[typed.Agreement]:
    """The signed plan's agreements in its order, each with its status at sign-off.

    An agreement still in the working copy is taken from there (its people are the ones that
    are carried); one removed after sign-off is taken from the signed version, without the
    people and theme that are no longer in the session.
    """
    working = {row["key"]: row for row in document.get("agreements", [])}
    carried: list[typed.Agreement] = []
    for agreement in signed.get("agreements", []):
        record = copy.deepcopy(working.get(agreement["key"], agreement))
        record["status"] = agreement.get("status", "open")
        if record.get("lead") not in people:
            record["lead"] = None
        record["partners"] = [key for key in record.get("partners", []) if key in people]
        if record.get("theme") not in themes:
            record["theme"] = None
        carried.append(record)
    return carried
