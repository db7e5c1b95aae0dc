"""The plan preview: page 1 first, the rest drawn in the background, fitting the pane."""

from __future__ import annotations

import io
import math

import shiboken6
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from worksession.i18n import _
from worksession.ui.session.packed_page import PackedPage
from worksession.ui.session.pdf_preview import MIN_SCALE, PREVIEW_SCALE, PdfPreview, page


def _pdf(pages: int) -> bytes:
    """A PDF whose page N is filled black up to a height that grows with N."""
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=A4)
    for number in range(pages):
        canvas.rect(0, 0, A4[0], 20 * (number + 1), stroke=0, fill=1)
        canvas.showPage()
    canvas.save()
    return out.getvalue()


def _preview(qtbot: QtBot, width: int = 900) -> PdfPreview:
    """A preview on screen, wide enough for pages at their sharpest unless told otherwise."""
    preview = PdfPreview()
    qtbot.addWidget(preview)
    preview.resize(width, 700)
    preview.show()
    qtbot.waitExposed(preview)
    return preview


def _black_rows(preview: PdfPreview, index: int) -> int:
    image = preview.page_image(index)
    assert image is not None, f"page {index + 1} is not drawn"
    x = image.width() // 2
    return sum(image.pixelColor(x, y) == QColor("black") for y in range(image.height()))


def _shown(qtbot: QtBot, preview: PdfPreview, data: bytes) -> list[str]:
    """Show ``data`` and wait until nothing is left to draw; what happened, in order."""
    events: list[str] = []
    preview.first_page_shown.connect(lambda: events.append("first"))
    preview.page_ready.connect(lambda index: events.append(f"page {index}"))
    with qtbot.waitSignal(preview.filled, timeout=20000):
        preview.show_pdf(data)
    return events


def test_the_first_page_is_shown_before_the_others_are_drawn(qtbot: QtBot) -> None:
    preview = _preview(qtbot)
    events: list[tuple[str, int, list[int]]] = []
    preview.first_page_shown.connect(
        lambda: events.append(("first", len(preview.pages), preview.drawing()))
    )
    preview.page_ready.connect(lambda index: events.append(("page", index, preview.drawing())))
    with qtbot.waitSignal(preview.filled, timeout=20000):
        preview.show_pdf(_pdf(PdfPreview.KEPT_PAGES + 3))
    # Page 1 is on screen (every page has its place) while the pages after it are still to be
    # drawn in the background; then they come one by one, in reading order.
    later = list(range(1, PdfPreview.DRAWN_AHEAD))
    assert events[0] == ("first", PdfPreview.KEPT_PAGES + 3, later)
    assert events[1:] == [("page", index, later[n + 1 :]) for n, index in enumerate(later)]
    assert sorted(preview.kept_pages()) == list(range(PdfPreview.DRAWN_AHEAD))


def test_every_page_has_its_place_and_the_right_pixels(qtbot: QtBot) -> None:
    preview = _preview(qtbot)
    _shown(qtbot, preview, _pdf(3))
    assert len(preview.pages) == 3
    assert preview.pages[0].width() == math.ceil(A4[0] * PREVIEW_SCALE)
    first, third = _black_rows(preview, 0), _black_rows(preview, 2)
    assert first > 0
    assert third > 2 * first  # the right page's pixels in the right place
    shown = preview.pages[2].grab().toImage()
    x = shown.width() // 2
    on_screen = sum(shown.pixelColor(x, y) == QColor("black") for y in range(shown.height()))
    assert on_screen == third - 1  # the drawn page on screen, its bottom row under the frame


def test_a_page_further_down_is_drawn_when_it_comes_into_view(qtbot: QtBot) -> None:
    preview = _preview(qtbot)
    _shown(qtbot, preview, _pdf(PdfPreview.KEPT_PAGES + 3))
    last = len(preview.pages) - 1
    assert preview.page_image(last) is None
    with qtbot.waitSignal(preview.page_ready, timeout=20000) as drawn:
        preview.ensureWidgetVisible(preview.pages[last])  # scrolled to the end
    assert drawn.args == [last]
    assert _black_rows(preview, last) > 0
    for index in range(last - 1, PdfPreview.DRAWN_AHEAD - 1, -1):  # and back up, page by page
        preview.ensureWidgetVisible(preview.pages[index])
        qtbot.waitUntil(lambda index=index: preview.page_image(index) is not None, timeout=20000)
    kept = preview.kept_pages()
    assert len(kept) == PdfPreview.KEPT_PAGES  # only the recently shown pages are kept
    assert sorted(kept) == list(range(last + 1 - PdfPreview.KEPT_PAGES, last + 1))
    assert kept[0] == last  # seen longest ago: the next to go
    with qtbot.waitSignal(preview.page_ready, timeout=20000) as drawn:
        preview.ensureWidgetVisible(preview.pages[0])  # back at the top: drawn again
    assert drawn.args == [0]


