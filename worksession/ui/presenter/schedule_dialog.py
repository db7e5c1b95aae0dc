"""The running schedule: planned and actual minutes per step, the expected end, and the start.

The coach sets when the dagdeel starts; the expected end is recalculated from the steps done,
the step running and the steps to come, with a warning when the dagdeel will overrun. It shows
the clock's latest schedule (``StepClock.refresh_schedule``), the same one as the toolbar, in the
same words (``schedule_summary``).
"""

from __future__ import annotations

from PySide6.QtCore import QTime
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from worksession.domain.schedule import Schedule, format_time, schedule_summary, whole_minutes
from worksession.i18n import N_, _
from worksession.storage.operations.sessions import update_session
from worksession.ui.presenter.step_clock import StepClock
from worksession.ui.session.commands import EditCommand

# A step passed on the way to another, never timed, is not shown as done.
STATES = {"done": N_("done"), "passed": N_("not timed"), "current": N_("now")}


class ScheduleDialog(QDialog):
    def __init__(self, clock: StepClock, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Schedule"))
        self.clock = clock
        controller = clock.controller
        self.start = QTimeEdit()
        self.start.setDisplayFormat("HH:mm")
        stored = controller.document.get("schedule", {}).get("start_time")
        self.start.setTime(QTime.fromString(stored, "HH:mm") if stored else QTime(13, 0))
        self.start.setAccessibleName(_("Start of the dagdeel"))
        self.start.editingFinished.connect(self._store_start)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(
            [_("Step"), _("Planned (min)"), _("Actual (min)"), _("Starts"), _("Status")]
        )
        self.table.verticalHeader().hide()
        # The states take the rest of the width: no empty grey band beside the table.
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        form = QFormLayout()
        form.addRow(_("The dagdeel starts at"), self.start)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, stretch=1)
        layout.addWidget(buttons)
        self.resize(640, 520)
        clock.schedule_changed.connect(self.show_schedule)
        clock.refresh_schedule()  # shown here and in the toolbar alike

    def _store_start(self) -> None:
        controller = self.clock.controller
        old = controller.document.get("schedule", {}).get("start_time")
        new = self.start.time().toString("HH:mm")
        if new == old:
            return
        db, session_id = controller.db, controller.session_id
        controller.execute(
            EditCommand(
                _("Start of the dagdeel"),
                lambda values: update_session(db=db, session_id=session_id, **values),
                {"start_time": old},
                {"start_time": new},
            )
        )
        self.clock.refresh_schedule()

    def show_schedule(self, schedule: Schedule) -> None:
        self.summary.setText(schedule_summary(schedule))
        self.summary.setStyleSheet("color: #c50f1f;" if schedule.will_overrun else "")
        self.table.setRowCount(len(schedule.rows))
        for number, row in enumerate(schedule.rows):
            actual = "" if row.actual_seconds is None else str(whole_minutes(row.actual_seconds))
            planned = str(row.planned_minutes + row.extra_minutes)
            starts = format_time(row.starts) if row.starts is not None else ""
            state = _(STATES[row.state]) if row.state in STATES else ""
            for column, text in enumerate((row.title, planned, actual, starts, state)):
                self.table.setItem(number, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
