"""The session window's *Exporteren* menu: the session's data as files for other programs.

JSON (the whole session, to take to another laptop), CSV (one record list, for a Dutch
spreadsheet), Excel (every list, a sheet each) and Agenda (the plan's dates as a calendar).
Other exports of the session add their action with ``add_action``: they appear below these,
after a line (``offer_page_exports`` adds those the step pages make: the invitation, the
programme, the attendance files).

Each file is made and written in the background through the same workflow as ``worksession
export``, as every export of the window is written (``background_export``): a dialog shows when
it takes more than half a second, and a target the app owns (the database, a backup) is refused
before anything is made, in the window's banner.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMenu

from worksession.export.record_lists import DEFAULT_LIST, RECORD_LISTS
from worksession.i18n import _
from worksession.ui.background import Job
from worksession.ui.file_places import remember_folder, suggested_path
from worksession.ui.menu_letters import lettered, mnemonic_of
from worksession.ui.session.background_export import BackgroundExport, with_suffix
from worksession.ui.session.controller import SessionController
from worksession.ui.session.pages.base import StepPage
from worksession.ui.session.pages.introductions import IntroductionsPage
from worksession.ui.session.pages.plan import PlanPage
from worksession.ui.session.pages.preparation import PreparationPage
from worksession.workflows.data_export import SUFFIXES, ExportKind, write_data_export
from worksession.workflows.export_targets import check_export_target

FILTERS: dict[ExportKind, str] = {
    ExportKind.JSON: "JSON (*.json)",
    ExportKind.CSV: "CSV (*.csv)",
    ExportKind.XLSX: "Excel (*.xlsx)",
    ExportKind.ICS: "iCalendar (*.ics)",
}


def with_mnemonic(text: str, used: set[str]) -> str:
    """``text`` with an ``&`` before its first letter not yet ``used`` in the same menu, so
    every entry has its own Alt key (the titles are translated: they cannot be fixed here).
    An ``&`` of the text itself is doubled, so it shows as one."""
    text = text.replace("&", "&&")
    for index, character in enumerate(text):
        if character.isalpha() and character.lower() not in used:
            used.add(character.lower())
            return f"{text[:index]}&{text[index:]}"
    return text


class ExportMenu(QObject):
    """Builds the menu in ``window``'s menu bar and runs its exports; ``written`` carries the
    path of each file written."""

    written = Signal(object)

    def __init__(
        self, window: QMainWindow, controller: SessionController, flush: Callable[[], None]
    ) -> None:
        super().__init__(window)
        self.window = window
        self.controller = controller
        self._flush = flush  # what is being typed belongs in the file
        self.exports = BackgroundExport(window, controller)
        self.exports.written.connect(self.written)
        self.exports.written.connect(self._say_if_empty)
        self.menu = window.menuBar().addMenu(_("E&xport"))
        self.menu.setObjectName("exportMenu")
        self.json_action = self._add(
            self.menu, _("&JSON (worksession/1)…"), lambda: self.choose(ExportKind.JSON)
        )
        self.csv_menu = self.menu.addMenu(_("&CSV (one list)"))
        used: set[str] = set()
        self.csv_actions: dict[str, QAction] = {
            entry.name: self._add(
                self.csv_menu,
                with_mnemonic(_(entry.title) + "…", used),
                self._csv_slot(entry.name),
            )
            for entry in RECORD_LISTS
        }
        self.xlsx_action = self._add(
            self.menu, _("&Excel (XLSX)…"), lambda: self.choose(ExportKind.XLSX)
        )
        self.ics_action = self._add(
            self.menu, _("C&alendar (ICS)…"), lambda: self.choose(ExportKind.ICS)
        )
        self._others = self.menu.addSeparator()
        self._others.setVisible(False)  # until another export is added below

    def _csv_slot(self, list_name: str) -> Callable[[], object]:
        return lambda: self.choose(ExportKind.CSV, list_name)

    def _add(self, menu: QMenu, text: str, slot: Callable[[], object]) -> QAction:
        action = menu.addAction(text)
        action.triggered.connect(slot)
        return action

    def add_action(self, action: QAction) -> None:
        """Another export of this session (the attendance list, an invitation): below ours,
        with an Alt letter of its own when its text brings none."""
        self._others.setVisible(True)
        text = action.text()
        if not mnemonic_of(text):
            used = {letter for item in self.menu.actions() if (letter := mnemonic_of(item.text()))}
            action.setText(lettered(text, used))
        self.menu.addAction(action)

    def suggested_name(self, kind: ExportKind, list_name: str) -> str:
        title = self.controller.document["session"]["title"]
        if kind is ExportKind.CSV:
            entry = next(entry for entry in RECORD_LISTS if entry.name == list_name)
            title = f"{title} - {_(entry.title)}"
        return (title + SUFFIXES[kind]).replace("/", "-")

    def choose(self, kind: ExportKind, list_name: str = DEFAULT_LIST) -> Job | None:
        """Ask where to write, then export there."""
        chosen, _filter = QFileDialog.getSaveFileName(
            self.window,
            _("Export the session"),
            suggested_path(self.suggested_name(kind, list_name)),
            FILTERS[kind],
        )
        if not chosen:
            return None
        remember_folder(chosen)
        return self.export_to(with_suffix(chosen, SUFFIXES[kind]), kind, list_name)

    def export_to(self, path: Path, kind: ExportKind, list_name: str = DEFAULT_LIST) -> Job | None:
        """Make and write the file in the background; None when ``path`` is refused at once
        (the banner says why)."""
        self._flush()
        db, session_id = self.controller.db, self.controller.session_id

        def work() -> Path:
            return write_data_export(
                db=db, session_id=session_id, kind=kind, out=path, list_name=list_name
            )

        return self.exports.run(
            path,
            lambda: check_export_target(path, database=db.path),
            work,
            label=_("Making the file…"),
        )

    def _say_if_empty(self, path: Path) -> None:
        """An empty calendar imports without a word: the status bar says why nothing shows."""
        if path.suffix.lower() == ".ics" and not _has_events(path):
            message = _("Written to {path}").format(path=path) + " — " + _empty_calendar_note()
            self.window.statusBar().showMessage(message)


def _empty_calendar_note() -> str:
    return _(
        "the plan has no dates yet (agreements' due dates, the next werkgroep meeting, "
        "the evaluation, the follow-up session)"
    )


def _has_events(path: Path) -> bool:
    """Whether the calendar just written holds an event (a file gone meanwhile: assume so)."""
    try:
        return b"BEGIN:VEVENT" in path.read_bytes()
    except OSError:
        return True


def offer_page_exports(menu: ExportMenu, pages: Sequence[StepPage]) -> None:
    """The files the pages make for others, in the menu too: the invitation and the programme
    of *Voorbereiding*, the wie is wie of *Kennismaking*, the attendance files of *Na de
    sessie* (the first page of each)."""
    preparation = next((page for page in pages if isinstance(page, PreparationPage)), None)
    if preparation is not None:
        for text, slot in (
            (_("Invitation…"), preparation.show_invitation),
            (_("Programme as PDF…"), preparation.choose_programme_pdf),
        ):
            action = QAction(text, menu.menu)
            action.triggered.connect(slot)
            menu.add_action(action)
    introductions = next((page for page in pages if isinstance(page, IntroductionsPage)), None)
    if introductions is not None:
        menu.add_action(introductions.who_is_who.action)
    plan = next((page for page in pages if isinstance(page, PlanPage)), None)
    if plan is not None:
        menu.add_action(plan.attendance.list_action)
        menu.add_action(plan.attendance.attendance_action)
