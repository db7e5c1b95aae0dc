"""The demo session with what the *wie is wie* and the factsheet print: a "waarvoor kun je mij
bellen" line for most participants, e-mail shared by some, and catalogue offers for the GGD.

The keys ``call_for``, ``share_email`` and ``offers`` are set in the document itself: the sheets
read them with defaults, so they are tested here whether or not the database stores them yet.
"""

from __future__ import annotations

from typing import Any, cast

from tests.export.demo_document import demo_document
from worksession.domain.factsheet import OfferDescription

CALL_FOR = {
    "p-marieke-hermans": "ouderen die vastlopen thuis; overleg over een gezamenlijke patiënt",
    "p-ingrid-coenen": "leefstijlgesprekken en doorverwijzen naar beweegaanbod",
    "p-yvonne-kessels": "zorgen over een oudere thuis, valgevaar, overbelaste mantelzorgers",
    "p-lotte-dassen": "cijfers over de wijk en wat bewezen werkt",
    "p-jeroen-bemelmans": "budget voor wijkinitiatieven en het lokale preventieakkoord",
    "p-nadia-bouzid": "geldzorgen, Wmo-aanvragen, een huishouden met meerdere problemen",
    "p-wendy-pelzer": "eenzame ouderen, mantelzorgondersteuning, huisbezoeken 75+",
    "p-kevin-vankan": "beweegaanbod voor ouderen in de buurt",
    "p-mia-lenssen": "wat er leeft bij de seniorenvereniging",
}
SHARED = frozenset({"p-lotte-dassen", "p-wendy-pelzer", "p-jeroen-bemelmans"})
GGD_OFFERS = [{"id": "wijkgezondheidsprofiel", "name": "Wijkgezondheidsprofiel / ROS-wijkscan"}]
CATALOGUE = {
    "wijkgezondheidsprofiel": OfferDescription(
        name="Wijkgezondheidsprofiel / ROS-wijkscan",
        kind="instrument",
        description="Cijfers over de gezondheid van de wijk, samen geduid met de partners.",
        themes=("Eenzaamheid", "Bewegen en sporten"),
    ),
}


def people_document() -> dict[str, Any]:
    """The demo with call-for lines, some e-mail shared, and one catalogue offer for the GGD."""
    document = cast(dict[str, Any], demo_document())
    for participant in document["participants"]:
        participant["call_for"] = CALL_FOR.get(participant["key"], "")
        participant["share_email"] = participant["key"] in SHARED
    ggd = next(s for s in document["stakeholders"] if s["key"] == "s-ggd")
    ggd["offers"] = GGD_OFFERS
    return document
