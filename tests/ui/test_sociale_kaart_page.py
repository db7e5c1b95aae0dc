"""Sociale kaart: the table and the grid show the same stored values; moves are undoable."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.ui.answering import answer_removal
from tests.ui.conftest import page_of
from worksession.domain.power_grid import cell_of
from worksession.domain.values import StepKind
from worksession.storage.operations.sociale_kaart import list_relations, remove_relation
from worksession.ui.session.pages.sociale_kaart import SocialeKaartPage
from worksession.ui.session.power_grid_view import SIZE, to_scene
from worksession.ui.session.window import SessionWindow


def _page(window: SessionWindow) -> SocialeKaartPage:
    page = page_of(window, StepKind.SOCIALE_KAART)
    assert isinstance(page, SocialeKaartPage)
    return page


def test_every_stakeholder_is_on_the_grid_in_its_cell(window: SessionWindow) -> None:
    page = _page(window)
    stakeholders = window.controller.document["stakeholders"]
    assert set(page.grid.nodes) == {s["key"] for s in stakeholders}
    for record in stakeholders:
        pos = page.grid.nodes[record["key"]].pos()
        assert cell_of(pos.x() / SIZE, 1 - pos.y() / SIZE) == (
            record["influence"],
            record["interest"],
        )
    assert len(page.grid.arrows) == len(window.controller.document["relations"])


def _send(view: QPoint, kind: QEvent.Type, buttons: Qt.MouseButton, widget: object) -> None:
    event = QMouseEvent(
        kind, QPointF(view), QPointF(view), Qt.MouseButton.LeftButton, buttons,
        Qt.KeyboardModifier.NoModifier,
    )  # fmt: skip
    QApplication.sendEvent(widget, event)  # type: ignore[arg-type]


def test_dragging_a_node_to_another_cell_stores_and_undoes(
    qtbot: QtBot, window: SessionWindow
) -> None:
    page = _page(window)
    record = window.controller.document["stakeholders"][2]  # influence 2, interest 4
    node = page.grid.nodes[record["key"]]
    viewport = page.grid.viewport()
    start = page.grid.mapFromScene(node.scenePos())
    target = page.grid.mapFromScene(to_scene(0.9, 0.9))  # top right: influence 5, interest 5
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=start)
    # QTest cannot move with a button held; a move event with the button down can.
    _send(target, QEvent.Type.MouseMove, Qt.MouseButton.LeftButton, viewport)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=target)

    def moved() -> bool:
        record = window.controller.document["stakeholders"][2]
        return (record["influence"], record["interest"]) == (5, 5)

    qtbot.waitUntil(moved)
    window.undo_action.trigger()
    back = window.controller.document["stakeholders"][2]
    assert (back["influence"], back["interest"]) == (record["influence"], record["interest"])


def test_a_role_from_the_catalogue_brings_its_domain_and_offer(
    qtbot: QtBot, window: SessionWindow
) -> None:
    page = _page(window)
    page.table.entry.setFocus()
    qtbot.keyClicks(page.table.entry, "Logopedist")  # QTest types ASCII only
    qtbot.keyClick(page.table.entry, Qt.Key.Key_Return)
    added = window.controller.document["stakeholders"][-1]
    assert added["domain"] == "primary_care" and added["offer"]
    assert added["key"] in page.grid.nodes


def test_relations_are_added_and_removed_with_undo(window: SessionWindow) -> None:
    page = _page(window)
    before = len(window.controller.document["relations"])
    page.source.setCurrentIndex(0)
    page.target.setCurrentIndex(page.target.count() - 1)
    page.kind.setCurrentIndex(1)
    page.add_relation()
    assert len(window.controller.document["relations"]) == before + 1
    assert len(page.grid.arrows) == before + 1
    page.relation_list.setCurrentRow(0)
    page.remove_relation()
    assert len(window.controller.document["relations"]) == before
    window.undo_action.trigger()
    window.undo_action.trigger()
    assert len(window.controller.document["relations"]) == before


def test_an_edit_changes_its_node_in_place_and_a_removal_takes_it_off(
    window: SessionWindow,
) -> None:
    page = _page(window)
    first, second = window.controller.document["stakeholders"][:2]
    kept = page.grid.nodes[second["key"]]
    edited = page.grid.nodes[first["key"]]
    page.table.model.setData(page.table.model.index(0, 0), "Buurtteam Noord")
    assert page.grid.nodes[first["key"]] is edited
    assert edited.label.text() == "Buurtteam Noord" and "Buurtteam Noord" in edited.toolTip()
    assert page.source.findText("Buurtteam Noord") >= 0  # the relation lists follow a rename
    page.table.view.setCurrentIndex(page.table.model.index(0, 0))
    answer_removal("remove")  # its relations and agreements are listed first
    page.table.remove_selected()
    assert first["key"] not in page.grid.nodes and edited.scene() is None
    assert page.grid.nodes[second["key"]] is kept
    assert len(page.grid.arrows) == len(window.controller.document["relations"])
    window.undo_action.trigger()
    assert page.grid.nodes[first["key"]].label.text() == "Buurtteam Noord"


def test_an_edit_in_place_repaints_its_row_without_resetting_the_table(
    qtbot: QtBot, window: SessionWindow
) -> None:
    page = _page(window)
    model = page.table.model
    page.table.view.setCurrentIndex(model.index(3, 1))
    resets: list[bool] = []
    model.modelReset.connect(lambda: resets.append(True))
    with qtbot.waitSignal(model.dataChanged) as changed:
        model.setData(model.index(1, 3), "Coördinator")
    assert changed.args is not None and changed.args[0].row() == 1
    assert resets == [] and page.table.view.currentIndex().row() == 3
    assert model.data(model.index(1, 3)) == "Coördinator"
    page.table.entry.setText("Diëtist")
    page.table.add_from_entry()
    assert resets == [True] and model.rowCount() == len(window.controller.document["stakeholders"])


def test_each_listed_relation_carries_the_id_of_its_own_stored_relation(
    window: SessionWindow,
) -> None:
    """The list follows the document's order, the ids come with the stored rows of the same
    read. Matched by what makes a relation, not by place: after another program removed one
    and the order differs, each listed relation still carries its own id (removing it from the
    list removes that one)."""
    page = _page(window)
    controller = window.controller
    stored = list_relations(db=controller.db, session_id=controller.session_id)
    assert len(stored) >= 3
    gone = stored[0]
    assert gone.id is not None
    remove_relation(db=controller.db, relation_id=gone.id)
    controller.reload()  # as the window's poll does once it sees the other program's change
    controller.document["relations"].reverse()

    page.refresh()

    model = page.table.model
    key_of = {model.row_at(n).id: model.row_at(n).key for n in range(model.rowCount())}
    ends = {r.id: (key_of[r.source_id], r.kind, key_of[r.target_id]) for r in stored}
    listed = [
        page.relation_list.item(row).data(Qt.ItemDataRole.UserRole)
        for row in range(page.relation_list.count())
    ]
    assert gone.id not in listed
    expected = [
        (r["from"], r["kind"], r["to"])
        for r in controller.document["relations"]
        if (r["from"], r["kind"], r["to"]) != ends[gone.id]
    ]
    assert [ends[relation_id] for relation_id in listed] == expected
