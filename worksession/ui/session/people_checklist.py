"""A list of people to tick (the members of the werkgroep), narrowed by typing part of a name."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget, QListWidgetItem

from worksession.ui.session.people_picker import folded


class PeopleChecklist(QListWidget):
    def set_people(self, people: Iterable[tuple[str, str]], chosen: Iterable[str]) -> None:
        """Show ``people`` as (key, label), ticking those in ``chosen``; emits no changes."""
        ticked = set(chosen)
        self.blockSignals(True)
        self.clear()
        for key, label in people:
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if key in ticked else Qt.CheckState.Unchecked)
            self.addItem(item)
        self.blockSignals(False)

    def chosen(self) -> list[str]:
        """The keys ticked, in list order."""
        return [
            self.item(row).data(Qt.ItemDataRole.UserRole)
            for row in range(self.count())
            if self.item(row).checkState() == Qt.CheckState.Checked
        ]

    def narrow(self, text: str) -> int:
        """Show only the people whose label holds every word of ``text`` (case and accents
        ignored); ticked people stay ticked when hidden. Returns how many are shown."""
        words = folded(text).split()
        shown = 0
        for row in range(self.count()):
            item = self.item(row)
            hidden = not all(word in folded(item.text()) for word in words)
            item.setHidden(hidden)
            shown += not hidden
        return shown
