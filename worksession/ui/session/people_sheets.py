"""The session window's sheets about people: *Wie is wie (PDF)…* on Kennismaking and in the
*Exporteren* menu, and *Factsheet voor de huisarts (PDF)…* for the stakeholder chosen on the
sociale kaart.

Each asks for a file, then writes it as every export of the session window is
(``background_export``): a file the app owns refused at once in the banner, the PDF drawn in the
background (a progress dialog when it takes a while) and written atomically.
The sheet is read from the session as the window shows it, after what is still being typed is
stored.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QWidget

from worksession.i18n import _
from worksession.ui.background import Job
from worksession.ui.session.background_export import BackgroundExport, with_suffix
from worksession.ui.session.controller import SessionController
from worksession.workflows.export_targets import check_export_target, write_export

# What a sheet is made of when asked for: the name to suggest and the drawing to run in the
# background (the sheet itself is read on the GUI thread); None when there is nothing to draw.
Prepared = tuple[str, Callable[[], bytes]]


class SheetExport(QObject):
    """One PDF about people as an action (``action``) and the work behind it, written as every
    export of the session window is (``BackgroundExport``)."""

    def __init__(
        self,
        parent: QWidget,
        controller: SessionController,
        flush: Callable[[], None],
        *,
        text: str,
        tip: str,
        prepare: Callable[[], Prepared | None],
    ) -> None:
        super().__init__(parent)
        self.parent_widget = parent
        self.controller = controller
        self.flush = flush
        self.prepare = prepare
        self.written: Path | None = None  # the last file written
        self.action = QAction(text, parent)
        self.action.setToolTip(tip)
        self.action.triggered.connect(self.choose)
        self.exports = BackgroundExport(parent, controller, [self.action])
        self.exports.written.connect(self._written)

    def choose(self) -> Job | None:
        self.flush()
        prepared = self.prepare()
        if prepared is None:
            return None
        name, draw = prepared
        path, _filter = QFileDialog.getSaveFileName(
            self.parent_widget, self.action.text().rstrip("…"), name, _("PDF (*.pdf)")
        )
        if not path:
            return None
        return self.export_to(with_suffix(path, ".pdf"), draw)

    def export_to(self, path: Path, draw: Callable[[], bytes] | None = None) -> Job | None:
        """Draw and write the sheet to ``path``; None when refused or there is nothing to draw."""
        self.flush()
        database = self.controller.db.path
        if draw is None:
            prepared = self.prepare()
            if prepared is None:
                return None
            draw = prepared[1]
        drawing = draw

        def work() -> Path:
            write_export(path, drawing(), database=database)
            return path

        return self.exports.run(
            path,
            lambda: check_export_target(path, database=database),
            work,
            label=_("Making the PDF…"),
        )

    def _written(self, path: Path) -> None:
        self.written = path


def _file_name(kind: str, name: str) -> str:
    return f"{kind} {name}.pdf".replace("/", "-")


def who_is_who_export(
    parent: QWidget, controller: SessionController, flush: Callable[[], None]
) -> SheetExport:
    """*Wie is wie (PDF)…*: everyone of the session and what each can be called for."""

    def prepare() -> Prepared:
        # Loaded when a sheet is asked for, not with every session window.
        from worksession.domain.who_is_who import who_is_who
        from worksession.workflows.people_sheets import who_is_who_bytes

        sheet = who_is_who(controller.document)
        return _file_name(_("Who is who"), sheet.title), lambda: who_is_who_bytes(sheet)

    return SheetExport(
        parent,
        controller,
        flush,
        text=_("Who is who (PDF)…"),
        tip=_(
            "For the participants: name, organisation, role and what to call each for; "
            "e-mail only for those who agreed to share it"
        ),
        prepare=prepare,
    )


def factsheet_export(
    parent: QWidget,
    controller: SessionController,
    flush: Callable[[], None],
    selected: Callable[[], str | None],
) -> SheetExport:
    """*Factsheet voor de huisarts (PDF)…* of the stakeholder ``selected`` gives the key of."""

    def prepare() -> Prepared | None:
        key = selected()
        if key is None:
            controller.notice.emit(_("Choose a stakeholder on the sociale kaart first."))
            return None
        from worksession.domain.factsheet import factsheet
        from worksession.workflows.people_sheets import catalogue_offers, factsheet_bytes

        sheet = factsheet(controller.document, key, catalogue_offers(controller.library))
        return _file_name(_("Factsheet for the huisarts"), sheet.name), lambda: factsheet_bytes(
            sheet
        )

    return SheetExport(
        parent,
        controller,
        flush,
        text=_("Factsheet for the huisarts (PDF)…"),
        tip=_("One page for the huisarts: what the chosen organisation offers and whom to contact"),
        prepare=prepare,
    )
