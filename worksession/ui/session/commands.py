"""Undo commands: one per user action, each calling the storage operations.

An action runs before it is pushed (so a rejected change never enters the stack); ``redo`` then
only repeats it after an undo. Additions and removals go through snapshots so a record comes back
with its own id and every link that pointed at it.

Each command keeps the parts of the session its action changed (``changes``, from what the
operations returned), so the controller can tell the pages which of them to refresh after the
action, its undo and its redo.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtGui import QUndoCommand
from sqlmodel import SQLModel

from worksession.domain.changes import EVERYTHING, Changes
from worksession.i18n import _
from worksession.storage.database import Database
from worksession.storage.operations.parts import changed_by
from worksession.storage.operations.removal import (
    RemovalSnapshot,
    remove_with_snapshot,
    restore_snapshot,
)
from worksession.storage.seen import SessionView


class ActionCommand(QUndoCommand):
    """A command whose first ``redo`` is skipped: the action already ran when it was pushed."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self._done_once = False
        # Set by the controller: the window's view the action was made from, and how many
        # changes by other programs the window had seen when it was stored (an undo from
        # before one of those could undo it).
        self.view: SessionView | None = None
        self.foreign_seen = 0
        # Said once the action is stored (a text that replaced another program's).
        self.caution = ""
        # The same action made again from what is stored now, when the view it was made from
        # went stale while it waited (typed text is kept, never refused); None: refuse it.
        self.remake: Callable[[], ActionCommand] | None = None
        # The parts of the session the action changes (its undo changes the same ones); known
        # once it ran. Until then, and for an action that does not say, everything.
        self.changes: Changes = EVERYTHING
        self._said = False

    # Whether the action goes on the undo stack; one that cannot be undone may also have to
    # take the history with it (an erased person must not come back through an undo).
    undoable = True
    forgets_history = False

    def wrote(self, result: object) -> None:
        """Remember what an operation of this action returned: the parts it changed."""
        found = changed_by(result)
        self.changes = (self.changes | found) if self._said else found
        self._said = True

    def run_first(self) -> None:
        """Perform the action for the first time; raises when the input is rejected."""
        raise NotImplementedError

    def redo(self) -> None:
        if not self._done_once:
            self._done_once = True
            return
        self.again()

    def again(self) -> None:
        raise NotImplementedError


class FinalCommand(ActionCommand):
    """An action that cannot be undone (freeze a version, erase a person): stored through the
    controller like every edit, so it meets the same checks and care, but kept off the undo
    stack. ``result`` holds what the operation returned."""

    undoable = False

    def __init__(
        self, text: str, action: Callable[[], object], *, forgets_history: bool = False
    ) -> None:
        super().__init__(text)
        self._action = action
        self.forgets_history = forgets_history
        self.result: object = None

    def run_first(self) -> None:
        self.result = self._action()
        self.wrote(self.result)


class AddCommand(ActionCommand):
    """Add a record; undo removes it (remembering it), redo restores it with the same id."""

    def __init__(
        self, text: str, db: Database, model: type[SQLModel], add: Callable[[], SQLModel]
    ) -> None:
        super().__init__(text)
        self._db, self._model, self._add = db, model, add
        self.row_id: int | None = None
        self._snapshot: RemovalSnapshot | None = None

    def run_first(self) -> None:
        row = self._add()
        self.wrote(row)
        self.row_id = int(getattr(row, "id"))  # noqa: B009

    def undo(self) -> None:
        assert self.row_id is not None
        self._snapshot = remove_with_snapshot(db=self._db, model=self._model, row_id=self.row_id)
        self.wrote(self._snapshot)

    def again(self) -> None:
        assert self._snapshot is not None
        restore_snapshot(db=self._db, snapshot=self._snapshot)


class RemoveCommand(ActionCommand):
    """Remove a record with what depends on it; undo puts all of it back exactly."""

    def __init__(self, text: str, db: Database, model: type[SQLModel], row_id: int) -> None:
        super().__init__(text)
        self._db, self._model, self._row_id = db, model, row_id
        self._snapshot: RemovalSnapshot | None = None

    def run_first(self) -> None:
        self.again()

    def again(self) -> None:
        self._snapshot = remove_with_snapshot(db=self._db, model=self._model, row_id=self._row_id)
        self.wrote(self._snapshot)

    def undo(self) -> None:
        assert self._snapshot is not None
        restore_snapshot(db=self._db, snapshot=self._snapshot)


_MERGE_ID = 1000


class EditCommand(ActionCommand):
    """Change fields of one record. Consecutive typing in one field merges into one step."""

    def __init__(
        self,
        text: str,
        apply: Callable[[dict[str, Any]], object],
        old: dict[str, Any],
        new: dict[str, Any],
        *,
        merge_key: tuple[Any, ...] | None = None,
    ) -> None:
        super().__init__(text)
        self._apply, self.old, self.new = apply, old, new
        self.merge_key = merge_key

    def run_first(self) -> None:
        self.wrote(self._apply(self.new))

    def again(self) -> None:
        self.wrote(self._apply(self.new))

    def undo(self) -> None:
        self.wrote(self._apply(self.old))

    def id(self) -> int:
        return _MERGE_ID if self.merge_key is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, EditCommand) or other.merge_key != self.merge_key:
            return False
        if other.foreign_seen != self.foreign_seen:
            return False  # typing on after another program's change is a step of its own
        self.new = other.new
        self.changes |= other.changes
        return True


class AddManyCommand(ActionCommand):
    """Add several records in one action (a paste or an import); undo removes them all."""

    def __init__(
        self,
        text: str,
        db: Database,
        model: type[SQLModel],
        add: Callable[[], Sequence[SQLModel]],
    ) -> None:
        super().__init__(text)
        self._db, self._model, self._add = db, model, add
        self.row_ids: list[int] = []
        self._snapshots: list[RemovalSnapshot] = []

    def run_first(self) -> None:
        rows = self._add()
        self.wrote(rows)
        self.row_ids = [int(getattr(row, "id")) for row in rows]  # noqa: B009

    def undo(self) -> None:
        self._snapshots = [
            remove_with_snapshot(db=self._db, model=self._model, row_id=row_id)
            for row_id in reversed(self.row_ids)
        ]
        self.wrote(self._snapshots)

    def again(self) -> None:
        for snapshot in reversed(self._snapshots):
            restore_snapshot(db=self._db, snapshot=snapshot)


class RemoveManyCommand(ActionCommand):
    """Remove several records in one action (every ballot of a vote); undo puts them all back."""

    def __init__(
        self, text: str, db: Database, model: type[SQLModel], row_ids: Sequence[int]
    ) -> None:
        super().__init__(text)
        self._db, self._model, self._row_ids = db, model, tuple(row_ids)
        self._snapshots: list[RemovalSnapshot] = []

    def run_first(self) -> None:
        self.again()

    def again(self) -> None:
        self._snapshots = [
            remove_with_snapshot(db=self._db, model=self._model, row_id=row_id)
            for row_id in self._row_ids
        ]
        self.wrote(self._snapshots)

    def undo(self) -> None:
        for snapshot in reversed(self._snapshots):
            restore_snapshot(db=self._db, snapshot=snapshot)


def replaced_caution(field: str, stored: str, limit: int = 80) -> str:
    """What the coach is told when their text was stored over another program's ``stored``."""
    line = " ".join(stored.split())
    if len(line) > limit:
        line = line[: limit - 1].rstrip() + "…"
    return _(
        "“{field}” was changed by another program while you typed (it read "
        "“{text}”); your text replaced it. Ctrl+Z brings that text back."
    ).format(field=field, text=line)
