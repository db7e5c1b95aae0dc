"""Names and titles by key in a document or plan snapshot: what every view of a session shows
for the keys that link its records (a lead, a partner, the theme of an agreement)."""

from __future__ import annotations

from worksession.domain.document_types import InterchangeDocument, PlanSnapshot

Keyed = InterchangeDocument | PlanSnapshot


def people_by_key(document: Keyed) -> dict[str, str]:
    """Key → name of every participant and stakeholder (both can lead, partner or refer)."""
    names = {person["key"]: person["name"] for person in document.get("participants", [])}
    names.update(
        (stakeholder["key"], stakeholder["name"])
        for stakeholder in document.get("stakeholders", [])
    )
    return names


def theme_titles(document: Keyed) -> dict[str, str]:
    """Key → title of every theme."""
    return {theme["key"]: theme["title"] for theme in document.get("themes", [])}
