"""Undo and Redo for the session window, held back while an edit waits to be stored.

Undoing an earlier edit while a later one still waits for the database would store the two in
the wrong order: the waiting edit, stored after the undo, would put back what the undo took
away. So while anything is pending the two actions are disabled, and pressing the key tries to
store the waiting edits first and says why nothing was undone when that is not yet possible.
"""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget
from shiboken6 import isValid

from worksession.i18n import _
from worksession.ui.session.controller import SessionController
from worksession.ui.shortcuts import keys_of


def undo_actions(window: QWidget, controller: SessionController) -> tuple[QAction, QAction]:
    """The window's Undo and Redo actions (added to ``window``)."""
    stack = controller.undo_stack
    undo = QAction(_("Undo"), window)
    undo.setShortcuts([QKeySequence(keys) for keys in keys_of("undo")])
    redo = QAction(_("Redo"), window)
    redo.setShortcuts([QKeySequence(keys) for keys in keys_of("redo")])

    def update() -> None:
        if not (isValid(stack) and isValid(undo)):
            return  # the window is being taken down: a last signal finds its parts gone
        waiting = controller.has_pending
        undo.setEnabled(stack.canUndo() and not waiting)
        redo.setEnabled(stack.canRedo() and not waiting)
        undo.setText(_("Undo {action}").format(action=stack.undoText()) if stack.canUndo()
                     else _("Undo"))  # fmt: skip
        redo.setText(_("Redo {action}").format(action=stack.redoText()) if stack.canRedo()
                     else _("Redo"))  # fmt: skip

    undo.triggered.connect(lambda: controller.undo())
    redo.triggered.connect(lambda: controller.redo())
    for signal in (stack.indexChanged, stack.canUndoChanged, stack.canRedoChanged):
        signal.connect(update)
    controller.pending_changed.connect(update)
    update()
    window.addActions([undo, redo])
    return undo, redo
