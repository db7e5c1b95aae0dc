"""How the session window's exports are written: refused at once when the target is the app's
own, else made and written in the background, with a progress dialog when it takes more than
half a second, the status bar saying where the file went, or the banner why nothing was.

The *Exporteren* menu (``export_menu``) and the attendance actions (``attendance_export``) both
write through here, so a refusal, a failure and a success read the same wherever the coach
started the export; a failure names the file.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QProgressDialog, QWidget

from worksession.i18n import _
from worksession.ui.background import Job, start
from worksession.ui.session.controller import SessionController
from worksession.workflows.export_targets import RefusedTarget

PROGRESS_AFTER_MS = 500


def with_suffix(chosen: str | Path, suffix: str) -> Path:
    """The name chosen in a save dialog, with ``suffix`` when it has none."""
    path = Path(chosen)
    return path if path.suffix else path.with_name(path.name + suffix)


def not_written(path: Path, error: object) -> str:
    """Why nothing was written to ``path``, naming it: an ``OSError``'s own words (its text
    names a temporary file, not the one the coach chose), or the refusal's (it names the file)."""
    if isinstance(error, RefusedTarget):
        reason = str(error)
    else:
        reason = f"{path}: {getattr(error, 'strerror', None) or error}"
    return _("Nothing was written: {reason}").format(reason=reason)


class BackgroundExport(QObject):
    """Writes the files of one group of export actions; ``written`` carries each path written.
    The ``actions`` are disabled while a file of theirs is being made."""

    written = Signal(object)

    def __init__(
        self,
        parent: QWidget,
        controller: SessionController,
        actions: Sequence[QAction] = (),
    ) -> None:
        super().__init__(parent)
        self.parent_widget = parent
        self.controller = controller
        self.actions = list(actions)
        self.jobs: list[Job] = []  # started and not yet reported back

    def run(
        self,
        path: Path,
        check: Callable[[], object],
        work: Callable[[], object],
        *,
        label: str,
    ) -> Job | None:
        """``check()`` refuses a target at once (``RefusedTarget``: None, the banner says why);
        else ``work()`` makes and writes ``path`` in the background."""
        try:
            check()
        except RefusedTarget as error:
            self.controller.failed.emit(not_written(path, error))
            return None
        progress = QProgressDialog(label, "", 0, 0, self.parent_widget)
        progress.setCancelButton(None)
        progress.setMinimumDuration(PROGRESS_AFTER_MS)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        self._enable(False)
        job = Job(work)
        job.signals.done.connect(lambda _result: self._written(path, progress))
        job.signals.failed.connect(lambda error: self._failed(path, error, progress))
        return start(job, kept=self.jobs)

    def _enable(self, enabled: bool) -> None:
        for action in self.actions:
            action.setEnabled(enabled)

    def _finish(self, progress: QProgressDialog) -> None:
        progress.reset()
        progress.deleteLater()
        self._enable(True)

    def _written(self, path: Path, progress: QProgressDialog) -> None:
        self._finish(progress)
        window = self.parent_widget.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(_("Written to {path}").format(path=path))
        self.written.emit(path)

    def _failed(self, path: Path, error: object, progress: QProgressDialog) -> None:
        self._finish(progress)
        self.controller.failed.emit(not_written(path, error))
