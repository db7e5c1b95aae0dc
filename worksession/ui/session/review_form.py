"""The form of the review step for one carried agreement: as signed beside the follow-up's copy,
the status then and now, what happened, whether the indicator shows, and the decision.

Every change is one undoable edit through the controller. The ids it changes are taken when the
edit is made, so an undo after the coach moved on to the next agreement still undoes the right
one. Choices change only when picked from an open list (``ChoiceBox``): a stray arrow key on a
closed list changes nothing. *Bijstellen* shows the copy's fields beside the signed wording; the
copy is changed with ``update_agreement`` and the signed wording stays as it was.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from worksession.domain.document_types import Agreement as AgreementRecord
from worksession.domain.models import Agreement, AgreementReview
from worksession.domain.review import ReviewItem, Wording, status_label
from worksession.domain.values import AgreementStatus, IndicatorSeen, ReviewDecision
from worksession.i18n import _
from worksession.storage.operations.agreements import update_agreement
from worksession.storage.operations.review import update_review
from worksession.ui.session.autosave import AutosaveText, TextWidget
from worksession.ui.session.commands import EditCommand
from worksession.ui.session.controller import SessionController
from worksession.ui.session.lookups import Lookups, parse_day_field, people_choices, show_day
from worksession.ui.session.people_picker import PeoplePicker
from worksession.ui.session.voting.choice_box import ChoiceBox

ADJUST = ReviewDecision.ADJUST.value


def _area(rows: int) -> QPlainTextEdit:
    area = QPlainTextEdit()
    area.setTabChangesFocus(True)
    area.setFixedHeight(rows * area.fontMetrics().lineSpacing() + 12)
    return area


def _choices(box: ChoiceBox, pairs: Sequence[tuple[str | None, str]]) -> ChoiceBox:
    for value, label in pairs:
        box.addItem(label, value)
    return box


def _signed(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
    return label


class ReviewForm(QWidget):
    """The review of one agreement; ``show_item`` fills it, ``flush`` stores what is typed."""

    def __init__(self, controller: SessionController) -> None:
        super().__init__()
        self.controller = controller
        self.item: ReviewItem | None = None
        self.record: AgreementRecord | None = None
        self._texts: list[tuple[AutosaveText, Callable[[], str]]] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.heading = QLabel()
        self.heading.setObjectName("reviewHeading")
        font = self.heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.heading.setFont(font)
        layout.addWidget(self.heading)
        layout.addWidget(self._wording_box())
        layout.addLayout(self._review_fields())

    # --- building -------------------------------------------------------------------------
    def _wording_box(self) -> QFrame:
        # A frame, not a titled group: the heading above names the agreement, and the room a
        # title takes keeps the decision in sight on a laptop while the coach adjusts.
        box = QFrame()
        box.setFrameShape(QFrame.Shape.StyledPanel)
        box.setAccessibleName(_("The agreement"))
        grid = QGridLayout(box)
        self.signed_title = QLabel()
        self.copy_title = QLabel(_("Adjusted"))
        for label in (self.signed_title, self.copy_title):
            font = label.font()
            font.setBold(True)
            label.setFont(font)
        grid.addWidget(self.signed_title, 0, 1)
        grid.addWidget(self.copy_title, 0, 2)
        self.signed_what, self.signed_lead = _signed(""), _signed("")
        self.signed_due, self.signed_indicator = _signed(""), _signed("")
        self.what = self._copy_text(_area(3), _("What"), "what")
        self.lead = ChoiceBox()
        self.lead.setAccessibleName(_("Lead"))
        self.lead.activated.connect(self._lead_chosen)
        # Sixty names in a list cannot be searched: F2 opens the picker that filters by typing.
        self.lead.installEventFilter(self)
        self.lead.setToolTip(_("Find the trekker by typing part of a name (F2)"))
        self.picker: PeoplePicker | None = None
        self.due = self._copy_text(QLineEdit(), _("When"), "due")
        self.due.setPlaceholderText(_("DD-MM-YYYY"))
        self.indicator = self._copy_text(_area(3), _("How we see it worked"), "indicator")
        rows: list[tuple[str, QLabel, QWidget]] = [
            (_("What"), self.signed_what, self.what),
            (_("Lead"), self.signed_lead, self.lead),
            (_("When"), self.signed_due, self.due),
            (_("How we see it worked"), self.signed_indicator, self.indicator),
        ]
        self.copy_fields: list[QWidget] = [self.copy_title]
        for row, (text, signed, editor) in enumerate(rows, start=1):
            name = QLabel(text)
            name.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            grid.addWidget(name, row, 0)
            grid.addWidget(signed, row, 1)
            grid.addWidget(editor, row, 2)
            self.copy_fields.append(editor)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        return box

    def _review_fields(self) -> QFormLayout:
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.status_then = QLabel()
        self.status_now = self._choice(
            _("Status now"), "status_now", [(v, _(label)) for v, label in AgreementStatus.pairs()]
        )
        status_row = QHBoxLayout()
        status_row.addWidget(self.status_then)
        status_row.addWidget(self.status_now, stretch=1)
        form.addRow(_("Status then → now"), status_row)
        self.what_happened = self._review_text(_area(2), _("What happened"), "what_happened")
        form.addRow(_("What happened"), self.what_happened)
        not_yet = (None, _("(not discussed yet)"))
        self.indicator_seen = self._choice(
            _("Can we see it work?"),
            "indicator_seen",
            [not_yet, *((v, _(label)) for v, label in IndicatorSeen.pairs())],
        )
        form.addRow(_("Can we see it work?"), self.indicator_seen)
        self.evidence = self._review_text(_area(2), _("Evidence"), "evidence")
        self.evidence.setPlaceholderText(_("What shows it: figures, what people noticed"))
        form.addRow(_("Evidence"), self.evidence)
        self.decision = self._choice(
            _("Decision"),
            "decision",
            [not_yet, *((v, _(label)) for v, label in ReviewDecision.pairs())],
        )
        form.addRow(_("Decision"), self.decision)
        return form

    def _choice(self, label: str, field: str, pairs: Sequence[tuple[str | None, str]]) -> ChoiceBox:
        box = _choices(ChoiceBox(), pairs)
        box.setAccessibleName(label)
        box.activated.connect(partial(self._review_chosen, box, label, field))
        return box

    def _review_text(self, widget: TextWidget, label: str, field: str) -> TextWidget:
        def store(old: str, new: str) -> bool:
            item = self.item
            if item is None:
                return False
            stored = str(getattr(item, field))
            return self._edit(
                label, partial(self._write_review, item.review_id), {field: stored}, {field: new},
                merge=("review", item.review_id, field), typed=True,
            )  # fmt: skip

        return self._bind(widget, label, store, lambda: str(getattr(self.item, field, "")))

    def _copy_text(self, widget: TextWidget, label: str, field: str) -> TextWidget:
        def store(old: str, new: str) -> bool:
            item, record = self.item, self.record
            if item is None or record is None:
                return False
            stored = self._copy_value(field)
            return self._edit(
                label, partial(self._write_copy, item.agreement_id), {field: stored},
                {field: new}, merge=("review-copy", item.agreement_id, field), typed=True,
            )  # fmt: skip

        return self._bind(widget, label, store, lambda: self._copy_value(field))

    def _bind(
        self,
        widget: TextWidget,
        label: str,
        store: Callable[[str, str], bool],
        read: Callable[[], str],
    ) -> TextWidget:
        widget.setAccessibleName(label)
        self._texts.append((AutosaveText(widget, store), read))
        return widget

    # --- showing ----------------------------------------------------------------------------
    def show_item(
        self, item: ReviewItem, record: AgreementRecord | None, place: int, count: int, version: int
    ) -> None:
        """Show ``item`` (``record``: the follow-up's copy as the document holds it)."""
        if self.item is not None and self.item.review_id != item.review_id:
            self.flush()  # what was typed belongs to the agreement it was typed for
        self.item, self.record = item, record
        name = item.number or item.key
        self.heading.setText(
            _("{name} · {key} — {place} of {count}").format(
                name=name, key=item.key, place=place, count=count
            )
        )
        self.signed_title.setText(_("As signed (version {number})").format(number=version))
        signed = item.signed or Wording("", "", "", "")
        missing = _("(not in the signed plan)")
        self.signed_what.setText(signed.what or missing)
        self.signed_lead.setText(signed.lead or "–")
        self.signed_due.setText(show_day(signed.due) if signed.due else "–")
        self.signed_indicator.setText(signed.indicator or "–")
        self.status_then.setText(
            _("then: {status} · now:").format(status=status_label(item.status_then))
        )
        self._show_choice(self.status_now, item.status_now)
        self._show_choice(self.indicator_seen, item.indicator_seen)
        self._show_choice(self.decision, item.decision)
        self._show_leads()
        for binding, read in self._texts:
            binding.show_stored(read())
        self.show_copy(item.decision == ADJUST or item.adjusted)

    def show_copy(self, shown: bool) -> None:
        for widget in self.copy_fields:
            widget.setVisible(shown)

    def _show_choice(self, box: ChoiceBox, value: str | None) -> None:
        box.setCurrentIndex(max(0, box.findData(value)))

    def _show_leads(self) -> None:
        self.lead.clear()
        self.lead.addItem(_("(nobody yet)"), None)
        for key, label in people_choices(self.controller.document):
            self.lead.addItem(label, key)
        self._show_choice(self.lead, self._copy_value("lead") or None)

    def _copy_value(self, field: str) -> str:
        record: dict[str, Any] = dict(self.record or {})
        value = record.get(field)
        if field == "due":
            return show_day(str(value)) if value else ""
        return str(value or "")

    def flush(self) -> None:
        for binding, _read in self._texts:
            binding.flush()

    # --- storing ----------------------------------------------------------------------------
    def _review_chosen(self, box: ChoiceBox, label: str, field: str, index: int) -> None:
        item = self.item
        if item is None:
            return
        new = box.itemData(index)
        old = getattr(item, field)
        recorded = field != "status_now" or item.status_recorded
        if new == old and recorded:
            return
        self._edit(
            label,
            partial(self._write_review, item.review_id),
            {field: old if recorded else None},
            {field: new},
        )
        if field == "decision" and new == ADJUST:
            self.show_copy(True)
            self.what.setFocus()  # the coach adjusts the wording next

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.lead
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_F2
        ):
            self.choose_lead()
            return True
        return False

    def choose_lead(self) -> PeoplePicker:
        """Open the picker; the trekker chosen there is stored as one undo step."""
        old = self._copy_value("lead")
        people = [("", _("(nobody yet)")), *people_choices(self.controller.document)]
        dialog = PeoplePicker(_("Lead"), people, [old], several=False, parent=self)

        def picked() -> None:
            chosen = dialog.chosen()
            self._store_lead(chosen[0] if chosen and chosen[0] else None)

        dialog.accepted.connect(picked)
        self.picker = dialog
        dialog.open()
        return dialog

    def _lead_chosen(self, index: int) -> None:
        self._store_lead(self.lead.itemData(index))

    def _store_lead(self, new: str | None) -> None:
        item = self.item
        if item is None:
            return
        old = self._copy_value("lead") or None
        if new != old:
            self._edit(
                _("Lead"), partial(self._write_copy, item.agreement_id), {"lead": old},
                {"lead": new},
            )  # fmt: skip

    def _edit(
        self,
        label: str,
        apply: Callable[[dict[str, Any]], object],
        old: dict[str, Any],
        new: dict[str, Any],
        *,
        merge: tuple[Any, ...] | None = None,
        typed: bool = False,
    ) -> bool:
        def command_for() -> EditCommand:
            command = EditCommand(
                _("Edit {field}").format(field=label.lower()), apply, old, new, merge_key=merge
            )
            if typed:
                # Kept waiting (a locked database) while another program wrote: typed text is
                # stored all the same, made again from what is stored then.
                command.remake = command_for
            return command

        return self.controller.execute(command_for())

    def _write_review(self, review_id: int, values: dict[str, Any]) -> AgreementReview:
        # The row it returns says which part changed: the window refreshes what shows it.
        return update_review(db=self.controller.db, review_id=review_id, **values)

    def _write_copy(self, agreement_id: int, values: dict[str, Any]) -> Agreement:
        db, session_id = self.controller.db, self.controller.session_id
        changes: dict[str, Any] = {}
        lead: dict[str, Any] = {}
        for field, value in values.items():
            if field == "due":
                changes["due"] = parse_day_field("agreement.due", value)
            elif field == "lead":
                lead["lead"] = Lookups.load(db, session_id).person(value)
            else:
                changes[field] = value
        return update_agreement(db=db, agreement_id=agreement_id, **lead, **changes)
