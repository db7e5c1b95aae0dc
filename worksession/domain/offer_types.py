"""The shapes of existing offers in the ``worksession/1`` document: a catalogue offer as a
stakeholder carries it, and what an agreement builds on ("sluit aan bij").

Their own module so ``document_types`` stays one screenful per level; it re-exports both.
"""

from typing import TypedDict


class OfferRef(TypedDict):
    """An offer of the catalogue (``sessions/catalogues/aanbod.toml``) by its key, with its name
    beside it so the session still reads where the catalogue lacks that entry."""

    id: str
    name: str


class BuildsOn(TypedDict):
    """What an agreement builds on ("sluit aan bij"): a catalogue offer (``offer`` its key or
    None, ``name`` its name or "") and/or free text naming an offer or meeting."""

    offer: str | None
    name: str
    text: str
