"""The session being led: its database, undo stack, current document and checks.

Pages never call storage directly for a change: they hand a command to ``execute``, which runs
it, reports a rejected value to the coach, pushes it on the undo stack and tells the pages which
parts of the session changed (``changed`` carries them; each page refreshes only for its own).
An action that cannot be undone (freeze a version, erase a person) takes the same path and the
same care; it is only kept off the undo stack.
A change the database could not take (locked by another program past the busy timeout, a full
disk) is not dropped: it waits in order with any later change and is tried again on a timer
until it is stored. A change another program (or window) made is noticed on a timer and the
document read again, so every page shows what is stored.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from typing import cast

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoStack
from sqlalchemy.exc import DBAPIError
from sqlmodel import SQLModel

from worksession.domain.changes import EVERYTHING, Changes, Part, changes
from worksession.domain.checks import CHECKED, Check, lesson_checks
from worksession.domain.document_types import ProgrammeStep
from worksession.domain.field_labels import user_message
from worksession.domain.interchange import Document
from worksession.domain.validation import ValidationError
from worksession.domain.values import StepKind
from worksession.i18n import _
from worksession.programmes.model import Library, Step
from worksession.storage.change_said import last_change_said
from worksession.storage.changes import ChangeWatch
from worksession.storage.database import Database, waiting_at_most
from worksession.storage.document import RowsRead, read_working_copy
from worksession.storage.errors import StorageError
from worksession.storage.seen import SessionView, StaleView, changed_elsewhere, made_from, stamp_of
from worksession.storage.views import RecordView, record_rows
from worksession.ui.session.commands import ActionCommand
from worksession.workflows.starting import DEFAULT_PROGRAMME

RETRY_MS = 2000  # how often pending edits are tried again
POLL_MS = 1000  # how often to look for changes made by another program (one cheap PRAGMA)
# How long the window waits for another program's write lock before keeping the edit pending:
# the coach's window must not freeze for the whole busy timeout on every try.
FIRST_WAIT_MS = 1000
RETRY_WAIT_MS = 200


class SessionController(QObject):
    changed = Signal(object)  # the parts of the session that changed (``Changes``)
    rejected = Signal(str)  # an edit that was not stored: a message naming what was wrong
    failed = Signal(str)  # something asked for that is not an edit (export, signing) failed
    saved = Signal(dt.datetime)
    pending_changed = Signal(str)  # why edits wait to be stored; "" once everything is stored
    notice = Signal(str)  # a passing word for the status bar ("… removed — Ctrl+Z restores")
    caution = Signal(str)  # stored, but the coach must know something: said until the next change
    open_session = Signal(int)  # another session to open: the follow-up just prepared from here
    beamer_changed = Signal()  # a page changed what the beamer shows of its step

    def __init__(self, db: Database, session_id: int, library: Library) -> None:
        super().__init__()
        self.db = db
        self.session_id = session_id
        self.library = library
        self.roles = library.role_catalogue()
        self.offers = library.offer_catalogue()
        self.undo_stack = QUndoStack(self)
        self.undo_stack.indexChanged.connect(self._after_change)
        self.document: Document = cast(Document, {})  # filled by reload() below
        self.rows: RowsRead = {}  # the tables' rows from the reads of ``document``
        self.checks: list[Check] = []
        self.status = "draft"
        self._quiet = False  # the undo stack's own signal is not a change to announce
        # The step being undone or redone through this controller: it knows what it changes
        # (read after it ran, which is when the stack announces the move).
        self._stepping: ActionCommand | None = None
        # Step id → what a page puts on the beamer beyond the step itself (the review step:
        # the agreement the coach is on), so the presenter follows the page.
        self.beamer_focus: dict[str, object] = {}
        self._pending: list[ActionCommand] = []
        self.view = SessionView(session_id, None)
        self.foreign_seen = 0  # changes by another program this window has read so far
        self.retry_timer = QTimer(self)
        self.retry_timer.setInterval(RETRY_MS)
        self.retry_timer.timeout.connect(self.retry)
        self.watch = ChangeWatch(db)
        self.poll_timer = QTimer(self)
        self.poll_timer.setInterval(POLL_MS)
        self.poll_timer.timeout.connect(self.poll)
        self.poll_timer.start()
        self.reload()

    @property
    def steps(self) -> list[Step]:
        raw: list[ProgrammeStep] = self.document["session"].get("programme_steps", [])
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
            if kind not in (StepKind.BREAK, StepKind.PLENARY, StepKind.REVIEW, StepKind.LESSONS)
        ]

    def record_rows(self, model: type[SQLModel]) -> Sequence[RecordView]:
        """The session's rows of ``model`` in the coach's order, as the document shows them:
        from the last read when it read that table, else read now."""
        found = self.rows.get(model)
        return found if found is not None else record_rows(self.db, model, self.session_id)

    def reload(self) -> None:
        """Read the whole session again (the pages are told by whoever asked for it)."""
        self._read(EVERYTHING)

    def _read(self, parts: Changes) -> Changes:
        """Read the session after ``parts`` changed; returns them, with the plan's part when
        its status moved (an edit makes a signed-off plan a draft again)."""
        # Taken first: a commit elsewhere after this point is noticed by the next poll, and
        # refuses a change made from this view (the stamp is older than what is read).
        self.watch.changed()
        with self.db.reading() as s:
            stamp = stamp_of(s, self.session_id)
        status = self.status
        elsewhere = self.view.stamp is not None and changed_elsewhere(self.db.url, self.view, stamp)
        if elsewhere:
            self.foreign_seen += 1  # another program changed the session
            parts = EVERYTHING
        # Only the parts that changed are read again, unless another program changed the
        # session: then who knows what, it is read whole and every page shows it again.
        read: RowsRead = {}
        self.document, self.status = read_working_copy(
            db=self.db,
            session_id=self.session_id,
            changed=EVERYTHING if elsewhere else parts,
            previous=self.document,
            rows=read,
        )
        # The rows of the tables read again replace theirs; a whole read replaces them all.
        self.rows = read if elsewhere or parts >= EVERYTHING else {**self.rows, **read}
        self.view = SessionView(self.session_id, stamp)
        if parts & CHECKED:  # the points of attention read only some parts
            self.checks = lesson_checks(self.document, self.roles, self.offers)
        return parts | changes(Part.PLAN) if self.status != status else parts

    def show_stored(self) -> None:
        """Read the whole session again and have every page show it (a change made outside
        the window's commands, such as the screenshots' vote rounds)."""
        self.reload()
        self.changed.emit(EVERYTHING)

    def show_on_beamer(self, step_id: str, focus: object) -> None:
        """Let the beamer show ``focus`` for the step ``step_id`` (None: the step alone)."""
        if self.beamer_focus.get(step_id) != focus:
            self.beamer_focus[step_id] = focus
            self.beamer_changed.emit()

    def poll(self) -> bool:
        """Read the document again if another connection changed the database. True if so.

        When it was this session that changed, the status bar says who changed what."""
        if not self.watch.changed():
            return False
        seen = self.foreign_seen
        self.reload()
        self.changed.emit(EVERYTHING)
        if self.foreign_seen != seen:
            with self.db.reading() as s:
                said = last_change_said(s, self.session_id)
            if said is not None:
                self.notice.emit(said[:1].upper() + said[1:])
        return True

    def catch_up(self) -> bool:
        """Read what is stored now if another program changed it, without telling the pages yet
        (they hear it after the change in hand): True if the document was read again."""
        if not self.watch.changed():
            return False
        self.reload()
        QTimer.singleShot(0, lambda: self.changed.emit(EVERYTHING))
        return True

    def close(self) -> None:
        """Stop the timers and the watch: the window is gone."""
        self.poll_timer.stop()
        self.retry_timer.stop()
        self.watch.close()

    @property
    def has_pending(self) -> bool:
        """True while an edit the coach made is not yet stored."""
        return bool(self._pending)

    def execute(self, command: ActionCommand) -> bool:
        """Run ``command``; on success it goes on the undo stack (unless it cannot be undone).
        False when it was rejected.

        True also when the database could not take it now: it is then pending and retried.
        """
        command.view = self.view
        if self._pending:
            # Behind a pending edit: stored after it, never before (a later value would
            # otherwise be overwritten by the earlier one when that is finally stored).
            self._pending.append(command)
            return True
        try:
            with made_from(self.view), waiting_at_most(FIRST_WAIT_MS):
                command.run_first()
        except StaleView as error:
            self._refuse_stale(command, error)
            return False
        except ValidationError as error:
            self.rejected.emit(user_message(error))
            return False
        except StorageError as error:
            self.rejected.emit(str(error))
            return False
        except DBAPIError as error:
            self._pending.append(command)
            self._still_pending(error)
            return True
        self._done(command)
        if command.caution:
            self.caution.emit(command.caution)
        return True

    def _refuse_stale(self, command: ActionCommand, error: StaleView) -> None:
        # Made from what the window showed before another program's change: nothing was
        # stored; the window shows the session as it is now and says why.
        self.reload()
        self.changed.emit(EVERYTHING)
        self.rejected.emit(f"{command.text()}: {error}")

    def undo(self) -> bool:
        """Undo the last change, once nothing waits to be stored; True if it was undone."""
        if not self._ready_to_step(self.undo_stack.index() - 1):
            return False
        self._stepping = self._step_at(self.undo_stack.index() - 1)
        try:
            with made_from(self.view):  # checked and remembered as this program's, like any edit
                self.undo_stack.undo()
        finally:
            self._stepping = None
        return True

    def redo(self) -> bool:
        """Redo the last undone change, once nothing waits to be stored; True if it was redone."""
        if not self._ready_to_step(self.undo_stack.index()):
            return False
        self._stepping = self._step_at(self.undo_stack.index())
        try:
            with made_from(self.view):
                self.undo_stack.redo()
        finally:
            self._stepping = None
        return True

    def _step_at(self, index: int) -> ActionCommand | None:
        step = self.undo_stack.command(index)
        return step if isinstance(step, ActionCommand) else None

    def _ready_to_step(self, index: int) -> bool:
        # An undo before a waiting edit is stored would be overtaken by it: store it first.
        if self._pending and not self.retry():
            self.rejected.emit(
                _("nothing was undone or redone: an earlier change still waits to be stored")
            )
            return False
        # A step stored before another program changed the session may put back what that
        # program replaced: undoing it from here could silently undo the other program's work.
        self.catch_up()
        step = self.undo_stack.command(index)
        if isinstance(step, ActionCommand) and step.foreign_seen != self.foreign_seen:
            self.rejected.emit(
                _(
                    "nothing was undone or redone: another program changed this session after "
                    "that step, and undoing it could undo that change. Change it by hand if "
                    "it is still needed."
                )
            )
            return False
        return True

    def retry(self) -> bool:
        """Try to store the pending edits, in order. True when nothing is pending any more."""
        cautions: list[str] = []
        while self._pending:
            command = self._pending[0]
            try:
                # Checked against the view it was made from, not the one read since.
                with made_from(command.view or self.view), waiting_at_most(RETRY_WAIT_MS):
                    command.run_first()
            except StaleView as error:
                self._pending.pop(0)
                if command.remake is None:
                    self._refuse_stale(command, error)
                else:
                    self.reload()  # the remade action starts from what is stored now
                    remade = command.remake()
                    remade.view = self.view
                    self._pending.insert(0, remade)
                continue
            except (ValidationError, StorageError) as error:
                self._pending.pop(0)  # no retry can store it: say so and go on with the rest
                self.rejected.emit(
                    user_message(error) if isinstance(error, ValidationError) else str(error)
                )
                continue
            except DBAPIError as error:
                self._still_pending(error)
                return False
            self._pending.pop(0)
            self._done(command)
            if command.caution:
                cautions.append(command.caution)
        self.retry_timer.stop()
        self.pending_changed.emit("")
        for caution in cautions:  # after "everything saved", which would clear them
            self.caution.emit(caution)
        return True

    def _still_pending(self, error: DBAPIError) -> None:
        # A full disk, a read-only folder, a file locked by another program: the change is
        # kept and tried again, and the coach is told in plain words.
        self.retry_timer.start()
        self.pending_changed.emit(
            _("the database cannot be written ({reason})").format(
                reason=getattr(error.orig, "args", [error])[0]
            )
        )

    def _done(self, command: ActionCommand) -> None:
        """``command`` is stored: keep it for undo (or, when it cannot be undone, forget the
        history if it asks), then tell the pages what changed."""
        command.foreign_seen = self.foreign_seen
        # A merged push may not move the index, and clearing the stack moves it without a
        # change of its own: announce the change once, ourselves.
        self._quiet = True
        try:
            if command.undoable:
                self.undo_stack.push(command)
            elif command.forgets_history:
                self.undo_stack.clear()
        finally:
            self._quiet = False
        self._announce(command.changes)

    def _after_change(self, _index: int = 0) -> None:
        # The undo stack moved: an undo or a redo through this controller (which knows what
        # the step changes), or anything else (which may have changed anything).
        if not self._quiet:
            self._announce(self._stepping.changes if self._stepping is not None else EVERYTHING)

    def _announce(self, parts: Changes) -> None:
        parts = self._read(parts)
        self.saved.emit(dt.datetime.now())
        self.changed.emit(parts)

    def fingerprint(self) -> str:
        """The document as canonical text: equal after undo+redo when nothing is lost."""
        return json.dumps(self.document, sort_keys=True, ensure_ascii=False)
