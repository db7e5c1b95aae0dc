"""How the group votes: the mode, dots or points per person, the cap per theme, how the votes
are entered, how many voted, and whether the plan names who voted what.

Each control stores its change at once as one undoable step; a refused change (a budget that a
typed ballot already exceeds, a ranking while ballots hold dots) is reported by the controller
and the control shows the stored value again. Choosing a ranking switches to ballots and a show
of hands to totals, the only ways they can be entered; moving on to dots or points goes back to
the way the coach chose for those.

The method and the entry change only when picked from their open list (``ChoiceBox``): a stray
arrow key must not change what goes into the plan. A change that would replace typed totals
with the ballots' count says which totals go and asks first, with *keep them* as the default.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from worksession.domain.values import VoteEntry, VoteMode
from worksession.domain.voting import ENTRIES, VoteSettings
from worksession.i18n import _, ngettext
from worksession.ui.session.voting.actions import VoteActions
from worksession.ui.session.voting.choice_box import ChoiceBox

NOT_SET = "—"


class NumberBox(QSpinBox):
    """A spin box that the mouse wheel changes only while it has the focus: scrolling the page
    past the vote settings must not change the dots per person or the number who voted."""

    def __init__(self) -> None:
        super().__init__()
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if self.hasFocus():
            super().wheelEvent(event)
        else:
            event.ignore()  # the page scrolls instead


def _number(maximum: int, name: str) -> QSpinBox:
    """A number that may be left open: 0 shows as "—" and is stored as None."""
    spin = NumberBox()
    spin.setRange(0, maximum)
    spin.setSpecialValueText(NOT_SET)
    spin.setKeyboardTracking(False)  # one change on Enter or leaving, not one per digit
    spin.setAccessibleName(name)
    spin.setMinimumWidth(spin.fontMetrics().horizontalAdvance("00000") + 30)
    spin.setMaximumWidth(spin.minimumWidth() + 20)
    return spin


class VoteSettingsBar(QWidget):
    def __init__(self, actions: VoteActions) -> None:
        super().__init__()
        self.voting = actions
        self.settings = VoteSettings()
        self.voters_typed: int | None = None
        # How the coach chose to enter votes, kept while a mode that allows only one way is
        # chosen: passing "ranking" with the arrow keys must not leave the totals as ballots.
        self.chosen_entry: VoteEntry = self.settings.entry
        self.confirm: QMessageBox | None = None  # the open question before totals are replaced

        self.mode = ChoiceBox()
        self.mode.setAccessibleName(_("Vote method"))
        for mode in VoteMode:
            self.mode.addItem(mode.label, mode.value)
        self.mode.activated.connect(self._mode_chosen)
        self.entry = ChoiceBox()
        self.entry.setAccessibleName(_("Votes are entered as"))
        for entry in VoteEntry:
            self.entry.addItem(entry.label, entry.value)
        self.entry.activated.connect(self._entry_chosen)
        self.per_person = _number(1000, _("Dots or points per person"))
        self.per_person.valueChanged.connect(lambda value: self._number("per_person", value))
        self.cap = _number(1000, _("At most per theme"))
        self.cap.valueChanged.connect(lambda value: self._number("cap", value))
        self.voters = _number(10_000, _("Number who voted"))
        self.voters.valueChanged.connect(lambda value: self._number("voters", value))
        self.anonymous = QCheckBox(_("Anonymous in the plan"))
        self.anonymous.setToolTip(_("Unticked, the plan lists each participant's ballot by name."))
        self.anonymous.clicked.connect(self._anonymous_chosen)

        self.per_person_label = QLabel()
        self.cap_label = QLabel(_("At most per theme:"))
        self.voters_label = QLabel(_("Number who voted:"))
        method_label, entry_label = QLabel(_("Method:")), QLabel(_("Entered as:"))
        for label, field in (
            (method_label, self.mode),
            (entry_label, self.entry),
            (self.per_person_label, self.per_person),
            (self.cap_label, self.cap),
            (self.voters_label, self.voters),
        ):
            label.setBuddy(field)
        # Two short rows that fit beside the side panel; what a mode does not use is hidden.
        rows: tuple[tuple[QWidget, ...], ...] = (
            (method_label, self.mode, entry_label, self.entry),
            (
                self.per_person_label,
                self.per_person,
                self.cap_label,
                self.cap,
                self.voters_label,
                self.voters,
                self.anonymous,
            ),
        )
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        for widgets in rows:
            line = QHBoxLayout()
            for widget in widgets:
                line.addWidget(widget)
            line.addStretch(1)
            column.addLayout(line)

    # --- showing ------------------------------------------------------------------------------
    def show_settings(self, settings: VoteSettings, voters_typed: int | None) -> None:
        self.settings, self.voters_typed = settings, voters_typed
        if len(ENTRIES[settings.mode]) > 1:
            self.chosen_entry = settings.entry
        fields: tuple[QWidget, ...] = (
            self.mode,
            self.entry,
            self.per_person,
            self.cap,
            self.voters,
        )
        for field in fields:
            field.blockSignals(True)
        self.mode.setCurrentIndex(self.mode.findData(settings.mode.value))
        self.entry.setCurrentIndex(self.entry.findData(settings.entry.value))
        self.per_person.setValue(settings.per_person or 0)
        self.cap.setValue(settings.cap or 0)
        self.voters.setValue(voters_typed or 0)
        for field in fields:
            field.blockSignals(False)
        self.anonymous.setChecked(settings.anonymous)
        allowed = ENTRIES[settings.mode]
        self.entry.setEnabled(len(allowed) > 1)
        self.per_person_label.setText(
            _("Points each:") if settings.mode is VoteMode.POINTS else _("Dots each:")
        )
        counted: tuple[QWidget, ...] = (
            self.per_person_label,
            self.per_person,
            self.cap_label,
            self.cap,
        )
        for part in counted:
            part.setVisible(settings.counting)
        totals = settings.entry is VoteEntry.TOTALS
        self.voters_label.setVisible(totals)
        self.voters.setVisible(totals)
        self.anonymous.setVisible(not totals)  # only ballots can name who voted what

    # --- changing -----------------------------------------------------------------------------
    def _stored(self) -> dict[str, Any]:
        s = self.settings
        return {
            "mode": s.mode.value,
            "entry": s.entry.value,
            "per_person": s.per_person,
            "cap": s.cap,
            "anonymous": s.anonymous,
            "voters": self.voters_typed,
        }

    def _change(self, new: dict[str, Any]) -> None:
        stored = self._stored()
        if all(stored[name] == value for name, value in new.items()):
            return
        if not self.voting.change_settings({name: stored[name] for name in new}, new):
            self.show_settings(self.settings, self.voters_typed)  # the stored value again

    def _change_entry(self, new: dict[str, Any]) -> None:
        """Change the mode or the entry; ask first when typed totals would be replaced."""
        after = VoteEntry(new.get("entry", self.settings.entry.value))
        replaced = self.voting.totals_replaced_by(self.settings.entry, after)
        if not replaced:
            self._change(new)
            return
        # Until the coach answers, the lists show what is stored.
        self.show_settings(self.settings, self.voters_typed)
        box = self.confirm = self._question(replaced)

        def answered(_result: int) -> None:
            self.confirm = None
            if box.clickedButton() is box.button(QMessageBox.StandardButton.Yes):
                self._change(new)

        box.finished.connect(answered)
        box.open()

    def _question(self, replaced: list[tuple[str, int]]) -> QMessageBox:
        count, votes = len(replaced), sum(votes for _title, votes in replaced)
        box = QMessageBox(self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(_("Enter the votes as ballots?"))
        box.setText(
            ngettext(
                "The typed total of {count} theme ({votes} votes in all) will be replaced by "
                "the count of the ballots.",
                "The typed totals of {count} themes ({votes} votes in all) will be replaced by "
                "the count of the ballots.",
                count,
            ).format(count=count, votes=votes)
        )
        lines = "\n".join(f"{title}: {votes}" for title, votes in replaced)
        box.setInformativeText(
            lines + "\n\n" + _("Replace the typed totals? Ctrl+Z brings them back.")
        )
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        box.button(QMessageBox.StandardButton.Yes).setText(_("Replace the totals"))
        box.button(QMessageBox.StandardButton.No).setText(_("Keep the totals"))
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.setEscapeButton(QMessageBox.StandardButton.No)
        return box

    def _mode_chosen(self, index: int) -> None:
        mode = VoteMode(self.mode.itemData(index))
        allowed = ENTRIES[mode]
        entry = self.chosen_entry if self.chosen_entry in allowed else allowed[0]
        new: dict[str, Any] = {"mode": mode.value}
        if entry is not self.settings.entry:
            new["entry"] = entry.value
        self._change_entry(new)

    def _entry_chosen(self, index: int) -> None:
        self._change_entry({"entry": self.entry.itemData(index)})

    def _number(self, name: str, value: int) -> None:
        self._change({name: value or None})

    def _anonymous_chosen(self, checked: bool) -> None:
        self._change({"anonymous": checked})
