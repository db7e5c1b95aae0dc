"""The *wie is wie* and the factsheet for the huisarts as PDFs: what they print (pypdf text),
e-mail only with the tick, names in every script with real glyphs, the same bytes for the same
sheet, and both drawn at once from several threads."""

from __future__ import annotations

import io
from concurrent.futures import ThreadPoolExecutor
from typing import Any, cast

import pytest
from pypdf import PdfReader

from tests.export.names_corpus import NAMES
from tests.export.pdf_glyphs import drawn_glyphs
from tests.export.people_documents import CATALOGUE, people_document
from worksession.domain.factsheet import factsheet
from worksession.domain.interchange import Document
from worksession.domain.who_is_who import who_is_who
from worksession.export.pdf.factsheet import factsheet_pdf
from worksession.export.pdf.who_is_who import who_is_who_pdf
from worksession.i18n import speaking


def _text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def _flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def who_is_who_text() -> str:
    with speaking("nl"):
        return _text(who_is_who_pdf(who_is_who(cast(Document, people_document()))))


def test_the_wie_is_wie_names_everyone_with_what_to_call_them_for(who_is_who_text: str) -> None:
    text = _flat(who_is_who_text)
    assert "Wie is wie Samen gezond oud worden in Kaalheide" in text  # after the footer
    for words in (
        "Bel mij voor",
        "GGD Zuid-Limburg",
        "Lotte Dassen",
        "epidemioloog",
        "cijfers over de wijk en wat bewezen werkt",
        "Marieke Hermans",
        "Inwoners",
        "Mia Lenssen",
    ):
        assert words in text
    assert "Sanne Vliegen" not in text  # she declined


def test_the_wie_is_wie_shows_an_email_only_with_the_tick(who_is_who_text: str) -> None:
    assert "lotte.dassen@ggdzl.invalid" in who_is_who_text  # ticked
    assert "w.pelzer@welzijnkerkrade.invalid" in who_is_who_text  # not broken with a hyphen
    assert "hpkaalheide" not in who_is_who_text  # the practice did not tick
    assert "@example.nl" not in who_is_who_text  # nor did the inwoners


def test_names_in_every_script_print_with_real_glyphs() -> None:
    document = people_document()
    for participant, name in zip(document["participants"], NAMES, strict=False):
        participant["name"] = name.text
        participant["call_for"] = f"{name.text}: {participant['call_for']}"
    data = who_is_who_pdf(who_is_who(cast(Document, document)))
    boxes = sorted({d.char for d in drawn_glyphs(data) if d.glyph == 0 and not d.char.isspace()})
    assert boxes == []
    assert "Наталья Иванова" in _text(data) and "王芳" in _text(data)


def test_a_long_list_repeats_the_column_heads_and_never_ends_a_page_on_a_band() -> None:
    document = people_document()
    template = document["participants"][0]
    for number in range(70):
        person = dict(template, key=f"p-many-{number}", name=f"Persoon {number:02d}")
        person["organisation"] = f"Organisatie {number // 2:02d}"  # two people each
        document["participants"].append(person)
    with speaking("nl"):
        sheet = who_is_who(cast(Document, document))
        pages = [page.extract_text() for page in PdfReader(io.BytesIO(who_is_who_pdf(sheet))).pages]
    assert len(pages) > 2
    titles = {group.title for group in sheet.groups}
    for text in pages:
        assert "Naam en rol" in text and "Bel mij voor" in text
        assert text.strip().splitlines()[-1] not in titles  # a band goes with its first person


def test_the_same_sheet_gives_the_same_bytes() -> None:
    sheet = who_is_who(cast(Document, people_document()))
    assert who_is_who_pdf(sheet) == who_is_who_pdf(sheet)
    fact = factsheet(cast(Document, people_document()), "s-ggd", CATALOGUE)
    assert factsheet_pdf(fact) == factsheet_pdf(fact)


def test_the_factsheet_of_the_ggd_on_one_page() -> None:
    with speaking("nl"):
        data = factsheet_pdf(factsheet(cast(Document, people_document()), "s-ggd", CATALOGUE))
    reader = PdfReader(io.BytesIO(data))
    assert len(reader.pages) == 1
    text = _flat(_text(data))
    for words in (
        "Factsheet voor de huisarts",
        "GGD Zuid-Limburg",
        "Wat wij voor uw praktijk kunnen betekenen",
        "Publieke gezondheid",
        "Wijkgezondheidsprofiel / ROS-wijkscan",
        "Cijfers over de gezondheid van de wijk",
        "Eenzaamheid, Bewegen en sporten",
        "Levert wijkcijfers uit de Gezondheidsmonitor",
        "Lotte Dassen – epidemioloog",
        "Bel mij voor: cijfers over de wijk",
        "lotte.dassen@ggdzl.invalid",
        "Kaalheide, Kerkrade · 12-03-2026",
    ):
        assert words in text


def test_the_factsheet_without_the_tick_has_no_email_and_says_what_is_missing() -> None:
    document: dict[str, Any] = people_document()
    for participant in document["participants"]:
        participant["share_email"] = False
    ggd = next(s for s in document["stakeholders"] if s["key"] == "s-ggd")
    ggd["offer"], ggd["offers"] = "", []
    with speaking("nl"):
        text = _flat(_text(factsheet_pdf(factsheet(cast(Document, document), "s-ggd"))))
    assert "@" not in text and "Lotte Dassen" in text
    assert "Er is nog geen aanbod vastgelegd" in text
    with speaking("nl"):
        lone = _flat(_text(factsheet_pdf(factsheet(cast(Document, document), "s-apotheek"))))
    assert "Nog geen contactpersoon gekoppeld" in lone


def test_both_sheets_drawn_from_several_threads_come_out_whole() -> None:
    document = cast(Document, people_document())
    people, ggd = who_is_who(document), factsheet(document, "s-ggd", CATALOGUE)
    alone = [who_is_who_pdf(people), factsheet_pdf(ggd)]

    def draw(index: int) -> bytes:
        return who_is_who_pdf(people) if index % 2 == 0 else factsheet_pdf(ggd)

    with ThreadPoolExecutor(max_workers=4) as pool:
        drawn = list(pool.map(draw, range(8)))
    assert drawn == [alone[index % 2] for index in range(8)]
