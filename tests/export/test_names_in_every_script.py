"""Every name prints, in every script: the names corpus plan gives each name back as text, draws
no character as an empty .notdef box, puts Arabic and Hebrew words in reading order, sets
Chinese, Japanese and Korean in the Noto subsets, and a Latin-only plan stays in DejaVu alone.

What "gives the name back" means. Text extraction returns what is drawn: Arabic letters in the
joined forms (presentation forms, U+FB50–FEFF) they were drawn in. Both pypdf and poppler's
pdftotext put right-to-left text back in logical (typed) order themselves; pdftotext marks it
with embedding controls. So a name is back when the page's extracted text, NFKC-normalised (which
folds each joined form into the letter that was typed, and the lam-alef ligature into its two
letters), without bidi controls (U+202A–202E, U+2066–2069) and with runs of white space made one
space, contains the name as typed (NFC). Arabic vowel marks (harakat) are not drawn, so they
are left out of the name before comparing.
"""

from __future__ import annotations

import io
import re
import subprocess
import threading
import unicodedata
from typing import Any

import pytest
from pypdf import PdfReader
from reportlab import rl_config
from reportlab.graphics.shapes import Group, String
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from tests.export.names_corpus import NAMES, RIGHT_TO_LEFT, THEME, TITLE, names_corpus_document
from tests.export.pdf_glyphs import drawn_glyphs
from worksession.domain.plan import fingerprint, plan_snapshot
from worksession.export.pdf.cells import OnceWrapped, cell
from worksession.export.pdf.fonts import REGULAR, glyph_map, register_fonts
from worksession.export.pdf.payload import PlanPayload
from worksession.export.pdf.plan import render_plan
from worksession.export.pdf.scripts import REPLACEMENT, Run, dejavu_chars, is_plain, runs, visual
from worksession.export.pdf.strings import label
from worksession.export.pdf.styles import stylesheet
from worksession.export.pdf.text import ReadingOrderParagraph, user_markup
from worksession.export.pdf.verify import verify_plan
from worksession.programmes.library import load_library
from worksession.workflows.demo import demo_document

BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
HARAKAT = re.compile("[\u064b-\u065f\u0670]")


def _payload(document: dict[str, Any]) -> PlanPayload:
    snapshot = plan_snapshot(document, 1)
    return PlanPayload(snapshot=snapshot, sha256=fingerprint(snapshot), signed_off=False)


def _demo() -> dict[str, Any]:
    return demo_document(load_library())


@pytest.fixture(scope="module")
def corpus_pdf() -> bytes:
    return render_plan(_payload(names_corpus_document(_demo())))


def readable(extracted: str) -> str:
    """Extracted text the way the module docstring defines "back"."""
    text = BIDI_CONTROLS.sub("", unicodedata.normalize("NFKC", extracted))
    return " ".join(text.split())


def typed(name: str) -> str:
    return " ".join(HARAKAT.sub("", unicodedata.normalize("NFC", name)).split())


def _attendance_page(data: bytes) -> int:
    reader = PdfReader(io.BytesIO(data))
    (section,) = [item for item in reader.outline if getattr(item, "title", "") == "Presentielijst"]
    index = reader.get_destination_page_number(section)
    assert "Presentielijst" in reader.pages[index].extract_text()
    return index


def test_pypdf_gives_every_name_back_from_the_attendance_page(corpus_pdf: bytes) -> None:
    page = PdfReader(io.BytesIO(corpus_pdf)).pages[_attendance_page(corpus_pdf)]
    text = readable(page.extract_text())
    missing = [f"{name.script}: {name.text}" for name in NAMES if typed(name.text) not in text]
    assert missing == []


