"""The start window's sessions table, with the session actions on its right-click menu.

The menu is built when it is asked for, not with the table: the listing paints first (see
``start_window``), and a right-click chooses the row it is on before the actions act on it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QTableView

if TYPE_CHECKING:
    from PySide6.QtGui import QAction, QContextMenuEvent
    from PySide6.QtWidgets import QMenu


class SessionTableView(QTableView):
    def __init__(self) -> None:
        super().__init__()
        self.menu_actions: list[QAction | None] = []  # None: a separator
        self.context_menu: QMenu | None = None  # the one shown last

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        from PySide6.QtWidgets import QMenu

        index = self.indexAt(event.pos())
        if index.isValid():
            self.setCurrentIndex(index)  # the actions act on the row clicked, as in a list
        menu = QMenu(self)
        for action in self.menu_actions:
            if action is None:
                menu.addSeparator()
            else:
                menu.addAction(action)
        self.context_menu = menu
        menu.popup(event.globalPos())
