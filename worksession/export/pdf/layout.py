"""Page layout: header with the plan's title, footer with "pagina X van Y", the version, the
short content fingerprint and seal, and a CONCEPT mark on every page of a plan not signed off.

The canvas also fixes the file's dates and identifier to the plan's own date: reportlab would
otherwise take them from the clock, or from the environment (``SOURCE_DATE_EPOCH``), and the
same plan must give the same bytes on every computer.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, TypeAlias

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from worksession.export.pdf.fonts import BOLD, REGULAR
from worksession.export.pdf.strings import draw_text
from worksession.export.pdf.styles import ACCENT, MUTED, RULE
from worksession.i18n import _

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN = 20 * mm

# Draws on a page when the document is saved, given the page number of every bookmark.
AtSave: TypeAlias = Callable[[Canvas, Mapping[str, int]], None]


@dataclass(frozen=True)
class Footer:
    """What every page says about the plan it belongs to."""

    title: str
    version: str  # "versie 2", or "concept, nog niet vastgelegd"
    content: str  # the content fingerprint, shortened
    seal: str  # the seal, shortened
    concept: bool  # not signed off: a CONCEPT mark across the page


class _FixedStamp:
    """reportlab's time stamp, at a moment we choose (UTC)."""

    def __init__(self, moment: dt.datetime) -> None:
        utc = moment.astimezone(dt.UTC)
        self.t = utc.timestamp()
        self.lt = utc.timetuple()
        self.YMDhms = tuple(self.lt)[:6]
        self.dhh = self.dmm = 0
        self.tzname = "UTC"


def _date_the_file(canvas: Canvas, moment: dt.datetime) -> None:
    document = canvas._doc
    document._timeStamp = _FixedStamp(moment)
    # The file identifier is a digest reportlab starts from the clock: start it from the date.
    document.signature = hashlib.md5(usedforsecurity=False)
    document.signature.update(b"a worksession plan " + moment.isoformat().encode("ascii"))


def numbered_canvas(footer: Footer, dated: dt.datetime) -> type[Canvas]:
    """A canvas class that knows the page count when it draws each footer."""

    class NumberedCanvas(Canvas):
        # Pages are held back until the last one is known, so the PDF's own page is still the
        # first while the story is drawn: bookmarks and what needs page numbers (the contents)
        # are kept with their page and written when the pages are.
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            _date_the_file(self, dated)
            self._pages: list[dict[str, Any]] = []
            self._bookmarks: list[tuple[str, dict[str, Any]]] = []
            self._at_save: list[AtSave] = []
            self.bookmark_pages: dict[str, int] = {}

        def bookmarkPage(self, key: str, **where: Any) -> None:
            self._bookmarks.append((key, where))
            self.bookmark_pages[key] = self.getPageNumber()

        def draw_at_save(self, draw: AtSave) -> None:
            """Draw on this page once every bookmark's page is known."""
            self._at_save.append(draw)

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._bookmarks, self._at_save = [], []  # the next page's own
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                for key, where in self._bookmarks:
                    super().bookmarkPage(key, **where)
                for draw in self._at_save:
                    draw(self, self.bookmark_pages)
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
                draw_text(self, MARGIN, PAGE_HEIGHT - 12 * mm, footer.title)  # any script
            pages = _("page {number} of {total}").format(number=number, total=total)
            self.drawString(MARGIN, 10 * mm, pages)
            self.drawRightString(
                PAGE_WIDTH - MARGIN,
                10 * mm,
                _("{version} · content sha256:{content} · seal sha256:{seal}").format(
                    version=footer.version, content=footer.content, seal=footer.seal
                ),
            )
            if footer.concept:
                self.setFillColor(ACCENT, alpha=0.10)
                self.setFont(BOLD, 86)
                self.translate(PAGE_WIDTH / 2, PAGE_HEIGHT / 2)
                self.rotate(45)
                self.drawCentredString(0, -30, _("CONCEPT"))
            self.restoreState()

    return NumberedCanvas
