"""The start window: the sessions in this database, with a clear first-start state."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

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
from worksession.ui.toolkit_dialog import ToolkitDialog


class StartWindow(QMainWindow):
    def __init__(
        self,
        db: Database,
        library: Library,
        *,
        load_library: Callable[[], Library] | None = None,
        user_folder: Path | None = None,
    ) -> None:
        super().__init__()
        self._db = db
        self._library = library
        self._load_library = load_library or (lambda: self._library)
        self._user_folder = user_folder or Path.home()
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
        self.toolkit_warning = QLabel()
        self.toolkit_warning.setObjectName("toolkitWarning")
        self.toolkit_warning.setWordWrap(True)
        self.toolkit_warning.setStyleSheet(
            "#toolkitWarning { background: #fff4ce; color: #3d2c00; padding: 6px 10px; }"
        )
        self.toolkit_warning.linkActivated.connect(lambda _link: self.show_toolkit())
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.toolkit_warning)
        column.addWidget(self.pages)
        self.setCentralWidget(central)

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
        self.toolkit_action = QAction(_("Programmes and casus…"), self)
        self.toolkit_action.setShortcut(QKeySequence("Ctrl+Shift+T"))
        self.toolkit_action.triggered.connect(self.show_toolkit)
        self.menuBar().addMenu(_("&Toolkit")).addAction(self.toolkit_action)
        self.refresh()
        self._show_toolkit_problems()

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

    def _show_toolkit_problems(self) -> None:
        count = len(self._library.problems)
        self.toolkit_warning.setVisible(count > 0)
        self.toolkit_warning.setText(
            ngettext(
                "{count} toolkit file cannot be used. <a href='#'>Show why</a>",
                "{count} toolkit files cannot be used. <a href='#'>Show why</a>",
                count,
            ).format(count=count)
        )

    def show_toolkit(self) -> ToolkitDialog:
        dialog = ToolkitDialog(
            self._library, load=self._load_library, user_folder=self._user_folder, parent=self
        )
        dialog.finished.connect(lambda _result: self._adopt_library(dialog.library))
        dialog.open()
        return dialog

    def _adopt_library(self, library: Library) -> None:
        self._library = library
        self._show_toolkit_problems()

    def create_demo(self) -> None:
        create_demo_session(db=self._db, library=self._library)
        self.refresh()
