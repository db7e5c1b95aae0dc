"""The shapes of the ``worksession/1`` document and of the plan snapshot, declared once.

Every layer that reads or writes a session as plain data (storage, export, the PDF, the UI's
lookups) names these types, so mypy checks ``snapshot["follow_up"]["kartrekker"]`` instead of
trusting ``dict[str, Any]``. The keys mirror ``resources/schemas/worksession-1.schema.json``
(a test keeps them equal); what the schema makes optional is ``NotRequired`` here. Values stay
plain JSON types (``str`` rather than enums) because that is what travels and what is checked
at import by the schema itself.

Fields named with a Python keyword (``from``) need the functional ``TypedDict`` form.
"""

# No ``from __future__ import annotations``: ``Required``/``NotRequired`` must be evaluated at run
# time for ``__required_keys__`` (a test compares them with the schema's ``required``).

from typing import NotRequired, Required, TypedDict

from worksession.domain.condition_types import Condition as Condition
from worksession.domain.condition_types import ConditionDetails as ConditionDetails
from worksession.domain.offer_types import BuildsOn, OfferRef


class ProgrammeStep(TypedDict):
    """One step of the session's programme, as the toolkit file gave it."""

    id: str
    title: str
    kind: str
    minutes: int
    purpose: NotRequired[str]
    werkvorm: NotRequired[str]
    coach: NotRequired[str]
    beamer: NotRequired[str]


class SessionHeader(TypedDict, total=False):
    """The session's header as the plan shows it (what participants agree to)."""

    title: Required[str]
    wijk: str
    gemeente: str
    date: str | None
    location: str
    coach: str
    variant: str
    accredited: bool
    programme: str
    ambition: str


class DocumentSession(SessionHeader, total=False):
    """The header as the interchange document carries it: with the programme's steps and the
    accreditation body's ID (for the attendance list; not part of what participants sign)."""

    accreditation_id: str
    programme_steps: list[ProgrammeStep]


class CasusFigure(TypedDict, total=False):
    label: Required[str]
    value: str
    source: str


class CasusText(TypedDict, total=False):
    """The casus's own texts: also what an update of the casus takes (``record_changes``)."""

    title: str
    text: str
    question: str


class Casus(CasusText, total=False):
    figures: list[CasusFigure]
    insights: list[str]


class ParticipantDetails(TypedDict, total=False):
    """A participant besides the key and name: also what an update takes, with the name.

    ``registration`` is the number, ``registration_type`` its register ("" when none);
    ``invitation`` is where they stand on the invite list, ``present`` whether they came. The
    three added for the invite list stay out of the plan snapshot (``domain.plan``)."""

    initials: str
    organisation: str
    role: str
    domain: str
    email: str
    registration_type: str
    registration: str
    invitation: str
    present: bool
    call_for: str
    share_email: bool


class Participant(ParticipantDetails, total=False):
    key: Required[str]
    name: Required[str]


class StakeholderDetails(TypedDict, total=False):
    """A stakeholder besides the key, name and link: also what an update takes, with the name."""

    organisation: str
    domain: str
    role: str
    offers: list[OfferRef]  # picked from the catalogue; ``offer`` is the free text beside them
    offer: str
    influence: int
    interest: int
    present: bool


class Stakeholder(StakeholderDetails, total=False):
    key: Required[str]
    name: Required[str]
    participant: str | None


Relation = TypedDict("Relation", {"from": str, "to": str, "kind": str})


class ThemeDetails(TypedDict, total=False):
    """A theme besides the key and title: also what an update takes, with the title."""

    target_group: str
    why: str
    votes: int
    rank: int | None
    priority: bool


class Theme(ThemeDetails, total=False):
    key: Required[str]
    title: Required[str]


class Improvement(TypedDict):
    theme: str
    text: str


class Agreement(TypedDict, total=False):
    key: Required[str]
    what: Required[str]
    theme: str | None
    kind: str
    lead: str | None
    partners: list[str]
    due: str | None
    resources: str
    indicator: str
    status: str
    builds_on: BuildsOn | None


Referral = TypedDict(
    "Referral",
    {
        "signal": Required[str],
        "theme": str | None,
        "from": str | None,
        "to": str | None,
        "contact": str,
        "feedback": bool,
        "feedback_how": str,
    },
    total=False,
)


class FollowUp(TypedDict, total=False):
    kartrekker: str | None
    werkgroep: list[str]
    next_meeting: str | None
    evaluation: str | None
    funding: str


class Evaluation(TypedDict, total=False):
    """The evaluation: also what an update of it takes (``record_changes``)."""

    went_well: str
    to_improve: str
    score: int | None


class Ballot(TypedDict, total=False):
    """One participant's ballot: counts per theme key (dots, points) or a ranking of keys."""

    participant: str | None
    counts: dict[str, int]
    ranking: list[str]


class VoteSettings(TypedDict, total=False):
    """How the group votes: also what an update of the vote round takes (``record_changes``)."""

    mode: str
    entry: str
    per_person: int | None
    cap: int | None
    anonymous: bool
    voters: int | None


