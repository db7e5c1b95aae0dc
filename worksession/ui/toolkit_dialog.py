"""The toolkit as the app sees it: programmes and casus with where each comes from, and the
files that could not be used, with their message."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from worksession.export.programme_overview import duration_text
from worksession.i18n import _
from worksession.programmes.model import Library, Source

if TYPE_CHECKING:
    from worksession.ui.package_import import ImportOutcome


def origin_text(source: Source) -> str:
    return _("shipped") if source.origin == "shipped" else _("own folder")


class ToolkitDialog(QDialog):
    def __init__(
        self,
        library: Library,
        *,
        load: Callable[[], Library],
        user_folder: Path,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Programmes and casus"))
        self.resize(900, 560)
        self.library = library
        self._load = load
        self._user_folder = user_folder

        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([_("Title"), _("Id"), _("Duration"), _("Source")])
        self.tree.setAccessibleName(_("Programmes and casus"))
        self.tree.header().setStretchLastSection(True)
        self.problems_label = QLabel(_("Files that cannot be used:"))
        self.problems = QListWidget()
        self.problems.setAccessibleName(_("Files that cannot be used"))
        self.problems.setWordWrap(True)
        folder = QLabel(
            _("Your own programmes and casus go in {folder}; a file with the same id "
              "replaces the shipped one.").format(folder=user_folder)
        )  # fmt: skip
        folder.setWordWrap(True)
        folder.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        open_folder = QPushButton(_("Open own folder"))
        open_folder.clicked.connect(self.open_user_folder)
        reload = QPushButton(_("Reload"))
        reload.setShortcut("F5")
        reload.clicked.connect(self.reload)
        self.import_button = QPushButton(_("Import a package…"))
        self.import_button.clicked.connect(lambda: self.import_package())
        buttons.addButton(open_folder, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(reload, QDialogButtonBox.ButtonRole.ActionRole)

        layout = QVBoxLayout(self)
        layout.addWidget(self.tree, stretch=3)
        layout.addWidget(self.problems_label)
        layout.addWidget(self.problems, stretch=1)
        layout.addWidget(folder)
        layout.addWidget(buttons)
        self.show_library(library)

    def show_library(self, library: Library) -> None:
        self.library = library
        self.tree.clear()
        programmes = QTreeWidgetItem([_("Programmes")])
        for programme in sorted(library.programmes.values(), key=lambda p: p.title):
            item = QTreeWidgetItem(
                [
                    programme.title,
                    programme.id,
                    duration_text(programme.total_minutes),
                    origin_text(programme.source),
                ]
            )
            item.setToolTip(3, str(programme.source.path))
            programmes.addChild(item)
        casus = QTreeWidgetItem([_("Casus")])
        for entry in sorted(library.casus.values(), key=lambda c: c.title):
            item = QTreeWidgetItem([entry.title, entry.id, "", origin_text(entry.source)])
            item.setToolTip(3, str(entry.source.path))
            casus.addChild(item)
        self.tree.addTopLevelItems([programmes, casus])
        self.tree.expandAll()
        for column in (0, 1, 2):
            self.tree.resizeColumnToContents(column)
        self.problems.clear()
        self.problems.addItems([str(problem) for problem in library.problems])
        has_problems = bool(library.problems)
        self.problems_label.setVisible(has_problems)
        self.problems.setVisible(has_problems)

    def reload(self) -> None:
        self.show_library(self._load())

    def import_package(self, path: Path | None = None) -> ImportOutcome | None:
        """A package into the own folder (``path``, else the one the user chooses); the list
        shows it at once."""
        from worksession.ui.package_import import import_into_toolkit

        return import_into_toolkit(self, path, user_folder=self._user_folder, then=self.reload)

    def open_user_folder(self) -> None:
        for kind in ("programmes", "casus", "catalogues"):
            (self._user_folder / kind).mkdir(parents=True, exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self._user_folder)))
