"""The plan preview: every page has its place, pages are drawn when shown and few are kept."""

from __future__ import annotations

import io
import math

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from worksession.i18n import _
from worksession.ui.session.pdf_preview import PREVIEW_SCALE, PdfPreview


def _pdf(pages: int) -> bytes:
    """A PDF whose page N is filled black up to a height that grows with N."""
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=A4)
    for number in range(pages):
        canvas.rect(0, 0, A4[0], 20 * (number + 1), stroke=0, fill=1)
        canvas.showPage()
    canvas.save()
    return out.getvalue()


def _black_rows(preview: PdfPreview, index: int) -> int:
    image = preview.pages[index].grab().toImage()  # painting renders the page
    x = image.width() // 2
    return sum(image.pixelColor(x, y) == QColor("black") for y in range(image.height()))


def test_every_page_has_its_place_and_is_drawn_when_shown(qtbot: QtBot) -> None:
    preview = PdfPreview()
    qtbot.addWidget(preview)
    preview.show_pdf(_pdf(3))
    assert len(preview.pages) == 3
    assert preview.pages[0].width() == math.ceil(A4[0] * PREVIEW_SCALE)
    assert preview.kept_pages() == []  # nothing rendered before it is painted
    first, third = _black_rows(preview, 0), _black_rows(preview, 2)
    assert first > 0
    assert third > 2 * first  # the right page's pixels in the right place
    assert preview.kept_pages() == [0, 2]


def test_only_the_recently_shown_pages_are_kept(qtbot: QtBot) -> None:
    preview = PdfPreview()
    qtbot.addWidget(preview)
    preview.show_pdf(_pdf(PdfPreview.KEPT_PAGES + 3))
    for index in range(len(preview.pages)):
        preview.pages[index].grab()
    preview.pages[3].grab()  # shown again: now the most recent
    kept = preview.kept_pages()
    assert len(kept) == PdfPreview.KEPT_PAGES
    assert kept[-1] == 3
    assert 0 not in kept
    before = _black_rows(preview, 0)  # rendered again when it comes back into view
    assert before > 0


def test_a_new_pdf_replaces_the_pages_and_what_was_kept(qtbot: QtBot) -> None:
    preview = PdfPreview()
    qtbot.addWidget(preview)
    preview.show_pdf(_pdf(4))
    preview.pages[3].grab()
    preview.show_pdf(_pdf(2))
    assert len(preview.pages) == 2
    assert preview.kept_pages() == []


def test_an_unreadable_pdf_is_named_and_shows_no_pages(qtbot: QtBot) -> None:
    preview = PdfPreview()
    qtbot.addWidget(preview)
    preview.show_pdf(_pdf(2))
    preview.show_pdf(b"%PDF-1.4 this is not a document")
    assert preview.pages == []
    cannot = _("The preview cannot be shown: {reason}").split("{")[0]
    assert preview.widget().findChild(QLabel).text().startswith(cannot)
