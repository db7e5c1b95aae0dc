"""The presenter window: what the room sees on the beamer, large and calm.

It shows a ``Slide`` (see ``domain/slides.py``): the step, its question, the casus and key figures,
the themes' live vote result or the power/interest grid, the agreements as they are made, and the
step's clock. Type sizes follow the window's height so it reads from the back of the room on any
screen; long lists are cut (with "+ N more") instead of scrolling. It never holds the coach's
notes or checks: it is only ever given slides.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QColor, QFont, QKeyEvent, QPalette, QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QStackedWidget, QVBoxLayout, QWidget

from worksession.domain.slides import Slide, Visual
from worksession.domain.step_timer import TimerLevel
from worksession.i18n import _, ngettext
from worksession.ui.fonts import register_app_fonts
from worksession.ui.session.power_grid_view import PowerGridView
from worksession.ui.vote_results import VoteResults

INK = "#111111"
PAPER = "#ffffff"
MUTED = "#4a4a4a"
CLOCK_COLOURS = {
    TimerLevel.NORMAL: INK,
    TimerLevel.WARNING: "#b35300",  # orange: 20% of the step's time left
    TimerLevel.CRITICAL: "#c50f1f",  # red: 5% left
    TimerLevel.OVER: "#c50f1f",
}


def clock_colour(level: str, normal: str = INK) -> str:
    """The countdown's colour for a ``TimerLevel`` value; ``normal`` while time is ample."""
    if not level or TimerLevel(level) is TimerLevel.NORMAL:
        return normal
    return CLOCK_COLOURS[TimerLevel(level)]


def _label(name: str, *, wrap: bool = True) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(wrap)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


class PresenterWindow(QWidget):
    """Keys pressed here (the coach clicked the beamer by mistake) go back to the coach."""

    def __init__(self, forward_keys: Any = None) -> None:
        super().__init__(None, Qt.WindowType.Window)
        register_app_fonts()  # names in any script on the beamer, whichever window opened it
        self.setWindowTitle(_("Presenter"))  # Qt adds the application name after it
        self._forward_keys = forward_keys
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, QColor(PAPER))
        palette.setColor(QPalette.ColorRole.WindowText, QColor(INK))
        self.setPalette(palette)
        self.setAutoFillBackground(True)
        self.setCursor(Qt.CursorShape.BlankCursor)

        self.title = _label("presenterTitle")
        self.clock = _label("presenterClock", wrap=False)
        self.clock.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.question = _label("presenterQuestion")
        self.heading = _label("presenterHeading")
        self.items = _label("presenterItems")
        self.items.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.grid = PowerGridView(lambda *_args: None)
        self.grid.setInteractive(False)
        self.grid.setFrameShape(PowerGridView.Shape.NoFrame)
        self.grid.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.grid.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.results = VoteResults()  # the chart, the method and any tie, live
        self.visuals = QStackedWidget()
        self.visuals.addWidget(QWidget())  # Visual.NONE
        self.visuals.addWidget(self.grid)
        self.visuals.addWidget(self.results)

        top = QHBoxLayout()
        top.addWidget(self.title, stretch=1)
        top.addWidget(self.clock)
        text = QVBoxLayout()
        text.addWidget(self.question)
        text.addWidget(self.heading)
        text.addWidget(self.items, stretch=1)
        body = QHBoxLayout()
        body.addLayout(text, stretch=2)
        body.addWidget(self.visuals, stretch=3)  # the grid and the chart need the room
        self.slide_page = QWidget()
        self.slide_column = QVBoxLayout(self.slide_page)
        column = self.slide_column
        column.addLayout(top)
        column.addLayout(body, stretch=1)
        self.black = QWidget()
        self.black.setAutoFillBackground(True)
        black = self.black.palette()
        black.setColor(QPalette.ColorRole.Window, QColor("#000000"))
        self.black.setPalette(black)
        self.screens = QStackedWidget()
        self.screens.addWidget(self.slide_page)
        self.screens.addWidget(self.black)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.screens)
        self.slide: Slide | None = None
        self.set_clock("", TimerLevel.NORMAL)
        self.resize(1280, 720)

    # --- content ------------------------------------------------------------------------------
    def show_slide(self, slide: Slide, document: dict[str, Any]) -> None:
        self.slide = slide
        self.title.setText(slide.title)
        self.question.setText("\n".join(slide.question))
        self.question.setVisible(bool(slide.question))
        self.heading.setText(slide.heading if slide.items else "")
        self.heading.setVisible(bool(slide.items))
        lines = [f"•  {item}" for item in slide.items]
        if slide.more:
            lines.append(
                ngettext("+ {count} more", "+ {count} more", slide.more).format(count=slide.more)
            )
        self.items.setText("\n".join(lines))
        if slide.visual == Visual.GRID:
            self.grid.show_document(document)
            self.visuals.setCurrentWidget(self.grid)
        elif slide.visual == Visual.VOTES:
            self.results.show_document(document)
            self.visuals.setCurrentWidget(self.results)
        else:
            self.visuals.setCurrentIndex(0)
        self.visuals.setVisible(slide.visual != Visual.NONE)
        self._scale_type()

    def set_clock(self, text: str, level: str) -> None:
        self.clock.setText(text)
        self.clock.setStyleSheet(f"color: {clock_colour(level)};")
        self.clock.setProperty("level", level)

    def set_black(self, black: bool) -> None:
        self.screens.setCurrentWidget(self.black if black else self.slide_page)

    @property
    def is_black(self) -> bool:
        return self.screens.currentWidget() is self.black

    def shown_text(self) -> str:
        """Every text on the presenter, for checks that nothing of the coach's leaks here."""
        return "\n".join(label.text() for label in self.findChildren(QLabel))

    # --- type that reads from the back of the room ------------------------------------------
    def _scale_type(self) -> None:
        unit = max(self.height(), 360) / 30  # one line of body text: 1/30 of the screen
        for label, factor, bold in (
            (self.title, 1.6, True),
            (self.clock, 2.2, True),
            (self.question, 1.35, False),
            (self.heading, 1.1, True),
            (self.items, 1.0, False),
        ):
            font = QFont(self.font())
            font.setPixelSize(int(unit * factor))
            font.setBold(bold)
            label.setFont(font)
        results = QFont(self.font())
        results.setPointSizeF(unit * 0.65)  # points: the results scale their own type from it
        self.results.setFont(results)
        margin = int(unit * 1.2)
        self.slide_column.setContentsMargins(margin, margin, margin, margin)
        self._fit_items(unit, margin)

    def _fit_items(self, unit: float, margin: int) -> None:
        """Smaller type for a long list rather than a list that runs off the screen."""
        width = max(self.width() - 2 * margin, 1)
        if self.visuals.isVisibleTo(self):
            width = max(width * 2 // 5, 1)
        used = 2 * margin + 3 * int(unit * 0.5)  # margins and the spaces between the blocks
        for label in (self.title, self.question, self.heading):
            if label.isVisibleTo(self) and label.text():
                used += label.heightForWidth(width)
        room = self.height() - used
        for factor in (1.0, 0.9, 0.8, 0.7, 0.6):
            self.items.setFont(_sized(self.items.font(), int(unit * factor)))
            if self.items.heightForWidth(width) <= room:
                return

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._scale_type()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self._forward_keys is not None:
            self._forward_keys(event)
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.set_black(False)
        super().closeEvent(event)


def _sized(font: QFont, pixels: int) -> QFont:
    sized = QFont(font)
    sized.setPixelSize(max(pixels, 10))
    return sized
