"""Value types of a work session: the fixed choices, as English slugs with Dutch labels.

The slugs are what the database and the interchange format store; labels are marked for
translation and translated when shown.
"""

from __future__ import annotations

from enum import StrEnum

from worksession.i18n import N_, _


class Choice(StrEnum):
    """A fixed choice whose value is a stable slug and whose label is translated when shown."""

    @property
    def label(self) -> str:
        return _(self.source_label)

    @property
    def source_label(self) -> str:
        """The English label, for places that translate when they show it."""
        return _labels_of(type(self))[self]

    @classmethod
    def values(cls) -> tuple[str, ...]:
        return tuple(member.value for member in cls)

    @classmethod
    def pairs(cls) -> tuple[tuple[str, str], ...]:
        """(value, English label) of every member, for choice lists translated when shown."""
        return tuple((member.value, member.source_label) for member in cls)


class Variant(Choice):
    TOOLKIT = "toolkit"
    NHG_COACH = "nhg_coach"


class SessionStatus(Choice):
    DRAFT = "draft"
    IN_REVIEW = "in_review"
    SIGNED_OFF = "signed_off"


class Domain(Choice):
    """Where a participant or stakeholder works; the sociale kaart is coloured by it."""

    PRIMARY_CARE = "primary_care"
    PUBLIC_HEALTH = "public_health"
    SOCIAL_DOMAIN = "social_domain"
    LIFESTYLE_SPORT = "lifestyle_sport"
    RESIDENTS = "residents"
    OTHER = "other"
    UNKNOWN = ""


class RelationKind(Choice):
    REFERS_TO = "refers_to"
    WORKS_WITH = "works_with"
    FEEDS_BACK_TO = "feeds_back_to"


class AgreementKind(Choice):
    AGREEMENT = "agreement"
    DECISION = "decision"
    ACTION = "action"


class AgreementStatus(Choice):
    OPEN = "open"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    DROPPED = "dropped"


class Decision(Choice):
    """A participant's answer to a plan version under review."""

    AGREED = "agreed"
    CHANGES = "changes"


class DecisionMethod(Choice):
    SESSION = "session"
    EMAIL = "email"


_LABELS: dict[Choice, str] = {
    Variant.TOOLKIT: N_("Do-it-yourself toolkit"),
    Variant.NHG_COACH: N_("With an NHG coach"),
    SessionStatus.DRAFT: N_("draft"),
    SessionStatus.IN_REVIEW: N_("in review"),
    SessionStatus.SIGNED_OFF: N_("signed off"),
    Domain.PRIMARY_CARE: N_("Primary care"),
    Domain.PUBLIC_HEALTH: N_("Public health"),
    Domain.SOCIAL_DOMAIN: N_("Social domain"),
    Domain.LIFESTYLE_SPORT: N_("Lifestyle, sport and exercise"),
    Domain.RESIDENTS: N_("Residents"),
    Domain.OTHER: N_("Other"),
    Domain.UNKNOWN: N_("Unknown"),
    RelationKind.REFERS_TO: N_("refers to"),
    RelationKind.WORKS_WITH: N_("works with"),
    RelationKind.FEEDS_BACK_TO: N_("feeds back to"),
    AgreementKind.AGREEMENT: N_("agreement"),
    AgreementKind.DECISION: N_("decision"),
    AgreementKind.ACTION: N_("action"),
    AgreementStatus.OPEN: N_("open"),
    AgreementStatus.IN_PROGRESS: N_("in progress"),
    AgreementStatus.DONE: N_("done"),
    AgreementStatus.DROPPED: N_("dropped"),
    Decision.AGREED: N_("agreed"),
    Decision.CHANGES: N_("changes requested"),
    DecisionMethod.SESSION: N_("in the session"),
    DecisionMethod.EMAIL: N_("by e-mail"),
}


class StepKind(Choice):
    """What a programme step is about: it decides the page the app shows and what is recorded."""

    PREPARATION = "preparation"
    WELCOME = "welcome"
    INTRODUCTIONS = "introductions"
    PROFILE = "profile"
    CASUS = "casus"
    SOCIALE_KAART = "sociale_kaart"
    PRIORITISING = "prioritising"
    REFERRAL = "referral"
    AGREEMENTS = "agreements"
    FOLLOW_UP = "follow_up"
    EVALUATION = "evaluation"
    AFTER = "after"
    REVIEW = "review"
    LESSONS = "lessons"
    BREAK = "break"
    PLENARY = "plenary"

    @property
    def records(self) -> str:
        """What the step records in the session, translated."""
        return _(_RECORDS[self])


_LABELS.update(
    {
        StepKind.PREPARATION: N_("Preparation"),
        StepKind.WELCOME: N_("Welcome and goal"),
        StepKind.INTRODUCTIONS: N_("Introductions"),
        StepKind.PROFILE: N_("Neighbourhood health profile"),
        StepKind.CASUS: N_("Casus"),
        StepKind.SOCIALE_KAART: N_("Sociale kaart"),
        StepKind.PRIORITISING: N_("Prioritising"),
        StepKind.REFERRAL: N_("Referral and cooperation"),
        StepKind.AGREEMENTS: N_("Collaboration agreements"),
        StepKind.FOLLOW_UP: N_("Follow-up"),
        StepKind.EVALUATION: N_("Evaluation and closing"),
        StepKind.AFTER: N_("After the session"),
        StepKind.REVIEW: N_("Review of agreements"),
        StepKind.LESSONS: N_("What worked, what did not"),
        StepKind.BREAK: N_("Break"),
        StepKind.PLENARY: N_("Plenary"),
    }
)

