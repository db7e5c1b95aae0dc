"""A preview of the plan PDF: its pages one under the other, the first on screen as soon as it is
drawn, the others drawn in the background.

Pages are as wide as the pane (within limits: sharp at most, readable at least) and drawn
again when the pane is resized. Every page is drawn (rasterised by pdfium) off the GUI thread in
a ``ui.background`` job, so the window keeps taking input while a long plan is drawn. The first
job reads the page sizes and draws page 1; when it reports back the column is laid out and page
1 shown (``first_page_shown``). The next two pages — what the coach scrolls to first — are then
drawn one by one in reading order (``page_ready``); a page further down is drawn when it is
first scrolled into view — before any page still waiting — and shows as a blank sheet with its
number until then. One page is drawn at a time, leaving the other worker threads to the rest
of the app. ``filled`` says that nothing is left to draw.

pdfium is not thread-safe: every call into it holds one lock, so two jobs (or a job and a
closing window) never use it at once. A page is an image of about 1.5 MB at preview size, so only
the most recently shown few are kept, and those off screen (drawn ahead, or scrolled past) are
kept packed, some 100 kB each (``make bench`` measures the memory of a demo walk). The PDF
is kept as bytes and opened for each drawing (well under a millisecond), so no pdfium document
outlives its use. A newer PDF replaces an older one even while the older is being drawn: what
its jobs report afterwards is dropped. One PDF is opened at a time: one given while another is
opened waits for it, and of several given meanwhile only the newest is opened.
"""

from __future__ import annotations

import math
import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QImage, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QLabel, QScrollArea, QStyle, QVBoxLayout, QWidget

from worksession.i18n import _
from worksession.ui.background import Job, start
from worksession.ui.freed_memory import trim_freed_memory
from worksession.ui.session.packed_page import PackedPage
from worksession.ui.session.pdfium_pages import Document, PageSize, draw_page, opened, page_sizes

PREVIEW_SCALE = 1.2  # pixels per point at most: sharp on a laptop, a page ~2 MB as an image
MIN_SCALE = 0.6  # 10-point text 8 px high, the page whole at 1280×720; narrower scrolls sideways
RESCALE_AFTER_MS = 150  # a splitter dragged redraws the pages once it rests
PACK_AFTER_MS = 300  # pages scrolled out of view are packed once the scrolling rests
_PDFIUM = threading.Lock()  # pdfium is one library state per process: one caller at a time

COLUMN_MARGIN = 6


def fitting_scale(room: int, widest: float) -> float:
    """Pixels per point for pages ``widest`` points wide in ``room`` pixels, within limits."""
    if widest <= 0:
        return PREVIEW_SCALE
    return max(MIN_SCALE, min(PREVIEW_SCALE, room / widest))


def _draw(document: Document, index: int, scale: float) -> QImage:
    """Page ``index`` drawn by pdfium straight into the image that is kept: no second copy of
    a page (some 1.5 MB) while it is drawn."""
    images: list[QImage] = []

    def into_image(width: int, height: int) -> tuple[Any, int]:
        image = QImage(width, height, QImage.Format.Format_BGR888)  # pdfium's BGR: B, G, R
        images.append(image)
        return image.bits(), image.bytesPerLine()

    draw_page(document, index, scale, into_image)
    return images[0]


def first_page(data: bytes, room: int) -> tuple[list[PageSize], float, QImage | None]:
    """The size of every page of ``data``, the scale that fits them in ``room`` pixels, and page
    1 drawn at that scale (run in a job)."""
    with _PDFIUM, opened(data) as document:
        sizes = page_sizes(document)
        scale = fitting_scale(room, max((width for width, _height in sizes), default=0))
        return sizes, scale, (_draw(document, 0, scale) if sizes else None)


def page(data: bytes, index: int, scale: float) -> QImage:
    """Page ``index`` of ``data`` drawn at ``scale`` pixels per point (run in a job)."""
    with _PDFIUM, opened(data) as document:
        return _draw(document, index, scale)


def _opening_report(generation: int, data: bytes, room: int) -> tuple[int, object]:
    """What the first job tells its preview: its PDF's generation, and the first page or why
    the PDF cannot be read (the failure is news for that generation only)."""
    try:
        return generation, first_page(data, room)
    except Exception as error:  # pdfium names what is wrong with the file
        return generation, error


def _or_none(draw: Callable[[], QImage]) -> QImage | None:
    """A page pdfium cannot draw stays blank; the others are still drawn."""
    try:
        return draw()
    except Exception:  # one unreadable page must not stop the preview
        return None


class PageImage(QWidget):
    """One page's place in the column, painted from the preview's drawing of that page."""

    def __init__(self, preview: PdfPreview, index: int, size: QSize) -> None:
        super().__init__()
        self.preview = preview
        self.index = index
        self.setFixedSize(size)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)

    def sizeHint(self) -> QSize:
        return self.size()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        image = self.preview.page_image(self.index)
        if image is None:
            # Not drawn yet (or no longer kept): a blank sheet now, the page when it is drawn.
            painter.fillRect(event.rect(), Qt.GlobalColor.white)
            painter.setPen(Qt.GlobalColor.gray)
            painter.drawText(
                self.rect(),
                Qt.AlignmentFlag.AlignCenter,
                _("Page {number}…").format(number=self.index + 1),
            )
            self.preview.request(self.index, urgent=True)
        else:
            painter.drawImage(event.rect(), image, event.rect())
        painter.setPen(Qt.GlobalColor.lightGray)
        painter.drawRect(self.rect().adjusted(0, 0, -1, -1))
        painter.end()


