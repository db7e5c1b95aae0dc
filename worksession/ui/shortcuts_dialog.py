"""Sneltoetsen: the overview of every keyboard shortcut (Help menu, F1), read from the registry."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QStyle,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from worksession.i18n import _
from worksession.ui.shortcuts import PLACES, START, in_place

KEY_SEPARATOR = " / "
MIN_WIDTH = 640
SCREEN_SHARE = 0.9  # the overview never takes more of the screen's width than this


def shown_keys(keys: tuple[str, ...]) -> str:
    """The keys as this platform writes them ("Ctrl+PgDown" → "Ctrl+PgDown", "⌘+…" on a Mac)."""
    native = QKeySequence.SequenceFormat.NativeText
    return KEY_SEPARATOR.join(QKeySequence(key).toString(native) for key in keys)


class ShortcutsDialog(QDialog):
    """One section per place (start window, session window, the room, the clicker, dialogs)."""

    def __init__(self, parent: QWidget | None = None, *, first: str = START) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Keyboard shortcuts"))
        self.tree = QTreeWidget()
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels([_("Keys"), _("What it does")])
        self.tree.setAccessibleName(_("Keyboard shortcuts"))
        self.tree.setRootIsDecorated(False)
        self.sections: list[QTreeWidgetItem] = []
        # The window it was opened from comes first; the others follow in their usual order.
        places = sorted(PLACES.items(), key=lambda entry: entry[0] != first)
        for place, title in places:
            section = QTreeWidgetItem([_(title)])
            font = section.font(0)
            font.setBold(True)
            section.setFont(0, font)
            self.tree.addTopLevelItem(section)
            self.sections.append(section)
            section.setFirstColumnSpanned(True)  # the place's name over both columns
            for shortcut in in_place(place):
                section.addChild(QTreeWidgetItem([shown_keys(shortcut.keys), _(shortcut.what)]))
        self.tree.expandAll()
        self.tree.resizeColumnToContents(0)
        self.tree.resizeColumnToContents(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree)
        layout.addWidget(buttons)
        self.resize(self._fitting_width(parent, layout), 600)

    def _fitting_width(self, parent: QWidget | None, layout: QVBoxLayout) -> int:
        """As wide as the longest description, so none ends in "…" (at 640 pixels the F2 line
        did), within the screen. The height of 600 shows a screenful of rows on a laptop."""
        screen = (parent.screen() if parent is not None else None) or self.screen()
        room = int(screen.availableGeometry().width() * SCREEN_SHARE)
        scroll_bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        margins = layout.contentsMargins()
        wanted = (
            self.tree.header().length()
            + 2 * self.tree.frameWidth()
            + scroll_bar
            + margins.left()
            + margins.right()
        )
        return min(max(wanted, MIN_WIDTH), room)

    def listed_keys(self) -> list[str]:
        """Every key text the overview shows, for checks."""
        keys: list[str] = []
        for section in self.sections:
            for row in range(section.childCount()):
                item = section.child(row)
                assert item is not None
                keys.extend(item.text(0).split(KEY_SEPARATOR))
        return keys


def show_shortcuts(parent: QWidget, place: str) -> ShortcutsDialog:
    """Open the overview beside ``parent``, not modal: the coach may keep it open while working.
    F1 again brings the open one to the front instead of stacking a second."""
    dialog = parent.findChild(ShortcutsDialog)
    if dialog is None:
        dialog = ShortcutsDialog(parent, first=place)
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    return dialog
