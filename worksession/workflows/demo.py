"""The example session: the toolkit's mining-area casus, worked through to a full plan.

The people, sociale kaart, votes and agreements come from ``resources/demo``; the programme and
the casus come from the toolkit files, so the demo shows what the shipped files hold. The step
timers of the afternoon (``DEMO_TIMINGS``) go with the toolkit's programme, so the plan's appendix
shows planned against actual minutes.
"""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Sequence
from functools import cache

from worksession.domain.document_types import ProgrammeStep, Schedule, StepTiming
from worksession.domain.interchange import Document, check_document, parse_document
from worksession.domain.models import WorkSession
from worksession.programmes.model import Library
from worksession.storage.database import Database
from worksession.storage.document import import_document
from worksession.support.checked_files import passed_when_shipped
from worksession.support.paths import resource_path
from worksession.workflows.starting import DEFAULT_PROGRAMME, casus_seed, programme_steps

DEMO_FILE = ("demo", "demo-session.json")
DOCUMENT = "document"  # the demo file's kind in ``checked_files``
DEMO_PROGRAMME = DEFAULT_PROGRAMME
DEMO_CASUS = "mijnstreek"
DEMO_START = "13:30"
# 13:30 in Kerkrade on 12 March 2026 (CET, UTC+1), when the first timer started.
DEMO_FIRST_START = dt.datetime(2026, 3, 12, 12, 30, 10, tzinfo=dt.UTC)
# Step id → (seconds the step ran, minutes the coach added): a real afternoon runs a little late.
DEMO_TIMINGS: dict[str, tuple[int, int]] = {
    "welkom": (17 * 60 + 10, 2),
    "kennismaking": (28 * 60 + 30, 3),
    "wijkgezondheidsprofiel": (22 * 60 + 5, 0),
    "casus": (33 * 60 + 40, 3),
    "sociale-kaart": (26 * 60, 1),
    "pauze": (17 * 60, 0),
    "prioriteren": (21 * 60 + 30, 2),
    "verwijzing-en-samenwerking": (23 * 60, 0),
    "samenwerkingsafspraken": (38 * 60 + 20, 5),
    "vervolg-en-borging": (9 * 60 + 10, 0),
    "evaluatie-en-afsluiting": (11 * 60, 1),
}


@cache
def _demo_file() -> tuple[Document, bool]:
    """The demo document, and whether its file is the one shipped (see ``checked_files``)."""
    data = resource_path(*DEMO_FILE).read_bytes()
    known_good = passed_when_shipped(data, DOCUMENT)
    return parse_document(data, schema_passed=known_good), known_good


def demo_document(library: Library) -> Document:
    """The demo document with the toolkit's programme steps and casus filled in."""
    shipped, known_good = _demo_file()
    document = copy.deepcopy(shipped)
    programme = library.programmes.get(DEMO_PROGRAMME)
    if programme is not None:
        document["session"]["programme"] = programme.id
        document["session"]["programme_steps"] = programme_steps(programme)
        document["schedule"] = demo_schedule(document["session"]["programme_steps"])
    casus = library.casus.get(DEMO_CASUS)
    if casus is not None:
        insights = document.get("casus", {}).get("insights", [])
        document["casus"] = {**casus_seed(casus), "insights": insights}
    # Made of shipped files only (a trainer's own programme or casus, or an edited file, is
    # not), the demo is the document the tests check against the schema: it is not checked
    # against it again.
    known_good = known_good and all(
        entry is None or entry.source.known_good for entry in (programme, casus)
    )
    check_document(document, schema_passed=known_good)
    return document


def demo_schedule(steps: Sequence[ProgrammeStep]) -> Schedule:
    """The demo afternoon's start time and step timers, back to back, for the steps it has."""
    moment = DEMO_FIRST_START
    timed: list[StepTiming] = []
    for step in steps:
        if step["id"] not in DEMO_TIMINGS:
            continue
        seconds, extra = DEMO_TIMINGS[step["id"]]
        finished = moment + dt.timedelta(seconds=seconds)
        timed.append(
            {
                "step": step["id"],
                "actual_seconds": seconds,
                "extra_minutes": extra,
                "started_at": moment.isoformat(),
                "finished_at": finished.isoformat(),
            }
        )
        moment = finished
    return {"start_time": DEMO_START, "steps": timed}


def create_demo_session(*, db: Database, library: Library) -> WorkSession:
    """Import the demo as a new session (checked like any import)."""
    return import_document(db=db, document=demo_document(library))


