"""Pasting or importing a list of participants: separators, headers, domains, errors by line."""

from __future__ import annotations

import pytest

from worksession.domain.people_import import parse_people
from worksession.domain.validation import ValidationError


def test_dutch_excel_with_a_header_and_semicolons() -> None:
    text = (
        "Naam;Organisatie;Functie;E-mail;Domein\n"
        "Marieke Hermans;Huisartsenpraktijk;huisarts;m.hermans@example.nl;Eerstelijnszorg\n"
        "\n"
        "Jan Houben;;inwoner;;inwoners\n"
    )
    people = parse_people(text)
    assert [p["name"] for p in people] == ["Marieke Hermans", "Jan Houben"]
    assert people[0]["role"] == "huisarts" and people[0]["domain"] == "primary_care"
    assert people[1]["domain"] == "residents" and "email" not in people[1]


def test_quotes_doubled_inside_a_quoted_cell_keep_the_columns_in_place() -> None:
    # Excel writes a quote inside a cell as two; a header without quotes must not make the
    # reader take them for the end of the cell.
    text = 'Naam;Organisatie;Functie\nAnna de Vries;"Stichting ""Samen"" Kaalheide";welzijn\n'
    people = parse_people(text)
    assert people[0]["organisation"] == 'Stichting "Samen" Kaalheide'
    assert people[0]["role"] == "welzijn"


def test_a_pasted_column_of_names_without_header() -> None:
    assert [p["name"] for p in parse_people("Anna\nBram\n")] == ["Anna", "Bram"]


def test_tabs_from_a_spreadsheet_paste_follow_the_default_order() -> None:
    (person,) = parse_people("Tom Schoonbrood\tFysiotherapie\tfysiotherapeut\tt@example.nl")
    assert person == {
        "name": "Tom Schoonbrood",
        "organisation": "Fysiotherapie",
        "role": "fysiotherapeut",
        "email": "t@example.nl",
    }


def test_a_line_without_a_name_is_named_by_its_number() -> None:
    with pytest.raises(ValidationError) as caught:
        parse_people("naam,rol\nAnna,huisarts\n,poh\n")
    assert caught.value.path == "line 3"
    # The column as the window names it, not the field's path (tests run in Dutch).
    assert caught.value.message.startswith("Naam:")


def test_an_unknown_domain_is_refused() -> None:
    with pytest.raises(ValidationError) as caught:
        parse_people("naam;domein\nAnna;ruimtevaart\n")
    assert caught.value.path == "line 2" and caught.value.message.startswith("Domein:")


def test_a_pasted_registration_number_of_no_plain_form_is_named_by_its_line() -> None:
    with pytest.raises(ValidationError) as caught:
        parse_people("naam;big\nAnna;01234567890\nBram;zie mail\n")
    assert caught.value.path == "line 3"
    assert "'zie mail'" in caught.value.message
    (anna,) = parse_people("naam;big\nAnna;01234567890\n")
    assert anna["registration"] == "01234567890"  # text: the zero stays
