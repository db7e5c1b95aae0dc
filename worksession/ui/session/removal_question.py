"""The question before a removal that takes other records along: what changes, then yes or no.

The list comes from ``removal_effects`` (Qt-free), the same search the removal runs, so the
coach reads exactly what will change; undo still puts all of it back.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from worksession.i18n import _
from worksession.storage.operations.removal_effects import Consequence

OBJECT_NAME = "removalQuestion"


def removal_box(parent: QWidget, name: str, consequences: Sequence[Consequence]) -> QMessageBox:
    """The question, not yet shown; "Cancel" is the default so a stray Enter removes nothing."""
    box = QMessageBox(parent)
    box.setObjectName(OBJECT_NAME)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(_("Remove {name}?").format(name=name))
    box.setTextFormat(Qt.TextFormat.RichText)
    items = "".join(_item(consequence) for consequence in consequences)
    box.setText(
        "<p>"
        + escape(_("Removing {name} also changes:").format(name=name))
        + f"</p><ul>{items}</ul><p>"
        + escape(_("Ctrl+Z puts everything back."))
        + "</p>"
    )
    remove = box.addButton(_("Remove"), QMessageBox.ButtonRole.DestructiveRole)
    remove.setObjectName("remove")
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    return box


def _item(consequence: Consequence) -> str:
    """One line per kind of change, the names under it: an agreement's text has commas too.

    Qt's rich text puts an empty line before a nested list at the end; plain lines do not.
    """
    names = "".join(f"<br>&nbsp;&nbsp;– {escape(name, quote=False)}" for name in consequence.names)
    return f"<li>{escape(consequence.message, quote=False)}{names}</li>"


def confirm_removal(parent: QWidget, name: str, consequences: Sequence[Consequence]) -> bool:
    """Ask; True when the coach chose to remove."""
    box = removal_box(parent, name, consequences)
    box.exec()
    clicked = box.clickedButton()
    box.deleteLater()
    return clicked is not None and clicked.objectName() == "remove"
