"""The parts a change can touch are the document's sections (and the plan), nothing invented."""

from __future__ import annotations

from typing import get_type_hints

from worksession.domain.changes import EVERYTHING, Part, changes
from worksession.domain.checks import CHECKED
from worksession.domain.document_types import InterchangeDocument


def test_the_parts_are_the_documents_sections_and_the_plan() -> None:
    # The format and the session's identity are no parts: neither changes with an edit.
    sections = set(get_type_hints(InterchangeDocument)) - {"format", "uuid"}
    assert {part.value for part in Part} == sections | {"plan"}


def test_counting_votes_changes_the_themes_as_well() -> None:
    assert changes(Part.VOTING) == {Part.VOTING, Part.THEMES}
    assert changes(Part.NOTES) == {Part.NOTES}
    assert changes(*EVERYTHING) == EVERYTHING


def test_the_checks_read_only_the_parts_they_name() -> None:
    # A note, the casus or the evaluation cannot change a point of attention; the plan's
    # status neither. If a check starts reading another part, name it in CHECKED.
    assert CHECKED.isdisjoint({Part.NOTES, Part.CASUS, Part.EVALUATION, Part.PLAN})
