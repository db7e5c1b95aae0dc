"""The plan as a document readers act on: numbered agreements, an at-a-glance page that wraps,
no word broken without a hyphen, a contents list and bookmarks that land on their sections, and
"Vervolg en borging" as a section of its own."""

from __future__ import annotations

import copy
import io
import itertools
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from worksession.domain.agreement_numbers import agreement_groups, agreement_numbers
from worksession.domain.plan import fingerprint, plan_snapshot
from worksession.domain.values import AgreementStatus
from worksession.export.pdf.fonts import REGULAR, register_fonts
from worksession.export.pdf.hyphenation import SOFT_HYPHEN, breakable
from worksession.export.pdf.plan import PlanPayload, render_plan
from worksession.export.pdf.sections import GLANCE_CHARS, _first_sentence
from worksession.programmes.library import load_library
from worksession.workflows.demo import demo_document, large_document

COMPOUNDS = [
    "wijkgezondheidsprofiel",
    "praktijkondersteuner",
    "ouderenwerkconsulent",
    "samenwerkingsafspraken",
]


def _render(document: dict[str, Any]) -> bytes:
    snapshot = plan_snapshot(document, 1)
    return render_plan(PlanPayload(snapshot, fingerprint(snapshot), signed_off=False))


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def _joined(text: str) -> str:
    """Words hyphenated at a line end made whole again (the demo has no hyphen of its own
    at a line end)."""
    return re.sub(r"(\w)-\n(\w)", r"\1\2", text)


@pytest.fixture(scope="module")
def demo() -> dict[str, Any]:
    return demo_document(load_library())


@pytest.fixture(scope="module")
def demo_reader(demo: dict[str, Any]) -> PdfReader:
    return PdfReader(io.BytesIO(_render(demo)))


def _outline(reader: PdfReader) -> list[tuple[str, int, int]]:
    """(title, page index, level) of every bookmark, in order."""
    found: list[tuple[str, int, int]] = []

    def walk(items: list[Any], level: int) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item, level + 1)
            else:
                page = reader.get_destination_page_number(item)
                assert page is not None
                found.append((item.title, page, level))

    walk(reader.outline, 0)
    return found


def _section_pages(reader: PdfReader, title: str) -> str:
    """The text of the pages from the section's bookmark up to the next section's."""
    top = [(name, page) for name, page, level in _outline(reader) if level == 0]
    index = [name for name, _page in top].index(title)
    first = top[index][1]
    last = top[index + 1][1] if index + 1 < len(top) else len(reader.pages) - 1
    return "\n".join(reader.pages[n].extract_text() for n in range(first, last + 1))


def test_agreements_are_numbered_in_print_order_by_theme_and_due_date(
    demo: dict[str, Any], demo_reader: PdfReader
) -> None:
    snapshot = plan_snapshot(demo, 1)
    numbers = agreement_numbers(snapshot["themes"], snapshot["agreements"])
    text = _section_pages(demo_reader, "Samenwerkingsafspraken")
    printed = [int(n) for n in re.findall(r"^A(\d+)$", text, flags=re.MULTILINE)]
    assert printed == list(range(1, len(snapshot["agreements"]) + 1))
    flat = _flat(text)
    for agreement in snapshot["agreements"]:
        assert f"{numbers[agreement['key']]} {_flat(agreement['what'])[:40]}" in flat
    # Within each theme the dates only go forward.
    for _theme, group in agreement_groups(snapshot["themes"], snapshot["agreements"]):
        dates = [a["due"] for a in group if a["due"]]
        assert dates == sorted(dates)


def test_at_a_glance_is_one_page_with_number_whole_words_lead_partners_and_status(
    demo: dict[str, Any], demo_reader: PdfReader
) -> None:
    snapshot = plan_snapshot(demo, 1)
    pages = {name: page for name, page, level in _outline(demo_reader) if level == 0}
    assert pages["Context"] == pages["In één oogopslag"] + 1  # one page
    flat = _flat(_joined(demo_reader.pages[pages["In één oogopslag"]].extract_text()))
    numbers = agreement_numbers(snapshot["themes"], snapshot["agreements"])
    names = {p["key"]: p["name"] for p in snapshot["participants"] + snapshot["stakeholders"]}
    for agreement in snapshot["agreements"]:
        shown = _first_sentence(agreement["what"])
        assert f"{numbers[agreement['key']]} {_flat(shown)}" in flat
        assert names[agreement["lead"]] in flat
        for partner in agreement["partners"]:
            assert names[partner] in flat
        assert AgreementStatus(agreement["status"]).label in flat
    assert re.search(r"\w…", flat) is None  # nothing cut off inside a word


def test_the_first_sentence_is_shortened_between_words_only() -> None:
    long = " ".join(["samenwerkingsafspraken"] * 20) + ". En verder."
    shown = _first_sentence(long)
    assert shown.endswith(" …") and len(shown) <= GLANCE_CHARS + 2
    assert long.startswith(shown.removesuffix(" …") + " ")
    assert _first_sentence("Kort. Lang verhaal.") == "Kort"


