"""Beside the page: the coach's instructions (unobtrusive), notes for the step, and the checks."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from worksession.domain.checks import Check
from worksession.domain.models import StepNote
from worksession.i18n import _
from worksession.programmes.model import Step
from worksession.storage.operations.notes import set_step_note
from worksession.ui.session.autosave import AutosaveText
from worksession.ui.session.commands import EditCommand
from worksession.ui.session.controller import SessionController


class SidePanel(QWidget):
    check_chosen = Signal(object)  # the Check the coach clicked

    def __init__(self, controller: SessionController) -> None:
        super().__init__()
        self.controller = controller
        self.step: Step | None = None
        self.setMinimumWidth(260)

        self.toggle = QToolButton()
        self.toggle.setText(_("Instructions for the coach"))
        self.toggle.setCheckable(True)
        self.toggle.setChecked(True)
        self.toggle.setAutoRaise(True)
        self.instructions = QLabel()
        self.instructions.setWordWrap(True)
        self.instructions.setObjectName("coachInstructions")
        self.instructions.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.instructions_area = QScrollArea()
        self.instructions_area.setWidgetResizable(True)
        self.instructions_area.setWidget(self.instructions)
        self.instructions_area.setAccessibleName(_("Instructions for the coach"))
        self.toggle.toggled.connect(self.instructions_area.setVisible)

        notes_label = QLabel(_("Notes for this step"))
        self.notes = QPlainTextEdit()
        self.notes.setAccessibleName(_("Notes for this step"))
        self.notes.setTabChangesFocus(True)
        self.notes.setPlaceholderText(_("What was said, what to remember…"))
        self._notes = AutosaveText(self.notes, self._store_note)

        checks_label = QLabel(_("Points of attention"))
        self.checks = QListWidget()
        self.checks.setAccessibleName(_("Points of attention"))
        self.checks.setWordWrap(True)
        self.checks.itemActivated.connect(self._chosen)
        self.checks.itemClicked.connect(self._chosen)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.toggle)
        layout.addWidget(self.instructions_area, stretch=2)
        layout.addWidget(notes_label)
        layout.addWidget(self.notes, stretch=2)
        layout.addWidget(checks_label)
        layout.addWidget(self.checks, stretch=1)
        controller.changed.connect(self.refresh)

    def show_step(self, step: Step) -> None:
        self._notes.flush()
        self.step = step
        self.instructions.setText(step.coach.strip() or _("No instructions for this step."))
        self.refresh()

    def refresh(self) -> None:
        if self.step is not None:
            self._notes.show_stored(self.controller.document.get("notes", {}).get(self.step.id, ""))
        self.checks.clear()
        if not self.controller.checks:
            item = QListWidgetItem(_("Nothing needs attention."))
            self.checks.addItem(item)
            return
        for check in self.controller.checks:
            item = QListWidgetItem("• " + check.message)
            item.setData(256, check)
            item.setToolTip(check.step_kind.label)
            self.checks.addItem(item)

    def flush(self) -> None:
        self._notes.flush()

    def _store_note(self, old: str, new: str) -> bool:
        assert self.step is not None
        step_id = self.step.id
        controller = self.controller

        def write(values: dict[str, str]) -> StepNote:
            return set_step_note(
                db=controller.db, session_id=controller.session_id, step_id=step_id, **values
            )

        command = EditCommand(
            _("Edit notes"), write, {"text": old}, {"text": new}, merge_key=("note", step_id)
        )
        return controller.execute(command)

    def _chosen(self, item: QListWidgetItem) -> None:
        check = item.data(256)
        if isinstance(check, Check):
            self.check_chosen.emit(check)
