"""Documents for the attendance tests: the demo with the register's new keys filled in, and a
session of forty people with long and non-Latin names."""

from __future__ import annotations

import copy
from typing import Any, cast

from tests.export.names_corpus import NAMES
from worksession.domain.interchange import Document
from worksession.programmes.library import load_library
from worksession.workflows.demo import demo_document

ACCREDITATION_ID = "NHG-2026-481516"
LONG_NAME = "Maria Magdalena Johanna Wilhelmina van den Heuvel-Schoonbrood-Vliegenthart"
LONG_ORGANISATION = (
    "Stichting Welzijn, Zorg en Wonen Parkstad Limburg, afdeling ouderenadvies en "
    "mantelzorgondersteuning"
)


def demo_attendance() -> Document:
    """The demo session with an accreditation ID, initials, registration types, someone who
    declined and someone only invited."""
    document = cast(dict[str, Any], copy.deepcopy(demo_document(load_library())))
    document["session"]["accreditation_id"] = ACCREDITATION_ID
    people = {person["key"]: person for person in document["participants"]}
    people["p-marieke-hermans"].update(initials="M.J.", registration_type="big")
    people["p-yvonne-kessels"].update(initials="Y.", registration_type="vvn")
    people["p-tom-schoonbrood"].update(registration_type="kngf")
    people["p-sanne-vliegen"].update(invitation="declined")
    people["p-jan-houben"].update(invitation="invited", present=False)
    return cast(Document, document)


def forty_people() -> Document:
    """The demo with forty participants: every name of the corpus, a very long name and
    organisation, BIG numbers with leading zeros; everyone is expected."""
    document = cast(dict[str, Any], demo_attendance())
    people = document["participants"]
    template = people[-1]
    for index in range(40 - len(people)):
        person = copy.deepcopy(template)
        name = NAMES[index].text if index < len(NAMES) else f"Deelnemer {index:02d}"
        person.update(
            key=f"p-extra-{index}",
            name=name,
            initials="A.B.",
            registration_type="big",
            registration=f"0{index:010d}",
            present=True,
        )
        people.append(person)
    people[5].update(name=LONG_NAME, organisation=LONG_ORGANISATION)
    for person in people:
        person["invitation"] = "registered"
    return cast(Document, document)
