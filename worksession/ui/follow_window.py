"""Afspraken volgen: across every session whose plan is out, the agreements that need attention
— overdue, due within the chosen number of weeks, or without news for eight weeks — and the
evaluations that are due. From a row the coach records the kartrekker's report on it, or opens
its session.

What is listed, and why, is the storage operations' answer (``agreements_to_follow``,
``evaluations_due``); the window only shows it, sorts it and narrows it to one reason.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable
from html import escape

from PySide6.QtCore import QSortFilterProxyModel, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from worksession.domain.progress import (
    DUE,
    DUE_WEEKS,
    OVERDUE,
    REASON_LABELS,
    SILENT,
    FollowUpItem,
    ProgressEntry,
    latest_entry,
)
from worksession.i18n import _, ngettext
from worksession.storage.database import Database
from worksession.storage.operations.evaluations import evaluations_due
from worksession.storage.operations.progress import agreements_to_follow, progress_log
from worksession.ui.follow_table_model import (
    COLUMNS,
    REASON_COLUMN,
    REASONS_ROLE,
    SORT_ROLE,
    FollowTableModel,
    shown_date,
)
from worksession.ui.progress_dialog import ProgressDialog
from worksession.ui.shortcuts import keys_of
from worksession.ui.window_state import restore_geometry, save_geometry

MAX_WEEKS = 52
WEEKS_PAUSE_MS = 300
# Widths that leave the agreement itself the most room on a laptop (1280 pixels); a text cut
# short is shown whole on hover, and every column can be widened by hand.
FIXED_WIDTHS = {"Session": 200, "Lead": 140, "Last report": 200}


class FollowWindow(QMainWindow):
    """The agreements to follow across sessions; ``recorded`` says progress was recorded."""

    recorded = Signal(int)  # the session id

    def __init__(
        self,
        db: Database,
        open_session: Callable[[int], object],
        *,
        today: Callable[[], dt.date] = dt.date.today,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        # A window of its own beside the start window, not drawn inside it.
        self.setWindowFlag(Qt.WindowType.Window)
        self.setWindowTitle(_("Follow the agreements"))
        self.db = db
        self._open_session = open_session
        self._today = today
        self.progress_dialog: ProgressDialog | None = None

        self.weeks = QSpinBox()
        self.weeks.setRange(1, MAX_WEEKS)
        self.weeks.setValue(DUE_WEEKS)
        self.weeks.setSuffix(_(" weeks"))
        self.weeks.setAccessibleName(_("Due within"))
        # Read again once the arrows rest: each reading goes through every plan that is out.
        self.weeks_timer = QTimer(self)
        self.weeks_timer.setSingleShot(True)
        self.weeks_timer.setInterval(WEEKS_PAUSE_MS)
        self.weeks_timer.timeout.connect(self.refresh)
        self.weeks.valueChanged.connect(lambda _value: self.weeks_timer.start())
        self.reason = QComboBox()
        self.reason.setAccessibleName(_("Show"))
        self.reason.addItem(_("everything that needs attention"), "")
        for reason in (OVERDUE, DUE, SILENT):
            self.reason.addItem(_(REASON_LABELS[reason]), reason)
        self.reason.currentIndexChanged.connect(lambda _index: self._filter())
        self.count = QLabel()
        top = QHBoxLayout()
        top.addWidget(QLabel(_("Due within:")))
        top.addWidget(self.weeks)
        top.addSpacing(16)
        top.addWidget(QLabel(_("Show:")))
        top.addWidget(self.reason)
        top.addStretch()
        top.addWidget(self.count)

        self.evaluations = QLabel()
        self.evaluations.setObjectName("evaluationsDue")
        self.evaluations.setWordWrap(True)
        self.evaluations.setStyleSheet(
            "#evaluationsDue { background: #e8f1fb; color: #0b2e4f; padding: 6px 10px; }"
        )
        self.evaluations.linkActivated.connect(lambda link: self._open_session(int(link)))

        self.model = FollowTableModel()
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.proxy.setFilterRole(REASONS_ROLE)
        self.proxy.setFilterKeyColumn(REASON_COLUMN)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setAccessibleName(_("Agreements to follow"))
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for title, width in FIXED_WIDTHS.items():
            header.setSectionResizeMode(COLUMNS.index(title), QHeaderView.ResizeMode.Interactive)
            header.resizeSection(COLUMNS.index(title), width)
        header.setSectionResizeMode(COLUMNS.index("Agreement"), QHeaderView.ResizeMode.Stretch)
        # The most urgent first: overdue, then due, then silent, each by its date; a click on
        # a column's title sorts on that column instead.
        header.setSortIndicator(REASON_COLUMN, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.table.doubleClicked.connect(lambda _index: self.open_current())

        self.record_button = QPushButton(_("Record progress…"))
        self.record_button.clicked.connect(self.record_current)
        self.open_button = QPushButton(_("Open the session"))
        self.open_button.clicked.connect(self.open_current)
        bottom = QHBoxLayout()
        bottom.addWidget(self.record_button)
        bottom.addWidget(self.open_button)
        bottom.addStretch()
        central = QWidget()
        column = QVBoxLayout(central)
        column.addLayout(top)
        column.addWidget(self.evaluations)
        column.addWidget(self.table, stretch=1)
        column.addLayout(bottom)
        self.setCentralWidget(central)
        self._action(_("Open the session"), "follow_open", self.open_current)
        self._action(_("Record progress…"), "follow_record", self.record_current)
        self._action(_("Read again"), "follow_refresh", self.refresh)
        self._action(_("Close"), "follow_close", self.close)
        self.resize(1100, 560)
        restore_geometry(self, "follow")
        self.refresh()
        self.table.setFocus()  # Enter opens, Ctrl+R records: the keys work at once

    def closeEvent(self, event: QCloseEvent) -> None:
        save_geometry(self, "follow")
        super().closeEvent(event)

    def _action(self, text: str, shortcut: str, slot: Callable[[], object]) -> QAction:
        action = QAction(text, self)
        action.setShortcuts([QKeySequence(keys) for keys in keys_of(shortcut)])
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    # --- what is listed -----------------------------------------------------------------------

    def refresh(self) -> None:
        """Ask the operations again, keeping the chosen row when it is still listed."""
        self.weeks_timer.stop()
        chosen = self.current_item()
        today = self._today()
        items = agreements_to_follow(db=self.db, today=today, weeks=self.weeks.value())
        self.model.set_items(items, self._latest_reports(items))
        self._show_evaluations(today)
        self._filter()
        if chosen is not None:
            self.select(chosen.agreement.session_id, chosen.agreement.agreement_key)

    def _latest_reports(self, items: list[FollowUpItem]) -> dict[tuple[int, str], ProgressEntry]:
        """The latest report on each listed agreement: one read of the log per session."""
        latest: dict[tuple[int, str], ProgressEntry] = {}
        for session_id in {item.agreement.session_id for item in items}:
            by_key: dict[str, list[ProgressEntry]] = defaultdict(list)
            for entry in progress_log(db=self.db, session_id=session_id):
                if entry.agreement_id is not None:  # not of an agreement removed since
                    by_key[entry.agreement_key].append(entry)
            for key, entries in by_key.items():
                found = latest_entry(entries)
                if found is not None:
                    latest[(session_id, key)] = found
        return latest

    def _show_evaluations(self, today: dt.date) -> None:
        due = evaluations_due(db=self.db, today=today, weeks=self.weeks.value())
        lines = [
            _("Evaluation of <a href='{id}'>{session}</a> on {date}{late}").format(
                id=item.session_id,
                session=escape(" · ".join(filter(None, (item.wijk, item.session_title)))),
                date=shown_date(item.evaluation),
                late=_(" (past)") if item.overdue(today) else "",
            )
            for item in due
        ]
        self.evaluations.setText("<br>".join(lines))
        self.evaluations.setVisible(bool(lines))

    def _filter(self) -> None:
        reason = str(self.reason.currentData() or "")
        # The reasons are joined by commas; "due" must not match "overdue".
        self.proxy.setFilterRegularExpression(f"(^|,){reason}(,|$)" if reason else "")
        shown = self.proxy.rowCount()
        self.count.setText(
            ngettext("{count} agreement", "{count} agreements", shown).format(count=shown)
            if shown
            else _("Nothing needs attention now.")
        )
        for button in (self.record_button, self.open_button):
            button.setEnabled(shown > 0)
        if shown and not self.table.currentIndex().isValid():
            self.table.setCurrentIndex(self.proxy.index(0, 0))

    def current_item(self) -> FollowUpItem | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.model.item_at(self.proxy.mapToSource(index).row())

    def select(self, session_id: int, agreement_key: str) -> bool:
        """Make that agreement's row current; False when it is not listed (now)."""
        for row in range(self.proxy.rowCount()):
            item = self.model.item_at(self.proxy.mapToSource(self.proxy.index(row, 0)).row())
            if (item.agreement.session_id, item.agreement.agreement_key) == (
                session_id,
                agreement_key,
            ):
                self.table.setCurrentIndex(self.proxy.index(row, 0))
                return True
        return False

    # --- what the coach does from a row -------------------------------------------------------

    def open_current(self) -> None:
        item = self.current_item()
        if item is not None:
            self._open_session(item.agreement.session_id)

    def record_current(self) -> ProgressDialog | None:
        """Voortgang vastleggen on the current row's agreement."""
        item = self.current_item()
        if item is None:
            return None
        agreement = item.agreement
        dialog = ProgressDialog(
            self.db,
            agreement.session_id,
            agreement_key=agreement.agreement_key,
            title=agreement.session_title,
            parent=self,
        )
        dialog.recorded.connect(self._after_recording)
        dialog.finished.connect(dialog.deleteLater)
        self.progress_dialog = dialog
        dialog.open()
        return dialog

    def _after_recording(self, session_id: int) -> None:
        self.refresh()
        self.recorded.emit(session_id)
