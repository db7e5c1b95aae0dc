"""The progress report's chart: how many agreements of the signed plan stood at each status when
it was signed, beside how many stand there now.

It is printed, copied and faxed in grey, so nothing is told by colour alone: the two moments
differ by pattern (an outlined, hatched bar for then, a solid dark bar for now), every bar has its
number above it, and every status its name below.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from reportlab.graphics.shapes import Drawing, Group, Line, Rect, String
from reportlab.lib import colors

from worksession.export.pdf.fonts import BOLD, REGULAR
from worksession.export.pdf.strings import label

INK = colors.HexColor("#222222")
NOW = colors.HexColor("#1f6f8b")  # the accent: a dark grey in greyscale, against white hatching
HATCH_STEP = 3.0
BAR = 26.0
GAP = 4.0
PLOT_HEIGHT = 110.0
BOTTOM = 28.0  # room for the status names under the bars
TOP = 34.0  # room for the legend and the numbers over the highest bar


def status_chart(
    categories: Sequence[tuple[str, str]],
    then: Mapping[str, int],
    now: Mapping[str, int],
    *,
    then_label: str,
    now_label: str,
    width: float = 440.0,
) -> Drawing:
    """Two bars per category (``(key, name)``, in the order given): ``then`` hatched and
    outlined, ``now`` solid, each with its count."""
    drawing = Drawing(width, BOTTOM + PLOT_HEIGHT + TOP)
    most = max([1, *then.values(), *now.values()])
    slot = width / max(1, len(categories))
    drawing.add(Line(0, BOTTOM, width, BOTTOM, strokeColor=INK, strokeWidth=0.6))
    for index, (key, name) in enumerate(categories):
        middle = slot * (index + 0.5)
        left = middle - BAR - GAP / 2
        drawing.add(_bar(left, then.get(key, 0), most, hatched=True))
        drawing.add(_bar(middle + GAP / 2, now.get(key, 0), most, hatched=False))
        drawing.add(
            label(middle, BOTTOM - 14, name, fontName=BOLD, fontSize=8.5, textAnchor="middle")
        )
    drawing.add(_legend(then_label, now_label, BOTTOM + PLOT_HEIGHT + TOP - 12))
    return drawing


def _bar(x: float, count: int, most: int, *, hatched: bool) -> Group:
    height = PLOT_HEIGHT * count / most
    group = Group()
    if hatched:
        group.add(_hatched(x, BOTTOM, BAR, height))
    elif height:
        group.add(Rect(x, BOTTOM, BAR, height, fillColor=NOW, strokeColor=INK, strokeWidth=0.6))
    group.add(
        String(
            x + BAR / 2,
            BOTTOM + height + 3,
            str(count),
            fontName=BOLD,
            fontSize=9,
            textAnchor="middle",
            fillColor=INK,
        )
    )
    return group


def _hatched(x: float, y: float, width: float, height: float) -> Group:
    """An outlined white box with diagonal lines, each cut off where it meets the box's edge."""
    group = Group()
    if not height:
        return group
    group.add(Rect(x, y, width, height, fillColor=colors.white, strokeColor=INK, strokeWidth=0.8))
    # Lines rising at 45 degrees, start offsets along the bottom and then the left edge.
    offset = -height + HATCH_STEP
    while offset < width:
        x0, y0 = x + max(offset, 0.0), y + max(-offset, 0.0)
        run = min(x + width - x0, y + height - y0)
        if run > 0:
            group.add(Line(x0, y0, x0 + run, y0 + run, strokeColor=INK, strokeWidth=0.5))
        offset += HATCH_STEP
    return group


def _legend(then_label: str, now_label: str, y: float) -> Group:
    group = Group()
    group.add(_hatched(0, y - 1, 14, 10))
    group.add(label(20, y, then_label, fontName=REGULAR, fontSize=8.5))
    group.add(Rect(220, y - 1, 14, 10, fillColor=NOW, strokeColor=INK, strokeWidth=0.6))
    group.add(label(240, y, now_label, fontName=REGULAR, fontSize=8.5))
    return group
