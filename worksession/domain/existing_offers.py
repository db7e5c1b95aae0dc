"""What already exists in the wijk per theme, and who offers it (lesson 7: build on existing
meetings and initiatives, avoid duplicate work).

The toolkit's catalogue of offers (``sessions/catalogues/aanbod.toml``) names the themes each
offer serves; the stakeholders on the sociale kaart name the catalogue offers they bring. A
session's theme is matched to the catalogue's themes by its title or by the catalogue theme's
id in its title or key ("Bewegen en valrisico" serves both *bewegen* and *valrisico*), so a
theme the group renamed still finds its offers. An offer a stakeholder holds that this laptop's
catalogue lacks is still the stakeholder's (its name travels with it), but no theme finds it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from worksession.domain.document_types import Agreement


@dataclass(frozen=True)
class CatalogueOffer:
    """The part of a catalogue offer the session's pages and checks use."""

    id: str
    name: str
    kind: str
    themes: tuple[str, ...] = ()


@dataclass(frozen=True)
class OfferCatalogue:
    """The catalogue's offers by id, in its order, and its themes' titles by id."""

    offers: Mapping[str, CatalogueOffer] = field(default_factory=dict)
    themes: Mapping[str, str] = field(default_factory=dict)

    def name_of(self, key: str, fallback: str = "") -> str:
        """The offer's name in the catalogue, else ``fallback`` (the name the session kept)."""
        offer = self.offers.get(key)
        return offer.name if offer is not None else fallback


@dataclass(frozen=True)
class ExistingOffer:
    """An offer in this wijk for a theme: its catalogue key and name, and who brings it."""

    offer: str
    name: str
    by: tuple[str, ...]  # the stakeholders' names, in the order of the sociale kaart
    by_keys: tuple[str, ...]


def offer_key(picked: object) -> str:
    """The catalogue key of a stakeholder's offer: {"id", "name"} as the document holds it (a
    bare key, as plain data made by hand may give it, is read too)."""
    if isinstance(picked, Mapping):
        return str(picked.get("id", ""))
    return str(picked)


@lru_cache(maxsize=1024)  # the catalogue's themes and the session's titles, after every save
def _words(text: str) -> str:
    return " " + " ".join(re.sub(r"[^\w]+", " ", text.casefold()).split()) + " "


def catalogue_themes(theme: Mapping[str, Any], catalogue: OfferCatalogue) -> frozenset[str]:
    """The catalogue themes a session theme is: same title, or the catalogue id in its title or
    key as whole words."""
    title = _words(str(theme.get("title", "")))
    key = _words(str(theme.get("key", "")).replace("-", " "))
    found = set()
    for theme_id, theme_title in catalogue.themes.items():
        if _words(theme_title) == title:
            found.add(theme_id)
            continue
        id_words = _words(theme_id.replace("-", " "))
        if id_words in title or id_words in key:
            found.add(theme_id)
    return frozenset(found)


def existing_offers(
    theme: Mapping[str, Any],
    stakeholders: Iterable[Mapping[str, Any]],
    catalogue: OfferCatalogue,
) -> list[ExistingOffer]:
    """The offers the stakeholders bring that serve ``theme``, in the catalogue's order."""
    serves = catalogue_themes(theme, catalogue)
    by: dict[str, list[Mapping[str, Any]]] = {}
    for stakeholder in stakeholders:
        for picked in stakeholder.get("offers", None) or []:
            entry = catalogue.offers.get(offer_key(picked))
            if entry is not None and serves & set(entry.themes):
                by.setdefault(entry.id, []).append(stakeholder)
    return [
        ExistingOffer(
            offer=key,
            name=entry.name,
            by=tuple(str(s["name"]) for s in by[key]),
            by_keys=tuple(str(s["key"]) for s in by[key]),
        )
        for key, entry in catalogue.offers.items()
        if key in by
    ]


def builds_on_existing(agreements: Iterable[Agreement], theme_key: str) -> bool:
    """Whether an agreement of the theme names what it builds on."""
    return any(
        agreement.get("theme") == theme_key and agreement.get("builds_on")
        for agreement in agreements
    )


def offers_per_theme(
    document: Mapping[str, Any], catalogue: OfferCatalogue, *, priorities_only: bool
) -> list[tuple[Mapping[str, Any], list[ExistingOffer]]]:
    """Each theme (or each priority) with what exists for it in the wijk, in the themes' order."""
    stakeholders = document.get("stakeholders", [])
    return [
        (theme, existing_offers(theme, stakeholders, catalogue))
        for theme in document.get("themes", [])
        if theme.get("priority") or not priorities_only
    ]


def builds_on_text(builds_on: Mapping[str, Any] | None) -> str:
    """What an agreement builds on as one line: the offer's name and the text ("" for none)."""
    if not builds_on:
        return ""
    return " – ".join(part for part in (builds_on.get("name") or "", builds_on["text"]) if part)
