"""Each table's one field declaration (``storage/document/records.py``) agrees with the table,
the typed document and what the update operations take.

A column added to a model but not declared would be lost on export and import; a key added to
the typed document but not declared would never be read; a field the update operations take but
the document does not carry would be lost by a round trip. Each fails here, naming the record.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from sqlmodel import SQLModel

from worksession.domain import document_types as types
from worksession.domain.interchange import FORMAT, parse_document
from worksession.domain.record_changes import CHANGES
from worksession.storage.database import Database
from worksession.storage.document import import_document, read_document, records
from worksession.storage.document.fields import Plain, RecordFields

# Record name (as the field rules and the update operations call it) → its declaration and the
# TypedDict of the document that carries it.
DECLARED: dict[str, tuple[RecordFields[Any, Any], Any]] = {
    "session": (records.SESSION, types.DocumentSession),
    "casus": (records.CASUS, types.Casus),
    "figure": (records.FIGURE, types.CasusFigure),
    "participant": (records.PARTICIPANT, types.Participant),
    "stakeholder": (records.STAKEHOLDER, types.Stakeholder),
    "relation": (records.RELATION, types.Relation),
    "theme": (records.THEME, types.Theme),
    "improvement": (records.IMPROVEMENT, types.Improvement),
    "agreement": (records.AGREEMENT, types.Agreement),
    "referral": (records.REFERRAL, types.Referral),
    "follow_up": (records.FOLLOW_UP, types.FollowUp),
    "evaluation": (records.EVALUATION, types.Evaluation),
    "vote_round": (records.VOTE_ROUND, types.Voting),
    "step_timing": (records.STEP_TIMING, types.StepTiming),
    "session_origin": (records.ORIGIN, types.Origin),
    "agreement_progress": (records.PROGRESS, types.ProgressEntry),
    "agreement_review": (records.REVIEW, types.AgreementReview),
    "lesson_card": (records.LESSON, types.LessonCard),
    "feedback_form": (records.FEEDBACK_FORM, types.FeedbackForm),
    "condition": (records.CONDITION, types.Condition),
}

# Columns that are the database's bookkeeping, not part of any record in the document.
BOOKKEEPING = {"id", "session_id", "position"}
# Columns the document carries elsewhere, or not at all, per table; each with its reason.
NOT_IN_THE_RECORD: dict[str, set[str]] = {
    # The status is the window's (draft, in review, signed off); the times are the database's;
    # the start time travels in the document's schedule, the identity at its top; the revision
    # and who changed what last are the database's account of changes. The team is who may see
    # it on a server: a document read elsewhere gets the reader's team (a server archive keeps it).
    "session": {
        "status",
        "created_at",
        "updated_at",
        "start_time",
        "uuid",
        "revision",
        "changed_by",
        "last_change",
        "team_id",
    },
    # Stored as JSON text; read without the keys of removed themes, so the reader gives it.
    "vote_round": {"tie_break"},
    # The first session on this laptop (another laptop has another id) and when it was linked.
    "session_origin": {"origin_session_id", "created_at"},
    # Links to the agreement and the reporter, found again by key and name on import.
    "agreement_progress": {"agreement_id", "reporter_participant_id"},
}

# What an update changes but the record in the document does not carry as its own, and back.
CHANGED_ELSEWHERE: dict[str, set[str]] = {"session": {"start_time"}}  # in the schedule
NEVER_CHANGED: dict[str, set[str]] = {
    "session": {"programme_steps"},  # the programme's copy, fixed when the session is made
    "condition": {"kind"},  # which condition a row is; a change names it, never changes it
}


def _columns(model: type[SQLModel]) -> set[str]:
    return set(model.model_fields)


@pytest.mark.parametrize("record", sorted(DECLARED))
def test_every_column_of_the_table_is_declared_or_named_as_not_in_the_document(
    record: str,
) -> None:
    fields, _typed = DECLARED[record]
    declared = {name for item in fields.fields for name in item.attributes()}
    expected = _columns(fields.model) - BOOKKEEPING - NOT_IN_THE_RECORD.get(record, set())
    assert declared == expected, f"declare these in storage/document/records.py ({record})"


@pytest.mark.parametrize("record", sorted(DECLARED))
def test_the_declared_keys_are_the_typed_document_s_keys(record: str) -> None:
    fields, typed = DECLARED[record]
    assert sorted(fields.keys()) == sorted(typed.__required_keys__ | typed.__optional_keys__)


@pytest.mark.parametrize("record", sorted(set(DECLARED) & set(CHANGES)))
def test_what_an_update_changes_is_what_the_document_carries(record: str) -> None:
    fields, _typed = DECLARED[record]
    plain = {item.column for item in fields.fields if isinstance(item, Plain) and item.key != "key"}
    changes = set(CHANGES[record].__annotations__)
    assert plain - NEVER_CHANGED.get(record, set()) == changes - CHANGED_ELSEWHERE.get(
        record, set()
    )


def test_every_record_with_changes_is_declared() -> None:
    # An insight is a text of its own in the document (a list of strings), not a record.
    assert set(CHANGES) - set(DECLARED) == {"insight"}


STEP = {"id": "opening", "title": "Opening", "kind": "plenary", "minutes": 10}


def test_left_out_fields_read_back_as_the_tables_defaults(db: Database) -> None:
    """A file may leave out every field that is not required (an older file does): the import
    leaves those to the table's defaults, the same values an export then writes."""
    minimal = {
        "format": FORMAT,
        "session": {"title": "Kaalheide", "programme_steps": [STEP]},
        "participants": [{"key": "p1", "name": "An"}],
        "stakeholders": [{"key": "s1", "name": "Buurtteam"}],
        "themes": [{"key": "t1", "title": "Eenzaamheid"}],
        "agreements": [{"key": "a1", "what": "Koffie-ochtend"}],
        "evaluation": {"score": 8},
        "voting": {},
        "schedule": {"steps": [{"step": "opening", "actual_seconds": 60}]},
    }
    session = import_document(db=db, document=parse_document(json.dumps(minimal)))
    assert session.id is not None
    document = read_document(db=db, session_id=session.id)
    assert document["session"] == {
        "title": "Kaalheide",
        "wijk": "",
        "gemeente": "",
        "date": None,
        "location": "",
        "coach": "",
        "variant": "toolkit",
        "accredited": False,
        "accreditation_id": "",
        "programme": "",
        "programme_steps": [STEP],
        "ambition": "",
    }
    assert document["casus"] == {
        "title": "",
        "text": "",
        "question": "",
        "figures": [],
        "insights": [],
    }
    assert document["participants"] == [
        {
            "key": "p1",
            "name": "An",
            "initials": "",
            "organisation": "",
            "role": "",
            "domain": "",
            "email": "",
            "registration_type": "",
            "registration": "",
            "invitation": "registered",  # a file from before the invite list: on it
            "present": True,
            "call_for": "",
            "share_email": False,  # never assumed
        }
    ]
    assert document["stakeholders"][0] == {
        "key": "s1",
        "name": "Buurtteam",
        "organisation": "",
        "domain": "",
        "role": "",
        "offers": [],
        "offer": "",
        "influence": 3,
        "interest": 3,
        "present": False,
        "participant": None,
    }
    assert document["themes"][0] == {
        "key": "t1",
        "title": "Eenzaamheid",
        "target_group": "",
        "why": "",
        "votes": 0,
        "rank": None,
        "priority": False,
    }
    assert document["agreements"][0] == {
        "key": "a1",
        "theme": None,
        "kind": "agreement",
        "what": "Koffie-ochtend",
        "lead": None,
        "partners": [],
        "due": None,
        "resources": "",
        "indicator": "",
        "status": "open",
        "builds_on": None,
    }
    assert document["follow_up"] == {
        "kartrekker": None,
        "werkgroep": [],
        "next_meeting": None,
        "evaluation": None,
        "funding": "",
    }
    assert document["evaluation"] == {"went_well": "", "to_improve": "", "score": 8}
    assert document["voting"] == {
        "mode": "dots",
        "entry": "totals",
        "per_person": None,
        "cap": None,
        "anonymous": True,
        "voters": None,
        "tie_break": [],
        "ballots": [],
    }
    assert document["schedule"] == {
        "start_time": None,
        "steps": [
            {
                "step": "opening",
                "actual_seconds": 60,
                "extra_minutes": 0,
                "started_at": None,
                "finished_at": None,
            }
        ],
    }
