"""The borging conditions on the half-year review: each condition as the signed plan had it
beside how it stands now (changed on *Vervolg & borging* of the follow-up), so the group
revisits what makes the agreements last. Hidden when neither has any conditions."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeWidget, QTreeWidgetItem

from worksession.domain.conditions import then_and_now
from worksession.i18n import _


class ConditionsThenAndNow(QTreeWidget):
    """Condition, state at sign-off, state now; a changed state is shown in bold."""

    def __init__(self) -> None:
        super().__init__()
        self.setAccessibleName(_("What makes the agreements last: at sign-off and now"))
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setHeaderLabels([_("What makes the agreements last"), _("At sign-off"), _("Now")])
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)

    def show_document(self, document: Any) -> None:
        origin = document.get("origin") or {}
        signed = (origin.get("plan") or {}).get("conditions", [])
        rows = then_and_now(signed, document.get("conditions", []))
        self.clear()
        self.setVisible(bool(rows))
        for kind, then, now in rows:
            item = QTreeWidgetItem([kind.label, then.label, now.label])
            if then != now:
                font = QFont(item.font(2))
                font.setBold(True)
                item.setFont(2, font)
            self.addTopLevelItem(item)
        height = self.sizeHintForRow(0) if rows else 0
        self.setFixedHeight(
            self.header().sizeHint().height() + len(rows) * max(height, 1) + 2 * self.frameWidth()
        )

    def states(self) -> list[tuple[str, str, str]]:
        """What the rows say (for tests and the screen reader's sake)."""
        result = []
        for index in range(self.topLevelItemCount()):
            item = self.topLevelItem(index)
            assert item is not None
            result.append((item.text(0), item.text(1), item.text(2)))
        return result