def test_long_dutch_words_in_narrow_columns_break_only_with_a_hyphen(
    demo: dict[str, Any],
) -> None:
    document = copy.deepcopy(demo)
    placed = 0
    for index, stakeholder in enumerate(document["stakeholders"]):
        word = COMPOUNDS[index % len(COMPOUNDS)]
        stakeholder["role"] = f"{word} en {COMPOUNDS[(index + 1) % len(COMPOUNDS)]}"
        stakeholder["name"] = f"{word.capitalize()} {index}"
        placed += 3
    for index, person in enumerate(document["participants"]):
        person["role"] = COMPOUNDS[index % len(COMPOUNDS)]
        person["registration"] = COMPOUNDS[(index + 2) % len(COMPOUNDS)]
        placed += 2
    raw = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(_render(document))).pages)
    joined = re.sub(r"-\n", "", raw)  # a line ending in a hyphen continues the word
    unbroken = re.sub(r"\s+", "", joined)  # where a word broken without a hyphen is whole too
    assert re.search(r"[a-z]-\n[a-z]", raw), "the columns are narrow enough to break words"
    total = 0
    for word in COMPOUNDS:
        for form in (word, word.capitalize()):
            assert joined.count(form) == unbroken.count(form), f"{form} broken without hyphen"
            total += joined.count(form)
    assert total >= placed


def test_a_word_that_fits_its_column_is_left_alone() -> None:
    font = register_fonts()
    assert breakable("Marieke Hermans", font, 8, 60).text == "Marieke Hermans"
    assert breakable("Zuid-Limburg en Kerkrade", font, 8, 40).at_hyphens
    assert SOFT_HYPHEN not in breakable("Zuid-Limburg en Kerkrade", font, 8, 40).text


@settings(max_examples=60, deadline=None)
@given(
    word=st.text(alphabet="abcdefghijklmnopqrstuvwxyzéëïü", min_size=6, max_size=60),
    room=st.floats(min_value=20, max_value=120),
)
def test_every_piece_of_a_too_wide_word_fits_with_its_hyphen(word: str, room: float) -> None:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    register_fonts()
    text = breakable(word, REGULAR, 8, room).text
    assert text.replace(SOFT_HYPHEN, "") == word
    if stringWidth(word, REGULAR, 8) > room:
        for piece in text.split(SOFT_HYPHEN):
            assert stringWidth(piece + "-", REGULAR, 8) <= room


# Sections that follow the one before on its page rather than starting a page of their own.
FOLLOW_ON = {"Vervolg en borging", "Vaststelling"}


@pytest.mark.parametrize("which", ["demo", "large"])
def test_contents_and_bookmarks_point_to_the_page_each_section_starts_on(
    which: str, demo: dict[str, Any]
) -> None:
    reader = PdfReader(io.BytesIO(_render(demo if which == "demo" else large_document())))
    outline = _outline(reader)
    assert len({page for _title, page, _level in outline}) > 5  # not all on one page
    for title, page, level in outline:
        lines = [line.strip() for line in reader.pages[page].extract_text().splitlines()]
        assert title in lines, f"{title!r} is not on page {page + 1}"
        if level == 0 and title not in FOLLOW_ON:
            assert lines[0] == title  # the section starts the page
    contents = reader.pages[0].extract_text()
    top = [(title, page) for title, page, level in outline if level == 0]
    listed = re.findall(r"^(.+)\n(\d+)$", contents.split("Inhoud", 1)[1], flags=re.MULTILINE)
    assert [(title, int(number)) for title, number in listed] == [
        (title, page + 1) for title, page in top
    ]


def test_follow_up_is_a_section_of_its_own(demo_reader: PdfReader) -> None:
    top = [title for title, _page, level in _outline(demo_reader) if level == 0]
    assert top.index("Vervolg en borging") == top.index("Samenwerkingsafspraken") + 1
    text = _section_pages(demo_reader, "Vervolg en borging")
    assert "Kartrekker:" in text and "Werkgroep:" in text and "Financiering:" in text


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [text for item in value.values() for text in _strings(item)]
    if isinstance(value, list):
        return [text for item in value for text in _strings(item)]
    return []


def _dutch_catalog() -> list[str]:
    from babel.messages.pofile import read_po

    path = Path(__file__).parents[2] / "resources/translations/nl/LC_MESSAGES/worksession.po"
    with path.open("rb") as po:
        catalog = read_po(po)
    return [
        text
        for message in catalog
        for text in (message.string if isinstance(message.string, tuple) else [message.string])
        if text
    ]


def _hyphenated_joined(lines: list[list[str]]) -> list[list[str]]:
    """Lines with a word hyphenated at their end made whole with the start of the next line."""
    result: list[list[str]] = []
    for tokens in lines:
        if not tokens:
            continue
        if result and result[-1][-1].endswith("-") and result[-1][-1][-2:-1].isalpha():
            head = result.pop()
            tokens = [*head[:-1], head[-1][:-1] + tokens[0], *tokens[1:]]
        result.append(tokens)
    return result


def _core(token: str) -> str:
    return re.sub(r"^\W+|\W+$", "", token)


@pytest.mark.parametrize("which", ["demo", "large"])
def test_no_line_of_a_plan_ends_inside_a_word_without_a_hyphen(
    which: str, demo: dict[str, Any]
) -> None:
    document = demo if which == "demo" else large_document()
    pages = PdfReader(io.BytesIO(_render(document))).pages
    lines = _hyphenated_joined(
        [line.split() for page in pages for line in page.extract_text().splitlines()]
    )
    # Whole words: those typed into the plan, the app's own Dutch words, and those the plan
    # prints inside a line.
    words = {_core(token) for text in _strings(document) for token in text.split()}
    words |= {_core(token) for text in _dutch_catalog() for token in text.split()}
    words |= {_core(token) for tokens in lines for token in tokens[1:-1]}
    for tokens, following in itertools.pairwise(lines):
        last = tokens[-1]
        if last.endswith(("-", "…")) or re.search(r"\d", last):
            continue  # a word of its own with a hyphen, a name shortened on the kaart, a date
        assert _core(last) in words, f"{last!r} is cut"
        assert not re.match(r"[,.;:!?)]", following[0]), f"{last!r} / {following[0]!r}"
