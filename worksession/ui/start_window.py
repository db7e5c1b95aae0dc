"""The start window: the sessions in this database, with a clear first-start state."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from worksession.demo import create_demo_session
from worksession.i18n import _, ngettext
from worksession.programmes.model import Library
from worksession.storage.database import Database
from worksession.storage.operations.sessions import list_sessions
from worksession.ui.session_table_model import SessionTableModel


class StartWindow(QMainWindow):
    def __init__(self, db: Database, library: Library) -> None:
        super().__init__()
        self._db = db
        self._library = library
        self.setWindowTitle(_("Worksession — sessions"))
        self.resize(900, 560)

        self.model = SessionTableModel()
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)

        self.empty_state = self._build_empty_state()
        self.pages = QStackedWidget()
        self.pages.addWidget(self.empty_state)
        self.pages.addWidget(self.table)
        self.setCentralWidget(self.pages)

        self.demo_action = QAction(_("Create example session"), self)
        self.demo_action.setShortcut(QKeySequence("Ctrl+Shift+D"))
        self.demo_action.triggered.connect(self.create_demo)
        self.addAction(self.demo_action)
        quit_action = QAction(_("Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        self.addAction(quit_action)
        menu = self.menuBar().addMenu(_("&Session"))
        menu.addAction(self.demo_action)
        menu.addSeparator()
        menu.addAction(quit_action)
        self.refresh()

    def _build_empty_state(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addStretch()
        heading = QLabel(_("No sessions yet"))
        heading.setObjectName("emptyHeading")
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        heading.setFont(font)
        text = QLabel(
            _(
                "Sessions you lead are kept here, saved with every change. "
                "Start with the example session to see what a complete plan looks like."
            )
        )
        text.setWordWrap(True)
        self.demo_button = QPushButton(_("Create example session"))
        self.demo_button.clicked.connect(self.create_demo)
        layout.addWidget(heading)
        layout.addWidget(text)
        layout.addWidget(self.demo_button, alignment=Qt.AlignmentFlag.AlignLeft)
        layout.addStretch()
        layout.setContentsMargins(80, 40, 80, 40)
        return page

    def refresh(self) -> None:
        sessions = list_sessions(db=self._db)
        self.model.set_sessions(sessions)
        self.pages.setCurrentWidget(self.table if sessions else self.empty_state)
        self.statusBar().showMessage(
            ngettext(
                "{count} session · {where}", "{count} sessions · {where}", len(sessions)
            ).format(count=len(sessions), where=self._db.path or self._db.url)
        )

    def create_demo(self) -> None:
        create_demo_session(db=self._db, library=self._library)
        self.refresh()
