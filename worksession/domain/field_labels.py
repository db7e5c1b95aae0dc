"""The label the coach sees for each field, so a refused value is named as on screen.

``ValidationError`` names a field by its path ("session.title"), which the command line prints
for files. On screen "session.title: mag niet leeg zijn" meant nothing: ``user_message`` says
"Titel: mag niet leeg zijn". One map for every message the window shows; the labels are the
same English source strings the pages use, so they translate alike (a test compares them).
"""

from __future__ import annotations

import re

from worksession.domain.validation import ValidationError
from worksession.i18n import N_, _

FIELD_LABELS: dict[str, str] = {
    "session.title": N_("Title"),
    "session.wijk": N_("Wijk"),
    "session.gemeente": N_("Gemeente"),
    "session.date": N_("Date"),
    "session.location": N_("Location"),
    "session.coach": N_("Coach"),
    "session.variant": N_("Variant"),
    "session.ambition": N_("Ambition"),
    "session.accredited": N_("Accredited for GPs and practice staff"),
    "session.accreditation_id": N_("Accreditation ID"),
    "session.start_time": N_("Start time"),
    "casus.title": N_("Title"),
    "casus.text": N_("Casus"),
    "casus.question": N_("Question"),
    "figure.label": N_("Figure"),
    "figure.value": N_("Value"),
    "figure.source": N_("Source"),
    "insight.text": N_("Insight"),
    "participant": N_("Participant"),
    "participants": N_("Participants"),
    "participant.name": N_("Name"),
    "participant.organisation": N_("Organisation"),
    "participant.role": N_("Role"),
    "participant.domain": N_("Domain"),
    "participant.email": N_("E-mail"),
    "participant.initials": N_("Initials"),
    "participant.registration_type": N_("Register"),
    "participant.registration": N_("Registration no."),
    "participant.invitation": N_("Status"),
    "participant.present": N_("Present"),
    "participant.call_for": N_("Call me for"),
    "participant.share_email": N_("E-mail on wie-is-wie"),
    "stakeholder.name": N_("Name"),
    "stakeholder.organisation": N_("Organisation"),
    "stakeholder.domain": N_("Domain"),
    "stakeholder.role": N_("Role"),
    "stakeholder.offer": N_("Offer"),
    "stakeholder.offers": N_("Offers from the catalogue"),
    "stakeholder.influence": N_("Influence"),
    "stakeholder.interest": N_("Interest"),
    "stakeholder.present": N_("Present"),
    "relation": "",  # the message says it all: "this relation exists already"
    "relation.kind": N_("Kind of relation"),
    "relation.to": N_("To"),
    "theme.title": N_("Theme"),
    "theme.target_group": N_("Target group"),
    "theme.why": N_("Why"),
    "theme.votes": N_("Votes"),
    "theme.rank": N_("Rank"),
    "theme.priority": N_("Priority"),
    "improvement.text": N_("Improvement point"),
    "agreement.kind": N_("Kind"),
    "agreement.what": N_("What"),
    "agreement.due": N_("When"),
    "agreement.resources": N_("Resources"),
    "agreement.indicator": N_("How we see it worked"),
    "agreement.status": N_("Status"),
    "agreement.builds_on": N_("Builds on"),
    "agreement.lead": N_("Lead"),
    "agreement.partners": N_("Partners"),
    "agreement.theme": N_("Theme"),
    "agreement_progress.agreement": N_("Agreement"),
    "agreement_progress.status": N_("Status"),
    "agreement_progress.date": N_("Date"),
    "agreement_progress.note": N_("What happened"),
    "agreement_progress.reported_by": N_("Reported by"),
    "lesson_card.kind": N_("Green or red"),
    "lesson_card.obstacle": N_("Obstacle"),
    "lesson_card.text": N_("Card"),
    "agreement_review.status_now": N_("Status now"),
    "agreement_review.what_happened": N_("What happened"),
    "agreement_review.indicator_seen": N_("Can we see it work?"),
    "agreement_review.evidence": N_("Evidence"),
    "agreement_review.decision": N_("Decision"),
    "referral.signal": N_("Signal"),
    "referral.source": N_("From"),
    "referral.target": N_("To"),
    "referral.contact": N_("Contact person"),
    "referral.feedback_how": N_("How"),
    "referral.feedback": N_("Feedback agreed"),
    "referral.theme": N_("Theme"),
    "follow_up.next_meeting": N_("Next meeting"),
    "follow_up.evaluation": N_("Evaluation"),
    "follow_up.funding": N_("Funding"),
    "follow_up.kartrekker": N_("Kartrekker"),
    "follow_up.werkgroep": N_("Werkgroep"),
    "evaluation.went_well": N_("What went well"),
    "evaluation.to_improve": N_("To improve"),
    "evaluation.score": N_("Score (1–10)"),
    "condition.kind": N_("Condition"),
    "condition.state": N_("State"),
    "condition.arranged_by": N_("Arranged by"),
    "condition.note": N_("Note"),
    "feedback_form.score": N_("Score (1–10)"),
    "feedback_form.takeaway": N_("What do you take away?"),
    "feedback_form.to_improve": N_("What could be better?"),
    "step_note.text": N_("Notes for this step"),
    "vote_round": N_("Vote method"),
    "vote_round.mode": N_("Vote method"),
    "vote_round.entry": N_("Votes are entered as"),
    "vote_round.per_person": N_("Dots or points per person"),
    "vote_round.cap": N_("At most per theme"),
    "vote_round.voters": N_("Number who voted"),
    "vote_round.anonymous": N_("Anonymous in the plan"),
    "vote_round.tie_break": N_("Decide the order of equal themes"),
    "vote_ballot": N_("Ballots"),
    "vote_ballot.participant": N_("Participant"),
    "vote_ballot.counts": "",  # the message names the ballot: "stembriefje 2 gaf 13 punten"
    "vote_ballot.ranking": "",
    "vote.count": N_("Votes"),
    "decision": N_("Decision"),
    "method": N_("How the decision was given"),
    "comment": N_("Comment"),
}

_LINE = re.compile(r"line (\d+)$")
_INDEXED = re.compile(r"\[\d+\]")


def label_of(path: str) -> str | None:
    """The translated label of the field at ``path``; "" for a record named by its message;
    None when the path names no field the coach sees (then the message stands alone)."""
    label = FIELD_LABELS.get(_INDEXED.sub("", path))
    if label is None and "." in path:
        label = FIELD_LABELS.get(path.rsplit(".", 1)[0])
    return _(label) if label else label


def user_message(error: ValidationError) -> str:
    """``error`` as the window says it: the field's label, not its path."""
    line = _LINE.match(error.path)
    if line:
        return _("Line {number}: {message}").format(number=line.group(1), message=error.message)
    label = label_of(error.path)
    if not label:
        return error.message  # it follows "Niet opgeslagen: " on screen
    return f"{label}: {error.message}"
