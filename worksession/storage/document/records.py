"""Each table's fields in the ``worksession/1`` document, declared once.

The order is the document's: a record is read with its keys in this order, so an exported file
stays the same byte for byte. A plain new field of a table is one line here (plus its column and
migration); ``tests/storage/test_record_fields.py`` keeps these keys equal to the typed document
(``domain/document_types.py``) and to what the update operations take
(``domain/record_changes.py``).
"""

from __future__ import annotations

from worksession.domain import document_types as typed
from worksession.domain import models
from worksession.storage.document.fields import (
    CANONICAL,
    DATE,
    JSON,
    MOMENT,
    Extra,
    Link,
    Person,
    Plain,
    RecordFields,
)

SESSION: RecordFields[typed.DocumentSession, models.WorkSession] = RecordFields(
    models.WorkSession,
    (
        Plain("title"),
        Plain("wijk"),
        Plain("gemeente"),
        Plain("date", convert=DATE),
        Plain("location"),
        Plain("coach"),
        Plain("variant"),
        Plain("accredited"),
        Plain("accreditation_id"),
        Plain("programme"),
        Plain("programme_steps", convert=JSON),
        Plain("ambition"),
    ),
)

CASUS: RecordFields[typed.Casus, models.Casus] = RecordFields(
    models.Casus,
    (
        Plain("title"),
        Plain("text"),
        Plain("question"),
        Extra("figures"),
        Extra("insights"),
    ),
)

FIGURE: RecordFields[typed.CasusFigure, models.KeyFigure] = RecordFields(
    models.KeyFigure,
    (Plain("label"), Plain("value"), Plain("source")),
)

PARTICIPANT: RecordFields[typed.Participant, models.Participant] = RecordFields(
    models.Participant,
    (
        Plain("key"),
        Plain("name"),
        Plain("initials"),
        Plain("organisation"),
        Plain("role"),
        Plain("domain"),
        Plain("email"),
        Plain("registration_type"),
        Plain("registration"),
        Plain("invitation"),
        Plain("present"),
        Plain("call_for"),
        Plain("share_email"),
    ),
)

STAKEHOLDER: RecordFields[typed.Stakeholder, models.Stakeholder] = RecordFields(
    models.Stakeholder,
    (
        Plain("key"),
        Plain("name"),
        Plain("organisation"),
        Plain("domain"),
        Plain("role"),
        Plain("offers"),
        Plain("offer"),
        Plain("influence"),
        Plain("interest"),
        Plain("present"),
        Link("participant", "participant_id", "participant"),
    ),
)

RELATION: RecordFields[typed.Relation, models.Relation] = RecordFields(
    models.Relation,
    (
        Link("from", "source_id", "stakeholder"),
        Link("to", "target_id", "stakeholder"),
        Plain("kind"),
    ),
)

THEME: RecordFields[typed.Theme, models.Theme] = RecordFields(
    models.Theme,
    (
        Plain("key"),
        Plain("title"),
        Plain("target_group"),
        Plain("why"),
        Plain("votes"),
        Plain("rank"),
        Plain("priority"),
    ),
)

IMPROVEMENT: RecordFields[typed.Improvement, models.Improvement] = RecordFields(
    models.Improvement,
    (Link("theme", "theme_id", "theme"), Plain("text")),
)

AGREEMENT: RecordFields[typed.Agreement, models.Agreement] = RecordFields(
    models.Agreement,
    (
        Plain("key"),
        Link("theme", "theme_id", "theme"),
        Plain("kind"),
        Plain("what"),
        Person("lead", "lead"),
        Extra("partners"),
        Plain("due", convert=DATE),
        Plain("resources"),
        Plain("indicator"),
        Plain("status"),
        Plain("builds_on"),
    ),
)

REFERRAL: RecordFields[typed.Referral, models.Referral] = RecordFields(
    models.Referral,
    (
        Plain("signal"),
        Link("theme", "theme_id", "theme"),
        Person("from", "source"),
        Person("to", "target"),
        Plain("contact"),
        Plain("feedback"),
        Plain("feedback_how"),
    ),
)

FOLLOW_UP: RecordFields[typed.FollowUp, models.FollowUp] = RecordFields(
    models.FollowUp,
    (
        Person("kartrekker", "kartrekker"),
        Extra("werkgroep"),
        Plain("next_meeting", convert=DATE),
        Plain("evaluation", convert=DATE),
        Plain("funding"),
    ),
)

EVALUATION: RecordFields[typed.Evaluation, models.Evaluation] = RecordFields(
    models.Evaluation,
    (Plain("went_well"), Plain("to_improve"), Plain("score")),
)

VOTE_ROUND: RecordFields[typed.Voting, models.VoteRound] = RecordFields(
    models.VoteRound,
    (
        Plain("mode"),
        Plain("entry"),
        Plain("per_person"),
        Plain("cap"),
        Plain("anonymous"),
        Plain("voters"),
        # Stored as JSON text, read without the keys of removed themes: the reader gives it.
        Extra("tie_break"),
        Extra("ballots"),
    ),
)

STEP_TIMING: RecordFields[typed.StepTiming, models.StepTiming] = RecordFields(
    models.StepTiming,
    (
        Plain("step", "step_id"),
        Plain("actual_seconds"),
        Plain("extra_minutes"),
        Plain("started_at", convert=MOMENT),
        Plain("finished_at", convert=MOMENT),
    ),
)

ORIGIN: RecordFields[typed.Origin, models.SessionOrigin] = RecordFields(
    models.SessionOrigin,
    (
        Plain("title"),
        Plain("version"),
        Plain("fingerprint"),
        Plain("plan", "snapshot", convert=CANONICAL),
    ),
)

PROGRESS: RecordFields[typed.ProgressEntry, models.AgreementProgress] = RecordFields(
    models.AgreementProgress,
    (
        # By key: an entry outlives the agreement it is about (removed from a later draft).
        Plain("agreement", "agreement_key"),
        Plain("status"),
        Plain("date", convert=DATE),
        Plain("note"),
        Plain("reported_by"),
        Plain("recorded_at", convert=MOMENT),
    ),
)

REVIEW: RecordFields[typed.AgreementReview, models.AgreementReview] = RecordFields(
    models.AgreementReview,
    (
        Link("agreement", "agreement_id", "agreement"),
        Plain("status_now"),
        Plain("what_happened"),
        Plain("indicator_seen"),
        Plain("evidence"),
        Plain("decision"),
    ),
)

LESSON: RecordFields[typed.LessonCard, models.LessonCard] = RecordFields(
    models.LessonCard,
    (Plain("kind"), Plain("obstacle"), Plain("text")),
)

FEEDBACK_FORM: RecordFields[typed.FeedbackForm, models.FeedbackForm] = RecordFields(
    models.FeedbackForm,
    (Plain("key"), Plain("score"), Plain("takeaway"), Plain("to_improve")),
)

CONDITION: RecordFields[typed.Condition, models.Condition] = RecordFields(
    models.Condition,
    (Plain("kind"), Plain("state"), Person("arranged_by", "arranged_by"), Plain("note")),
)
