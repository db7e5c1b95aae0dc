"""Page layout: header with the plan's title, footer with "pagina X van Y", version and short
fingerprint, and a CONCEPT mark on every page of a version that is not signed off."""

from __future__ import annotations

from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from worksession.export.pdf.fonts import BOLD, REGULAR
from worksession.export.pdf.styles import ACCENT, MUTED, RULE
from worksession.i18n import _

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN = 20 * mm


def numbered_canvas(title: str, version: int, short_print: str, concept: bool) -> type[Canvas]:
    """A canvas class that knows the page count when it draws each footer."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self._decorate(total)
                super().showPage()
            super().save()

        def _decorate(self, total: int) -> None:
            number = self.getPageNumber()
            self.saveState()
            self.setStrokeColor(RULE)
            self.setLineWidth(0.5)
            self.line(MARGIN, PAGE_HEIGHT - 14 * mm, PAGE_WIDTH - MARGIN, PAGE_HEIGHT - 14 * mm)
            self.line(MARGIN, 14 * mm, PAGE_WIDTH - MARGIN, 14 * mm)
            self.setFillColor(MUTED)
            self.setFont(REGULAR, 7.5)
            if number > 1:
                self.drawString(MARGIN, PAGE_HEIGHT - 12 * mm, title)
            footer = _("page {number} of {total}").format(number=number, total=total)
            self.drawString(MARGIN, 10 * mm, footer)
            self.drawRightString(
                PAGE_WIDTH - MARGIN,
                10 * mm,
                _("version {version} · sha256:{short}").format(version=version, short=short_print),
            )
            if concept:
                self.setFillColor(ACCENT, alpha=0.10)
                self.setFont(BOLD, 86)
                self.translate(PAGE_WIDTH / 2, PAGE_HEIGHT / 2)
                self.rotate(45)
                self.drawCentredString(0, -30, _("CONCEPT"))
            self.restoreState()

    return NumberedCanvas