def test_pages_off_screen_are_kept_packed_and_shown_as_drawn(qtbot: QtBot) -> None:
    preview = _preview(qtbot)
    data = _pdf(PdfPreview.KEPT_PAGES + 3)
    _shown(qtbot, preview, data)
    # Page 1 fills the pane: the pages drawn ahead wait packed, page 1 does not.
    assert preview.packed_pages() == list(range(1, PdfPreview.DRAWN_AHEAD))
    preview.ensureWidgetVisible(preview.pages[1])
    qtbot.waitUntil(lambda: 1 not in preview.packed_pages(), timeout=5000)  # painted: unpacked
    assert preview.page_image(1) == page(data, 1, preview.scale)  # pixel for pixel
    preview.verticalScrollBar().setValue(0)  # back at the top: packed once the scrolling rests
    qtbot.waitUntil(lambda: 1 in preview.packed_pages(), timeout=5000)
    assert 0 not in preview.packed_pages()
    assert sorted(preview.kept_pages()) == list(range(PdfPreview.DRAWN_AHEAD))


def test_a_packed_page_comes_back_pixel_for_pixel(qtbot: QtBot) -> None:
    data = _pdf(2)
    for scale in (PREVIEW_SCALE, 0.77):  # 0.77: rows padded to whole words
        drawn = page(data, 1, scale)
        packed = PackedPage.of(drawn)
        assert len(packed.pixels) < drawn.sizeInBytes() // 10
        assert packed.unpacked() == drawn


def test_a_new_pdf_replaces_the_pages_and_what_was_kept(qtbot: QtBot) -> None:
    preview = _preview(qtbot)
    preview.show_pdf(_pdf(4))  # replaced before it is drawn: what it reports is dropped
    _shown(qtbot, preview, _pdf(2))
    assert len(preview.pages) == 2
    assert sorted(preview.kept_pages()) == [0, 1]


def test_many_pdfs_given_quickly_open_two_and_show_the_newest(qtbot: QtBot) -> None:
    from worksession.ui.background import jobs_running

    preview = _preview(qtbot)
    qtbot.waitUntil(lambda: jobs_running() == 0, timeout=20000)  # what tests before left
    shown: list[int] = []
    preview.first_page_shown.connect(lambda: shown.append(len(preview.pages)))
    pdfs = [_pdf(1 + index % 5) for index in range(20)]
    running = 0
    for data in pdfs:
        preview.show_pdf(data)
        running = max(running, jobs_running())
    assert running == 1  # the first PDF being opened; the newest waits, the others are gone
    with qtbot.waitSignal(preview.filled, timeout=20000):
        pass
    qtbot.waitUntil(lambda: jobs_running() == 0, timeout=20000)
    assert shown == [5]  # only the newest PDF, of five pages, is shown
    assert len(preview.pages) == 5


def test_an_unreadable_pdf_is_named_and_shows_no_pages(qtbot: QtBot) -> None:
    preview = _preview(qtbot)
    _shown(qtbot, preview, _pdf(2))
    events = _shown(qtbot, preview, b"%PDF-1.4 this is not a document")
    assert events == []
    assert preview.pages == []
    cannot = _("The preview cannot be shown: {reason}").split("{")[0]
    assert preview.widget().findChild(QLabel).text().startswith(cannot)


def test_pages_fit_the_width_of_the_pane_and_follow_it(qtbot: QtBot) -> None:
    preview = _preview(qtbot, width=600)
    _shown(qtbot, preview, _pdf(3))
    assert preview.scale < PREVIEW_SCALE
    room = preview.viewport().width()
    assert all(page.width() <= room for page in preview.pages)  # no scrolling sideways
    assert preview.pages[0].width() > room * 0.9  # and no room wasted
    narrow = preview.pages[0].width()
    with qtbot.waitSignal(preview.page_ready, timeout=20000) as drawn:
        preview.resize(700, 700)  # the splitter moved: drawn again once it rests
    assert drawn.args == [0]
    assert preview.pages[0].width() > narrow
    image = preview.page_image(0)
    assert image is not None and image.width() == preview.pages[0].width()
    wider = preview.scale
    assert wider < PREVIEW_SCALE
    preview.resize(695, 700)  # a few pixels narrower: drawn again, never scrolled sideways
    qtbot.waitUntil(lambda: preview.scale < wider, timeout=20000)
    qtbot.waitUntil(lambda: preview.horizontalScrollBar().maximum() == 0)


def test_a_very_narrow_pane_keeps_the_text_readable(qtbot: QtBot) -> None:
    preview = _preview(qtbot, width=250)
    _shown(qtbot, preview, _pdf(1))
    assert preview.scale == MIN_SCALE
    assert preview.pages[0].width() > preview.viewport().width()  # it scrolls sideways instead


def test_a_preview_closed_while_its_pages_are_drawn_hears_nothing_more(qtbot: QtBot) -> None:
    from worksession.ui.background import jobs_running

    preview = PdfPreview()
    preview.resize(900, 700)
    preview.show()
    with qtbot.waitSignal(preview.first_page_shown, timeout=20000):
        preview.show_pdf(_pdf(PdfPreview.KEPT_PAGES))
    assert preview.drawing()  # pages still being drawn …
    shiboken6.delete(preview)  # … when the window goes
    qtbot.waitUntil(lambda: jobs_running() == 0, timeout=20000)
    # Nothing was raised in the event loop (pytest-qt fails the test if it was).
