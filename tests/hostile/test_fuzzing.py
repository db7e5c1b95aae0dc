"""Hostile input: whatever arrives as an import file, a pasted list or a text field, the app
answers with its own clear error or takes it — it never crashes, and the PDF still renders."""

from __future__ import annotations

import contextlib
import copy
import json
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from worksession.domain.interchange import InterchangeError, parse_document
from worksession.domain.people_import import parse_people
from worksession.domain.plan import fingerprint, plan_snapshot
from worksession.domain.validation import ValidationError
from worksession.export.pdf.payload import PlanPayload
from worksession.export.pdf.plan import render_plan
from worksession.export.pdf.verify import verify_plan
from worksession.programmes.library import load_library
from worksession.workflows.demo import demo_document

JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4)
    ),
    max_leaves=12,
)
DEMO = demo_document(load_library())
FIELDS = [
    "format",
    "session",
    "casus",
    "participants",
    "stakeholders",
    "relations",
    "themes",
    "improvements",
    "agreements",
    "referrals",
    "follow_up",
]


@settings(max_examples=800)
@given(JSON)
def test_any_json_value_is_refused_with_a_path_or_taken(value: Any) -> None:
    try:
        parse_document(json.dumps(value))
    except InterchangeError as error:
        assert error.path.startswith("$")


@settings(max_examples=600)
@given(st.sampled_from(FIELDS), JSON)
def test_a_demo_with_one_section_replaced_names_the_problem(field: str, value: Any) -> None:
    document = copy.deepcopy(DEMO)
    document[field] = value
    try:
        parse_document(json.dumps(document))
    except InterchangeError as error:
        assert error.path.startswith("$")


@settings(max_examples=500)
@given(st.binary(max_size=200))
def test_any_bytes_are_refused_or_taken(raw: bytes) -> None:
    with contextlib.suppress(InterchangeError):
        parse_document(raw)


@settings(max_examples=1000)
@given(st.text(max_size=300))
def test_a_pasted_list_is_taken_or_refused_by_line(text: str) -> None:
    try:
        people = parse_people(text)
    except ValidationError as error:
        assert error.path.startswith("line ") or error.path == "participants"
    else:
        assert all(person["name"].strip() for person in people)


ANY_TEXT = st.text(st.characters(exclude_categories=("Cs",)), min_size=1, max_size=60)


@settings(max_examples=25, deadline=None)
@given(ANY_TEXT, ANY_TEXT, ANY_TEXT)
def test_any_unicode_in_names_and_agreements_still_gives_a_verifiable_pdf(
    name: str, what: str, casus: str
) -> None:
    document = copy.deepcopy(DEMO)
    document["participants"][0]["name"] = name
    document["agreements"][0]["what"] = what
    document["referrals"][0]["contact"] = name
    document["referrals"][0]["signal"] = what or "x"
    document["casus"]["text"] = casus
    snapshot = plan_snapshot(document, 1)
    data = render_plan(PlanPayload(snapshot, fingerprint(snapshot), False))
    assert verify_plan(data).ok
