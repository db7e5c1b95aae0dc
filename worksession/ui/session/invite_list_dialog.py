"""What an invite list file would add, shown before anything is written: the refused cells by
row, column (as the file's header says it), value and why, and the choice to import the
accepted rows or nothing."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from worksession.domain.people_import import InviteList
from worksession.i18n import _, ngettext

OBJECT_NAME = "invite-list-report"


class InviteListDialog(QDialog):
    """Accepted: import the accepted rows; rejected (Cancel, Esc): write nothing."""

    def __init__(self, invite: InviteList, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(OBJECT_NAME)
        self.setWindowTitle(_("Import invite list"))
        accepted, refused = len(invite.people), len(invite.refused_rows)
        summary = [
            f"{path.name}:",
            ngettext(
                "{count} row can be imported", "{count} rows can be imported", accepted
            ).format(count=accepted),
        ]
        if refused:
            summary.append(
                ngettext(
                    "{count} row is refused (below); it is left out",
                    "{count} rows are refused (below); they are left out",
                    refused,
                ).format(count=refused)
            )
        else:
            summary.append(_("nothing is refused"))
        if invite.ignored:
            summary.append(
                _("columns not read: {columns}").format(columns=", ".join(invite.ignored))
            )
        self.summary = QLabel("\n".join(summary))
        self.summary.setWordWrap(True)
        self.table = QTableWidget(len(invite.refused), 4)
        self.table.setAccessibleName(_("Refused rows"))
        self.table.setHorizontalHeaderLabels([_("Row"), _("Column"), _("Value"), _("Why")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        # Tab goes on to the buttons; arrows move between the refused cells. Otherwise Tab
        # walks every cell and the keyboard never reaches Import.
        self.table.setTabKeyNavigation(False)
        for number, refusal in enumerate(invite.refused):
            cells = (str(refusal.row), refusal.column, refusal.value, refusal.reason)
            for column, text in enumerate(cells):
                self.table.setItem(number, column, QTableWidgetItem(text))
        header = self.table.horizontalHeader()
        for column in range(3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.setVisible(bool(invite.refused))
        buttons = QDialogButtonBox()
        self.import_button = QPushButton(
            ngettext("Import {count} row", "Import {count} rows", accepted).format(count=accepted)
        )
        self.import_button.setObjectName("import")
        self.import_button.setEnabled(accepted > 0)
        buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, stretch=1)
        layout.addWidget(buttons)
        self.resize(760, 420 if invite.refused else 160)
        # Cancel is where Enter lands when rows are refused: leaving them out is a choice.
        (
            self.import_button
            if not invite.refused
            else buttons.button(QDialogButtonBox.StandardButton.Cancel)
        ).setDefault(True)
