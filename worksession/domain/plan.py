"""The collaboration plan as a frozen version: a canonical snapshot and its SHA-256 fingerprint.

The snapshot is the session's interchange document without what belongs to the coach alone
(notes per step, the programme's steps), plus the version number. The vote round becomes its
method, the number who voted, the final order and the ties — with the ballots only when the vote
is named; the step timings become the appendix's planned and actual time per step. A session
without a vote round or timings has neither key, as before they existed. A follow-up session's
plan names the signed plan it reviews (title, version, fingerprint — not the plan itself) and
gives each review the signed agreement beside the findings (``domain.plan_review``). The
participants' evaluation forms are in it as the document holds them, only when any were typed
in: a session without them has the snapshot (and fingerprint) it had before they existed; so
are a stakeholder's catalogue offers and what an agreement builds on, only when set. Its
canonical form — sorted keys, no spaces, UTF-8 — is what the fingerprint is taken of, so anyone
can recompute it.
"""

from __future__ import annotations

import copy
from typing import Any, cast

from worksession.domain.document_types import Participant, PlanSnapshot
from worksession.domain.interchange import Document
from worksession.domain.plan_format import PLAN_FORMAT as PLAN_FORMAT
from worksession.domain.plan_format import canonical_bytes as canonical_bytes
from worksession.domain.plan_format import fingerprint as fingerprint
from worksession.domain.plan_review import plan_origin, plan_progress, plan_reviews
from worksession.domain.schedule import plan_schedule
from worksession.domain.vote_round import plan_voting

# The preparation's ticks are the organiser's to-do list, not part of what is agreed.
# The identity is no content: a copy of a plan holds the same plan under another identity.
COACH_ONLY = ("notes", "preparation", "uuid")
COACH_ONLY_SESSION = ("programme_steps", "accreditation_id")
# The invite list's own fields: for the coach and the accreditation body, not what participants
# agree to. Left out, a plan frozen before they existed keeps its content (``same_content``).
COACH_ONLY_PARTICIPANT = (
    "initials",
    "registration_type",
    "invitation",
    # The wie-is-wie list's own line and consent: for each other, not part of the plan.
    "call_for",
    "share_email",
)
# Keys the plan holds only when they say something: a plan without catalogue offers or "sluit
# aan bij" keeps the snapshot (and fingerprint) it had before they existed.
ONLY_WHEN_SET = (("stakeholders", "offers"), ("agreements", "builds_on"))

Snapshot = PlanSnapshot


def plan_snapshot(document: Document, version: int) -> Snapshot:
    """What participants agree to, as plain data (the renderer and the fingerprint use this)."""
    # Built as plain data, then named: a test keeps ``PlanSnapshot`` equal to the document's
    # keys without ``COACH_ONLY`` and with the summaries below.
    snapshot: dict[str, Any] = {
        key: copy.deepcopy(value) for key, value in document.items() if key not in COACH_ONLY
    }
    snapshot["session"] = {
        key: value for key, value in snapshot["session"].items() if key not in COACH_ONLY_SESSION
    }
    if "participants" in snapshot:
        snapshot["participants"] = [
            {key: value for key, value in person.items() if key not in COACH_ONLY_PARTICIPANT}
            for person in snapshot["participants"]
        ]
    for part, key in ONLY_WHEN_SET:
        for record in snapshot.get(part, []):
            if not record.get(key):
                record.pop(key, None)
    summaries: tuple[tuple[str, object], ...] = (
        ("voting", plan_voting(document)),
        ("schedule", plan_schedule(document)),
        ("origin", plan_origin(document)),
        ("reviews", plan_reviews(document)),
        ("progress", plan_progress(document)),
    )
    for key, summary in summaries:
        snapshot.pop(key, None)
        if summary is not None:
            snapshot[key] = summary
    snapshot["format"] = PLAN_FORMAT
    snapshot["version"] = version
    return cast(Snapshot, snapshot)


def same_content(first: Snapshot, second: Snapshot) -> bool:
    """Whether two snapshots hold the same plan, whatever their version numbers."""
    return {**first, "version": 0} == {**second, "version": 0}


def present_participants(snapshot: Snapshot) -> list[Participant]:
    """Who must agree before a version is signed off: everyone who was in the room."""
    return [person for person in snapshot["participants"] if person.get("present")]