def test_pdftotext_gives_every_name_back(corpus_pdf: bytes, tmp_path: Any) -> None:
    path = tmp_path / "corpus.pdf"
    path.write_bytes(corpus_pdf)
    number = str(_attendance_page(corpus_pdf) + 1)
    done = subprocess.run(
        ["pdftotext", "-f", number, "-l", number, "-enc", "UTF-8", str(path), "-"],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    text = readable(done.stdout)
    assert [name.text for name in NAMES if typed(name.text) not in text] == []


def test_right_to_left_names_are_drawn_in_reading_order() -> None:
    # Drawn left to right, an Arabic name's first word must be the rightmost: the bug was each
    # word joined and reversed but the words left in typed order.
    for name in (name for name in NAMES if name.script in RIGHT_TO_LEFT):
        drawn_words = visual(name.text).split()
        assert [readable(word[::-1]) for word in reversed(drawn_words)] == typed(name.text).split()


def test_a_right_to_left_name_that_wraps_reads_from_its_first_line_on() -> None:
    # A paragraph breaking the visual line would put the name's last words on its first line.
    name = "فاطمة الزهراء بنت محمد بن عبد الرحمن الأنصاري"
    paragraph = cell(name, stylesheet()["Cell"], 110)
    assert isinstance(paragraph, ReadingOrderParagraph)
    paragraph.wrap(110, 1000)
    lines = paragraph.text.split("<br/>")
    assert len(lines) >= 2
    typed_order = [readable(line[::-1]) for line in lines]  # each line is wholly right to left
    assert " ".join(typed_order) == name


def test_no_character_of_the_corpus_plan_is_drawn_as_notdef(corpus_pdf: bytes) -> None:
    drawn = drawn_glyphs(corpus_pdf)
    assert [d for d in drawn if d.glyph == 0] == []
    fonts = {d.font.split("+")[-1] for d in drawn}
    assert {"NotoSansSC-Regular", "NotoSansKR-Regular"} <= fonts
    # Every letter of every name was drawn (Arabic in its joined forms).
    shown = set(readable("".join(d.char for d in drawn)))
    for name in NAMES:
        assert set(typed(name.text).replace(" ", "")) <= shown, name


def test_the_notdef_check_finds_a_box() -> None:
    # The way a Chinese name was drawn before: straight into DejaVu, which has no hanzi.
    register_fonts()
    buffer = io.BytesIO()
    canvas = Canvas(buffer, invariant=1)
    canvas.setFont(REGULAR, 10)
    canvas.drawString(72, 720, "Li 李伟")
    canvas.save()
    assert sum(d.glyph == 0 for d in drawn_glyphs(buffer.getvalue())) == 2


@pytest.mark.parametrize("name", NAMES, ids=[name.script for name in NAMES])
def test_every_run_is_in_a_font_with_every_character(name: Any) -> None:
    for run in runs(name.text):
        available = dejavu_chars() if run.font is None else set(glyph_map(run.font))
        assert all(ord(char) in available or char.isspace() for char in run.text), run


def test_cjk_names_are_one_run_in_their_font() -> None:
    assert runs("佐藤 花子") == [Run("佐藤", "NotoSansSC"), Run(" "), Run("花子", "NotoSansSC")]
    assert runs("マリア・ゴンザレス") == [Run("マリア・ゴンザレス", "NotoSansSC")]
    assert runs("김민준") == [Run("김민준", "NotoSansKR")]
    assert runs("Li Wei (李伟)") == [Run("Li Wei ("), Run("李伟", "NotoSansSC"), Run(")")]


def test_a_character_no_font_has_prints_as_a_visible_replacement() -> None:
    assert runs("Ana 🙂 𓀀") == [Run(f"Ana {REPLACEMENT} {REPLACEMENT}")]
    document = _demo()
    document["participants"][0]["name"] = "Ana 🙂 Silva"
    data = render_plan(_payload(document))
    assert [d for d in drawn_glyphs(data) if d.glyph == 0] == []
    pages = PdfReader(io.BytesIO(data)).pages
    assert any(f"Ana {REPLACEMENT} Silva" in readable(page.extract_text()) for page in pages)


def test_invisible_direction_marks_are_dropped_and_composed_text_is_composed() -> None:
    assert runs("\u200fAmal\u200e") == [Run("Amal")]
    assert runs("Zoe\u0308") == [Run("Zoë")]


def test_names_in_dejavu_scripts_are_plain_and_print_as_before() -> None:
    latin = [name.text for name in NAMES if name.script not in RIGHT_TO_LEFT][:5]
    latin += [name.text for name in NAMES if "'" in name.text or "-" in name.text]
    for text in latin:
        assert is_plain(text) and runs(text) == [Run(text)]
        assert user_markup(text) == text  # the markup a plan had before the fallbacks
    assert not any(is_plain(name.text) for name in NAMES if name.script in RIGHT_TO_LEFT)


def test_a_table_cell_with_a_fallback_run_is_a_paragraph_and_latin_stays_a_string() -> None:
    style = stylesheet()["Cell"]
    assert cell("Łukasz Wróblewski", style, 120) == "Łukasz Wróblewski"
    chinese = cell("李伟", style, 120)
    assert isinstance(chinese, OnceWrapped)
    assert '<font face="NotoSansSC">李伟</font>' in chinese.text
    assert isinstance(cell("יעל כהן", style, 120), ReadingOrderParagraph)


def test_a_drawing_label_is_split_into_strings_that_end_at_its_anchor() -> None:
    plain = label(100, 10, "Welzijn", fontName=REGULAR, fontSize=8, textAnchor="end")
    assert isinstance(plain, String) and plain.text == "Welzijn"
    mixed = label(100, 10, THEME, fontName=REGULAR, fontSize=8, textAnchor="end")
    assert isinstance(mixed, Group)
    strings = mixed.contents
    assert [s.fontName for s in strings] == [REGULAR, "NotoSansKR", REGULAR, "NotoSansSC"]
    last = strings[-1]
    assert last.x + stringWidth(last.text, last.fontName, 8) == pytest.approx(100)


def test_the_page_header_prints_a_title_in_several_scripts(corpus_pdf: bytes) -> None:
    second = PdfReader(io.BytesIO(corpus_pdf)).pages[1].extract_text()
    assert typed(TITLE) in readable(second)


def test_a_latin_only_plan_uses_dejavu_alone_and_loads_no_fallback_font() -> None:
    # In a fresh interpreter: fonts are registered once per process.
    script = (
        "import io; from pypdf import PdfReader;"
        "from tests.export.test_names_in_every_script import _demo, _payload;"
        "from worksession.export.pdf.fonts import FALLBACKS, is_registered;"
        "from worksession.export.pdf.plan import render_plan;"
        "data = render_plan(_payload(_demo()));"
        "fonts = {str(f.get_object()['/BaseFont']) for p in PdfReader(io.BytesIO(data)).pages"
        " for f in p['/Resources']['/Font'].values()};"
        "print(sorted(fonts), [n for n in FALLBACKS if is_registered(n)])"
    )
    import sys

    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "['/AAAAAA+DejaVuSans', '/AAAAAA+DejaVuSans-Bold'] []"


def test_a_latin_only_plan_has_the_same_bytes_after_a_plan_loaded_the_fallbacks() -> None:
    before = render_plan(_payload(_demo()))
    render_plan(_payload(names_corpus_document(_demo())))
    assert render_plan(_payload(_demo())) == before


def test_plans_rendered_from_several_threads_are_the_plans_rendered_one_by_one() -> None:
    payloads = [_payload(_demo()), _payload(names_corpus_document(_demo()))]
    expected = [render_plan(payload) for payload in payloads]
    settings = rl_config.invariant, rl_config.canvas_basefontname
    results: dict[int, bytes] = {}
    errors: list[BaseException] = []

    def work(index: int) -> None:
        try:
            results[index] = render_plan(payloads[index % 2])
        except BaseException as error:  # reported below, in the test's own thread
            errors.append(error)

    threads = [threading.Thread(target=work, args=(index,)) for index in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert all(results[index] == expected[index % 2] for index in range(6))
    # Each render put reportlab's process-wide settings back; none was left set by a race.
    assert (rl_config.invariant, rl_config.canvas_basefontname) == settings


def test_the_names_corpus_plan_verifies(corpus_pdf: bytes) -> None:
    # verify renders the plan again and compares bytes: the fallbacks are as reproducible.
    assert verify_plan(corpus_pdf).ok
