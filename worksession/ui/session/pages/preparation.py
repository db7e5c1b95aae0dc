"""Voorbereiding: the session's details and variant, the organiser's timeline (beside them), and
the participant register (the invite list: each person's status, initials, register and
number)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
)

from worksession.domain.changes import Part
from worksession.domain.deadlines import request_state
from worksession.domain.field_labels import user_message
from worksession.domain.models import Participant
from worksession.domain.validation import ValidationError
from worksession.domain.values import Variant
from worksession.i18n import _
from worksession.programmes.model import Step
from worksession.storage.operations.people import (
    add_participant,
    update_participant,
)
from worksession.storage.operations.privacy import erase_participant
from worksession.storage.operations.sessions import update_session
from worksession.ui.file_places import remember_folder, suggested_path
from worksession.ui.session.commands import EditCommand, FinalCommand
from worksession.ui.session.controller import SessionController
from worksession.ui.session.deadline_label import DeadlineLabel, session_date
from worksession.ui.session.pages.base import StepPage
from worksession.ui.session.pages.preparation_timeline import PreparationTimeline
from worksession.ui.session.participant_register import (
    PARTICIPANT_COLUMNS,
    PersonRow,
    add_people,
    cell_changes,
    import_invite_list,
    invite_file_filter,
    one_line_rows,
)
from worksession.ui.session.record_table import RecordTable
from worksession.ui.session.start_time_field import StartTimeField
from worksession.workflows.export_targets import RefusedTarget, write_export

if TYPE_CHECKING:
    from worksession.ui.session.invitation_dialog import InvitationDialog


class PreparationPage(StepPage):
    # The plan's part too: the request's deadline stops mattering once the plan leaves its draft.
    shows = frozenset({Part.SESSION, Part.SCHEDULE, Part.PARTICIPANTS, Part.PLAN, Part.PREPARATION})

    def __init__(self, controller: SessionController, step: Step) -> None:
        super().__init__(controller, step)
        db, session_id = controller.db, controller.session_id

        def write_session(values: dict[str, Any]) -> None:
            update_session(db=db, session_id=session_id, **values)

        # Two columns of details: in one, on a 1280×720 laptop, the participant list under
        # them showed only two or three people.
        where, when = QFormLayout(), QFormLayout()
        self.fields = {}
        for field, label in (
            ("title", _("Title")),
            ("wijk", _("Wijk")),
            ("gemeente", _("Gemeente")),
            ("location", _("Location")),
            ("coach", _("Coach")),
        ):
            self.fields[field] = self.bind_text(
                self.line(),
                label=label,
                read=lambda d, f=field: str(d["session"][f]),  # type: ignore[misc]
                write=write_session,
                field=field,
                merge=("session", field),
            )
            where.addRow(label, self.fields[field])
        self.date = QDateEdit()
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("dd-MM-yyyy")
        self.date.setAccessibleName(_("Date"))
        self.date.dateChanged.connect(self._date_changed)
        self.start_time = StartTimeField(controller)
        date_row = QHBoxLayout()
        date_row.addWidget(self.date, stretch=1)
        date_row.addWidget(QLabel(_("Start time")))
        date_row.addWidget(self.start_time)
        when.addRow(_("Date"), date_row)
        self.variant = QComboBox()
        self.variant.setAccessibleName(_("Variant"))
        for variant in Variant:
            self.variant.addItem(variant.label, variant.value)
        self.variant.activated.connect(self._variant_chosen)
        when.addRow(_("Variant"), self.variant)
        # The short word beside the box, the whole of it in the tooltip: the long one made
        # this column so wide that the timeline beside it was cut off on a laptop.
        self.accredited = QCheckBox(_("Accredited"))
        self.accredited.setToolTip(_("Accredited for GPs and practice staff"))
        self.accredited.setAccessibleName(_("Accredited for GPs and practice staff"))
        self.accredited.clicked.connect(self._accredited_clicked)
        when.addRow("", self.accredited)
        self.fields["accreditation_id"] = self.bind_text(
            self.line(),
            label=_("Accreditation ID"),
            read=lambda d: d["session"].get("accreditation_id", ""),
            write=write_session,
            field="accreditation_id",
            merge=("session", "accreditation_id"),
        )
        self.fields["accreditation_id"].setToolTip(
            _("The ID the accreditation body (GAIA, PE-online) gave this session")
        )
        when.addRow(_("Accreditation ID"), self.fields["accreditation_id"])
        # The request's last day, under the box that asks for it (hidden without a date).
        self.request_deadline = DeadlineLabel("requestDeadline")
        when.addRow("", self.request_deadline)
        columns = QHBoxLayout()
        columns.addLayout(where, stretch=1)
        columns.addSpacing(12)
        columns.addLayout(when, stretch=1)
        details = QVBoxLayout()
        details.addLayout(columns)
        self.ambition = self.bind_text(
            self.text_area(2),
            label=_("Ambition"),
            read=lambda d: d["session"]["ambition"],
            write=write_session,
            field="ambition",
            merge=("session", "ambition"),
        )
        self.ambition.setMaximumHeight(2 * self.ambition.fontMetrics().lineSpacing() + 14)
        ambition_row = QFormLayout()
        ambition_row.addRow(_("Ambition"), self.ambition)
        details.addLayout(ambition_row)
        # The timeline beside the details, not below them: the invite list keeps its room.
        self.timeline = PreparationTimeline(controller)
        # As tall as the details beside it, scrolling its items: were it as tall as all of
        # them, the invite list under it showed four people on a laptop.
        self.timeline.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Ignored)
        top = QHBoxLayout()
        top.addLayout(details, stretch=2)
        top.addWidget(self.timeline, stretch=1)
        self.layout_.addLayout(top)
        self.invitation_button = QPushButton(_("Invi&tation…"))
        self.invitation_button.setToolTip(
            _("An invitation made from the session: to copy, save, or add to a calendar")
        )
        self.invitation_button.clicked.connect(self.show_invitation)
        self.programme_button = QPushButton(_("Programme as &PDF…"))
        self.programme_button.setToolTip(
            _("The programme with times, learning goals and coach, for the accreditation request")
        )
        self.programme_button.clicked.connect(self.choose_programme_pdf)

        # The list's heading and what is sent to the people on it share one line.
        self.people_heading = QLabel()
        heading_row = QHBoxLayout()
        heading_row.addWidget(self.people_heading)
        heading_row.addStretch()
        heading_row.addWidget(self.invitation_button)
        heading_row.addWidget(self.programme_button)
        self.layout_.addLayout(heading_row)
        self.participants = RecordTable(
            controller,
            model=Participant,
            columns=PARTICIPANT_COLUMNS,
            rows=lambda: [PersonRow(row) for row in controller.record_rows(Participant)],
            add=lambda name: add_participant(db=db, session_id=session_id, name=name),
            update=lambda row_id, values: update_participant(
                db=db, participant_id=row_id, **values
            ),
            placeholder=_("Name of a new participant — Enter adds, then type the next"),
            noun=_("participant"),
        )
        self.participants.write_override = self._write_participant
        self.people_heading.setBuddy(self.participants.view)
        one_line_rows(self.participants.view)
        self.layout_.addWidget(self.participants, stretch=1)
        paste = QPushButton(_("Paste &list"))
        paste.setToolTip(_("Names (and organisation, role, e-mail) copied from a spreadsheet"))
        paste.clicked.connect(self.paste_people)
        import_csv = QPushButton(_("&Import invite list…"))
        import_csv.setToolTip(
            _(
                "A CSV or XLSX file whose first row names the columns: name, initials, "
                "organisation, role, e-mail, status, register, registration number"
            )
        )
        import_csv.clicked.connect(self.choose_csv)
        erase = QPushButton(_("Erase person (privacy)…"))
        erase.setToolTip(_("Remove everything this session holds about the selected participant"))
        erase.clicked.connect(self.ask_erase)
        buttons = QHBoxLayout()
        buttons.addWidget(paste)
        buttons.addWidget(import_csv)
        buttons.addWidget(erase)
        buttons.addStretch()
        self.layout_.addLayout(buttons)
        self._write_session = write_session
        self.refresh()

    def refresh(self) -> None:
        super().refresh()
        session = self.controller.document["session"]
        self.date.blockSignals(True)
        if session["date"]:
            self.date.setDate(QDate.fromString(session["date"], "yyyy-MM-dd"))
        self.date.blockSignals(False)
        self.variant.setCurrentIndex(max(0, self.variant.findData(session["variant"])))
        self.accredited.setChecked(bool(session["accredited"]))
        self.start_time.show_stored()
        self.request_deadline.show_deadline(
            request_state(
                session_date=session_date(session["date"]),
                accredited=bool(session["accredited"]),
                status=self.controller.status,
                today=dt.date.today(),
            )
        )
        self.timeline.refresh()
        self.participants.refresh()
        people = self.controller.document["participants"]
        present = sum(1 for person in people if person["present"])
        self.people_heading.setText(
            # Its Alt letter goes to the list: from anywhere on the page, straight to the people.
            _("Participa&nts ({present} of {total} present)").format(
                present=present, total=len(people)
            )
        )

    def has_content(self) -> bool:
        return bool(self.controller.document["participants"])

    def _write_participant(self, row: Any, field: str, value: object) -> bool:
        """One undo step for a cell and what comes with it (``cell_changes``)."""
        changes = cell_changes(row, field, value, self.controller.roles)
        if changes is None:
            return False
        db, row_id = self.controller.db, int(row.id)
        command = EditCommand(
            _("Edit {noun}").format(noun=_("participant")),
            lambda values: update_participant(db=db, participant_id=row_id, **values),
            *changes,
        )
        return self.controller.execute(command)

    def _edit(self, label: str, field: str, value: object) -> None:
        # The field is chosen at run time: the header read as a plain mapping.
        header: Mapping[str, object] = self.controller.document["session"]
        old = header[field]
        command = EditCommand(
            _("Edit {field}").format(field=label), self._write_session, {field: old}, {field: value}
        )
        if not self.controller.execute(command):
            self.refresh()

    def _date_changed(self, date: QDate) -> None:
        self._edit(_("date"), "date", dt.date(date.year(), date.month(), date.day()).isoformat())

    def _variant_chosen(self, index: int) -> None:
        self._edit(_("variant"), "variant", self.variant.itemData(index))

    def _accredited_clicked(self, checked: bool) -> None:
        self._edit(_("accreditation"), "accredited", checked)

    def show_invitation(self) -> InvitationDialog:
        # The invitation, the programme sheet and the list reader load when used, not with
        # every session window: most visits to this page make none of them.
        from worksession.ui.session.invitation_dialog import InvitationDialog
        from worksession.workflows.data_export import calendar_identity
        from worksession.workflows.programme_sheet import session_sheet

        self.flush()  # the ambition being typed goes into the text too
        controller = self.controller
        dialog = InvitationDialog(
            controller.document,
            session_sheet(controller.document, controller.library),
            identity=calendar_identity(db=controller.db, session_id=controller.session_id),
            database=controller.db.path,
            parent=self,
        )
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def choose_programme_pdf(self) -> None:
        title = self.controller.document["session"]["title"]
        suggested = (_("Programme {title}").format(title=title) + ".pdf").replace("/", "-")
        path, _filter = QFileDialog.getSaveFileName(
            self, _("Save the programme"), suggested_path(suggested), _("PDF (*.pdf)")
        )
        if path:
            remember_folder(path)
            self.save_programme_pdf(Path(path))

    def save_programme_pdf(self, path: Path) -> bool:
        """The session's programme as the PDF an accreditation request asks for."""
        from worksession.workflows.programme_sheet import programme_pdf_bytes, session_sheet

        self.flush()
        controller = self.controller
        sheet = session_sheet(controller.document, controller.library)
        try:
            write_export(path, programme_pdf_bytes(sheet), database=controller.db.path)
        except RefusedTarget as error:
            controller.rejected.emit(str(error))
            return False
        except OSError as error:
            controller.failed.emit(f"{path}: {error.strerror or error}")
            return False
        controller.notice.emit(_("Programme written to {path}").format(path=path))
        return True

    def ask_erase(self) -> None:
        index = self.participants.view.currentIndex()
        if not index.isValid():
            self.controller.rejected.emit(_("Choose a participant in the list first."))
            return
        person = self.participants.model.row_at(index.row())
        answer = QMessageBox.question(
            self,
            _("Erase person"),
            _(
                "Erase {name} from this session? Name, organisation, role, e-mail and "
                "registration number are removed, with every link to agreements and the "
                "werkgroep. In decisions on the plan only remains that a participant agreed "
                "and when. Plan versions that were frozen keep the text as it was agreed; to "
                "remove those too, delete the session. This cannot be undone."
            ).format(name=person.name),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.erase(int(person.id))

    def erase(self, participant_id: int) -> None:
        """Erase for good: the undo history goes too, it could bring the person back."""
        db = self.controller.db
        command = FinalCommand(
            _("Erase person"),
            lambda: erase_participant(db=db, participant_id=participant_id),
            forgets_history=True,
        )
        self.controller.execute(command)

    def paste_people(self) -> None:
        self.import_people(QGuiApplication.clipboard().text())

    def choose_csv(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, _("Import invite list"), suggested_path(""), invite_file_filter()
        )
        if path:
            remember_folder(path)
            self.import_file(Path(path))

    def import_file(self, path: Path) -> bool:
        """The invite list in ``path``: its report first, then the accepted rows or nothing."""
        return import_invite_list(self.controller, self, path)

    def import_people(self, text: str, *, source: str = "") -> bool:
        """Add everyone in ``text`` as one undoable step; a bad line rejects the whole list."""
        from worksession.domain.people_import import parse_people

        try:
            people = parse_people(text)
        except ValidationError as error:
            prefix = f"{source}: " if source else ""
            self.controller.rejected.emit(prefix + user_message(error))
            return False
        if not people:
            return False
        for person in people:
            # "huisarts" or "inwoner" in the role column: the catalogue knows the domain.
            if not person.get("domain"):
                person["domain"] = self.controller.roles.domain_of(str(person.get("role", "")))
        return add_people(self.controller, people)
