"""The contract every step page keeps: built for one programme step, refreshed after a change
to a part of the session it shows, flushed before the coach leaves it, and able to say what it
still needs."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QShowEvent, QTextCursor
from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget

from worksession.domain.changes import EVERYTHING, NOTHING, Changes
from worksession.domain.checks import Check
from worksession.domain.interchange import Document
from worksession.i18n import _
from worksession.programmes.model import Step
from worksession.ui.session.autosave import AutosaveText, TextWidget, text_of
from worksession.ui.session.commands import EditCommand, replaced_caution
from worksession.ui.session.controller import SessionController
from worksession.ui.session.record_table import RecordTable


class StepPage(QWidget):
    """Base of every page. Subclasses build their widgets and override ``refresh``."""

    # The parts of the session the page shows, the ones its rows are made from included (a
    # participant's name on an agreement): a change to any other part leaves it as it is.
    shows: Changes = EVERYTHING

    def __init__(self, controller: SessionController, step: Step) -> None:
        super().__init__()
        self.controller = controller
        self.step = step
        self._bindings: list[tuple[AutosaveText, Callable[[Document], str]]] = []
        self.layout_ = QVBoxLayout(self)
        heading = QLabel(step.title)
        heading.setObjectName("pageHeading")
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        heading.setFont(font)
        self.layout_.addWidget(heading)
        if step.purpose:
            purpose = QLabel(step.purpose.strip())
            purpose.setWordWrap(True)
            purpose.setObjectName("pagePurpose")
            self.layout_.addWidget(purpose)
        self._stale = False
        controller.changed.connect(self._session_changed)

    def _session_changed(self, parts: Changes) -> None:
        if not parts & self.shows:
            return
        # Only the page on screen refreshes at once; the others when they are shown. A save
        # must not rebuild a dozen hidden pages on the GUI thread (``make bench``).
        if self.isHidden():
            self._stale = True
        else:
            self.refresh()

    def refresh_if_stale(self) -> None:
        if self._stale:
            self._stale = False
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        self.refresh_if_stale()
        super().showEvent(event)

    # --- the contract ---------------------------------------------------------------------
    def refresh(self) -> None:
        """Show the session as it is now (called after every change, undo and redo)."""
        for binding, read in self._bindings:
            binding.show_stored(read(self.controller.document))

    def flush(self) -> None:
        """Store whatever is still being typed (before navigating away or closing)."""
        for binding, _read in self._bindings:
            binding.flush()

    def release(self) -> None:
        """Let go of what the page holds only to be seen (its window closes); a page reopened
        shows the session again as it does after any change."""

    def checks(self) -> list[Check]:
        """The lesson checks that belong to this step."""
        return [check for check in self.controller.checks if check.step_kind == self.step.kind]

    def has_content(self) -> bool:
        """Whether the step has recorded what it should (for the navigator's mark)."""
        return False

    def find_text(self, text: str) -> bool:
        """Show the first place on this page that contains ``text``; True when there is one."""
        self.refresh_if_stale()
        needle = text.casefold()
        for table in self.findChildren(RecordTable):
            if table.find_text(text):
                return True
        for binding, _read in self._bindings:
            widget = binding.widget
            haystack = text_of(widget)
            position = haystack.casefold().find(needle)
            if position >= 0:
                widget.setFocus()
                if isinstance(widget, QLineEdit):
                    widget.setSelection(position, len(text))
                else:
                    cursor = widget.textCursor()
                    cursor.setPosition(position)
                    cursor.setPosition(position + len(text), QTextCursor.MoveMode.KeepAnchor)
                    widget.setTextCursor(cursor)
                return True
        return False

    # --- helpers for subclasses -------------------------------------------------------------
    def bind_text(
        self,
        widget: TextWidget,
        *,
        label: str,
        read: Callable[[Document], str],
        write: Callable[[dict[str, Any]], object],
        field: str,
        merge: tuple[Any, ...],
    ) -> TextWidget:
        """Make ``widget`` store itself through an undoable edit of ``field``."""
        widget.setAccessibleName(label)

        def command_for(old: str, new: str) -> EditCommand:
            # What is stored now, not what the field showed when the typing began: another
            # program may have changed this very field meanwhile.
            controller = self.controller
            controller.catch_up()
            stored = read(controller.document)
            replaced = stored not in (old, new)
            command = EditCommand(
                _("Edit {field}").format(field=label.lower()),
                write,
                {field: stored},
                {field: new},
                merge_key=None if replaced else merge,  # its own undo step: Ctrl+Z brings it back
            )
            if replaced:
                command.caution = replaced_caution(label, stored)
            # Kept waiting (a locked database) while another program wrote: made again then.
            command.remake = lambda: command_for(old, new)
            return command

        def store(old: str, new: str) -> bool:
            return self.controller.execute(command_for(old, new))

        binding = AutosaveText(widget, store)
        self._bindings.append((binding, read))
        binding.show_stored(read(self.controller.document))
        return widget

    def line(self) -> QLineEdit:
        return QLineEdit()

    def text_area(self, rows: int = 4) -> QPlainTextEdit:
        area = QPlainTextEdit()
        area.setTabChangesFocus(True)
        area.setMinimumHeight(rows * area.fontMetrics().lineSpacing() + 12)
        return area


class InstructionsPage(StepPage):
    """A step that records nothing of its own (a break, a plenary part, the review)."""

    shows = NOTHING

    def __init__(self, controller: SessionController, step: Step) -> None:
        super().__init__(controller, step)
        if step.beamer:
            beamer_label = QLabel(_("On the beamer:"))
            beamer = QLabel(step.beamer.strip())
            beamer.setWordWrap(True)
            beamer.setObjectName("beamerText")
            self.layout_.addWidget(beamer_label)
            self.layout_.addWidget(beamer)
        self.layout_.addStretch()

    def has_content(self) -> bool:
        # Nothing to record, so never done (nor missing): "✓ Pauze" in a session nobody had
        # started read as a step already held.
        return False
