"""The plan page's drawing of the plan: the PDF preview beside the decisions, and the export.

Drawing runs in the background (``ui.background``): at most one drawing for the preview at a
time and one asked for meanwhile, the export written atomically with a progress dialog when it
takes a while. ``PlanPage`` builds the widgets; this base class draws for them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QMainWindow,
    QMessageBox,
    QProgressDialog,
    QPushButton,
)

from worksession.export.pdf.payload import PlanPayload
from worksession.export.pdf.plan import release_drawing_memory, render_plan
from worksession.i18n import _
from worksession.ui.background import Job, start
from worksession.ui.file_places import remember_folder, suggested_path
from worksession.ui.freed_memory import give_back_freed_memory, trim_freed_memory
from worksession.ui.session.pages.base import StepPage
from worksession.ui.session.pdf_preview import PdfPreview
from worksession.workflows.export_targets import write_export
from worksession.workflows.plan_export import plan_payload

PROGRESS_AFTER_MS = 500


class PlanDrawingPage(StepPage):
    """Previews and exports the version chosen in ``version`` (the widgets ``PlanPage`` makes)."""

    version: QComboBox
    preview: PdfPreview
    preview_button: QPushButton
    export_button: QPushButton
    jobs: list[Job]  # started and not yet reported back
    _previewing: Job | None  # the drawing for the preview now
    _preview_after: Job | None  # the one asked for meanwhile
    _preview_number: int | None
    _released: bool  # the window closed since the preview was last asked for
    # The last plan drawn and its file: the same payload gives the same bytes, so an export (or
    # a signature) of the version just previewed writes that file rather than drawing it again.
    _last_drawn: tuple[PlanPayload, bytes] | None = None

    def _chosen_number(self) -> int | None:
        number = self.version.currentData()
        return int(number) if number is not None else None

    def _pdf_bytes(self, number: int | Literal["chosen"] | None = "chosen") -> bytes:
        """The PDF of version ``number`` (None: the draft), by default the one chosen."""
        payload = plan_payload(
            db=self.controller.db,
            session_id=self.controller.session_id,
            number=self._chosen_number() if number == "chosen" else number,
        )
        last = self._last_drawn  # read once: a preview and an export may run at once
        if last is not None and last[0] == payload:
            return last[1]
        data = render_plan(payload)
        self._last_drawn = payload, data
        return data

    def refresh_preview(self) -> Job:
        """Draw the chosen version and show it. Asked again while a plan is being drawn for the
        preview, one more drawing follows that one (and its result is shown instead): never a
        queue of drawings, however often it is asked."""
        self.flush()
        self._released = False
        self.preview_button.setEnabled(False)
        if self._previewing is None:
            self._previewing = self._start_preview(self._preview_job())
            return self._previewing
        if self._preview_after is None:
            self._preview_after = self._preview_job()
        return self._preview_after

    def _preview_job(self) -> Job:
        job = Job(lambda: self._pdf_bytes(self._preview_number))
        job.signals.done.connect(self._preview_ready)
        job.signals.failed.connect(self._preview_failed)
        return job

    def _start_preview(self, job: Job) -> Job:
        # Read here, on the GUI thread: the version chosen when the drawing starts.
        self._preview_number = self._chosen_number()
        return start(job, kept=self.jobs)

    def _preview_superseded(self) -> bool:
        """Start the drawing asked for while the last one ran; True if there is one."""
        self._previewing, self._preview_after = self._preview_after, None
        if self._previewing is None:
            return False
        self._start_preview(self._previewing)
        return True

    def _preview_ready(self, data: bytes) -> None:
        if self._preview_superseded():
            return  # a newer drawing is on its way: this one is not shown
        self.preview_button.setEnabled(True)
        if self._released:  # the window closed meanwhile: it keeps no pages
            # What the drawing kept from being let go of at the close.
            if release_drawing_memory():
                give_back_freed_memory()
        else:
            self.preview.show_pdf(data)
        trim_freed_memory()  # what the drawing's thread let go of

    def release(self) -> None:
        """The window closes: the preview's pages and the PDF go, and so do the fonts and the
        dictionary the drawing loaded (unless a plan is being drawn, e.g. an export)."""
        self._released = True
        self._preview_after = None  # asked for, not started: no longer wanted
        self._last_drawn = None
        self.preview.release()
        if release_drawing_memory():
            give_back_freed_memory()

    def _preview_failed(self, error: object) -> None:
        if not self._preview_superseded():
            self._failed(error)

    def choose_export(self) -> None:
        title = self.controller.document["session"]["title"]
        suggested = f"{title}.pdf".replace("/", "-")
        path, _filter = QFileDialog.getSaveFileName(
            self, _("Export the plan"), suggested_path(suggested), _("PDF (*.pdf)")
        )
        if path:
            remember_folder(path)
            self.export_to(Path(path))

    def export_to(self, path: Path) -> Job:
        """Render and write in the background; a progress dialog shows if it takes a while."""
        self.flush()
        progress = QProgressDialog(_("Making the plan…"), "", 0, 0, self)
        progress.setCancelButton(None)
        progress.setMinimumDuration(PROGRESS_AFTER_MS)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.export_button.setEnabled(False)

        number = self._chosen_number()  # read on the GUI thread

        def work() -> Path:
            write_export(path, self._pdf_bytes(number), database=self.controller.db.path)
            return path

        job = Job(work)
        job.signals.done.connect(lambda result: self._exported(result, progress))
        job.signals.failed.connect(lambda error: self._export_failed(error, progress))
        self.last_export = job
        return start(job, kept=self.jobs)

    def _export_failed(self, error: object, progress: QProgressDialog) -> None:
        progress.reset()
        self._failed(error)

    def _exported(self, path: Path, progress: QProgressDialog) -> None:
        trim_freed_memory()  # what the drawing's thread let go of
        progress.reset()
        self.export_button.setEnabled(True)
        window = self.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(_("Plan written to {path}").format(path=path))
        self.exported_path = path
        self.offer_to_open(path)

    def offer_to_open(self, path: Path) -> None:
        box = QMessageBox(self)
        box.setWindowTitle(_("Plan exported"))
        box.setText(_("The plan is written to {path}. Open it now?").format(path=path))
        box.setStandardButtons(QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Close)
        box.finished.connect(
            lambda result: (
                result == QMessageBox.StandardButton.Open
                and QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
            )
        )
        box.open()

    def _failed(self, error: object) -> None:
        self.export_button.setEnabled(True)
        self.preview_button.setEnabled(True)
        message = getattr(error, "strerror", None) or str(error)
        self.controller.failed.emit(_("The plan was not written: {reason}").format(reason=message))
