"""The presenter window: what the room sees on the beamer, large and calm.

It shows a ``Slide`` (see ``domain/slides.py``): the step, its question, the ambition or the casus
text, the key figures, improvement points or agreements as they are made, the existing offers per
theme beside the live vote result, the borging checklist, the power/interest grid (with a key to
its numbers and a legend), a large countdown in the break, and the step's clock. Type sizes follow
the window's size so it reads from the back of the room on any screen; what does not fit is set
smaller, and what still does not fit is left out — a list's last items ("+ nog 3"), running
text's last words ("…") — never clipped, never scrolled. It
never holds the coach's notes or checks: it is only ever given slides. It never takes the
keyboard either: the coach types in their own window while it is shown.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import (
    QCloseEvent,
    QColor,
    QFont,
    QFontMetrics,
    QKeyEvent,
    QPalette,
    QResizeEvent,
)
from PySide6.QtWidgets import QHBoxLayout, QLabel, QStackedWidget, QVBoxLayout, QWidget

from worksession.domain.interchange import Document
from worksession.domain.slides import Slide, Visual
from worksession.domain.step_timer import TimerLevel
from worksession.i18n import _
from worksession.ui.fonts import register_app_fonts
from worksession.ui.presenter.grid_key import GridKey
from worksession.ui.presenter.text_fit import fit_items, fit_words, list_text
from worksession.ui.session.grid_legend import GridLegend
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
# Body type shrinks in these steps before text is cut; 60% of the normal size still reads from
# the back of a room on a 1280×720 beamer (14 px type on a 2.5 m wide image).
SCALES = (1.0, 0.9, 0.8, 0.7, 0.6)
# A slide of few words (one agreement under review) starts larger and shrinks to the same floor.
LARGE_SCALES = (1.8, 1.6, 1.4, 1.2, *SCALES)
TEXT_SIDE = 2 / 5  # the text's share of the width next to a chart or countdown
# Beside the grid the text column holds the key to its numbers: half the width, and the grid,
# square, is as high as the slide allows.
GRID_TEXT_SIDE = 1 / 2
COUNTDOWN_SAMPLE = "-00:00"  # the widest the countdown gets in practice


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


def _sized(font: QFont, pixels: float, *, bold: bool = False) -> QFont:
    sized = QFont(font)
    sized.setPixelSize(max(int(pixels), 10))
    sized.setBold(bold)
    return sized


class PresenterWindow(QWidget):
    """The window never takes the keyboard: the coach types in their own window while it is
    shown. Keys that reach it anyway (the coach clicked the beamer) go back to the coach."""

    def __init__(self, forward_keys: Any = None) -> None:
        # Shown without being activated and refused the focus by the window manager: after F5
        # the coach's typing went to the beamer, where a space moved the room a step ahead and
        # a "b" blacked it out.
        super().__init__(None, Qt.WindowType.Window | Qt.WindowType.WindowDoesNotAcceptFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        register_app_fonts()  # names in any script on the beamer, whichever window opened it
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
        self.running_text = _label("presenterText")  # the ambition, the casus
        self.items = _label("presenterItems")
        self.items.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.countdown = _label("presenterCountdown", wrap=False)
        self.countdown.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.grid = PowerGridView(lambda *_args: None, beamer=True)
        self.grid_key = GridKey()  # the names of the grid's numbers, beside it
        self.grid_legend = GridLegend()
        self.grid.setInteractive(False)
        self.grid.setFrameShape(PowerGridView.Shape.NoFrame)
        self.grid.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.grid.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.results = VoteResults()  # the chart, the method and any tie, live
        self.visuals = QStackedWidget()
        self.visuals.addWidget(QWidget())  # Visual.NONE
        self.visuals.addWidget(self.grid)
        self.visuals.addWidget(self.results)
        self.visuals.addWidget(self.countdown)

        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.title, stretch=1)
        top.addWidget(self.clock)
        self.text_panel = QWidget()
        text = QVBoxLayout(self.text_panel)
        text.setContentsMargins(0, 0, 0, 0)
        for label in self._text_labels:
            text.addWidget(label)
        text.addWidget(self.grid_key, stretch=1)  # shown on the grid slide only
        text.addStretch(1)
        self.text_column = text
        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.addWidget(self.text_panel, stretch=2)
        body.addWidget(self.visuals, stretch=3)  # the grid and the chart need the room
        self.body_row = body
        self.slide_page = QWidget()
        self.slide_column = QVBoxLayout(self.slide_page)
        self.top_row = top
        self.slide_column.addLayout(top)
        self.slide_column.addLayout(body, stretch=1)
        self.slide_column.addWidget(self.grid_legend)  # a strip across the slide: two lines
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
        self._texts: dict[QLabel, str] = {}  # each text label's whole text, before any cut
        self._lines: list[str] = []  # the list's items as shown, before any are left out
        self._show_title()
        self.set_clock("", TimerLevel.NORMAL)
        self.resize(1280, 720)

    @property
    def _text_labels(self) -> tuple[QLabel, ...]:
        return (self.question, self.heading, self.running_text, self.items)

    # --- content ------------------------------------------------------------------------------
    def show_slide(self, slide: Slide, document: Document) -> None:
        self.slide = slide
        self.title.setText(slide.title)
        self._show_title()
        # A checklist's items bring their own sign (ticked or not) in place of the bullet.
        self._lines = [item if slide.signed else f"•  {item}" for item in slide.items]
        heading = slide.heading if (slide.items or slide.text) else ""
        self._texts = {
            self.question: "\n".join(slide.question),
            self.heading: heading,
            self.running_text: "\n\n".join(slide.text),
            self.items: list_text(self._lines, len(self._lines), slide.more),
        }
        for label, text in self._texts.items():
            label.setText(text)
            label.setVisible(bool(text))
        on_grid = slide.visual == Visual.GRID
        self.grid_key.setVisible(on_grid)
        self.grid_legend.setVisible(on_grid)
        # The key takes the column's room below the question; elsewhere the text sits on top.
        self.text_column.setStretch(self.text_column.count() - 1, 0 if on_grid else 1)
        if on_grid:
            self.grid.show_document(document)
            self.grid_key.show_stakeholders(document["stakeholders"])
            self.grid_legend.show_domains(s["domain"] for s in document["stakeholders"])
            self.visuals.setCurrentWidget(self.grid)
        elif slide.visual == Visual.VOTES:
            self.results.show_document(document)
            self.visuals.setCurrentWidget(self.results)
        elif slide.visual == Visual.COUNTDOWN:
            self.visuals.setCurrentWidget(self.countdown)
        else:
            self.visuals.setCurrentIndex(0)
        self.visuals.setVisible(slide.visual != Visual.NONE)
        # The large countdown replaces the corner clock; a step without minutes shows none.
        self.clock.setVisible(slide.timed and slide.visual != Visual.COUNTDOWN)
        self._scale_type()

    def set_clock(self, text: str, level: str) -> None:
        for label in (self.clock, self.countdown):
            label.setText(text)
            label.setStyleSheet(f"color: {clock_colour(level)};")
            label.setProperty("level", level)
        if self.slide is not None and self.slide.visual == Visual.COUNTDOWN:
            self._fit_countdown()

    def set_black(self, black: bool) -> None:
        self.screens.setCurrentWidget(self.black if black else self.slide_page)
        self._show_title()

    def _show_title(self) -> None:
        """The window's name says the step and whether the beamer is black: the coach sees it in
        the task bar, and it is what the real-window tests read. Qt adds the app's name after
        it, so it is not written here too."""
        if self.slide is None:
            self.setWindowTitle(_("Presenter"))
        elif self.is_black:
            self.setWindowTitle(
                _("Presenter — {step} — black screen").format(step=self.slide.title)
            )
        else:
            self.setWindowTitle(_("Presenter — {step}").format(step=self.slide.title))

    @property
    def is_black(self) -> bool:
        return self.screens.currentWidget() is self.black

    def shown_text(self) -> str:
        """Every text on the presenter, for checks that nothing of the coach's leaks here."""
        return "\n".join(label.text() for label in self.findChildren(QLabel))

    # --- type that reads from the back of the room ------------------------------------------
    @property
    def unit(self) -> float:
        """One line of body text: 1/30 of the screen's height."""
        return max(self.height(), 360) / 30

    def _scale_type(self) -> None:
        unit = self.unit
        margin = int(unit * 1.2)
        spacing = int(unit * 0.5)
        # The grid slide is the fullest (title, grid, legend strip): its rows sit closer so the
        # grid keeps the height that makes its numbers read from the back row.
        rows = spacing // 2 if self._on_grid() else spacing
        self.slide_column.setContentsMargins(margin, margin, margin, margin)
        self.slide_column.setSpacing(rows)
        for layout in (self.top_row, self.body_row, self.text_column):
            layout.setSpacing(spacing)
        self.title.setFont(_sized(self.font(), unit * 1.6, bold=True))
        self.clock.setFont(_sized(self.font(), unit * 2.2, bold=True))
        results = QFont(self.font())
        results.setPointSizeF(unit * 0.65)  # points: the results scale their own type from it
        self.results.setFont(results)
        # The key's names as large as the slide's list: a capital 16 px high or more at 720.
        self.grid_key.set_type(_sized(self.font(), unit))
        self.grid_legend.setFont(_sized(self.font(), unit * 0.8))

        inner = max(self.width() - 2 * margin, 1)
        column = inner
        if self.slide is not None and self.slide.visual != Visual.NONE:
            side = GRID_TEXT_SIDE if self._on_grid() else TEXT_SIDE
            column = max(int((inner - spacing) * side), 1)
            self.text_panel.setFixedWidth(column)
        else:
            self.text_panel.setMinimumWidth(0)
            self.text_panel.setMaximumWidth(16777215)  # QWIDGETSIZE_MAX: the whole width
        title_width = inner
        if self.clock.isVisibleTo(self):
            title_width -= self.clock.sizeHint().width() + spacing
        top = max(self.title.heightForWidth(max(title_width, 1)), self.clock.sizeHint().height())
        room = self.height() - 2 * margin - top - rows
        if self._on_grid():
            # The legend strip below, and the key's first lines (the demo's fifteen names in
            # two columns) below the question: the question gives way before the key does.
            room -= self.grid_legend.heightForWidth(inner) + rows
            if self.grid_key.entries:
                room -= self.grid_key.sizeHint().height() + spacing
        self._fit_text(column, room)
        # Placed now, not at the next turn of the event loop: until then the grid or chart
        # would still sit where the previous slide's narrower text column ended, over the text.
        self.slide_column.activate()
        self._fit_countdown()

    def _on_grid(self) -> bool:
        return self.slide is not None and self.slide.visual == Visual.GRID

    def _fit_text(self, width: int, room: int) -> None:
        """The largest of ``SCALES`` at which the slide's text fits ``room``; else the smallest,
        with the running text (or the list) cut at a word so that it fits."""
        unit = self.unit
        large = self.slide is not None and self.slide.large
        for scale in LARGE_SCALES if large else SCALES:
            self._set_text_fonts(unit * scale)
            if self._text_height(width) <= room:
                return

        def fits() -> bool:
            return self._text_height(width) <= room

        if self._texts.get(self.running_text):
            fit_words(self.running_text, self._texts[self.running_text], fits)
        if self._texts.get(self.items):
            fit_items(self.items, self._lines, self.slide.more if self.slide else 0, fits)
        if not fits():  # cut the question last: the room needs it most
            fit_words(self.question, self._texts[self.question], fits)

    def _set_text_fonts(self, size: float) -> None:
        for label, factor, bold in (
            # Beside the grid the question leaves room for the key to the numbers.
            (self.question, 1.1 if self._on_grid() else 1.35, False),
            (self.heading, 1.1, True),
            (self.running_text, 1.0, False),
            (self.items, 1.0, False),
        ):
            label.setFont(_sized(self.font(), size * factor, bold=bold))
            label.setText(self._texts.get(label, label.text()))

    def _text_height(self, width: int) -> int:
        shown = [label for label in self._text_labels if label.text()]
        gaps = max(len(shown) - 1, 0) * self.text_column.spacing()
        return gaps + sum(label.heightForWidth(width) for label in shown)

    def _fit_countdown(self) -> None:
        """As large as the space next to the text allows: the break's clock reads from the door."""
        width = max(self.visuals.width(), 1)
        if self.slide is not None and self.slide.visual == Visual.COUNTDOWN:
            margin = int(self.unit * 1.2)
            spacing = int(self.unit * 0.5)
            inner = self.width() - 2 * margin
            width = max(inner - self.text_panel.maximumWidth() - spacing, 1)
        size = self.height() * 0.4
        font = _sized(self.font(), size, bold=True)
        while size > 10 and QFontMetrics(font).horizontalAdvance(COUNTDOWN_SAMPLE) > width:
            size *= 0.9
            font = _sized(self.font(), size, bold=True)
        self.countdown.setFont(font)

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
