"""A preview of the plan PDF: its pages one under the other, each drawn when it comes into view.

A page is an image of about 2 MB at preview size, so a long plan's preview would hold tens of
megabytes if every page were kept (``make bench`` measures the memory of a demo walk). Pages are
rendered from the PDF on the GUI thread the first time they are painted (a few milliseconds
each) and only the most recently shown few are kept. The PDF is kept as bytes and opened for each
rendering (well under a millisecond), so no pdfium document outlives its use.
"""

from __future__ import annotations

import math
from collections import OrderedDict

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QImage, QPainter, QPaintEvent
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

from worksession.i18n import _

PREVIEW_SCALE = 1.2


class PageImage(QWidget):
    """One page's place in the column, painted from the preview's rendering of that page."""

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
        painter.drawImage(event.rect(), self.preview.page_image(self.index), event.rect())
        painter.setPen(Qt.GlobalColor.lightGray)
        painter.drawRect(self.rect().adjusted(0, 0, -1, -1))
        painter.end()


class PdfPreview(QScrollArea):
    KEPT_PAGES = 6  # about two screens' worth on a tall monitor

    def __init__(self) -> None:
        super().__init__()
        self.setAccessibleName(_("Preview of the plan"))
        self.setWidgetResizable(True)
        self.pages: list[PageImage] = []
        self._data = b""
        self._images: OrderedDict[int, QImage] = OrderedDict()
        self._show_column([], _("The preview appears here."))

    def show_pdf(self, data: bytes) -> None:
        """Show the pages of ``data``; a file pdfium cannot read is named, not shown."""
        import pypdfium2

        self._images.clear()
        try:
            document = pypdfium2.PdfDocument(data)
        except pypdfium2.PdfiumError as error:
            self._data = b""
            self._show_column([], _("The preview cannot be shown: {reason}").format(reason=error))
            return
        try:
            sizes = [document.get_page_size(index) for index in range(len(document))]
        finally:
            document.close()
        self._data = data
        self._show_column(
            [
                QSize(math.ceil(width * PREVIEW_SCALE), math.ceil(height * PREVIEW_SCALE))
                for width, height in sizes
            ],
            _("The plan has no pages."),
        )

    def page_image(self, index: int) -> QImage:
        """Page ``index`` as an image, rendered now unless it was shown recently."""
        image = self._images.get(index)
        if image is not None:
            self._images.move_to_end(index)
            return image
        image = self._render(index)
        self._images[index] = image
        while len(self._images) > self.KEPT_PAGES:
            self._images.popitem(last=False)
        return image

    def kept_pages(self) -> list[int]:
        """The pages held as images, least recently shown first."""
        return list(self._images)

    def _render(self, index: int) -> QImage:
        import pypdfium2

        document = pypdfium2.PdfDocument(self._data)
        try:
            bitmap = document[index].render(scale=PREVIEW_SCALE)
            image = QImage(
                bitmap.buffer,
                bitmap.width,
                bitmap.height,
                bitmap.stride,
                QImage.Format.Format_BGR888,
            )
            return image.copy()  # the bitmap's memory goes with the document
        finally:
            document.close()

    def _show_column(self, sizes: list[QSize], empty_text: str) -> None:
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        if not sizes:
            message = QLabel(empty_text)
            message.setWordWrap(True)
            column.addWidget(message)
        self.pages = [PageImage(self, index, size) for index, size in enumerate(sizes)]
        for page in self.pages:
            column.addWidget(page)
        self.setWidget(holder)
