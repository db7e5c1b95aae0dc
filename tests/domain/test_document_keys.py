"""Names and titles by key: everyone who can be named, and every theme, in document order."""

from __future__ import annotations

from worksession.domain.document_keys import people_by_key, theme_titles
from worksession.domain.document_types import InterchangeDocument


def _document() -> InterchangeDocument:
    return {
        "format": "worksession/1",
        "session": {"title": "Kaalheide"},
        "participants": [
            {"key": "p-an", "name": "An de Vries"},
            {"key": "p-bo", "name": "Bo Jansen"},
        ],
        "stakeholders": [{"key": "s-ggd", "name": "GGD Zuid-Limburg", "participant": "p-an"}],
        "themes": [
            {"key": "t-eenzaam", "title": "Eenzaamheid"},
            {"key": "t-bewegen", "title": "Bewegen"},
        ],
    }


def test_people_are_participants_then_stakeholders() -> None:
    assert list(people_by_key(_document()).items()) == [
        ("p-an", "An de Vries"),
        ("p-bo", "Bo Jansen"),
        ("s-ggd", "GGD Zuid-Limburg"),
    ]


def test_theme_titles_in_document_order() -> None:
    assert list(theme_titles(_document()).items()) == [
        ("t-eenzaam", "Eenzaamheid"),
        ("t-bewegen", "Bewegen"),
    ]


def test_a_document_without_people_or_themes_has_none() -> None:
    empty: InterchangeDocument = {"format": "worksession/1", "session": {"title": "Leeg"}}
    assert people_by_key(empty) == {}
    assert theme_titles(empty) == {}
