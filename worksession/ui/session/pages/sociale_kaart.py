"""Sociale kaart: who is active in the wijk, with what offer, as a table and as a
power/interest grid; relations (who refers to whom) as arrows. In a follow-up session the table
marks who is new since the first session's signed plan, and one line names who left."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from worksession.domain.changes import Part
from worksession.domain.kaart_changes import NO_CHANGES, changes_since_origin, left_line
from worksession.domain.models import Relation, Stakeholder
from worksession.domain.room import stakeholders_from_participants
from worksession.domain.values import Domain, RelationKind
from worksession.i18n import N_, _
from worksession.programmes.model import Step
from worksession.storage.operations.sociale_kaart import (
    add_relation,
    add_stakeholder,
    add_stakeholders_from_participants,
    update_stakeholder,
)
from worksession.ui.session.attendance_export import action_button
from worksession.ui.session.commands import (
    AddCommand,
    AddManyCommand,
    EditCommand,
    RemoveCommand,
)
from worksession.ui.session.controller import SessionController
from worksession.ui.session.grid_legend import GridLegend
from worksession.ui.session.kaart_offers import KaartOffers
from worksession.ui.session.pages.base import StepPage
from worksession.ui.session.people_sheets import factsheet_export
from worksession.ui.session.power_grid_view import ZOOM_STEP, PowerGridView
from worksession.ui.session.record_model import Column
from worksession.ui.session.record_table import RecordTable

STAKEHOLDER_COLUMNS = (
    Column("name", N_("Name")),
    Column("organisation", N_("Organisation")),
    Column("domain", N_("Domain"), "choice", Domain.pairs()),
    Column("role", N_("Role")),
    Column("influence", N_("Influence"), "int"),
    Column("interest", N_("Interest"), "int"),
    Column("present", N_("Present"), "bool"),
    Column("offer", N_("Offer")),
)

# After the row number of a stakeholder new since the first session: a sign, not a colour.
NEW_MARK = "★"


class SocialeKaartPage(StepPage):
    # The origin too: a follow-up's kaart shows who is new and who left since the signed plan.
    shows = frozenset({Part.STAKEHOLDERS, Part.RELATIONS, Part.PARTICIPANTS, Part.ORIGIN})

    def __init__(self, controller: SessionController, step: Step) -> None:
        super().__init__(controller, step)
        db, session_id = controller.db, controller.session_id
        roles = {role.name.lower(): role for role in controller.library.roles.values()}

        def add(name: str) -> Stakeholder:
            role = roles.get(name.lower())
            extra: dict[str, Any] = {}
            if role is not None:
                extra = {"domain": role.domain, "role": role.name, "offer": role.offer}
            return add_stakeholder(db=db, session_id=session_id, name=name, **extra)

        self.table = RecordTable(
            controller,
            model=Stakeholder,
            columns=STAKEHOLDER_COLUMNS,
            rows=lambda: controller.record_rows(Stakeholder),
            add=add,
            update=lambda row_id, values: update_stakeholder(
                db=db, stakeholder_id=row_id, **values
            ),
            placeholder=_("A party in the wijk (type to choose a role from the catalogue)"),
            noun=_("stakeholder"),
        )
        self.table.suggest(role.name for role in controller.library.roles.values())
        # A follow-up session: who is new and who left since the signed plan it reviews.
        self._kaart = NO_CHANGES
        self.table.model.row_mark = self._new_mark
        self.kaart_changes = QLabel()
        self.kaart_changes.setObjectName("kaartChanges")
        self.kaart_changes.setWordWrap(True)
        self.kaart_changes.hide()
        # The rows are numbered as the grid numbers a crowded cell: the table is the key.
        self.table.view.verticalHeader().show()
        self.grid = PowerGridView(self._moved)
        self.legend = GridLegend()
        self.grid.selected.connect(self._grid_selected)
        self.table.view.selectionModel().currentRowChanged.connect(self._row_selected)
        self.relations = self._relations_panel()
        self._shown: tuple[object, ...] = ()
        # The current stakeholder's offers, ticked from the catalogue (the free text stays the
        # table's "Offer" column).
        self.kaart_offers = KaartOffers(
            controller, lambda: self._current_key(), lambda key: self._stakeholder_ids()[key]
        )
        self.offers = self.kaart_offers.picker

        self.from_participants = QPushButton(_("Participants → sociale kaart"))
        self.from_participants.setToolTip(
            _(
                "Every organisation (or role) present becomes a stakeholder, linked to its "
                "participant; those already on the kaart are skipped"
            )
        )
        self.from_participants.clicked.connect(self.add_from_participants)
        # Lesson 8: one page for the huisarts of what the chosen organisation can do.
        self.factsheet = factsheet_export(self, controller, self.flush, self._current_key)
        self.table.view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.table.view.addAction(self.factsheet.action)
        factsheet_button = action_button(self.factsheet.action)
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        buttons = QHBoxLayout()
        buttons.addWidget(self.from_participants)
        buttons.addWidget(factsheet_button)
        buttons.addStretch()
        column.addLayout(buttons)
        column.addWidget(self.kaart_changes)
        column.addWidget(self.table, stretch=3)
        below = QHBoxLayout()
        below.addWidget(self.offers, stretch=1)
        below.addWidget(self.relations, stretch=1)
        column.addLayout(below, stretch=2)
        split = QSplitter()
        split.addWidget(left)
        drawing = QWidget()
        drawing_column = QVBoxLayout(drawing)
        drawing_column.setContentsMargins(0, 0, 0, 0)
        drawing_column.setSpacing(0)
        drawing_column.addLayout(self._grid_buttons())
        drawing_column.addWidget(self.legend)  # above: below a tall grid it would scroll away
        drawing_column.addWidget(self.grid, stretch=1)
        split.addWidget(drawing)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        split.setSizes([520, 480])
        self.layout_.addWidget(split, stretch=1)
        # Pick a row, Tab, and the arrow keys move that stakeholder on the grid.
        QWidget.setTabOrder(self.table.view, self.grid)
        QWidget.setTabOrder(self.grid, self.table.entry)
        QWidget.setTabOrder(self.table.entry, self.offers.search)
        QWidget.setTabOrder(self.offers.search, self.offers.checklist)
        self.refresh()

    def _grid_buttons(self) -> QHBoxLayout:
        """Zoom and the legend for the mouse; on the grid, Ctrl++, Ctrl+- and Ctrl+0 zoom."""
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        for text, tip, zoom in (
            ("−", _("Zoom out (Ctrl+-)"), lambda: self.grid.set_zoom(self.grid.zoom / ZOOM_STEP)),
            ("+", _("Zoom in (Ctrl++)"), lambda: self.grid.set_zoom(self.grid.zoom * ZOOM_STEP)),
            (_("Fit"), _("The whole grid (Ctrl+0)"), lambda: self.grid.set_zoom(1.0)),
        ):
            button = QToolButton()
            button.setText(text)
            button.setToolTip(tip)
            button.setAccessibleName(tip)
            button.clicked.connect(zoom)
            row.addWidget(button)
        row.addStretch(1)
        legend = QToolButton()
        legend.setText(_("Legend"))
        legend.setCheckable(True)
        legend.setChecked(True)
        legend.toggled.connect(self.legend.setVisible)
        row.addWidget(legend)
        return row

    def _relations_panel(self) -> QWidget:
        panel = QWidget()
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(_("Relations")))
        self.relation_list = QListWidget()
        self.relation_list.setAccessibleName(_("Relations"))
        # A long pair of names wraps instead of scrolling sideways on a laptop.
        self.relation_list.setWordWrap(True)
        self.relation_list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.relation_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout.addWidget(self.relation_list, stretch=1)
        self.source = QComboBox()
        self.source.setAccessibleName(_("From"))
        self.kind = QComboBox()
        self.kind.setAccessibleName(_("Kind of relation"))
        for kind in RelationKind:
            self.kind.addItem(kind.label, kind.value)
        self.target = QComboBox()
        self.target.setAccessibleName(_("To"))
        add = QPushButton(_("Add"))
        add.clicked.connect(self.add_relation)
        remove = QPushButton(_("Remove"))
        remove.setAccessibleName(_("Remove the selected relation"))
        remove.clicked.connect(self.remove_relation)
        row = QHBoxLayout()
        for combo in (self.source, self.kind, self.target):
            # As narrow as a few letters: a long name must not push the grid off a laptop.
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(6)
        for combo in (self.source, self.kind, self.target):
            row.addWidget(combo, stretch=1)
        buttons = QHBoxLayout()  # a row of their own: the grid beside keeps its width
        buttons.addStretch(1)
        buttons.addWidget(add)
        buttons.addWidget(remove)
        layout.addLayout(row)
        layout.addLayout(buttons)
        return panel

    def refresh(self) -> None:
        super().refresh()
        document = self.controller.document
        self.table.refresh()
        self.grid.show_document(document)
        self.legend.show_domains(s["domain"] for s in document["stakeholders"])
        self._show_kaart_changes()
        self.kaart_offers.show()
        names = {s["key"]: s["name"] for s in document["stakeholders"]}
        ids = self._stakeholder_ids()
        # Matched by what makes a relation (its two ends and kind), not by place: the rows are
        # in stored order, the document's list in its own, and a relation must not get its
        # neighbour's id.
        stored = {
            (row.source_id, row.target_id, row.kind): row.id
            for row in self.controller.record_rows(Relation)
        }
        relations = [
            (relation_id, r["from"], r["kind"], r["to"])
            for r in document["relations"]
            if (relation_id := stored.get((ids.get(r["from"]), ids.get(r["to"]), r["kind"])))
            is not None
        ]
        shown = (names, relations, ids)
        if shown == self._shown:
            return  # most saves change neither names nor relations: keep the lists as they are
        self._shown = shown
        self.relation_list.clear()
        for relation_id, source, kind, target in relations:
            text = f"{names[source]} → {RelationKind(kind).label} → {names[target]}"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, relation_id)
            self.relation_list.addItem(item)
        for combo in (self.source, self.target):
            chosen = combo.currentData()
            combo.clear()
            for key, name in names.items():
                combo.addItem(name, ids[key])
            combo.setCurrentIndex(max(0, combo.findData(chosen)))

    def _show_kaart_changes(self) -> None:
        changes = changes_since_origin(self.controller.document)
        if changes == self._kaart:
            return
        self._kaart = changes
        parts = []
        if changes.new:
            parts.append(_("{mark} new ({count})").format(mark=NEW_MARK, count=len(changes.new)))
        if changes.left:
            parts.append(left_line(changes.left, limit=3))  # all of them in the tooltip
        self.kaart_changes.setText(" · ".join(parts))
        self.kaart_changes.setToolTip(
            "\n".join([_("{mark} new since the work session").format(mark=NEW_MARK), *changes.left])
        )
        self.kaart_changes.setVisible(bool(parts))
        self.table.model.marks_changed()

    def _new_mark(self, row: Any) -> tuple[str, str] | None:
        if getattr(row, "key", None) in self._kaart.new:
            return NEW_MARK, _("new since the work session")
        return None

    def add_from_participants(self) -> None:
        """One undoable step: each organisation present as a stakeholder, linked."""
        controller = self.controller
        document, roles = controller.document, controller.roles
        if not stakeholders_from_participants(
            document["participants"], document["stakeholders"], roles
        ):
            controller.notice.emit(_("Every organisation present is on the sociale kaart already."))
            return
        db, session_id = controller.db, controller.session_id
        command = AddManyCommand(
            _("Participants → sociale kaart"),
            db,
            Stakeholder,
            lambda: add_stakeholders_from_participants(db=db, session_id=session_id, roles=roles),
        )
        if controller.execute(command):
            controller.notice.emit(
                _("{count} stakeholders added from the participants — Ctrl+Z undoes it").format(
                    count=len(command.row_ids)
                )
            )

    def has_content(self) -> bool:
        return bool(self.controller.document["stakeholders"])

    def _stakeholder_ids(self) -> dict[str, int]:
        # The table has just read the stakeholders; asking the database again costs a query.
        rows = (self.table.model.row_at(row) for row in range(self.table.model.rowCount()))
        return {row.key: int(row.id or 0) for row in rows}

    def _current_key(self) -> str | None:
        """The stakeholder of the table's current row (the grid selects the same one)."""
        current = self.table.view.currentIndex()
        if not current.isValid():
            return None
        return str(self.table.model.row_at(current.row()).key)

    def _grid_selected(self, key: str) -> None:
        """A stakeholder chosen on the grid is the table's current row too."""
        rows = (self.table.model.row_at(row) for row in range(self.table.model.rowCount()))
        for number, row in enumerate(rows):
            if row.key == key and self.table.view.currentIndex().row() != number:
                column = max(self.table.view.currentIndex().column(), 0)
                self.table.view.setCurrentIndex(self.table.model.index(number, column))

    def _row_selected(self, current: QModelIndex, _previous: QModelIndex) -> None:
        """The table's current row is selected on the grid, ready for the arrow keys."""
        if current.isValid():
            self.grid.select(self.table.model.row_at(current.row()).key)
        if current.row() != _previous.row():
            self.kaart_offers.show()

    def _moved(self, key: str, influence: int, interest: int) -> None:
        record = next(s for s in self.controller.document["stakeholders"] if s["key"] == key)
        stakeholder_id = self._stakeholder_ids()[key]
        db = self.controller.db
        command = EditCommand(
            _("Move {name}").format(name=record["name"]),
            lambda values: update_stakeholder(
                db=db, stakeholder_id=int(stakeholder_id or 0), **values
            ),
            {"influence": record["influence"], "interest": record["interest"]},
            {"influence": influence, "interest": interest},
        )
        if not self.controller.execute(command):
            self.refresh()

    def add_relation(self) -> None:
        source, target = self.source.currentData(), self.target.currentData()
        if source is None or target is None:
            return
        db, kind = self.controller.db, self.kind.currentData()
        command = AddCommand(
            _("Add relation"),
            db,
            Relation,
            lambda: add_relation(db=db, source_id=source, target_id=target, kind=kind),
        )
        self.controller.execute(command)

    def remove_relation(self) -> None:
        item = self.relation_list.currentItem()
        if item is not None:
            relation_id = int(item.data(Qt.ItemDataRole.UserRole))
            text = item.text()  # the list is rebuilt by the removal: keep the words now
            command = RemoveCommand(_("Remove relation"), self.controller.db, Relation, relation_id)
            if self.controller.execute(command):
                self.controller.notice.emit(_("{name} removed — Ctrl+Z restores").format(name=text))
