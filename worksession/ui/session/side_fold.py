"""Folding the coach's side panel away on a narrow screen, and bringing it back on request.

On a 1280×720 laptop the steps, the page and the side panel did not fit side by side: the
sociale kaart and the agreements scrolled sideways. Below ``WIDE_ENOUGH`` the side panel folds
away by itself; one action (View menu, F4, or the button in the status bar, which also counts
the points of attention) shows it again. Once the coach has chosen, the window keeps the choice
while it is resized.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QToolButton, QWidget

from worksession.i18n import _, ngettext
from worksession.ui.menu_letters import keep_letter
from worksession.ui.shortcuts import keys_of

# The steps (about 230 px), the widest page (the sociale kaart, about 880 px) and the panel
# (about 280 px) side by side.
WIDE_ENOUGH = 1400


class SideFold(QObject):
    def __init__(self, window: QWidget, panel: QWidget) -> None:
        super().__init__(window)
        self.window = window
        self.panel = panel
        self.chosen: bool | None = None  # the coach's own choice, once made
        self.action = QAction(_("Instructions and notes"), window)
        self.action.setCheckable(True)
        self.action.setShortcuts([QKeySequence(keys) for keys in keys_of("side_panel")])
        self.action.setChecked(True)
        self.action.triggered.connect(self._chosen)
        window.addAction(self.action)
        self.button = QToolButton()
        self.button.setDefaultAction(self.action)
        self.button.setAutoRaise(True)

    def _chosen(self, shown: bool) -> None:
        self.chosen = shown
        self._show(shown)

    def fit(self, width: int) -> None:
        """Fold or unfold for a window ``width`` pixels wide, unless the coach has chosen."""
        self._show(self.chosen if self.chosen is not None else width >= WIDE_ENOUGH)

    def _show(self, shown: bool) -> None:
        self.action.setChecked(shown)
        self.panel.setVisible(shown)

    def count_checks(self, count: int) -> None:
        """Say on the button how many points of attention wait behind the folded panel."""
        text = _("Instructions and notes")
        if count:
            text += " · " + ngettext(
                "{count} point of attention", "{count} points of attention", count
            ).format(count=count)
        self.action.setText(keep_letter(self.action.text(), text))  # its letter in Beeld
