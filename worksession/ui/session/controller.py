"""The session being led: its database, undo stack, current document and checks.

Pages never call storage directly for a change: they hand a command to ``execute``, which runs
it, reports a rejected value to the coach, pushes it on the undo stack and tells every page.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack
from sqlalchemy.exc import DBAPIError

from worksession.domain.checks import Check, lesson_checks
from worksession.domain.interchange import Document
from worksession.domain.validation import ValidationError
from worksession.domain.values import StepKind
from worksession.i18n import _
from worksession.programmes.model import Library, Step
from worksession.starting import DEFAULT_PROGRAMME
from worksession.storage.database import Database
from worksession.storage.document import read_working_copy
from worksession.storage.errors import StorageError
from worksession.ui.session.commands import ActionCommand


class SessionController(QObject):
    changed = Signal()
    rejected = Signal(str)  # an edit that was not stored: a message naming what was wrong
    failed = Signal(str)  # something asked for that is not an edit (export, signing) failed
    saved = Signal(dt.datetime)

    def __init__(self, db: Database, session_id: int, library: Library) -> None:
        super().__init__()
        self.db = db
        self.session_id = session_id
        self.library = library
        self.undo_stack = QUndoStack(self)
        self.undo_stack.indexChanged.connect(self._after_change)
        self.document: Document = {}
        self.checks: list[Check] = []
        self.status = "draft"
        self._pushing = False
        self.reload()

    @property
    def steps(self) -> list[Step]:
        raw: list[dict[str, Any]] = self.document["session"].get("programme_steps", [])
        if raw:
            return [Step.from_dict(step) for step in raw]
        # A session made without a programme (an import, the CLI) gets the standard one, and
        # failing that every kind of step once: the coach can always work on every part.
        programme = self.library.programmes.get(
            self.document["session"].get("programme", "")
        ) or self.library.programmes.get(DEFAULT_PROGRAMME)
        if programme is not None:
            return list(programme.steps)
        return [
            Step(id=kind.value.replace("_", "-"), title=kind.label, kind=kind, minutes=0)
            for kind in StepKind
            if kind not in (StepKind.BREAK, StepKind.PLENARY, StepKind.REVIEW)
        ]

    def reload(self) -> None:
        self.document, self.status = read_working_copy(db=self.db, session_id=self.session_id)
        self.checks = lesson_checks(self.document)

    def execute(self, command: ActionCommand) -> bool:
        """Run ``command``; on success it goes on the undo stack. False when it was rejected."""
        try:
            command.run_first()
        except (ValidationError, StorageError) as error:
            self.rejected.emit(str(error))
            return False
        except DBAPIError as error:
            # A full disk, a read-only folder, a locked file: the change is not stored, the
            # typed text stays in its field, and the coach is told in plain words.
            self.rejected.emit(
                _("the database cannot be written ({reason}); check the disk and try again").format(
                    reason=getattr(error.orig, "args", [error])[0]
                )
            )
            return False
        # A merged push may not move the index; announce the change once, ourselves.
        self._pushing = True
        try:
            self.undo_stack.push(command)
        finally:
            self._pushing = False
        self._after_change()
        return True

    def _after_change(self, _index: int = 0) -> None:
        if self._pushing:
            return
        self.reload()
        self.saved.emit(dt.datetime.now())
        self.changed.emit()

    def fingerprint(self) -> str:
        """The document as canonical text: equal after undo+redo when nothing is lost."""
        return json.dumps(self.document, sort_keys=True, ensure_ascii=False)
