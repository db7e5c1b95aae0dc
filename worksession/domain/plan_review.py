"""What a follow-up session's plan says of the plan it reviews: its title, version and
fingerprint, per agreement the signed wording beside what the group found and decided, and
the progress log up to the meeting.

The follow-up's document carries the signed plan whole (``origin.plan``) so it can be checked
against its fingerprint; the follow-up's own plan keeps only the reference to it and, per review,
the signed agreement with its lead and theme as names. Names are resolved in the signed plan
because the follow-up's people and themes may have changed since: a trekker who left is still
the one who signed for it.
"""

from __future__ import annotations

from worksession.domain.document_keys import people_by_key, theme_titles
from worksession.domain.document_types import (
    Agreement,
    InterchangeDocument,
    PlanOrigin,
    PlanReview,
    PlanSnapshot,
    ProgressEntry,
    SignedAgreement,
)


def plan_origin(document: InterchangeDocument) -> PlanOrigin | None:
    """The reference to the signed plan, or None for a session that follows none."""
    origin = document.get("origin")
    if origin is None:
        return None
    return {
        "title": origin["title"],
        "version": origin["version"],
        "fingerprint": origin["fingerprint"],
    }


def plan_progress(document: InterchangeDocument) -> list[ProgressEntry] | None:
    """The progress log as far as the follow-up's plan reports it; None for other sessions.

    Progress is recorded after sign-off without changing the signed plan, so a first session's
    plan never carries its log. The follow-up's plan reports what happened up to its own
    meeting: entries about a later day belong to the next half year and leave the signed
    report as it is.
    """
    if document.get("origin") is None:
        return None
    meeting = document["session"].get("date")
    entries = [
        entry
        for entry in document.get("progress", [])
        if meeting is None or entry["date"] <= meeting
    ]
    return entries or None


def plan_reviews(document: InterchangeDocument) -> list[PlanReview] | None:
    """The reviews with their signed agreements, in the document's order; None without any."""
    reviews = document.get("reviews")
    if not reviews:
        return None
    origin = document.get("origin")
    signed = signed_agreements(origin["plan"]) if origin is not None else {}
    return [
        {
            "agreement": review["agreement"],
            "signed": signed.get(review["agreement"]),
            "status_now": review.get("status_now"),
            "what_happened": review.get("what_happened", ""),
            "indicator_seen": review.get("indicator_seen"),
            "evidence": review.get("evidence", ""),
            "decision": review.get("decision"),
        }
        for review in reviews
    ]


def signed_agreements(plan: PlanSnapshot) -> dict[str, SignedAgreement]:
    """Key → the agreement as the signed plan had it, lead and theme as names."""
    names = people_by_key(plan)
    titles = theme_titles(plan)
    return {
        agreement["key"]: _signed(agreement, names, titles)
        for agreement in plan.get("agreements", [])
    }


def _signed(agreement: Agreement, names: dict[str, str], titles: dict[str, str]) -> SignedAgreement:
    lead = agreement.get("lead")
    theme = agreement.get("theme")
    return {
        "what": agreement["what"],
        "theme": titles.get(theme, "") if theme else "",
        "lead": names.get(lead, "") if lead else "",
        "due": agreement.get("due"),
        "indicator": agreement.get("indicator", ""),
        "status": agreement.get("status", "open"),
    }
