"""The session's start time on *Voorbereiding*, beside its date.

The invitation, the programme PDF and the presentielijst give clock times only when the session
has a start time, and before this field a coach could set it only in the presenter's schedule
(*Tijdschema*), which nobody opens while preparing. It is the same stored value: one undoable
edit, typed as 13:30, 13.30 or 1330; empty means no start time yet. A value that is no time is
refused in the banner, naming the field and the value, and the field shows the stored time again.
"""

from __future__ import annotations

import re

from PySide6.QtWidgets import QLineEdit

from worksession.domain.schedule import format_time, parse_start_time
from worksession.i18n import _
from worksession.storage.operations.sessions import update_session
from worksession.ui.session.commands import EditCommand
from worksession.ui.session.controller import SessionController

# Four digits or three (930, 1330) are hours and minutes without the colon.
_DIGITS = re.compile(r"^(\d{1,2})(\d{2})$")


def normalised_time(text: str) -> str | None:
    """``text`` as ``HH:MM``, "" when it is empty, None when it is no time of day."""
    text = text.strip().replace(".", ":")
    if not text:
        return ""
    digits = _DIGITS.match(text)
    if digits is not None:
        text = f"{digits.group(1)}:{digits.group(2)}"
    moment = parse_start_time(text)
    return None if moment is None else format_time(moment)


class StartTimeField(QLineEdit):
    """The start of the session: stored when the coach leaves the field or presses Enter."""

    def __init__(self, controller: SessionController) -> None:
        super().__init__()
        self.controller = controller
        self.setPlaceholderText(_("hh:mm"))
        self.setAccessibleName(_("Start time"))
        self.setToolTip(
            _(
                "When the session starts: the invitation, the programme and the presentielijst "
                "show the times from it"
            )
        )
        self.setMaxLength(5)
        # Room for "13:30" and the placeholder, not the whole width of the row.
        self.setMaximumWidth(self.fontMetrics().horizontalAdvance("00:00") * 3)
        self.editingFinished.connect(self.store)
        self.show_stored()

    def stored(self) -> str:
        return self.controller.document.get("schedule", {}).get("start_time") or ""

    def show_stored(self) -> None:
        if not self.hasFocus() or not self.isModified():
            self.setText(self.stored())
            self.setModified(False)

    def store(self) -> bool:
        """Store what is typed; False when nothing changed or it was refused."""
        typed = self.text()
        new = normalised_time(typed)
        old = self.stored()
        self.setModified(False)
        if new is None:
            self.controller.rejected.emit(
                _("{field}: '{value}' is not a time; type it as 13:30").format(
                    field=_("Start time"), value=typed.strip()
                )
            )
            self.setText(old)
            return False
        self.setText(new)
        if new == old:
            return False
        controller = self.controller
        db, session_id = controller.db, controller.session_id
        return controller.execute(
            EditCommand(
                _("Edit {field}").format(field=_("start time")),
                lambda values: update_session(db=db, session_id=session_id, **values),
                {"start_time": old or None},
                {"start_time": new or None},
            )
        )
