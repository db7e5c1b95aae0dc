"""Import then export gives back an equal document (property-based), and the demo survives too."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from worksession.domain.interchange import FORMAT, check_document
from worksession.domain.values import (
    AgreementKind,
    AgreementStatus,
    Domain,
    Invitation,
    RegistrationType,
    RelationKind,
    StepKind,
    Variant,
    VoteEntry,
)
from worksession.domain.vote_round import document_tally
from worksession.domain.voting import COUNTING, ENTRIES
from worksession.programmes.library import load_library
from worksession.storage.database import Database
from worksession.storage.document import import_document, read_document
from worksession.workflows.demo import demo_document

# Any text a coach may type or paste, but for half surrogate pairs (not valid in UTF-8 files)
# and NUL (no database text holds it): import refuses both (see test_validation).
TEXT = st.text(st.characters(exclude_categories=("Cs",), exclude_characters="\x00"), max_size=40)
TITLE = TEXT.filter(lambda value: value != "")
KEY = st.from_regex(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,12}", fullmatch=True)
# Catalogue offers by key with their names; the keys need not be in this laptop's catalogue.
OFFERS = st.lists(st.fixed_dictionaries({"id": KEY, "name": TEXT}), max_size=3)
BUILDS_ON = st.none() | st.fixed_dictionaries(
    {"offer": st.none() | KEY, "name": TEXT, "text": TEXT}
)
DATE = st.none() | st.dates().map(lambda day: day.isoformat())
STEP_ID = st.from_regex(r"[a-z0-9][a-z0-9-]{0,10}", fullmatch=True)
STEP = st.fixed_dictionaries(
    {
        "id": STEP_ID,
        "title": TITLE,
        "kind": st.sampled_from(StepKind).map(str),
        "minutes": st.integers(0, 480),
        "purpose": TEXT,
        "werkvorm": TEXT,
        "coach": TEXT,
        "beamer": TEXT,
    }
)


@st.composite
def documents(draw: st.DrawFn) -> dict[str, Any]:
    counts = [draw(st.integers(0, 4)) for _ in range(5)]
    keys = draw(st.lists(KEY, min_size=sum(counts), max_size=sum(counts), unique=True))
    p_keys, keys = keys[: counts[0]], keys[counts[0] :]
    s_keys, keys = keys[: counts[1]], keys[counts[1] :]
    t_keys, keys = keys[: counts[2]], keys[counts[2] :]
    a_keys, f_keys = keys[: counts[3]], keys[counts[3] :]  # forms: one key space with the rest
    people = p_keys + s_keys

    def maybe(pool: list[str]) -> st.SearchStrategy[str | None]:
        return st.none() | st.sampled_from(pool) if pool else st.none()

    def subset(pool: list[str]) -> list[str]:
        return draw(st.lists(st.sampled_from(pool), unique=True, max_size=3)) if pool else []

    relations = []
    if len(s_keys) >= 2:
        pairs = draw(
            st.lists(
                st.tuples(
                    st.sampled_from(s_keys), st.sampled_from(s_keys), st.sampled_from(RelationKind)
                ).filter(lambda t: t[0] != t[1]),
                unique=True,
                max_size=4,
            )
        )
        relations = [{"from": a, "to": b, "kind": str(kind)} for a, b, kind in pairs]
    document: dict[str, Any] = {
        "format": FORMAT,
        "session": {
            "title": draw(TITLE),
            "wijk": draw(TEXT),
            "gemeente": draw(TEXT),
            "date": draw(DATE),
            "location": draw(TEXT),
            "coach": draw(TEXT),
            "variant": str(draw(st.sampled_from(Variant))),
            "accredited": draw(st.booleans()),
            "accreditation_id": draw(TEXT),
            "programme": draw(TEXT),
            "programme_steps": draw(st.lists(STEP, max_size=3)),
            "ambition": draw(TEXT),
        },
        "casus": {
            "title": draw(TEXT),
            "text": draw(TEXT),
            "question": draw(TEXT),
            "figures": [
                {"label": draw(TITLE), "value": draw(TEXT), "source": draw(TEXT)}
                for _ in range(draw(st.integers(0, 3)))
            ],
            "insights": draw(st.lists(TITLE, max_size=3)),
        },
        "participants": [
            {
                "key": key,
                "name": draw(TITLE),
                "initials": draw(TEXT),
                "organisation": draw(TEXT),
                "role": draw(TEXT),
                "domain": str(draw(st.sampled_from(Domain))),
                "email": draw(TEXT),
                **draw(registrations()),
                "invitation": str(draw(st.sampled_from(Invitation))),
                "present": draw(st.booleans()),
                "call_for": draw(TEXT),
                "share_email": draw(st.booleans()),
            }
            for key in p_keys
        ],
        "stakeholders": [
            {
                "key": key,
                "name": draw(TITLE),
                "organisation": draw(TEXT),
                "domain": str(draw(st.sampled_from(Domain))),
                "role": draw(TEXT),
                "offers": draw(OFFERS),
                "offer": draw(TEXT),
                "influence": draw(st.integers(1, 5)),
                "interest": draw(st.integers(1, 5)),
                "present": draw(st.booleans()),
                "participant": draw(maybe(p_keys)),
            }
            for key in s_keys
        ],
        "relations": relations,
        "themes": [
            {
                "key": key,
                "title": draw(TITLE),
                "target_group": draw(TEXT),
                "why": draw(TEXT),
                "votes": draw(st.integers(0, 500)),
                "rank": draw(st.none() | st.integers(1, 20)),
                "priority": draw(st.booleans()),
            }
            for key in t_keys
        ],
        "improvements": [
            {"theme": draw(st.sampled_from(t_keys)), "text": draw(TITLE)}
            for _ in range(draw(st.integers(0, 3)) if t_keys else 0)
        ],
        "agreements": [
            {
                "key": key,
                "theme": draw(maybe(t_keys)),
                "kind": str(draw(st.sampled_from(AgreementKind))),
                "what": draw(TITLE),
                "lead": draw(maybe(people)),
                "partners": subset(people),
                "due": draw(DATE),
                "resources": draw(TEXT),
                "indicator": draw(TEXT),
                "status": str(draw(st.sampled_from(AgreementStatus))),
                "builds_on": draw(BUILDS_ON),
            }
            for key in a_keys
        ],
        "follow_up": {
            "kartrekker": draw(maybe(people)),
            "werkgroep": subset(people),
            "next_meeting": draw(DATE),
            "evaluation": draw(DATE),
            "funding": draw(TEXT),
        },
        "notes": draw(st.dictionaries(STEP_ID, TEXT, max_size=3)),
        "evaluation": {
            "went_well": draw(TEXT),
            "to_improve": draw(TEXT),
            "score": draw(st.none() | st.integers(1, 10)),
        },
    }
    referrals = [draw(referral_records(t_keys, people)) for _ in range(draw(st.integers(0, 3)))]
    if referrals:  # export writes the list only for a session that has referral agreements
        document["referrals"] = referrals
    if draw(st.booleans()):
        document["voting"] = draw(votings(t_keys, p_keys))
        result = document_tally(document)
        assert result is not None
        if document["voting"]["entry"] == VoteEntry.BALLOTS:  # the ballots decide the scores
            for theme in document["themes"]:
                theme["votes"], theme["rank"] = (
                    result.scores[theme["key"]],
                    result.ranks[theme["key"]],
                )
    step_ids = sorted({step["id"] for step in document["session"]["programme_steps"]})
    schedule = draw(schedules(step_ids))
    if schedule["start_time"] is not None or schedule["steps"]:
        document["schedule"] = schedule
    if f_keys:  # export writes the forms only for a session that has any
        document["feedback_forms"] = [
            {
                "key": key,
                "score": draw(st.none() | st.integers(1, 10)),
                "takeaway": draw(TEXT),
                "to_improve": draw(TEXT),
            }
            for key in f_keys
        ]
    return document


@st.composite
def registrations(draw: st.DrawFn) -> dict[str, str]:
    """A register and a number: any text outside the BIG register, 11 digits (leading zeros
    kept, as text) or nothing inside it."""
    register = str(draw(st.sampled_from(RegistrationType)))
    if register == RegistrationType.BIG:
        number = draw(st.just("") | st.from_regex(r"[0-9]{11}", fullmatch=True))
    else:
        number = draw(TEXT)
    return {"registration_type": register, "registration": number}


@st.composite
def referral_records(draw: st.DrawFn, t_keys: list[str], people: list[str]) -> dict[str, Any]:
    source = draw(st.none() | st.sampled_from(people)) if people else None
    others = [key for key in people if key != source]  # nobody refers to themselves
    return {
        "signal": draw(TITLE),
        "theme": draw(st.none() | st.sampled_from(t_keys)) if t_keys else None,
        "from": source,
        "to": draw(st.none() | st.sampled_from(others)) if others else None,
        "contact": draw(TEXT),
        "feedback": draw(st.booleans()),
        "feedback_how": draw(TEXT),
    }


VOTE_METHODS = [(mode, entry) for mode, entries in ENTRIES.items() for entry in entries]


@st.composite
def votings(draw: st.DrawFn, t_keys: list[str], p_keys: list[str]) -> dict[str, Any]:
    mode, entry = draw(st.sampled_from(VOTE_METHODS))
    named = draw(st.lists(st.sampled_from(p_keys), unique=True, max_size=3)) if p_keys else []
    unnamed = draw(st.integers(0, 2))
    voters: list[str | None] = draw(st.permutations([*named, *[None] * unnamed]))
    ballots: list[dict[str, Any]] = []
    for key in voters:
        if mode in COUNTING:
            counts = (
                draw(st.dictionaries(st.sampled_from(t_keys), st.integers(0, 5))) if t_keys else {}
            )
            ballots.append({"participant": key, "counts": counts})
        else:
            ranking = draw(st.lists(st.sampled_from(t_keys), unique=True)) if t_keys else []
            ballots.append({"participant": key, "ranking": ranking})
    return {
        "mode": str(mode),
        "entry": str(entry),
        "per_person": draw(st.none() | st.integers(20, 1000)),
        "cap": draw(st.none() | st.integers(5, 1000)),
        "anonymous": draw(st.booleans()),
        "voters": draw(st.none() | st.integers(0, 100)),
        "tie_break": draw(st.lists(st.sampled_from(t_keys), unique=True)) if t_keys else [],
        "ballots": ballots,
    }


MOMENT = st.none() | st.datetimes(
    min_value=dt.datetime(2000, 1, 1), max_value=dt.datetime(2100, 1, 1), timezones=st.just(dt.UTC)
).map(lambda moment: moment.replace(microsecond=0).isoformat())


@st.composite
def schedules(draw: st.DrawFn, step_ids: list[str]) -> dict[str, Any]:
    timed = draw(st.lists(st.sampled_from(step_ids), unique=True)) if step_ids else []
    return {
        "start_time": draw(st.none() | st.times().map(lambda moment: moment.strftime("%H:%M"))),
        "steps": [
            {
                "step": step,
                "actual_seconds": draw(st.integers(0, 86400)),
                "extra_minutes": draw(st.integers(0, 480)),
                "started_at": draw(MOMENT),
                "finished_at": draw(MOMENT),
            }
            for step in timed
        ],
    }


@settings(max_examples=150)
@given(documents())
def test_import_then_export_gives_back_an_equal_document(
    db: Database, document: dict[str, Any]
) -> None:
    # The document goes through JSON and the checks, exactly as a file would.
    document = json.loads(json.dumps(document))
    check_document(document)
    session = import_document(db=db, document=document)
    assert session.id is not None
    read = read_document(db=db, session_id=session.id)
    assert read.pop("uuid") == session.uuid  # a document without an identity gets one
    assert read == document


def test_the_demo_document_survives_a_round_trip(db: Database) -> None:
    demo = demo_document(load_library())
    session = import_document(db=db, document=demo)
    assert session.id is not None
    read = read_document(db=db, session_id=session.id)
    assert read.pop("uuid") == session.uuid
    assert read == demo
