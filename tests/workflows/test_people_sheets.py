"""The factsheet's offers read from the toolkit's catalogue of offers: name, kind, description
(one line), and the themes by their titles; a toolkit without that catalogue gives none."""

from __future__ import annotations

from types import SimpleNamespace

from worksession.domain.factsheet import OfferDescription
from worksession.programmes.library import load_library
from worksession.programmes.model import Library
from worksession.workflows.people_sheets import catalogue_offers


def test_each_offer_with_its_themes_by_title() -> None:
    library = load_library()
    entry = SimpleNamespace(
        name="Welzijn op Recept",
        kind="samenwerkingsvorm",
        description="De huisarts verwijst\n  naar welzijn.",
        themes=("eenzaamheid", "a-theme-no-more"),
        source="https://example.invalid",
    )
    library.offers = {"welzijn-op-recept": entry}  # type: ignore[attr-defined]
    eenzaamheid = library.themes["eenzaamheid"].title
    assert catalogue_offers(library) == {
        "welzijn-op-recept": OfferDescription(
            name="Welzijn op Recept",
            kind="samenwerkingsvorm",
            description="De huisarts verwijst naar welzijn.",
            themes=(eenzaamheid, "a-theme-no-more"),
        )
    }


def test_a_toolkit_without_the_catalogue_of_offers_gives_none() -> None:
    library = Library()
    if hasattr(library, "offers"):
        library.offers = {}  # type: ignore[attr-defined]
    assert catalogue_offers(library) == {}
