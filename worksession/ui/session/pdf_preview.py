"""A preview of the plan PDF: its pages rendered as images, one under the other."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QImage, QPainter, QPaintEvent
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

from worksession.i18n import _

PREVIEW_SCALE = 1.2


def render_pages(data: bytes, scale: float = PREVIEW_SCALE) -> list[QImage]:
    """Every page of ``data`` as an image (safe to call off the GUI thread)."""
    import pypdfium2

    document = pypdfium2.PdfDocument(data)
    images = []
    try:
        for index in range(len(document)):
            bitmap = document[index].render(scale=scale)
            image = QImage(
                bitmap.buffer,
                bitmap.width,
                bitmap.height,
                bitmap.stride,
                QImage.Format.Format_BGR888,
            )
            images.append(image.copy())  # the bitmap's memory goes with the document
    finally:
        document.close()
    return images


class PageImage(QWidget):
    """One page, painted straight from its image: a pixmap copy would double the memory of a
    long plan's preview (``make bench``)."""

    def __init__(self, image: QImage) -> None:
        super().__init__()
        self.image = image
        self.setFixedSize(image.size())
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)

    def sizeHint(self) -> QSize:
        return self.image.size()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.drawImage(event.rect(), self.image, event.rect())
        painter.setPen(Qt.GlobalColor.lightGray)
        painter.drawRect(self.rect().adjusted(0, 0, -1, -1))
        painter.end()


class PdfPreview(QScrollArea):
    def __init__(self) -> None:
        super().__init__()
        self.setAccessibleName(_("Preview of the plan"))
        self.setWidgetResizable(True)
        self.pages: list[PageImage] = []
        self.show_images([])

    def show_images(self, images: list[QImage]) -> None:
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.pages = []
        if not images:
            column.addWidget(QLabel(_("The preview appears here.")))
        for image in images:
            page = PageImage(image)
            column.addWidget(page)
            self.pages.append(page)
        self.setWidget(holder)
