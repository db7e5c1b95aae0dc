"""Terugblik op de afspraken: the follow-up session walks the agreements of the signed plan one
by one — status then → now, what happened, whether the indicator shows, and the decision — and
the borging conditions of the signed plan beside how they stand now.

The list names every carried agreement with its trekker, its status then → now and whether it
was decided; the form below it holds the one the coach is on, and the beamer follows it.
Alt+PgDown and Alt+PgUp move to the next and previous agreement from anywhere on the page,
storing what was typed first. A session that reviews no signed plan says how to make one that
does.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from worksession.domain.changes import Part
from worksession.domain.document_types import Agreement as AgreementRecord
from worksession.domain.review import ReviewFocus, ReviewItem, reviewed_count, then_to_now
from worksession.domain.values import ReviewDecision
from worksession.i18n import _, ngettext
from worksession.programmes.model import Step
from worksession.storage.operations.review import ReviewOverview, review_overview
from worksession.ui.session.controller import SessionController
from worksession.ui.session.pages.base import StepPage
from worksession.ui.session.pages.review_conditions import ConditionsThenAndNow
from worksession.ui.session.review_form import ReviewForm
from worksession.ui.shortcuts import keys_of

LIST_ROWS = 5  # the list shows this many agreements; the form keeps the rest of the room
WHAT_CHARS = 70


def _sequences(name: str) -> list[QKeySequence]:
    return [QKeySequence(keys) for keys in keys_of(name)]


def _short(text: str) -> str:
    line = " ".join(text.split())
    return line if len(line) <= WHAT_CHARS else line[: WHAT_CHARS - 1].rstrip() + "…"


class ReviewPage(StepPage):
    # The reviews, the copies of the agreements and their trekkers' names, the signed plan
    # and the progress log the status now defaults to.
    shows = frozenset(
        {
            Part.REVIEWS,
            Part.AGREEMENTS,
            Part.PARTICIPANTS,
            Part.STAKEHOLDERS,
            Part.ORIGIN,
            Part.PROGRESS,
            Part.CONDITIONS,
        }
    )

    def __init__(self, controller: SessionController, step: Step) -> None:
        super().__init__(controller, step)
        self.overview = ReviewOverview(None, ())
        self.current = 0
        self.origin_line = QLabel()
        self.origin_line.setWordWrap(True)
        self.origin_line.setObjectName("reviewOrigin")
        self.layout_.addWidget(self.origin_line)
        self.list = QTreeWidget()
        self.list.setAccessibleName(_("Agreements to review"))
        self.list.setRootIsDecorated(False)
        self.list.setUniformRowHeights(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setHeaderLabels(
            [_("No."), _("Agreement"), _("Lead"), _("Status then → now"), _("Decision")]
        )
        header = self.list.header()
        header.setStretchLastSection(False)
        for column in (0, 2, 3, 4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.list.currentItemChanged.connect(self._list_moved)
        self.layout_.addWidget(self.list)
        self.form = ReviewForm(controller)
        self.layout_.addWidget(self.form)
        self.conditions = ConditionsThenAndNow()
        self.layout_.addWidget(self.conditions)
        self.layout_.addStretch()
        self._next = _sequences("next_agreement")
        self._previous = _sequences("previous_agreement")
        for widget in (self, *self.findChildren(QWidget)):
            widget.installEventFilter(self)  # the keys work wherever the keyboard is on the page
        self.refresh()

    # --- the contract ---------------------------------------------------------------------
    def refresh(self) -> None:
        super().refresh()
        self.overview = review_overview(
            db=self.controller.db, session_id=self.controller.session_id
        )
        items = self.overview.items
        self.list.setVisible(bool(items))
        self.form.setVisible(bool(items))
        self.origin_line.setText(self._origin_text())
        self.conditions.show_document(self.controller.document)
        self._fill_list(items)
        if items:
            self.current = min(self.current, len(items) - 1)
            self._show_current()
        else:
            self.controller.show_on_beamer(self.step.id, None)

    def flush(self) -> None:
        super().flush()
        self.form.flush()

    def has_content(self) -> bool:
        items = self.overview.items
        return bool(items) and reviewed_count(items) == len(items)

    def find_text(self, text: str) -> bool:
        """Go to the first agreement whose wording or review holds ``text``."""
        self.refresh_if_stale()
        needle = text.casefold()
        for index, item in enumerate(self.overview.items):
            fields = (item.key, item.current.what, item.current.lead, item.what_happened,
                      item.evidence, item.signed.what if item.signed else "")  # fmt: skip
            if any(needle in field.casefold() for field in fields):
                self.go_to_agreement(index)
                self.list.setFocus()
                return True
        return False

    # --- what is shown ----------------------------------------------------------------------
    def _origin_text(self) -> str:
        origin, items = self.overview.origin, self.overview.items
        if origin is None:
            return _(
                "This step reviews the agreements of an earlier session, half a year on; "
                "this session follows none. To make one that does, choose Vervolgbijeenkomst "
                "voorbereiden on a signed-off session (in the start window, or on its step Na "
                "de sessie), or run: worksession followup ID."
            )
        if not items:
            return _("The signed plan “{title}” held no agreements to review.").format(
                title=origin.title
            )
        done = reviewed_count(items)
        return _("Reviewing “{title}”, version {version} ({fingerprint}). {decided}").format(
            title=origin.title,
            version=origin.version,
            fingerprint=origin.fingerprint[:16] + "…",
            decided=ngettext(
                "{done} of {count} agreement decided.",
                "{done} of {count} agreements decided.",
                len(items),
            ).format(done=done, count=len(items)),
        )

    def _fill_list(self, items: tuple[ReviewItem, ...]) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        for item in items:
            row = QTreeWidgetItem(
                [
                    item.number or "–",
                    _short(item.current.what),
                    item.current.lead or "–",
                    then_to_now(item),
                    _decision_text(item),
                ]
            )
            row.setToolTip(1, f"{item.key}\n{item.current.what}")
            self.list.addTopLevelItem(row)
        height = self.list.sizeHintForRow(0) if items else 0
        shown = min(max(len(items), 1), LIST_ROWS)
        self.list.setFixedHeight(
            self.list.header().sizeHint().height()
            + shown * max(height, 1)
            + 2 * self.list.frameWidth()
        )
        self.list.blockSignals(False)

    def _show_current(self) -> None:
        items = self.overview.items
        item = items[self.current]
        self.list.blockSignals(True)
        row = self.list.topLevelItem(self.current)
        if row is not None:
            self.list.setCurrentItem(row)
        self.list.blockSignals(False)
        origin = self.overview.origin
        self.form.show_item(
            item,
            self._record(item.key),
            self.current + 1,
            len(items),
            origin.version if origin is not None else 0,
        )
        self.controller.show_on_beamer(
            self.step.id, ReviewFocus(item, self.current + 1, len(items))
        )

    def _record(self, key: str) -> AgreementRecord | None:
        for agreement in self.controller.document["agreements"]:
            if agreement["key"] == key:
                return agreement
        return None

    # --- moving -------------------------------------------------------------------------------
    def go_to_agreement(self, index: int) -> None:
        """Make agreement ``index`` the current one, storing what was typed first."""
        items = self.overview.items
        if not items or not 0 <= index < len(items) or index == self.current:
            return
        self.form.flush()
        if not self.overview.items:
            return
        self.current = min(index, len(self.overview.items) - 1)
        self._show_current()

    def _list_moved(self, current: QTreeWidgetItem | None, _previous: object) -> None:
        if current is not None:
            self.go_to_agreement(self.list.indexOfTopLevelItem(current))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            pressed = QKeySequence(event.keyCombination())
            if pressed in self._next:
                self.go_to_agreement(self.current + 1)
                return True
            if pressed in self._previous:
                self.go_to_agreement(self.current - 1)
                return True
        return False


def _decision_text(item: ReviewItem) -> str:
    if item.decision is None:
        return _("not yet")
    return f"✓ {ReviewDecision(item.decision).label}"
