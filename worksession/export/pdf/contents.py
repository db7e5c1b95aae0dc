"""The plan's short contents list: each section with the page it starts on, in one pass.

A table of contents normally costs a second build of the whole document (reportlab's
``multiBuild``), because a section's page is only known once it is drawn. The plan's canvas
holds every page back until the last one is drawn anyway (for "page X of Y"), so the list is
laid out now — one line per section, its height known — and its words and numbers are written
when the pages are, from the page each section's bookmark landed on.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from worksession.export.pdf.styles import MUTED, stylesheet

LEADER_GAP = 6.0  # room between a title, its dotted leader and its page number


@dataclass(frozen=True)
class Entry:
    title: str
    key: str  # the bookmark its section's heading sets


class Contents(Flowable):
    """One line per section: its title, a dotted leader and its page number."""

    def __init__(self, entries: Sequence[Entry]) -> None:
        super().__init__()
        self.entries = tuple(entries)
        self.style = stylesheet()["Body"]

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        self.height = len(self.entries) * self.style.leading
        return self.width, self.height

    def draw(self) -> None:
        # Where each line goes, in page coordinates: it is written after this frame is gone.
        lines = [
            self.canv.absolutePosition(0, self.height - (row + 1) * self.style.leading + 3)
            for row in range(len(self.entries))
        ]
        right, _y = self.canv.absolutePosition(self.width, 0)
        draw_at_save = getattr(self.canv, "draw_at_save", None)
        if draw_at_save is None:  # a canvas that does not hold pages back: titles only
            self._write(self.canv, lines, right, {})
        else:
            draw_at_save(lambda canvas, pages: self._write(canvas, lines, right, pages))

    def _write(
        self,
        canvas: Canvas,
        lines: Sequence[tuple[float, float]],
        right: float,
        pages: Mapping[str, int],
    ) -> None:
        font, size = self.style.fontName, self.style.fontSize
        canvas.saveState()
        canvas.setFont(font, size)
        canvas.setFillColor(self.style.textColor)
        canvas.setStrokeColor(MUTED)
        canvas.setLineWidth(0.8)
        canvas.setLineCap(1)  # round: each dash of length 0 is a dot
        canvas.setDash([0, 3])
        for entry, (x, y) in zip(self.entries, lines, strict=True):
            number = str(pages.get(entry.key, ""))
            canvas.drawString(x, y, entry.title)
            # The leader is a dotted line, not full stops: the text reads "Context 3".
            start = x + stringWidth(entry.title, font, size) + LEADER_GAP
            end = right - stringWidth(number, font, size) - LEADER_GAP
            if end > start:
                canvas.line(start, y + 1, end, y + 1)
            canvas.drawRightString(right, y, number)
        canvas.restoreState()
