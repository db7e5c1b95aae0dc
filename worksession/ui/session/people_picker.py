"""Choose people from a long list by typing part of a name: one trekker, or several partners.

With sixty people in the room a list to scroll is too slow and a combo box cuts the names off.
The picker filters as the coach types (on name, role and organisation, ignoring case and
accents), keeps the keyboard in the search field while the arrows move through the matches, and
is as wide as its longest name and as tall as its list, within the screen.

- One person (``several=False``): Enter or Space on a match picks it and closes the picker.
- Several people: Enter in the search field ticks or unticks the highlighted match and clears the
  search for the next name; Space on the list does the same; Enter with an empty search (or
  Ctrl+Enter at any time) confirms.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping, Sequence

from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtGui import QGuiApplication, QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from worksession.i18n import _

KEY = Qt.ItemDataRole.UserRole
SCREEN_SHARE = 0.8  # the picker never takes more of the screen than this
MIN_WIDTH = 320
LIST_ROWS_AT_LEAST = 6  # a picker for three people still looks like a list
SUMMARY_NAMES = 6  # named under the list; more are counted, so the list keeps its room
NAVIGATION = (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown)


def folded(text: str) -> str:
    """``text`` without case or accents, so "jose" finds "José" and "ozturk" finds "Öztürk"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


class PeoplePicker(QDialog):
    """Pick one person or tick several from ``people`` — (key, label) pairs — by typing."""

    def __init__(
        self,
        title: str,
        people: Sequence[tuple[str, str]],
        chosen: Iterable[str],
        *,
        several: bool,
        text: str = "",
        details: Mapping[str, str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """``details`` gives per key more words to find a person by (organisation, domain)."""
        super().__init__(parent)
        self.setWindowTitle(title)
        self.several = several
        self._order = [key for key, _label in people]
        self._labels = dict(people)
        self._ticked = [key for key in chosen if key in self._labels]
        extra = details or {}
        self._haystack = {key: folded(f"{label} {extra.get(key, '')}") for key, label in people}
        self.search = QLineEdit()
        self.search.setPlaceholderText(_("Type part of a name, role or organisation"))
        self.search.setAccessibleName(_("Search people"))
        self.search.setClearButtonEnabled(True)
        self.list = QListWidget()
        self.list.setAccessibleName(title)
        self.list.setUniformItemSizes(True)
        for key, label in people:
            item = QListWidgetItem(label)
            item.setData(KEY, key)
            if several:
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                checked = key in self._ticked
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            self.list.addItem(item)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._layout = layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.list, stretch=1)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)

        self.search.textChanged.connect(self._filter)
        self.search.installEventFilter(self)
        self.list.installEventFilter(self)
        self.list.itemChanged.connect(self._ticked_changed)
        self.list.itemActivated.connect(self._activated)
        self.search.setText(text)
        self._filter(text)
        if not several and self._ticked:
            self._make_current(self._row_of(self._ticked[0]))
        self._show_summary()
        self.resize(self._fitting_size())
        self.search.setFocus()

    # --- what was chosen ------------------------------------------------------------------------
    def chosen(self) -> list[str]:
        """The keys picked: in list order when several, else the one highlighted (or none)."""
        if self.several:
            ticked = set(self._ticked)
            return [key for key in self._order if key in ticked]
        item = self.list.currentItem()
        return [str(item.data(KEY))] if item is not None and not item.isHidden() else []

    def visible_labels(self) -> list[str]:
        """The labels the filter leaves, in list order."""
        return [
            self.list.item(row).text()
            for row in range(self.list.count())
            if not self.list.item(row).isHidden()
        ]

    # --- filtering and keys ---------------------------------------------------------------------
    def _filter(self, text: str) -> None:
        words = folded(text).split()
        first = -1
        for row in range(self.list.count()):
            item = self.list.item(row)
            haystack = self._haystack[str(item.data(KEY))]
            hidden = not all(word in haystack for word in words)
            item.setHidden(hidden)
            if not hidden and first < 0:
                first = row
        current = self.list.currentItem()
        if current is None or current.isHidden():
            self._make_current(first)

    def _make_current(self, row: int) -> None:
        if row < 0:
            self.list.setCurrentRow(-1)  # nothing matches: Enter picks nobody
            return
        self.list.setCurrentRow(row)
        self.list.scrollToItem(self.list.item(row))

    def _row_of(self, key: str) -> int:
        return self._order.index(key) if key in self._order else -1

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        key = event.key()
        enter = key in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if enter and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.accept()
            return True
        if watched is self.search:
            if key in NAVIGATION:
                # The arrows walk the matches while the typing stays in the search field.
                self.list.keyPressEvent(event)
                return True
            if enter:
                self._pick_from_search()
                return True
        elif watched is self.list and (enter or key == Qt.Key.Key_Space):
            self._activated(self.list.currentItem())
            return True
        return False

    def _pick_from_search(self) -> None:
        if self.several and not self.search.text().strip():
            self.accept()
            return
        self._activated(self.list.currentItem())

    def _activated(self, item: QListWidgetItem | None) -> None:
        if item is None or item.isHidden():
            return
        if not self.several:
            self.accept()
            return
        checked = item.checkState() == Qt.CheckState.Checked
        item.setCheckState(Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked)
        if self.search.text():
            self.search.clear()  # ready for the next name
            self._make_current(self.list.row(item))

    def _ticked_changed(self, item: QListWidgetItem) -> None:
        key = str(item.data(KEY))
        checked = item.checkState() == Qt.CheckState.Checked
        if checked and key not in self._ticked:
            self._ticked.append(key)
        elif not checked and key in self._ticked:
            self._ticked.remove(key)
        self._show_summary()

    def _show_summary(self) -> None:
        if not self.several:
            self.summary.hide()
            return
        names = [self._labels[key] for key in self._order if key in set(self._ticked)]
        shown = "; ".join(names[:SUMMARY_NAMES])
        if len(names) > SUMMARY_NAMES:
            shown += " " + _("… and {count} more").format(count=len(names) - SUMMARY_NAMES)
        self.summary.setText(
            _("Chosen ({count}): {names}").format(count=len(names), names=shown)
            if names
            else _("Nobody chosen yet.")
        )

    # --- size -----------------------------------------------------------------------------------
    def _fitting_size(self) -> QSize:
        """Wide enough for the longest name, tall enough for every row, within the screen."""
        metrics = self.list.fontMetrics()
        labels = self._labels.values()
        widest = max((metrics.horizontalAdvance(label) for label in labels), default=0)
        style = self.style()
        indicator = style.pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth) if self.several else 0
        scroll_bar = style.pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        margins = self._layout.contentsMargins()
        frame = 2 * self.list.frameWidth() + 24  # item padding and the check box's spacing
        width = widest + indicator + scroll_bar + frame + margins.left() + margins.right()
        rows = max(self.list.count(), LIST_ROWS_AT_LEAST)
        row_height = max(self.list.sizeHintForRow(0), metrics.height() + 4)
        others = self.sizeHint().height() - self.list.sizeHint().height()
        height = rows * row_height + 2 * self.list.frameWidth() + others
        screen = (self.screen() or QGuiApplication.primaryScreen()).availableGeometry()
        return QSize(
            min(max(width, MIN_WIDTH), int(screen.width() * SCREEN_SHARE)),
            min(height, int(screen.height() * SCREEN_SHARE)),
        )