class Voting(VoteSettings, total=False):
    """The vote round as the coach set it up and recorded it."""

    tie_break: list[str]
    ballots: list[Ballot]


class StepTiming(TypedDict, total=False):
    step: Required[str]
    actual_seconds: Required[int]
    extra_minutes: int
    started_at: str | None
    finished_at: str | None


class Schedule(TypedDict, total=False):
    """When the session started and how long each step took."""

    start_time: str | None
    steps: list[StepTiming]


class Origin(TypedDict):
    """A follow-up session's link to the signed plan it reviews (``models.SessionOrigin``)."""

    title: str
    version: int
    fingerprint: str
    plan: "PlanSnapshot"


class ProgressEntry(TypedDict, total=False):
    """One report of the progress log between the sessions (``models.AgreementProgress``)."""

    agreement: Required[str]
    status: Required[str]
    date: Required[str]
    note: str
    reported_by: str
    recorded_at: str


class AgreementReview(TypedDict, total=False):
    """The follow-up's review of one agreement of the signed plan, linked by its key."""

    agreement: Required[str]
    status_now: str | None
    what_happened: str
    indicator_seen: str | None
    evidence: str
    decision: str | None


class LessonCard(TypedDict, total=False):
    """A card of *Wat werkte, wat niet*; ``obstacle`` is a catalogue id, '' for anders."""

    kind: Required[str]
    obstacle: str
    text: Required[str]


class FeedbackFormAnswers(TypedDict, total=False):
    """A participant's evaluation form besides its key: also what an update of it takes."""

    score: int | None
    takeaway: str
    to_improve: str


class FeedbackForm(FeedbackFormAnswers, total=False):
    """One participant's short evaluation, typed in from paper: anonymous, linked to nobody."""

    key: Required[str]


class InterchangeDocument(TypedDict, total=False):
    """One session as a ``worksession/1`` document, linked by keys (never database ids)."""

    format: Required[str]
    session: Required[DocumentSession]
    casus: Casus
    participants: list[Participant]
    stakeholders: list[Stakeholder]
    relations: list[Relation]
    themes: list[Theme]
    improvements: list[Improvement]
    agreements: list[Agreement]
    referrals: list[Referral]
    follow_up: FollowUp
    notes: dict[str, str]
    evaluation: Evaluation
    voting: Voting
    schedule: Schedule
    origin: Origin
    progress: list[ProgressEntry]
    reviews: list[AgreementReview]
    lessons: list[LessonCard]
    feedback_forms: list[FeedbackForm]
    conditions: list[Condition]
    preparation: list[str]  # the preparation timeline's items done (the coach's, not the plan's)
    uuid: str  # the session's identity, kept through export, import and the team archive


class PlanVoting(TypedDict):
    """What the plan keeps of the vote round (``domain.voting.plan_voting``)."""

    mode: str
    entry: str
    per_person: int | None
    cap: int | None
    anonymous: bool
    voters: int
    eligible: int
    order: list[str]
    ties: list[list[str]]
    unresolved: list[list[str]]
    ballots: NotRequired[list[Ballot]]


class PlanStep(TypedDict):
    """A step of the plan's time appendix; ``actual_seconds`` is None when it was not timed."""

    step: str
    title: str
    planned_minutes: int
    extra_minutes: int
    actual_seconds: int | None


class PlanSchedule(TypedDict):
    start_time: str | None
    steps: list[PlanStep]


class PlanOrigin(TypedDict):
    """What the follow-up's plan says of the plan it reviews: the signed plan itself stays out."""

    title: str
    version: int
    fingerprint: str


class SignedAgreement(TypedDict):
    """An agreement as the signed plan had it, names and theme resolved there: the follow-up's
    own people and themes may have changed since."""

    what: str
    theme: str
    lead: str
    due: str | None
    indicator: str
    status: str


class PlanReview(TypedDict):
    """A review in the follow-up's plan: the signed agreement (None when the signed plan has no
    agreement with this key) beside what the group found and decided."""

    agreement: str
    signed: SignedAgreement | None
    status_now: str | None
    what_happened: str
    indicator_seen: str | None
    evidence: str
    decision: str | None


class PlanSnapshot(TypedDict, total=False):
    """A frozen version of the plan: the document without the coach's own parts, plus the
    version number, with the vote round and timings summarised (``domain.plan``)."""

    format: Required[str]
    version: Required[int]
    session: Required[SessionHeader]
    casus: Casus
    participants: list[Participant]
    stakeholders: list[Stakeholder]
    relations: list[Relation]
    themes: list[Theme]
    improvements: list[Improvement]
    agreements: list[Agreement]
    referrals: list[Referral]
    follow_up: FollowUp
    evaluation: Evaluation
    voting: PlanVoting
    schedule: PlanSchedule
    origin: PlanOrigin
    progress: list[ProgressEntry]
    reviews: list[PlanReview]
    lessons: list[LessonCard]
    feedback_forms: list[FeedbackForm]
    conditions: list[Condition]
