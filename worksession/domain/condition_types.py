"""The borging conditions' records in the ``worksession/1`` document (``document_types`` names
them; they live here so that module stays within its size).

No ``from __future__ import annotations``, as in ``document_types``: ``Required`` must be known
at class creation for ``__required_keys__`` (a test compares them with the schema)."""

from typing import Required, TypedDict


class ConditionDetails(TypedDict, total=False):
    """A condition of *borging* besides its kind and person: also what an update takes."""

    state: str
    note: str


class Condition(ConditionDetails, total=False):
    """One condition that makes the agreements last (``domain.conditions``): its kind, state,
    who arranges it (a participant's or stakeholder's key) and a note."""

    kind: Required[str]
    arranged_by: str | None
