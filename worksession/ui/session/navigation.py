"""The coach's place in the programme, handed to what follows it: the presenter and room toolbar.

They need the current step, a way to move to another, the controller and the coach's window (for
the keyboard, its screen and its shortcuts) — not the session window itself, which creates them.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QListWidget, QWidget

from worksession.ui.session.controller import SessionController


@dataclass(frozen=True)
class StepNavigation:
    window: QWidget  # the coach's window
    controller: SessionController
    steps: QListWidget  # the step list beside the page; its current row is the current step

    def current_row(self) -> int:
        return self.steps.currentRow()

    def go_to(self, row: int) -> None:
        """Make ``row`` the current step; a row outside the programme changes nothing."""
        if 0 <= row < self.steps.count():
            self.steps.setCurrentRow(row)
