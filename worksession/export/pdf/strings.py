"""User text drawn outside paragraphs: the page header on the canvas and the labels of the
drawings (stakeholder names, theme titles). A canvas string and a graphics ``String`` each have
one font, so a label that needs more than DejaVu is drawn as one piece per run (``scripts``),
side by side on one baseline."""

from __future__ import annotations

from typing import Any

from reportlab.graphics.shapes import Group, String
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from worksession.export.pdf.scripts import Run, is_plain, runs


def draw_text(canvas: Canvas, x: float, y: float, text: str) -> None:
    """Draw one line of user text from ``x`` in the canvas's current font and size, with the
    parts DejaVu cannot print in their fallback font; the canvas's font is kept."""
    if is_plain(text):
        canvas.drawString(x, y, text)  # one string, exactly as before there were fallbacks
        return
    font, size = canvas._fontname, canvas._fontsize
    for run, offset in _placed(runs(_one_line(text)), font, size):
        canvas.setFont(run.font or font, size)
        canvas.drawString(x + offset, y, run.text)
    canvas.setFont(font, size)


def label(
    x: float,
    y: float,
    text: str,
    *,
    fontName: str,
    fontSize: float,
    textAnchor: str = "start",
    **properties: Any,
) -> String | Group:
    """A drawing's label: a ``String`` when DejaVu prints it as it is, else a group of them."""
    if is_plain(text):
        return String(
            x, y, text, fontName=fontName, fontSize=fontSize, textAnchor=textAnchor, **properties
        )
    placed = _placed(runs(_one_line(text)), fontName, fontSize)
    width = sum(stringWidth(run.text, run.font or fontName, fontSize) for run, _ in placed)
    start = x - {"start": 0.0, "middle": width / 2, "end": width}.get(textAnchor, 0.0)
    return Group(
        *(
            String(
                start + offset,
                y,
                run.text,
                fontName=run.font or fontName,
                fontSize=fontSize,
                **properties,
            )
            for run, offset in placed
        )
    )


def _placed(parts: list[Run], font: str, size: float) -> list[tuple[Run, float]]:
    """Each run with its distance from the start of the line."""
    result, offset = [], 0.0
    for run in parts:
        result.append((run, offset))
        offset += stringWidth(run.text, run.font or font, size)
    return result


def _one_line(text: str) -> str:
    return " ".join(text.split("\n"))
