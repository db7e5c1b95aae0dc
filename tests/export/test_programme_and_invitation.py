"""The programme for the accreditation request (PDF, read back with pypdf) and the invitation
(text in Dutch and English; its calendar file is tested with the plan's, in test_calendar)."""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import replace

import pypdf
import pytest

from worksession.domain.document_types import InterchangeDocument
from worksession.export.invitation import invitation_text
from worksession.export.programme_sheet import ProgrammeSheet
from worksession.i18n import speaking
from worksession.programmes.library import load_library
from worksession.programmes.model import Library
from worksession.storage.database import Database
from worksession.storage.document import read_working_copy
from worksession.workflows.demo import create_demo_session
from worksession.workflows.programme_sheet import (
    programme_pdf_bytes,
    programme_sheet,
    session_sheet,
)


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library()


@pytest.fixture
def demo(db: Database, library: Library) -> tuple[InterchangeDocument, ProgrammeSheet]:
    session = create_demo_session(db=db, library=library)
    assert session.id is not None
    document, _status = read_working_copy(db=db, session_id=session.id)
    return document, session_sheet(document, library)


def _text(pdf: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    return "\n".join(page.extract_text() for page in reader.pages)


def test_the_programme_pdf_has_times_learning_goals_and_the_coach(library: Library) -> None:
    programme = library.programmes["samenwerken-in-de-wijk"]
    with speaking("nl"):
        sheet = programme_sheet(programme, start=dt.time(19, 0), coach="Marieke de Vries")
        pdf = programme_pdf_bytes(sheet)
    text = _text(pdf)
    assert "Programma met tijden" in text
    assert "19:00–19:15" in text and "Welkom & doel" in text  # the first part, timed
    assert "23:10–23:20" not in text  # the programme ends at 22:55
    assert "22:45–22:55" in text and "Evaluatie & afsluiting" in text
    assert "Coach: Marieke de Vries" in text
    assert "Leerdoelen" in text and "samenwerkingsafspraken, elk met één trekker" in text
    # Each part's learning goal is its step's purpose.
    assert "Samenwerken begint met elkaar kennen." in text
    # Accreditation counts the time without breaks (15 min Pauze): 3 h 40 min of 3 h 55 min.
    assert "3 u 55 min (235 minuten)" in text and "Zonder pauzes: 3 u 40 min" in text
    assert "Voor en na de sessie" in text and "Voorbereiding" in text
    assert programme_pdf_bytes(sheet) == pdf  # no clock in the file


def test_a_sessions_programme_pdf_is_its_own_copy_with_date_place_and_start(
    db: Database, demo: tuple[InterchangeDocument, ProgrammeSheet]
) -> None:
    _document, sheet = demo
    # The session's copy, not the toolkit's file: a part the coach renamed shows as renamed.
    steps = tuple(
        replace(step, title="Elkaar leren kennen") if step.title == "Kennismaking" else step
        for step in sheet.steps
    )
    with speaking("nl"):
        text = _text(programme_pdf_bytes(replace(sheet, steps=steps)))
    assert "Samen gezond oud worden in Kaalheide" in text
    assert "Datum: donderdag 12 maart 2026" in text
    assert "Tijd: 13:30–17:25" in text
    assert "Locatie: Buurthuis De Mijnlamp" in text
    assert "Coach: Hanneke Vos" in text
    assert "Elkaar leren kennen" in text and "Kennismaking" not in text
    assert "Accreditatie: aangevraagd voor huisartsen en praktijkmedewerkers" in text


def test_the_invitation_says_why_when_where_the_programme_and_accreditation(
    demo: tuple[InterchangeDocument, ProgrammeSheet],
) -> None:
    document, sheet = demo
    with speaking("nl"):
        text = invitation_text(document, sheet)
    assert text.startswith("Uitnodiging: Samen gezond oud worden in Kaalheide\n")
    assert "Waarom komen?" in text
    assert "We werken aan een herkenbare casus: Oud worden in een oude mijnwijk." in text
    assert "Onze ambitie: In 2030 wonen de ouderen van Kaalheide" in text
    assert "Wanneer: donderdag 12 maart 2026, 13:30–17:25" in text
    # The location names the wijk and gemeente already: not said twice.
    assert "Waar: Buurthuis De Mijnlamp, Kaalheide (Kerkrade)\n" in text
    assert "13:30–13:45  Welkom & doel" in text and "17:15–17:25  Evaluatie & afsluiting" in text
    assert "Voorbereiding" not in text  # outside the session itself
    assert "accreditatie aangevraagd" in text and "BIG" in text
    assert text.rstrip().endswith("Hanneke Vos")


def test_the_invitation_in_english_and_without_accreditation_or_start(
    demo: tuple[InterchangeDocument, ProgrammeSheet],
) -> None:
    document, sheet = demo
    plain = replace(sheet, accredited=False, start=None)
    with speaking("en"):
        text = invitation_text(document, plain)
    assert text.startswith("Invitation: Samen gezond oud worden in Kaalheide\n")
    assert "Why come?" in text and "Our ambition: " in text
    assert "When: Thursday 12 March 2026\n" in text  # no start: no times
    assert "15 min  Welkom & doel" in text
    assert "ccreditation" not in text
    assert "Kind regards,\nHanneke Vos" in text


def test_a_session_without_date_place_or_programme_still_gets_an_invitation_and_a_pdf(
    db: Database,
) -> None:
    from worksession.storage.operations.sessions import create_session

    session = create_session(db=db, title="Werksessie zonder datum")
    assert session.id is not None
    document, _status = read_working_copy(db=db, session_id=session.id)
    sheet = session_sheet(document, load_library())
    with speaking("nl"):
        text = invitation_text(document, sheet)
        pdf = programme_pdf_bytes(sheet)
    assert text.startswith("Uitnodiging: Werksessie zonder datum\n")
    assert "Wanneer:" not in text and "Waar:" not in text and "Programma" not in text
    assert "\n\n\n" not in text  # what is left out leaves no gap
    assert "Werksessie zonder datum" in _text(pdf)
