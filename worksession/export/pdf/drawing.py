"""reportlab's process-wide settings for one drawing, under one lock.

reportlab keeps its defaults (invariant mode, the base font of a canvas and of a drawing) in one
module for the whole process. Every document drawn with our fonts — the plan, the presentielijst
— is drawn inside ``reportlab_settings()``: two documents drawn at once from two threads would
change them under each other, and the fonts must not be let go of (``plan.release_drawing_memory``
takes the same lock) while a document is being drawn.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

from reportlab import rl_config
from reportlab.graphics.shapes import STATE_DEFAULTS

from worksession.export.pdf import fonts

DRAWING = threading.Lock()


@contextmanager
def reportlab_settings() -> Iterator[None]:
    """Hold the lock, with reportlab set to draw the same bytes from the same input in our own
    font; whatever fails, even registering the fonts, the settings are put back."""
    with DRAWING:
        previous = rl_config.invariant, rl_config.canvas_basefontname, STATE_DEFAULTS["fontName"]
        try:
            rl_config.invariant = 1  # no random file id: same input, same bytes
            # Pages and drawings start in a base font: ours, so only our fonts are in the file.
            rl_config.canvas_basefontname = STATE_DEFAULTS["fontName"] = fonts.register_fonts()
            yield
        finally:
            rl_config.invariant, rl_config.canvas_basefontname, STATE_DEFAULTS["fontName"] = (
                previous
            )