def large_document(
    *,
    participants: int = 30,
    stakeholders: int = 60,
    themes: int = 12,
    agreements: int = 40,
    referrals: int = 12,
) -> Document:
    """A big, realistic-looking session for load tests and benchmarks (deterministic)."""
    from worksession.domain.values import AgreementKind, AgreementStatus, Domain, RelationKind

    domains = [d.value for d in Domain if d is not Domain.UNKNOWN]
    first = [
        "Anna",
        "Bram",
        "Chantal",
        "Daan",
        "Esra",
        "Fleur",
        "Gülşen",
        "Hamza",
        "Iris",
        "Joost",
        "Kim",
        "Łukasz",
        "Mila",
        "Nguyễn",
        "Olga",
        "Pieter",
    ]
    last = ["de Vries", "Jansen", "Yılmaz", "Bakker", "Visser", "Smit", "Meijer", "de Boer"]
    document = copy.deepcopy(_demo_file()[0])
    document.pop("voting", None)  # the counts below are not the demo's dot vote
    document["participants"] = [
        {
            "key": f"p-{i}",
            "name": f"{first[i % len(first)]} {last[i % len(last)]} {i}",
            "organisation": f"Organisatie {i % 9}",
            "role": [
                "huisarts",
                "POH-GGZ",
                "wijkverpleegkundige",
                "buurtsportcoach",
                "inwoner",
                "beleidsadviseur",
            ][i % 6],
            "domain": domains[i % len(domains)],
            "email": f"deelnemer{i}@example.nl",
            "registration": f"{19000000000 + i}" if i % 3 == 0 else "",
            "present": i % 7 != 0,
        }
        for i in range(participants)
    ]
    document["stakeholders"] = [
        {
            "key": f"s-{i}",
            "name": f"Partij {i} {last[i % len(last)]}",
            "organisation": f"Organisatie {i % 11}",
            "domain": domains[i % len(domains)],
            "role": "aanbieder",
            "offer": "Biedt ondersteuning, advies en activiteiten voor inwoners van de wijk. " * 2,
            "influence": 1 + i % 5,
            "interest": 1 + (i * 3) % 5,
            "present": i % 2 == 0,
            "participant": f"p-{i}" if i < participants and i % 4 == 0 else None,
        }
        for i in range(stakeholders)
    ]
    document["relations"] = [
        {
            "from": f"s-{i}",
            "to": f"s-{(i * 7 + 3) % stakeholders}",
            "kind": list(RelationKind)[i % 3].value,
        }
        for i in range(min(stakeholders, 40))
        if i != (i * 7 + 3) % stakeholders
    ]
    document["themes"] = [
        {
            "key": f"t-{i}",
            "title": f"Thema {i + 1}",
            "target_group": "inwoners",
            "why": "Vaak genoemd in de wijk.",
            "votes": 30 - 2 * i,
            "rank": i + 1,
            "priority": i < 3,
        }
        for i in range(themes)
    ]
    document["improvements"] = [
        {"theme": f"t-{i % 3}", "text": f"Verbeterpunt {i + 1}: de verwijzing loopt vast."}
        for i in range(9)
    ]
    document["agreements"] = [
        {
            "key": f"a-{i}",
            "theme": f"t-{i % themes}",
            "kind": list(AgreementKind)[i % 3].value,
            "what": f"Afspraak {i + 1}: we organiseren samen een activiteit & <overleg> voor "
            f"inwoners, met een vaste contactpersoon en terugkoppeling aan de verwijzer.",
            "lead": f"p-{i % participants}",
            "partners": [f"s-{(i + 1) % stakeholders}", f"p-{(i + 2) % participants}"],
            "due": f"2026-{1 + i % 12:02d}-15",
            "resources": "Twee uur per week; ruimte in het buurthuis.",
            "indicator": "Na een half jaar minstens tien deelnemers.",
            "status": list(AgreementStatus)[i % 4].value,
        }
        for i in range(agreements)
    ]
    document["referrals"] = [
        {
            "signal": f"Signaal {i + 1}: zorgen over eenzaamheid, geldzorgen of vallen bij een "
            "oudere inwoner.",
            "theme": f"t-{i % themes}" if i % 4 else None,
            "from": f"p-{i % participants}",
            "to": f"s-{(i * 5 + 2) % stakeholders}",
            "contact": f"Contactpersoon {i}, 045 - 555 {i:02d} {i:02d}",
            "feedback": i % 3 != 0,
            "feedback_how": "Terugkoppeling per mail binnen twee weken." if i % 3 else "",
        }
        for i in range(referrals)
    ]
    document["follow_up"] = {
        "kartrekker": "p-1",
        "werkgroep": ["p-1", "p-2", "s-3"],
        "next_meeting": "2026-05-14",
        "evaluation": "2026-09-10",
        "funding": "Gemeente en zorgverzekeraar.",
    }
    check_document(document)
    return document
