"""The vote result as the room reads it: the chart, how the group voted, and the ties.

Read-only and built from the session document alone (``show_document``), so the coach's
Prioriteren page and the presenter window show the same thing; ``scale`` enlarges the type for
the beamer (1.0 on the coach's page, 2 to 3 on the beamer). Dark ink on white, no scroll bars:
long sentences wrap.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from worksession.domain.vote_round import document_tally, present_count
from worksession.domain.voting import method_sentence, settings_from_document
from worksession.i18n import _
from worksession.ui.vote_chart import INK, Bar, VoteChart

PAPER = QColor("#ffffff")


@dataclass(frozen=True)
class ResultView:
    """What the result shows: bars in the final order, the method, one sentence per tie."""

    bars: tuple[Bar, ...]
    method: str
    ties: tuple[str, ...]
    unresolved: bool


def join_titles(titles: Sequence[str]) -> str:
    """ "A", "A and B", "A, B and C"."""
    if len(titles) < 2:
        return "".join(titles)
    return _("{items} and {last}").format(items=", ".join(titles[:-1]), last=titles[-1])


def tie_sentence(titles: Sequence[str], *, decided: bool) -> str:
    themes = join_titles(titles)
    if decided:
        return _("Tie: {themes}; the group chose this order.").format(themes=themes)
    return _("Tie: {themes}. The group decides the order.").format(themes=themes)


def result_view(document: Mapping[str, Any]) -> ResultView:
    """The result of the document's vote round (dots typed per theme when it has none)."""
    voting = document.get("voting")
    result = document_tally(document if voting is not None else {**document, "voting": {}})
    assert result is not None
    themes = {theme["key"]: theme for theme in document.get("themes", [])}
    bars = tuple(
        Bar(
            themes[key]["title"],
            result.scores[key],
            bool(themes[key]["priority"]),
            result.ranks[key],
        )
        for key in result.order
    )
    method = method_sentence(
        settings_from_document(voting or {}),
        voters=result.voters,
        eligible=present_count(document),
    )
    ties = tuple(
        tie_sentence(
            [themes[key]["title"] for key in group], decided=group not in result.unresolved
        )
        for group in result.ties
    )
    return ResultView(bars, method, ties, result.has_unresolved_ties)


class VoteResults(QWidget):
    def __init__(self, scale: float = 1.0, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.scale = scale
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, PAPER)
        palette.setColor(QPalette.ColorRole.WindowText, INK)
        self.setPalette(palette)
        self.setAutoFillBackground(True)
        self.chart = VoteChart()
        self.chart.setAccessibleName(_("Vote result"))
        self.method = QLabel()
        self.method.setObjectName("voteMethod")
        self.ties = QLabel()
        self.ties.setObjectName("voteTies")
        self.ties.setStyleSheet(
            "#voteTies { background: #fff4ce; color: #3d2c00; padding: 4px 8px; }"
        )
        for label in (self.method, self.ties):
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)
        layout = QVBoxLayout(self)
        layout.addWidget(self.chart)
        layout.addWidget(self.method)
        layout.addWidget(self.ties)
        layout.addStretch(1)
        self.view = ResultView((), "", (), False)
        self._apply_scale()

    def show_document(self, document: Mapping[str, Any]) -> None:
        self.view = result_view(document)
        self.chart.set_bars(list(self.view.bars))
        self.method.setText(self.view.method)
        self.ties.setText("\n".join(self.view.ties))
        self.ties.setVisible(bool(self.view.ties))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._apply_scale()  # the window zoomed (Ctrl++): keep the scale on top of it

    def _apply_scale(self) -> None:
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * self.scale)
        self.chart.setFont(font)
        self.method.setFont(font)
        bold = QFont(font)
        bold.setBold(True)
        self.ties.setFont(bold)
        self.chart.setMinimumHeight(int(self.chart.fontMetrics().lineSpacing() * 3))
