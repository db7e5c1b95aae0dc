"""The participant register's table on Voorbereiding: its columns, its rows with the invite
list's status, what an edit of a cell changes, and adding a list of people in one undo step —
typed, pasted or read from an invite list file after the coach saw what it refuses."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QDialog, QHeaderView, QTableView, QWidget

from worksession.domain.attendance import attendance_status, status_change
from worksession.domain.models import Participant
from worksession.domain.roles import RoleCatalogue
from worksession.domain.values import AttendanceStatus, Domain, RegistrationType
from worksession.i18n import N_, _
from worksession.storage.operations.people import add_participants
from worksession.ui.session.commands import AddManyCommand
from worksession.ui.session.controller import SessionController
from worksession.ui.session.record_model import Column

PARTICIPANT_COLUMNS = (
    Column("name", N_("Name")),
    Column("initials", N_("Initials")),
    Column("organisation", N_("Organisation")),
    Column("role", N_("Role")),
    Column("domain", N_("Domain"), "choice", Domain.pairs()),
    Column("email", N_("E-mail")),
    # No register is the rule: an empty cell, not "geen" in every row; the list still offers it.
    Column(
        "registration_type",
        N_("Register"),
        "choice",
        RegistrationType.pairs(),
        blank=(RegistrationType.NONE.value,),
    ),
    Column("registration", N_("Registration no.")),
    # Picked from its open list only: a stray arrow key must not sign someone off.
    Column("status", N_("Status"), "choice", AttendanceStatus.pairs(), explicit=True),
    Column("present", N_("Present"), "bool"),
)


@dataclass(frozen=True)
class PersonRow:
    """A participant's row with the status the invite list shows (``attendance_status``)."""

    row: Any

    def __getattr__(self, name: str) -> Any:
        return getattr(self.row, name)

    @property
    def status(self) -> str:
        return attendance_status(self.row._mapping).value


def cell_changes(
    row: Any, field: str, value: object, roles: RoleCatalogue
) -> tuple[dict[str, Any], dict[str, Any]] | None:
    """What an edit of ``field`` changes, as (old, new) values for one undo step; None when it
    changes nothing. A status (or the tick for present) sets present and the invitation together
    (``status_change``); a role typed for someone without a domain brings the catalogue's."""
    old: dict[str, Any] = {field: getattr(row, field)}
    new: dict[str, Any] = {field: value}
    if field in ("status", "present"):
        if field == "status":
            wanted = str(value)
        else:
            wanted = AttendanceStatus.PRESENT if value else str(row.invitation)
        new = dict(status_change(row._mapping, wanted))
        if not new:
            return None
        old = {name: getattr(row, name) for name in new}
    if field == "role" and not row.domain:
        domain = roles.domain_of(str(value))
        if domain:
            old["domain"], new["domain"] = row.domain, domain
    return old, new


def add_people(controller: SessionController, people: Sequence[dict[str, object]]) -> bool:
    """Add ``people`` as one undoable step (all of them or, refused, none)."""
    db, session_id = controller.db, controller.session_id
    listed = [dict(person) for person in people]
    command = AddManyCommand(
        _("Add {count} participants").format(count=len(listed)),
        db,
        Participant,
        lambda: add_participants(db=db, session_id=session_id, people=listed),
    )
    return controller.execute(command)


def one_line_rows(view: QTableView) -> None:
    """A person a line: wrapped rows two lines high showed two or three people on a laptop.
    A long organisation is cut short with "…" (its whole text is in the cell's editor)."""
    view.setWordWrap(False)
    rows = view.verticalHeader()
    rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    rows.setDefaultSectionSize(view.fontMetrics().height() + 10)


def invite_file_filter() -> str:
    # The list's reader (and the XML parser it needs) load when a list is chosen.
    from worksession.workflows.people_file import FILE_TYPES

    return _("Lists ({patterns});;All files (*)").format(patterns=" ".join(FILE_TYPES))


def import_invite_list(controller: SessionController, parent: QWidget, path: Path) -> bool:
    """Read the invite list in ``path``, show what it would add and what it refuses, and add
    the accepted rows as one undoable step when the coach says so (else nothing is written)."""
    from worksession.ui.session.invite_list_dialog import InviteListDialog
    from worksession.workflows.people_file import PeopleFileRefused, read_people_file

    try:
        invite = read_people_file(path, controller.roles, controller.document["participants"])
    except PeopleFileRefused as error:
        controller.rejected.emit(str(error))
        return False
    if InviteListDialog(invite, path, parent).exec() != QDialog.DialogCode.Accepted:
        return False
    return add_people(controller, invite.people)