class PdfPreview(QScrollArea):
    KEPT_PAGES = 6  # about two screens' worth on a tall monitor
    # Drawn ahead after page 1 arrives: what the coach scrolls to first. More would be memory
    # spent (2 MB a page) on pages a short look at the plan never reaches.
    DRAWN_AHEAD = 3

    first_page_shown = Signal()
    page_ready = Signal(int)
    filled = Signal()  # every page asked for is drawn: nothing runs in the background

    def __init__(self) -> None:
        super().__init__()
        self.setAccessibleName(_("Preview of the plan"))
        self.setWidgetResizable(True)
        self.pages: list[PageImage] = []
        self._data = b""
        self._generation = 0
        # Drawn pages; one off screen is kept packed (``PackedPage``), unpacked when painted.
        self._images: OrderedDict[int, QImage | PackedPage] = OrderedDict()
        self._queue: list[int] = []  # pages waiting to be drawn, the next first
        self._running: Job | None = None  # the job drawing a page now
        self._running_page = -1
        self._opening: Job | None = None  # reading a PDF's pages and drawing page 1
        self._opening_generation = -1  # of the PDF it opens
        self._sizes: list[PageSize] = []  # in points
        self._undrawable: set[int] = set()  # pages of this PDF pdfium could not draw
        self.scale = PREVIEW_SCALE
        self._rescale_timer = QTimer(self)
        self._rescale_timer.setSingleShot(True)
        self._rescale_timer.setInterval(RESCALE_AFTER_MS)
        self._rescale_timer.timeout.connect(self._fit_width)
        # Pages scrolled out of view are packed once the scrolling rests.
        self._pack_timer = QTimer(self)
        self._pack_timer.setSingleShot(True)
        self._pack_timer.setInterval(PACK_AFTER_MS)
        self._pack_timer.timeout.connect(self._pack_hidden)
        self.verticalScrollBar().valueChanged.connect(self._pack_timer.start)
        self._show_column([], _("The preview appears here."))

    # --- what the page asks for -----------------------------------------------------------------
    def show_pdf(self, data: bytes) -> Job:
        """Show the pages of ``data``, page 1 first; a file pdfium cannot read is named instead."""
        self._generation += 1
        self._data = data
        self._images.clear()
        self._queue.clear()
        self._undrawable.clear()
        # A page job of the old PDF may still run: it reports to its own generation, which is
        # ignored, and the lock keeps it from pdfium while the new PDF is drawn.
        self._running, self._running_page = None, -1
        self._show_column([], _("Drawing the first page…"))
        if self._opening is not None:
            # An older PDF is being opened: this one is opened when that one reports back. So
            # PDFs given one after the other never queue up openings, only the newest waits.
            return self._opening
        return self._open()

    def _open(self) -> Job:
        generation, data, room = self._generation, self._data, self._room()
        # Held by ``background`` until it reports, not by the preview: a preview closed while its
        # pages are drawn must not take the job's signals with it. It hears back through its own
        # methods, so a closed preview hears nothing.
        job = Job(lambda: _opening_report(generation, data, room))
        job.signals.done.connect(self._opened)
        self._opening, self._opening_generation = job, generation
        return start(job)

    def release(self) -> None:
        """Let go of the PDF and every page drawn of it (its window closes): the preview is
        empty again, and what is still being drawn is dropped when it comes."""
        self._generation += 1
        self._data = b""
        self._sizes = []
        self._images.clear()
        self._queue.clear()
        self._undrawable.clear()
        self._running, self._running_page = None, -1
        self._opening, self._opening_generation = None, -1
        self._rescale_timer.stop()
        self._show_column([], _("The preview appears here."))

    def page_image(self, index: int) -> QImage | None:
        """Page ``index`` as drawn, or None while it is not (yet, or no longer) drawn."""
        kept = self._images.get(index)
        if kept is None:
            return None
        if isinstance(kept, PackedPage):
            kept = self._images[index] = kept.unpacked()  # painted: on screen again
        self._images.move_to_end(index)
        return kept

    def kept_pages(self) -> list[int]:
        """The pages held as images, least recently shown first."""
        return list(self._images)

    def packed_pages(self) -> list[int]:
        """The kept pages held packed: off screen when last looked at."""
        return [index for index, kept in self._images.items() if isinstance(kept, PackedPage)]

    def drawing(self) -> list[int]:
        """The pages being drawn or waiting to be, the next first."""
        return ([self._running_page] if self._running is not None else []) + self._queue

    def request(self, index: int, *, urgent: bool = False) -> None:
        """Draw page ``index`` in the background unless it is drawn or on its way; an urgent
        page (one on screen) goes before the pages waiting."""
        if index in self._images or index in self._undrawable or not 0 <= index < len(self.pages):
            return
        if self._running is not None and index == self._running_page:
            return
        if index in self._queue:
            if not urgent:
                return
            self._queue.remove(index)
        if urgent:
            self._queue.insert(0, index)
        else:
            self._queue.append(index)
        self._next()

    def _next(self) -> None:
        if self._running is not None or not self._queue:
            return
        index = self._queue.pop(0)
        generation, data, scale = self._generation, self._data, self.scale
        job = Job(lambda: (generation, index, _or_none(lambda: page(data, index, scale))))
        job.signals.done.connect(self._drawn)
        self._running, self._running_page = job, index
        start(job)

    # --- what the jobs report -------------------------------------------------------------------
    def _opened(self, report: tuple[int, object]) -> None:
        generation, result = report
        if generation != self._opening_generation:
            return  # opened for a preview since emptied (``release``)
        self._opening = None
        if generation != self._generation:
            self._open()  # the newest PDF, given while this one was opened
            return
        if isinstance(result, Exception):
            self._data = b""
            self._show_column([], _("The preview cannot be shown: {reason}").format(reason=result))
            self.filled.emit()
            return
        assert isinstance(result, tuple)
        self._sizes, self.scale, image = result
        self._show_column(self._page_sizes(), _("The plan has no pages."))
        if image is None:
            self.filled.emit()
            return
        self._keep(0, image)
        # What the coach will look at next, drawn while they read page 1.
        for index in range(1, min(len(self.pages), self.DRAWN_AHEAD)):
            self.request(index)
        self.first_page_shown.emit()
        self._maybe_filled()

    def _drawn(self, report: tuple[int, int, QImage | None]) -> None:
        generation, index, image = report
        if generation != self._generation:
            return  # a page of a PDF since replaced
        self._running, self._running_page = None, -1
        if image is not None:
            self._keep(index, image)
            self.page_ready.emit(index)
        else:
            self._undrawable.add(index)  # blank, and not asked for again on every paint
        self._next()
        self._maybe_filled()

    def _keep(self, index: int, image: QImage) -> None:
        self._images[index] = image if self._on_screen(index) else PackedPage.of(image)
        self._images.move_to_end(index)
        while len(self._images) > self.KEPT_PAGES:
            self._images.popitem(last=False)
        if index < len(self.pages):
            self.pages[index].update()

    def _on_screen(self, index: int) -> bool:
        return index < len(self.pages) and not self.pages[index].visibleRegion().isEmpty()

    def _pack_hidden(self) -> None:
        """Pack the pages kept unpacked that are no longer on screen."""
        for index, kept in list(self._images.items()):
            if isinstance(kept, QImage) and not self._on_screen(index):
                self._images[index] = PackedPage.of(kept)

    def _maybe_filled(self) -> None:
        if self._running is None and not self._queue and self._opening is None:
            trim_freed_memory()  # pdfium's pages, freed in the worker thread that drew them
            self.filled.emit()

    # --- fitting the pane -----------------------------------------------------------------------
    def _room(self) -> int:
        """The width a page may take: the pane less its frame, the column's margins and the
        scroll bar a plan of several pages always has (so the width is the same before the
        pages are laid out and after)."""
        bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        return self.contentsRect().width() - bar - 2 * COLUMN_MARGIN - 2

    def _page_sizes(self) -> list[QSize]:
        return [
            QSize(math.ceil(width * self.scale), math.ceil(height * self.scale))
            for width, height in self._sizes
        ]

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.pages:
            self._rescale_timer.start()

    def _fit_width(self) -> None:
        """Draw the pages again at the scale the pane's width now allows, if that changed."""
        if not self.pages or self._opening is not None:
            return
        widest = max(width for width, _height in self._sizes)
        room = self._room()
        scale = fitting_scale(room, widest)
        overflowing = math.ceil(widest * self.scale) > room and self.scale > MIN_SCALE
        if not overflowing and abs(scale - self.scale) < 0.02 * self.scale:
            return  # a pixel or two of room more is not worth drawing every page again
        # The pages that were drawn or on their way are drawn again, in reading order; a page
        # on screen asks for itself first when it is painted.
        again = sorted({*self._images, *self.drawing()})
        self.scale = scale
        self._generation += 1  # pages being drawn at the old scale are dropped when they come
        self._images.clear()
        self._queue.clear()
        self._running, self._running_page = None, -1
        for page_image, size in zip(self.pages, self._page_sizes(), strict=True):
            page_image.setFixedSize(size)
            page_image.update()  # painted blank meanwhile
        for index in again:
            self.request(index)

    def _show_column(self, sizes: list[QSize], empty_text: str) -> None:
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(COLUMN_MARGIN, COLUMN_MARGIN, COLUMN_MARGIN, COLUMN_MARGIN)
        column.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        if not sizes:
            message = QLabel(empty_text)
            message.setWordWrap(True)
            column.addWidget(message)
        self.pages = [PageImage(self, index, size) for index, size in enumerate(sizes)]
        for page_image in self.pages:
            column.addWidget(page_image)
        self.setWidget(holder)
