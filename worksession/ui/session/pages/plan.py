"""Na de sessie: the collaboration plan — freeze a version for review (warned about open points
of attention), record each participant's decision or everyone present at once (each one undo
step), preview the PDF and export it (in the background, written atomically); once signed off,
prepare the follow-up session half a year later."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from worksession.domain.deadlines import upload_state
from worksession.domain.models import PlanVersion
from worksession.domain.plan import present_participants
from worksession.domain.values import Decision, DecisionMethod, SessionStatus
from worksession.i18n import _
from worksession.programmes.model import Step
from worksession.storage.operations.plan import (
    freeze,
    latest_decisions,
    list_versions,
    snapshot_of,
)
from worksession.ui.background import Job
from worksession.ui.progress_dialog import ProgressDialog
from worksession.ui.session.attendance_export import AttendanceExport, action_button
from worksession.ui.session.column_fit import ColumnFit
from worksession.ui.session.commands import FinalCommand
from worksession.ui.session.controller import SessionController
from worksession.ui.session.deadline_label import DeadlineLabel, session_date
from worksession.ui.session.pages.plan_drawing import PlanDrawingPage
from worksession.ui.session.pdf_preview import PdfPreview
from worksession.ui.session.plan_signing import PlanSigning
from worksession.ui.session.sign_off import (
    ChangesDialog,
    DecisionsCommand,
    ask_everyone_present,
    freeze_question,
)
from worksession.workflows.plan_export import plan_payload

VERSION_CHARACTERS = 24  # "Versie 1 · 30-11-2026 04:07", the fingerprint as room allows


class PlanPage(PlanDrawingPage):
    def __init__(self, controller: SessionController, step: Step) -> None:
        super().__init__(controller, step)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.freeze_button = QPushButton(_("Freeze as a version for review"))
        self.freeze_button.clicked.connect(self.freeze_version)
        self.export_button = QPushButton(_("Export PDF…"))
        self.export_button.clicked.connect(self.choose_export)
        self.preview_button = QPushButton(_("Preview"))
        self.preview_button.clicked.connect(self.refresh_preview)
        self.signing = PlanSigning(
            self,
            self._pdf_bytes,
            self._chosen_signed_off,
            self.controller.failed.emit,
            coach=lambda: str(self.controller.document["session"]["coach"]),
            database=self.controller.db.path,
        )
        self.sign_button = QPushButton(_("Sign digitally…"))
        self.sign_button.setToolTip(
            _("Sign a signed-off version with your certificate, so changes later show")
        )
        self.sign_button.setAccessibleDescription(self.sign_button.toolTip())
        self.sign_button.clicked.connect(
            lambda: self.signing.choose(self.controller.document["session"]["title"])
        )
        self.sign_with_file_button = QPushButton(_("Sign with a certificate file…"))
        self.sign_with_file_button.setToolTip(
            _("Sign with a certificate of your own, e.g. UZI or PKIoverheid (.p12 or .pfx)")
        )
        self.sign_with_file_button.setAccessibleDescription(self.sign_with_file_button.toolTip())
        self.sign_with_file_button.clicked.connect(
            lambda: self.signing.choose_with_file(self.controller.document["session"]["title"])
        )
        self.version = QComboBox()
        self.version.setAccessibleName(_("Version"))
        self.version.setPlaceholderText(_("(no version yet)"))
        self.version.activated.connect(lambda _index: self._show_decisions())
        # Sized on first show the list stayed as narrow as "(no version yet)" and cut the
        # version it names ("Versie 1 · 30-11-2"); it takes the room the row has instead.
        self.version.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.version.setMinimumContentsLength(VERSION_CHARACTERS)
        top = QHBoxLayout()
        top.addWidget(self.freeze_button)
        top.addWidget(self.version, stretch=1)
        top.addWidget(self.preview_button)
        top.addWidget(self.export_button)
        # After sign-off the kartrekker's reports come in: recorded beside the plan, which
        # stays frozen (the progress log is its own).
        self.progress_button = QPushButton(_("Record progress…"))
        self.progress_button.setToolTip(
            _("Record how an agreement is going, without changing the plan")
        )
        self.progress_button.setAccessibleDescription(self.progress_button.toolTip())
        self.progress_button.clicked.connect(self.record_progress)
        # On its own row: the top one is full, and signing is the last step, after sign-off.
        sign_row = QHBoxLayout()
        sign_row.addWidget(self.sign_button)
        sign_row.addWidget(self.sign_with_file_button)
        sign_row.addStretch()
        self.follow_up_button = QPushButton(_("Prepare the follow-up session"))
        self.follow_up_button.setToolTip(
            _("A new session half a year later that reviews the signed plan of this one")
        )
        self.follow_up_button.setAccessibleDescription(self.follow_up_button.toolTip())
        self.follow_up_button.clicked.connect(self.prepare_follow_up)
        sign_row.addWidget(self.follow_up_button)
        sign_row.addWidget(self.progress_button)
        # The presentielijst to sign, and who attended for the accreditation body.
        self.attendance = AttendanceExport(self, controller, self.flush)
        attendance_row = QHBoxLayout()
        for action in (self.attendance.list_action, self.attendance.attendance_action):
            attendance_row.addWidget(action_button(action))
        attendance_row.addStretch()

        self.decisions = QTableWidget(0, 5)
        self.decisions.setAccessibleName(_("Decisions per participant"))
        self.decisions.setHorizontalHeaderLabels(
            [_("Participant"), _("Decision"), _("Comment"), _("Date and time"), _("How")]
        )
        self.decisions.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.decisions.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.decisions.verticalHeader().hide()
        # Tab goes on to the decision buttons; arrows choose the participant.
        self.decisions.setTabKeyNavigation(False)
        self.decisions.horizontalHeader().setStretchLastSection(True)
        # The columns share the table's width: "Hoe" ran off its right edge on a laptop.
        self.decisions_fit = ColumnFit(self.decisions)
        self.method = QComboBox()
        self.method.setAccessibleName(_("How the decision was given"))
        for method in DecisionMethod:
            self.method.addItem(method.label, method.value)
        self.agree_button = QPushButton(_("Agreed"))
        self.agree_button.clicked.connect(lambda: self.decide(Decision.AGREED.value))
        self.changes_button = QPushButton(_("Changes requested…"))
        self.changes_button.clicked.connect(self.ask_changes)
        self.all_agree_button = QPushButton(_("Everyone who was present: agreed…"))
        self.all_agree_button.setToolTip(
            _("Record agreed for every participant who was present and has not decided yet")
        )
        self.all_agree_button.setAccessibleDescription(self.all_agree_button.toolTip())
        self.all_agree_button.clicked.connect(self.agree_all_present)
        decide_row = QHBoxLayout()
        for widget in (self.method, self.agree_button, self.changes_button):
            decide_row.addWidget(widget)
        decide_row.addStretch()
        # On a row of its own: beside the others it widened the list and squeezed the preview.
        all_row = QHBoxLayout()
        all_row.addWidget(self.all_agree_button)
        all_row.addStretch()
        left = QWidget()
        left_column = QVBoxLayout(left)
        left_column.setContentsMargins(0, 0, 0, 0)
        left_column.addWidget(self.decisions, stretch=1)
        left_column.addLayout(decide_row)
        left_column.addLayout(all_row)
        self.preview = PdfPreview()
        split = QSplitter()
        split.addWidget(left)
        split.addWidget(self.preview)
        split.setSizes([520, 420])

        self.layout_.addWidget(self.status)
        # When the attendance must be with the accreditation body (hidden without one).
        self.upload_deadline = DeadlineLabel("uploadDeadline")
        self.layout_.addWidget(self.upload_deadline)
        self.layout_.addLayout(top)
        self.layout_.addLayout(sign_row)
        self.layout_.addLayout(attendance_row)
        self.layout_.addWidget(split, stretch=1)
        self.jobs: list[Job] = []  # started and not yet reported back
        self._previewing: Job | None = None  # the drawing for the preview now
        self._preview_after: Job | None = None  # the one asked for meanwhile
        self._preview_number: int | None = None
        self._released = False  # the window closed since the preview was last asked for
        self.refresh()

    # --- state --------------------------------------------------------------------------------
    def refresh(self) -> None:
        super().refresh()
        versions = list_versions(db=self.controller.db, session_id=self.controller.session_id)
        chosen = self.version.currentData()
        self.version.clear()
        for version in reversed(versions):
            stamp = version.created_at.astimezone().strftime("%d-%m-%Y %H:%M")
            self.version.addItem(
                _("Version {n} · {when} · sha256:{short}").format(
                    n=version.number, when=stamp, short=version.sha256[:12]
                ),
                version.number,
            )
        self.version.setCurrentIndex(max(0, self.version.findData(chosen)))
        status = SessionStatus(self.controller.status)
        texts = {
            SessionStatus.DRAFT: _(
                "Draft: freeze the plan as a version when it is ready for the participants."
            ),
            SessionStatus.IN_REVIEW: _(
                "In review: record each participant's decision on the latest version."
            ),
            SessionStatus.SIGNED_OFF: _(
                "Signed off: every participant who was present agreed. A change makes a new "
                "draft; this version stays as it is."
            ),
        }
        self.status.setText(texts[status])
        session = self.controller.document["session"]
        self.upload_deadline.show_deadline(
            upload_state(
                session_date=session_date(session["date"]),
                accredited=bool(session["accredited"]),
                today=dt.date.today(),
            )
        )
        has_versions = bool(versions)
        for widget in (
            self.version, self.agree_button, self.changes_button, self.method,
            self.all_agree_button, self.progress_button,
        ):  # fmt: skip
            widget.setEnabled(has_versions)
        # A plan changed after sign-off still has its signed version to review.
        self.follow_up_button.setEnabled(has_versions)
        self._show_decisions()

    def prepare_follow_up(self) -> int | None:
        """Make the follow-up session and ask for it to be opened; a plan not signed off is
        refused with the reason (nothing is made)."""
        from worksession.programmes.model import UnknownToolkitEntry
        from worksession.storage.errors import StorageError
        from worksession.workflows.following import prepare_follow_up

        try:
            follow_up_id = prepare_follow_up(
                db=self.controller.db,
                library=self.controller.library,
                session_id=self.controller.session_id,
            )
        except (StorageError, UnknownToolkitEntry) as error:
            self.controller.failed.emit(
                _("No follow-up session yet: {reason}").format(reason=error)
            )
            return None
        self.controller.notice.emit(_("Follow-up session prepared"))
        self.controller.open_session.emit(follow_up_id)
        return follow_up_id

    def record_progress(self) -> ProgressDialog:
        """Voortgang vastleggen on this session's agreements; the window reads it at once."""
        dialog = ProgressDialog(
            self.controller.db,
            self.controller.session_id,
            title=str(self.controller.document["session"]["title"]),
            parent=self,
        )
        dialog.recorded.connect(lambda _session_id: self.controller.poll())
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def has_content(self) -> bool:
        return self.controller.status == SessionStatus.SIGNED_OFF

    def _chosen_signed_off(self) -> bool:
        number = self._chosen_number()
        if number is None:
            return False
        return plan_payload(
            db=self.controller.db, session_id=self.controller.session_id, number=number
        ).signed_off

    def _show_decisions(self) -> None:
        number = self._chosen_number()
        self.decisions.setRowCount(0)
        self.sign_button.setEnabled(self._chosen_signed_off())
        self.sign_with_file_button.setEnabled(self._chosen_signed_off())
        if number is None:
            return
        versions = list_versions(db=self.controller.db, session_id=self.controller.session_id)
        version = next(v for v in versions if v.number == number)
        assert version.id is not None
        snapshot = snapshot_of(version)
        decided = latest_decisions(db=self.controller.db, version_id=version.id)
        people = [p for p in snapshot["participants"] if p["present"] or p["key"] in decided]
        self.decisions.setRowCount(len(people))
        for row, person in enumerate(people):
            decision = decided.get(person["key"])
            cells = [
                person["name"],
                Decision(decision.decision).label if decision else _("not yet"),
                decision.comment if decision else "",
                decision.decided_at.astimezone().strftime("%d-%m-%Y %H:%M") if decision else "",
                DecisionMethod(decision.method).label if decision else "",
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)  # a long comment is cut short in its narrow column
                item.setData(Qt.ItemDataRole.UserRole, person["key"])
                self.decisions.setItem(row, column, item)
        self.decisions_fit.fit()
        self.present_keys = [p["key"] for p in present_participants(snapshot)]
        self.all_agree_button.setEnabled(any(key not in decided for key in self.present_keys))

    def _name_at(self, row: int) -> str:
        item = self.decisions.item(row, 0)
        return item.text() if item is not None else ""

    # --- actions ------------------------------------------------------------------------------
    def freeze_version(self) -> QMessageBox | None:
        """Freeze now, or first ask when points of attention are open (the box is returned)."""
        points = [check.message for check in self.controller.checks]
        if not points:
            self._freeze()
            return None
        box = freeze_question(self, points)
        box.accepted.connect(self._freeze)
        self.question = box
        box.open()
        return box

    def _freeze(self) -> None:
        self.flush()
        db, session_id = self.controller.db, self.controller.session_id
        # Cannot be undone (a version once shown to participants stays as it was), but stored
        # like every change: refused when made from a stale view, kept while the disk is full.
        command = FinalCommand(_("Freeze a version"), lambda: freeze(db=db, session_id=session_id))
        if not self.controller.execute(command) or not isinstance(command.result, PlanVersion):
            return  # refused (the coach is told) or waiting to be stored
        self.version.setCurrentIndex(max(0, self.version.findData(command.result.number)))
        self._show_decisions()

    def decide(self, decision: str, comment: str = "") -> bool:
        number = self._chosen_number()
        item = self.decisions.currentItem()
        if number is None or item is None:
            self.controller.rejected.emit(_("Choose a participant in the list first."))
            return False
        row = self.decisions.currentRow()
        name = self._name_at(row)
        command = DecisionsCommand(
            f"{Decision(decision).label}: {name}",  # the undo step's name, "akkoord: Ank"
            self.controller.db,
            session_id=self.controller.session_id,
            version=number,
            participants=[str(item.data(Qt.ItemDataRole.UserRole))],
            decision=decision,
            comment=comment,
            method=str(self.method.currentData()),
        )
        if not self.controller.execute(command):
            return False
        self.decisions.setCurrentCell(min(row + 1, self.decisions.rowCount() - 1), 0)
        return True

    def agree_all_present(self) -> QMessageBox | None:
        """Ask, naming them, then record agreed for everyone present who has not decided."""
        number = self._chosen_number()
        if number is None:
            return None
        box = ask_everyone_present(self, self.controller, number, str(self.method.currentData()))
        if box is not None:
            self.question = box
        return box

    def ask_changes(self) -> ChangesDialog | None:
        item = self.decisions.currentItem()
        if item is None:
            self.controller.rejected.emit(_("Choose a participant in the list first."))
            return None
        dialog = ChangesDialog(self._name_at(item.row()), self)
        dialog.accepted.connect(lambda: self.decide(Decision.CHANGES.value, dialog.text()))
        self.changes_dialog = dialog
        dialog.open()
        return dialog
