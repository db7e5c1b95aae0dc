"""What a change touched: the parts of a session document, so a view refreshes only for its own.

Every operation that writes says which parts it changed; the session window's controller carries
that to the pages, and a page that shows none of them keeps what it shows. ``EVERYTHING`` is the
answer whenever the parts are not known: a reload after another program wrote, a view that went
stale, a step of the undo history that is not one of ours. It is always safe, only slower.
"""

from __future__ import annotations

from enum import StrEnum


class Part(StrEnum):
    """One part of a session: the ``worksession/1`` document's sections, and its plan."""

    SESSION = "session"
    CASUS = "casus"
    PARTICIPANTS = "participants"
    STAKEHOLDERS = "stakeholders"
    RELATIONS = "relations"
    THEMES = "themes"
    IMPROVEMENTS = "improvements"
    AGREEMENTS = "agreements"
    REFERRALS = "referrals"
    FOLLOW_UP = "follow_up"
    NOTES = "notes"
    EVALUATION = "evaluation"
    VOTING = "voting"
    SCHEDULE = "schedule"
    # A follow-up session's: the session it follows, the agreements' progress and reviews,
    # and the lessons learnt.
    ORIGIN = "origin"
    PROGRESS = "progress"
    REVIEWS = "reviews"
    LESSONS = "lessons"
    # The participants' evaluation forms, typed in from paper.
    FEEDBACK_FORMS = "feedback_forms"
    # Borging: the conditions that make agreements last, and the preparation's ticks.
    CONDITIONS = "conditions"
    PREPARATION = "preparation"
    # Not a section of the document: the frozen versions, the decisions on them and the
    # session's status they set (draft, in review, signed off).
    PLAN = "plan"


Changes = frozenset[Part]

EVERYTHING: Changes = frozenset(Part)
NOTHING: Changes = frozenset()

# A part whose change changes another: counting votes sets the themes' votes, and ticking a
# participant present ticks the stakeholders they stand for on the sociale kaart.
_ALSO: dict[Part, Changes] = {
    Part.VOTING: frozenset({Part.THEMES}),
    Part.PARTICIPANTS: frozenset({Part.STAKEHOLDERS}),
}


def changes(*parts: Part) -> Changes:
    """The parts given, with the parts each one's change also changes."""
    found = set(parts)
    for part in parts:
        found |= _ALSO.get(part, NOTHING)
    return frozenset(found)
