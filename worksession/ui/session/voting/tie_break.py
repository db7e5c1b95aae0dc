"""The group decides the order of themes with equal scores: one list per tie, moved with the
Up and Down buttons (or Alt+Up, Alt+Down); OK stores the order as the vote's tie break."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from worksession.i18n import _
from worksession.ui.vote_results import join_titles


class TieBreakDialog(QDialog):
    """``groups``: per tie, (theme id, title) in the current order."""

    def __init__(
        self, groups: Sequence[Sequence[tuple[int, str]]], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Decide the order of equal themes"))
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("0") * 60)
        layout = QVBoxLayout(self)
        intro = QLabel(
            _("These themes have the same score. Put them in the order the group chose.")
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.lists: list[QListWidget] = []
        for group in groups:
            names = join_titles([title for _id, title in group])
            listing = QListWidget()
            listing.setAccessibleName(_("Order of {themes}").format(themes=names))
            for theme_id, title in group:
                item = QListWidgetItem(title)
                item.setData(Qt.ItemDataRole.UserRole, theme_id)
                listing.addItem(item)
            listing.setCurrentRow(0)
            rows = listing.sizeHintForRow(0) * len(group) + 2 * listing.frameWidth() + 4
            listing.setFixedHeight(rows)
            listing.setDragDropMode(QListWidget.DragDropMode.InternalMove)
            layout.addWidget(listing)
            self.lists.append(listing)
        self.up = QPushButton(_("Move up"))
        self.up.clicked.connect(lambda: self.shift(-1))
        self.down = QPushButton(_("Move down"))
        self.down.clicked.connect(lambda: self.shift(1))
        for keys, step in (("Alt+Up", -1), ("Alt+Down", 1)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.activated.connect(lambda step=step: self.shift(step))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.up)
        row.addWidget(self.down)
        row.addStretch()
        row.addWidget(buttons)
        layout.addLayout(row)
        self._last = self.lists[0] if self.lists else None
        for listing in self.lists:
            listing.itemSelectionChanged.connect(lambda listing=listing: self._remember(listing))

    def _remember(self, listing: QListWidget) -> None:
        self._last = listing

    def shift(self, step: int, listing: QListWidget | None = None) -> None:
        """Move the chosen theme of ``listing`` (the last one used) up (-1) or down (+1)."""
        listing = listing or self._last
        if listing is None:
            return
        row = listing.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < listing.count():
            return
        item = listing.takeItem(row)
        listing.insertItem(target, item)
        listing.setCurrentRow(target)

    def order(self) -> list[list[int]]:
        """Per tie, the theme ids in the chosen order."""
        return [
            [int(listing.item(i).data(Qt.ItemDataRole.UserRole)) for i in range(listing.count())]
            for listing in self.lists
        ]
