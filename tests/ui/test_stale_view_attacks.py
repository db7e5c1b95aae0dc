"""Attacks on the stale-view guard: ways a window could still undo another program's change.

Each case has a real second process change the session: an undo of an older step, an edit
that waited for the other program's write lock while that program changed the same field, and
a table cell typed into while the other program changed it.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from tests.ui.conftest import freeze_plan, page_of
from worksession.domain.values import StepKind
from worksession.storage.document import read_document
from worksession.storage.operations.plan import latest_decisions, list_versions
from worksession.ui.session.pages.plan import PlanPage
from worksession.ui.session.pages.preparation import PreparationPage
from worksession.ui.session.pages.welcome import WelcomePage
from worksession.ui.session.window import SessionWindow

ROOT = Path(__file__).resolve().parents[2]


def _writer(window: SessionWindow, *arguments: str) -> list[str]:
    controller = window.controller
    return [
        sys.executable, "-m", "tests.storage.writer_process", arguments[0],
        str(controller.db.path), str(controller.session_id), *arguments[1:],
    ]  # fmt: skip


def _stored(window: SessionWindow, field: str) -> str:
    controller = window.controller
    return str(read_document(db=controller.db, session_id=controller.session_id)["session"][field])


def _welcome(window: SessionWindow) -> WelcomePage:
    page = page_of(window, StepKind.WELCOME)
    assert isinstance(page, WelcomePage)
    return page


def _type(page: WelcomePage, text: str) -> None:
    page.ambition.setPlainText(text)
    page.flush()


def test_undo_of_an_older_step_does_not_undo_another_program_change_unseen(
    window: SessionWindow,
) -> None:
    controller = window.controller
    controller.poll_timer.stop()  # the window has not looked since the other program wrote
    _type(_welcome(window), "Wat de coach typte")
    subprocess.run(_writer(window, "set", "ambition", "Van het andere programma"),
                   cwd=ROOT, check=True, timeout=60)  # fmt: skip

    window.undo_action.trigger()

    assert _stored(window, "ambition") == "Van het andere programma"
    assert window.banner.isVisible()
    assert "ander programma" in window.banner.text()


def test_undo_of_an_older_step_does_not_undo_another_program_change_seen(
    qtbot: QtBot, window: SessionWindow
) -> None:
    controller = window.controller
    _type(_welcome(window), "Wat de coach typte")
    subprocess.run(_writer(window, "set", "ambition", "Van het andere programma"),
                   cwd=ROOT, check=True, timeout=60)  # fmt: skip
    # The window sees the other program's text: undoing the coach's older step from here
    # would put back the text from before both, silently.
    qtbot.waitUntil(lambda: controller.document["session"]["ambition"] != "Wat de coach typte")

    window.undo_action.trigger()

    assert _stored(window, "ambition") == "Van het andere programma"
    assert "ander programma" in window.banner.text()
    # Work that comes after the other program's change undoes as always.
    _type(_welcome(window), "Nieuw van de coach")
    window.undo_action.trigger()
    assert _stored(window, "ambition") == "Van het andere programma"


def test_an_edit_that_waited_for_the_lock_names_the_text_the_other_program_wrote(
    qtbot: QtBot, window: SessionWindow
) -> None:
    controller = window.controller
    other = subprocess.Popen(
        _writer(window, "hold-set", "ambition", "Van het andere programma"),
        cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert other.stdout is not None and other.stdout.readline().strip() == "locked"
        _type(_welcome(window), "Wat de coach typte")  # waits the busy timeout, then pending
        assert controller.has_pending
        other.communicate("\n", timeout=30)
        assert other.returncode == 0
        qtbot.waitUntil(lambda: not controller.has_pending, timeout=15000)
    finally:
        if other.poll() is None:
            other.kill()
            other.communicate()

    # The coach's text is stored, but never silently over the other program's.
    assert _stored(window, "ambition") == "Wat de coach typte"
    assert "Van het andere programma" in window.banner.text()
    window.undo_action.trigger()
    assert _stored(window, "ambition") == "Van het andere programma"


def test_a_cell_typed_over_another_program_change_names_what_it_replaced(
    qtbot: QtBot, window: SessionWindow
) -> None:
    controller = window.controller
    page = page_of(window, StepKind.PREPARATION)
    assert isinstance(page, PreparationPage)
    table = page.participants
    column = next(n for n, c in enumerate(table.model.columns) if c.field == "organisation")
    index = table.model.index(0, column)
    row = table.model.row_at(0)
    table.view.setCurrentIndex(index)
    table.view.edit(index)  # the coach starts typing in the cell
    editor = table.view.indexWidget(index) or table.view.focusWidget()
    assert isinstance(editor, QLineEdit)
    subprocess.run(
        _writer(window, "set-participant", str(row.id), "organisation", "Van het andere programma"),
        cwd=ROOT, check=True, timeout=60,
    )  # fmt: skip
    assert controller.poll()  # the window reads the change while the cell is being edited
    editor.setText("Wat de coach typte")
    table.view.commitData(editor)  # what Enter or leaving the cell does

    def organisation() -> str:
        document = read_document(db=controller.db, session_id=controller.session_id)
        return next(p["organisation"] for p in document["participants"] if p["name"] == row.name)

    assert organisation() == "Wat de coach typte"
    assert "Van het andere programma" in window.banner.text()  # never silently
    window.undo_action.trigger()
    assert organisation() == "Van het andere programma"


def test_a_decision_from_a_view_another_program_changed_is_refused(window: SessionWindow) -> None:
    # Decisions (sign-off) change the session as much as an edit does: one recorded by the
    # command line must make the window's view stale like any other change.
    controller = window.controller
    page = page_of(window, StepKind.AFTER)
    assert isinstance(page, PlanPage)
    freeze_plan(page)
    controller.poll_timer.stop()  # the window has not looked since the other program wrote
    page.decisions.setCurrentCell(0, 0)
    key = str(page.decisions.item(0, 0).data(Qt.ItemDataRole.UserRole))
    subprocess.run(
        [sys.executable, "-m", "worksession", "--db", str(controller.db.path), "signoff",
         str(controller.session_id), "--version", "1", "--participant", key,
         "--decision", "changes", "--comment", "De datum klopt niet"],
        cwd=ROOT, check=True, timeout=60, capture_output=True,
    )  # fmt: skip

    assert not page.decide("agreed")

    version = list_versions(db=controller.db, session_id=controller.session_id)[-1]
    assert version.id is not None
    latest = latest_decisions(db=controller.db, version_id=version.id)
    assert latest[key].decision == "changes"  # the other program's decision stands
    assert "het venster toont nu wat er is opgeslagen" in window.banner.text()
