"""Digitaal ondertekenen on the plan page: a signed-off version signed with the coach's
certificate, written where the coach chooses.

The first time, the coach's personal certificate is made: a dialog asks for name and e-mail
(from the settings when known) and a passphrase twice, and says plainly what a self-made
certificate proves. Later only the passphrase is asked. Rendering and signing run in the
background; the file is written atomically.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from worksession.i18n import _
from worksession.ui.background import Job, start
from worksession.user.settings import load_settings
from worksession.workflows.export_targets import RefusedTarget, check_export_target, write_export
from worksession.workflows.plan_signing import (
    SignedPlan,
    needs_personal_certificate,
    sign_plan_bytes,
    trust_advice,
)


class PersonalCertificateDialog(QDialog):
    """Name, e-mail and a passphrase (twice) for the coach's personal certificate."""

    def __init__(self, parent: QWidget | None = None, suggested_name: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Your personal certificate"))
        settings = load_settings()
        # The session's coach is most likely the one signing: a start the coach can correct.
        self.name = QLineEdit(str(settings["name"]) or suggested_name)
        self.email = QLineEdit(str(settings["email"]))
        self.passphrase = QLineEdit()
        self.repeat = QLineEdit()
        for field in (self.passphrase, self.repeat):
            field.setEchoMode(QLineEdit.EchoMode.Password)
        intro = QLabel(
            _(
                "To sign plans you need a certificate. The app makes a personal one for you, "
                "once. Its key stays on this computer, locked with a passphrase you choose: "
                "without it nobody can sign in your name, and you cannot either, so remember it."
            )
            + "\n\n"
            + trust_advice()
        )
        intro.setWordWrap(True)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b00020")
        form = QFormLayout()
        form.addRow(_("Name"), self.name)
        form.addRow(_("E-mail"), self.email)
        form.addRow(_("Passphrase"), self.passphrase)
        form.addRow(_("Passphrase again"), self.repeat)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.resize(520, self.sizeHint().height())

    def accept(self) -> None:
        problem = self.problem_text()
        if problem:
            self.problem.setText(problem)
            return
        super().accept()

    def problem_text(self) -> str:
        """Why the dialog cannot be accepted yet, naming the field; empty when it can."""
        if not self.name.text().strip():
            return _("Name: the certificate needs your name.")
        if not self.passphrase.text():
            return _("Passphrase: an empty passphrase does not protect the key.")
        if self.passphrase.text() != self.repeat.text():
            return _("Passphrase again: the two passphrases differ.")
        return ""


class PlanSigning(QObject):
    """The page's signing action: ask, sign in the background, write, report."""

    def __init__(
        self,
        page: QWidget,
        render: Callable[[], bytes],
        signed_off: Callable[[], bool],
        reject: Callable[[str], None],
        coach: Callable[[], str] = str,
        database: Path | None = None,
    ) -> None:
        super().__init__(page)
        self.database = database  # never overwritten by a signed plan
        self.page = page
        self.coach = coach  # the session's coach: the name a new certificate starts from
        self.render = render
        self.signed_off = signed_off
        self.reject = reject
        self.jobs: list[Job] = []  # started and not yet reported back
        self.written: Path | None = None
        self.report: QMessageBox | None = None

    def choose(self, title: str) -> None:
        """Ask where and how, then sign (the dialogs are skipped by tests, which call sign_to)."""
        path = self._target(title)
        if path is None:
            return
        if needs_personal_certificate(None):
            dialog = PersonalCertificateDialog(self.page, suggested_name=self.coach())
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return
            self.sign_to(
                path, dialog.passphrase.text(), name=dialog.name.text(), email=dialog.email.text()
            )
            return
        passphrase = self._passphrase(_("Passphrase of your certificate:"))
        if passphrase is not None:
            self.sign_to(path, passphrase)

    def choose_with_file(self, title: str) -> None:
        """Sign with a PKCS#12 file the coach has (UZI, PKIoverheid): which file, where, and
        its passphrase."""
        if not self.signed_off():
            self.reject(_("Only a signed-off version can be signed digitally."))
            return
        chosen, _filter = QFileDialog.getOpenFileName(
            self.page, _("Your certificate file"), "", _("Certificates (*.p12 *.pfx)")
        )
        if not chosen:
            return
        certificate = Path(chosen)
        path = self._target(title)
        if path is None:
            return
        passphrase = self._passphrase(_("Passphrase of {file}:").format(file=certificate.name))
        if passphrase is not None:
            self.sign_to(path, passphrase, certificate=certificate)

    def _target(self, title: str) -> Path | None:
        """Where the signed plan goes: asked of the coach, refused at once when it cannot be
        written; None when there is nothing to sign or the coach cancels."""
        if not self.signed_off():
            self.reject(_("Only a signed-off version can be signed digitally."))
            return None
        chosen, _filter = QFileDialog.getSaveFileName(
            self.page,
            _("Save the signed plan"),
            _("{title} (signed).pdf").format(title=title).replace("/", "-"),
            _("PDF (*.pdf)"),
        )
        if not chosen or self._refused(Path(chosen)):
            return None
        return Path(chosen)

    def _passphrase(self, question: str) -> str | None:
        passphrase, ok = QInputDialog.getText(
            self.page, _("Sign digitally"), question, QLineEdit.EchoMode.Password
        )
        return passphrase if ok else None

    def _refused(self, path: Path) -> bool:
        """Say at once, before any passphrase is asked, that ``path`` cannot be written."""
        try:
            check_export_target(path, database=self.database)
        except RefusedTarget as error:
            self.reject(str(error))
            return True
        return False

    def sign_to(
        self,
        path: Path,
        passphrase: str,
        *,
        name: str = "",
        email: str = "",
        certificate: Path | None = None,
    ) -> Job:
        """Render the chosen version, sign it with ``certificate`` (a PKCS#12 file; by default
        the coach's personal certificate) and write it to ``path``, in the background."""

        def work() -> tuple[Path, SignedPlan]:
            # Before anything is made: a first signing would write the personal certificate.
            check_export_target(path, database=self.database)
            signed = sign_plan_bytes(
                self.render(),
                certificate=certificate,
                passphrase=lambda _confirm: passphrase,
                name=name,
                email=email,
            )
            write_export(path, signed.data, database=self.database)
            return path, signed

        job = Job(work)
        job.signals.done.connect(lambda result: self._signed(*result))
        job.signals.failed.connect(self._failed)
        return start(job, kept=self.jobs)

    def _signed(self, path: Path, signed: SignedPlan) -> None:
        self.written = path
        text = _("Signed by {name}: {path}").format(name=signed.signer, path=path)
        window = self.page.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(text)
        box = QMessageBox(self.page)
        box.setWindowTitle(_("Plan signed"))
        box.setText(text)
        if signed.self_made:
            box.setInformativeText(signed.trust_advice)
        # The fingerprint is for reading out or copying to someone who wants to check it.
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.open()
        self.report = box

    def _failed(self, error: object) -> None:
        message = getattr(error, "strerror", None) or str(error)
        self.reject(_("The plan was not signed: {reason}").format(reason=message))
