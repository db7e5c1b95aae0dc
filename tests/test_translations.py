"""Dutch is the default language: every marked string is translated and the .mo is current."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

import pytest
from babel.messages.catalog import Message
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

from worksession.i18n import _, ngettext, set_language
from worksession.support.paths import resource_path

ROOT = Path(__file__).resolve().parents[1]
CATALOG = resource_path("translations", "nl", "LC_MESSAGES")
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2)}


def _marked_strings() -> set[str]:
    found = set()
    for _file, _line, message, _comments, _context in extract_from_dir(
        ROOT / "worksession", keywords=KEYWORDS, comment_tags=()
    ):
        found.add(message[0] if isinstance(message, tuple) else message)
    return found


def _entries(catalog: Iterable[Message]) -> dict[str, object]:
    """msgid (the singular for plurals) -> translation (a tuple for plurals)."""
    entries: dict[str, object] = {}
    for message in catalog:
        if not message.id:
            continue
        plural = isinstance(message.id, (list, tuple))
        key = message.id[0] if plural else message.id
        entries[key] = tuple(message.string) if plural else message.string
    return entries


def _catalog() -> dict[str, object]:
    with (CATALOG / "worksession.po").open("rb") as handle:
        return _entries(read_po(handle, locale="nl"))


def test_every_marked_string_has_a_dutch_translation() -> None:
    catalog = _catalog()
    missing = sorted(
        message
        for message in _marked_strings()
        if not catalog.get(message)
        or (isinstance(catalog[message], tuple) and not all(catalog[message]))  # type: ignore[arg-type]
    )
    assert missing == [], "run `make translations` and translate these"


def test_the_compiled_catalog_matches_the_po_file() -> None:
    catalog = _catalog()
    with (CATALOG / "worksession.mo").open("rb") as handle:
        compiled = _entries(read_mo(handle))
    assert compiled == catalog


def test_dutch_is_the_default_and_english_can_be_chosen() -> None:
    set_language("nl")
    assert _("Agreements ({count})") == "Samenwerkingsafspraken ({count})"
    set_language("en")
    assert _("Agreements ({count})") == "Agreements ({count})"
    set_language("xx")  # an unknown code falls back to Dutch
    assert _("draft") == "concept"


def test_a_missing_or_damaged_catalog_leaves_the_app_in_english(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import worksession.i18n as i18n

    folder = tmp_path / "nl" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    monkeypatch.setattr(i18n, "resource_path", lambda *parts: tmp_path.joinpath(*parts[1:]))
    set_language("nl")
    assert _("draft") == "draft"  # no file
    (folder / "worksession.mo").write_bytes(b"not a catalog")
    set_language("nl")
    assert _("draft") == "draft"  # a damaged file
    monkeypatch.undo()
    set_language("nl")
    assert _("draft") == "concept"


def test_plural_forms_come_from_the_catalog() -> None:
    set_language("nl")
    assert ngettext("{votes} vote", "{votes} votes", 1) == "{votes} stem"
    assert ngettext("{votes} vote", "{votes} votes", 3) == "{votes} stemmen"


# Words the Dutch UI shares with English: the method's own words, names, units and formats.
SAME_IN_DUTCH = {
    "&Help", "&Toolkit", "+1 min", "CONCEPT", "Casus", "Coach", "Context", "E-mail", "Gemeente",
    "Id", "Kartrekker", "Partners", "Partners…", "Samenwerken aan gezondheid in de wijk",
    "Sociale kaart", "Status", "Variant", "Werkgroep", "Wijk", "casus", "kartrekker", "null",
    "open", "variant", "werkgroep", "{method}.", "{method}; {voters}.", "{minutes} min",
    "{what} — trekker: {lead}",  # each agreement has its trekker; the plan one kartrekker
    "Status: {then_now}", "Trekker: {lead}",  # the review slide
    "{weekday} {day} {month} {year}",  # "maandag 12 januari 2027": the order is the same
    "BIG", "KNGF", "V&VN", "KABIZ", "Register",  # the registers' own names
    "NHG",  # who arranges an item of the timeline: its own name
    "{name} ({status})",  # a name and its status in brackets, as Dutch writes it
}  # fmt: skip
# English words that have no place in a Dutch sentence ("Ter review" was one).
ENGLISH = re.compile(r"\b(review|the|and|with|save|saved|click|please|cancel|settings)\b", re.I)


def test_no_dutch_string_is_left_in_english() -> None:
    catalog = _catalog()
    same = sorted(
        message
        for message, translation in catalog.items()
        if translation == message and message not in SAME_IN_DUTCH
    )
    assert same == [], "translate these, or add them to SAME_IN_DUTCH if Dutch says it so"
    english = sorted(
        f"{message!r} -> {translation!r}"
        for message, translation in catalog.items()
        for text in (translation if isinstance(translation, tuple) else (translation,))
        if isinstance(text, str) and ENGLISH.search(re.sub(r"\{[^}]*\}", "", text))
    )
    assert english == []


def test_the_freeze_button_and_the_review_status_speak_dutch() -> None:
    set_language("nl")
    assert _("Freeze as a version for review") == "Vastleggen als versie ter akkoord"
    assert _("in review") == "ter akkoord"