_RECORDS: dict[StepKind, str] = {
    StepKind.PREPARATION: N_("session details and participants"),
    StepKind.WELCOME: N_("the ambition"),
    StepKind.INTRODUCTIONS: N_("who is who"),
    StepKind.PROFILE: N_("key figures and findings"),
    StepKind.CASUS: N_("the casus and insights"),
    StepKind.SOCIALE_KAART: N_("stakeholders and relations"),
    StepKind.PRIORITISING: N_("themes and votes"),
    StepKind.REFERRAL: N_("improvement points and referral agreements"),
    StepKind.AGREEMENTS: N_("agreements"),
    StepKind.FOLLOW_UP: N_("follow-up"),
    StepKind.EVALUATION: N_("evaluation and attendance"),
    StepKind.AFTER: N_("review and sign-off of the plan"),
    StepKind.REVIEW: N_("the status of earlier agreements"),
    StepKind.LESSONS: N_("what worked and what held it back, by obstacle"),
    StepKind.BREAK: N_("nothing"),
    StepKind.PLENARY: N_("notes"),
}


class VoteMode(Choice):
    """How the group votes without devices (the plan states the method)."""

    DOTS = "dots"
    POINTS = "points"
    RANKING = "ranking"
    HANDS = "hands"


class VoteEntry(Choice):
    """How the coach enters the votes: a total per theme, or one ballot per participant."""

    TOTALS = "totals"
    BALLOTS = "ballots"


_LABELS.update(
    {
        VoteMode.DOTS: N_("Dot voting"),
        VoteMode.POINTS: N_("Points budget"),
        VoteMode.RANKING: N_("Ranking (Borda count)"),
        VoteMode.HANDS: N_("Show of hands"),
        VoteEntry.TOTALS: N_("a total per theme"),
        VoteEntry.BALLOTS: N_("a ballot per participant"),
    }
)


class IndicatorSeen(Choice):
    """In the follow-up: can we see it work, as the agreement's indicator said we would?"""

    YES = "yes"
    PARTLY = "partly"
    NO = "no"


class ReviewDecision(Choice):
    """In the follow-up: what the group decides about an agreement of the first session."""

    CONTINUE = "continue"
    ADJUST = "adjust"
    COMPLETED = "completed"
    STOP = "stop"


class LessonKind(Choice):
    """A card of *Wat werkte, wat niet*: green for what helped, red for what held it back."""

    WORKED = "worked"
    HINDERED = "hindered"


_LABELS.update(
    {
        IndicatorSeen.YES: N_("yes"),
        IndicatorSeen.PARTLY: N_("partly"),
        IndicatorSeen.NO: N_("no"),
        ReviewDecision.CONTINUE: N_("continue"),
        ReviewDecision.ADJUST: N_("adjust"),
        ReviewDecision.COMPLETED: N_("completed"),
        ReviewDecision.STOP: N_("stop"),
        LessonKind.WORKED: N_("what worked"),
        LessonKind.HINDERED: N_("what held it back"),
    }
)


class RegistrationType(Choice):
    """The register a participant's number belongs to, for the accreditation's attendance list:
    the BIG register or a quality register (physiotherapists, nurses, practice staff)."""

    NONE = ""
    BIG = "big"
    KNGF = "kngf"
    VVN = "vvn"
    KABIZ = "kabiz"
    OTHER = "other"


class Invitation(Choice):
    """Where a person stands on the invite list before the day; being there is ``present``."""

    INVITED = "invited"
    REGISTERED = "registered"
    DECLINED = "declined"


class AttendanceStatus(Choice):
    """The one status the invite list shows: present when they came, else the invitation's."""

    INVITED = "invited"
    REGISTERED = "registered"
    DECLINED = "declined"
    PRESENT = "present"


# A StrEnum member equals its value, so "other" of two choices is one key of a dict: the
# choices added here keep their labels in a dict of their own.
_OWN_LABELS: dict[type[Choice], dict[Choice, str]] = {}


def _labels_of(choice: type[Choice]) -> dict[Choice, str]:
    return _OWN_LABELS.get(choice, _LABELS)


_OWN_LABELS[RegistrationType] = {
    RegistrationType.NONE: N_("none"),
    RegistrationType.BIG: N_("BIG"),
    RegistrationType.KNGF: N_("KNGF"),
    RegistrationType.VVN: N_("V&VN"),
    RegistrationType.KABIZ: N_("KABIZ"),
    RegistrationType.OTHER: N_("other register"),
}
_OWN_LABELS[Invitation] = {
    Invitation.INVITED: N_("invited"),
    Invitation.REGISTERED: N_("registered"),
    Invitation.DECLINED: N_("declined"),
}
_OWN_LABELS[AttendanceStatus] = {
    AttendanceStatus.INVITED: N_("invited"),
    AttendanceStatus.REGISTERED: N_("registered"),
    AttendanceStatus.DECLINED: N_("declined"),
    AttendanceStatus.PRESENT: N_("present"),
}
