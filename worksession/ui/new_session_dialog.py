"""New session: choose a programme and a casus from the toolkit, and say where and when."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from worksession.domain.validation import SHORT_TEXT_MAX
from worksession.export.programme_overview import duration_text
from worksession.i18n import _
from worksession.programmes.model import Library
from worksession.ui.toolkit_dialog import origin_text
from worksession.workflows.starting import DEFAULT_PROGRAMME


class NewSessionDialog(QDialog):
    def __init__(self, library: Library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("New session"))
        self.programme = QComboBox()
        self.programme.setAccessibleName(_("Programme"))
        for programme in sorted(library.programmes.values(), key=lambda p: p.title):
            self.programme.addItem(
                f"{programme.title} · {duration_text(programme.total_minutes)} · "
                f"{origin_text(programme.source)}",
                programme.id,
            )
        self.programme.setCurrentIndex(max(0, self.programme.findData(DEFAULT_PROGRAMME)))
        self.casus = QComboBox()
        self.casus.setAccessibleName(_("Casus"))
        self.casus.addItem(_("(no casus, I will write my own)"), None)
        for casus in sorted(library.casus.values(), key=lambda c: c.title):
            self.casus.addItem(f"{casus.title} · {origin_text(casus.source)}", casus.id)
        self.title = QLineEdit()
        self.title.setAccessibleName(_("Title"))
        self.title.setPlaceholderText(_("e.g. Samen gezond oud worden in Kaalheide"))
        self.wijk = QLineEdit()
        self.wijk.setAccessibleName(_("Wijk"))
        self.gemeente = QLineEdit()
        self.gemeente.setAccessibleName(_("Gemeente"))
        for field in (self.title, self.wijk, self.gemeente):
            field.setMaxLength(SHORT_TEXT_MAX)  # as much as the session's fields hold
        self.date = QDateEdit(QDate.currentDate())
        self.date.setAccessibleName(_("Date"))
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("dd-MM-yyyy")
        self.problem = QLabel()
        self.problem.setStyleSheet("color: #a4262c;")
        self.problem.hide()

        form = QFormLayout(self)
        form.addRow(_("Programme"), self.programme)
        form.addRow(_("Casus"), self.casus)
        form.addRow(_("Title"), self.title)
        form.addRow(_("Wijk"), self.wijk)
        form.addRow(_("Gemeente"), self.gemeente)
        form.addRow(_("Date"), self.date)
        form.addRow(self.problem)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        self.resize(620, self.sizeHint().height())

    def chosen_date(self) -> dt.date:
        date = self.date.date()
        return dt.date(date.year(), date.month(), date.day())

    def show_problem(self, message: str) -> None:
        self.problem.setText(message)
        self.problem.show()
