"""A change tells the pages which parts of the session it touched; only theirs refresh.

Undo and redo carry the parts of the step they take back. Freezing a version and erasing a
person cannot be undone, yet they take the same path as every edit: refused when made from a
view another program changed, kept and retried while another program holds the database.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from pytestqt.qtbot import QtBot

from tests.ui.conftest import page_of
from worksession.domain.changes import EVERYTHING, Changes, Part
from worksession.domain.values import StepKind
from worksession.storage.operations.people import list_participants
from worksession.storage.operations.plan import list_versions
from worksession.storage.operations.sociale_kaart import list_stakeholders, update_stakeholder
from worksession.ui.session.commands import EditCommand
from worksession.ui.session.pages.base import StepPage
from worksession.ui.session.pages.plan import PlanPage
from worksession.ui.session.pages.preparation import PreparationPage
from worksession.ui.session.window import SessionWindow

ROOT = Path(__file__).resolve().parents[2]


def _page(window: SessionWindow, kind: StepKind) -> StepPage:
    return next(page for page in window.page_list if page.step.kind == kind)


def _edit_a_stakeholder(window: SessionWindow, role: str) -> bool:
    controller = window.controller
    db = controller.db
    stakeholder = list_stakeholders(db=db, session_id=controller.session_id)[0]
    stakeholder_id = int(stakeholder.id or 0)
    command = EditCommand(
        "Rol",
        lambda values: update_stakeholder(db=db, stakeholder_id=stakeholder_id, **values),
        {"role": stakeholder.role},
        {"role": role},
    )
    return controller.execute(command)


def _carried(window: SessionWindow) -> list[Changes]:
    heard: list[Changes] = []
    window.controller.changed.connect(heard.append)
    return heard


def test_an_edit_refreshes_only_the_pages_that_show_what_it_changed(
    window: SessionWindow,
) -> None:
    page_of(window, StepKind.WELCOME)  # every other page is hidden
    heard = _carried(window)
    assert _edit_a_stakeholder(window, "wijkagent")
    assert heard == [{Part.STAKEHOLDERS}]
    # Hidden pages that show stakeholders refresh when shown; the others keep what they show.
    assert _page(window, StepKind.SOCIALE_KAART)._stale
    assert _page(window, StepKind.AGREEMENTS)._stale
    assert not _page(window, StepKind.CASUS)._stale
    assert not _page(window, StepKind.EVALUATION)._stale
    # The page shows the change once it is on screen.
    kaart = page_of(window, StepKind.SOCIALE_KAART)
    assert not kaart._stale
    assert any(s["role"] == "wijkagent" for s in window.controller.document["stakeholders"])


def test_undo_and_redo_carry_the_parts_of_the_step_they_take_back(window: SessionWindow) -> None:
    assert _edit_a_stakeholder(window, "wijkagent")
    heard = _carried(window)
    assert window.controller.undo()
    assert window.controller.redo()
    assert heard == [{Part.STAKEHOLDERS}, {Part.STAKEHOLDERS}]


def test_a_change_by_another_program_refreshes_everything(window: SessionWindow) -> None:
    controller = window.controller
    controller.poll_timer.stop()
    heard = _carried(window)
    subprocess.run(
        [sys.executable, "-m", "tests.storage.writer_process", "set", str(controller.db.path),
         str(controller.session_id), "location", "Wijkcentrum Zuid"],
        cwd=ROOT, check=True, timeout=60,
    )  # fmt: skip
    assert controller.poll()
    assert heard == [EVERYTHING]
    assert controller.document["session"]["location"] == "Wijkcentrum Zuid"


def _freeze(page: PlanPage) -> None:
    page.controller.checks = []  # no question about open points: freeze at once
    assert page.freeze_version() is None


def test_freezing_is_not_an_undo_step_and_tells_the_plan_changed(window: SessionWindow) -> None:
    controller = window.controller
    page = page_of(window, StepKind.AFTER)
    assert isinstance(page, PlanPage)
    steps = controller.undo_stack.count()
    heard = _carried(window)
    _freeze(page)
    assert [v.number for v in list_versions(db=controller.db, session_id=controller.session_id)]
    assert controller.undo_stack.count() == steps
    assert len(heard) == 1 and Part.PLAN in heard[0]
    assert page.version.currentData() == 1


def test_freezing_from_a_view_another_program_changed_is_refused(window: SessionWindow) -> None:
    controller = window.controller
    controller.poll_timer.stop()  # the window has not looked since
    page = page_of(window, StepKind.AFTER)
    assert isinstance(page, PlanPage)
    refused: list[str] = []
    controller.rejected.connect(refused.append)
    subprocess.run(
        [sys.executable, "-m", "tests.storage.writer_process", "set", str(controller.db.path),
         str(controller.session_id), "location", "Wijkcentrum Zuid"],
        cwd=ROOT, check=True, timeout=60,
    )  # fmt: skip
    _freeze(page)
    assert list_versions(db=controller.db, session_id=controller.session_id) == []
    assert refused and "het venster toont nu wat er is opgeslagen" in refused[0]
    assert controller.document["session"]["location"] == "Wijkcentrum Zuid"  # now shown
    _freeze(page)  # from the view as it is now
    assert len(list_versions(db=controller.db, session_id=controller.session_id)) == 1


def test_an_erasure_is_stored_like_an_edit_and_forgets_the_history(window: SessionWindow) -> None:
    controller = window.controller
    page = page_of(window, StepKind.PREPARATION)
    assert isinstance(page, PreparationPage)
    assert _edit_a_stakeholder(window, "wijkagent") and controller.undo_stack.count() == 1
    person = list_participants(db=controller.db, session_id=controller.session_id)[0]
    heard = _carried(window)
    page.erase(int(person.id or 0))
    names = {p.name for p in list_participants(db=controller.db, session_id=controller.session_id)}
    assert person.name not in names
    assert controller.undo_stack.count() == 0  # an undo could bring the person back
    assert heard == [EVERYTHING]


def test_an_erasure_while_another_program_writes_waits_like_an_edit(
    qtbot: QtBot, window: SessionWindow
) -> None:
    controller = window.controller
    page = page_of(window, StepKind.PREPARATION)
    assert isinstance(page, PreparationPage)
    person = list_participants(db=controller.db, session_id=controller.session_id)[0]
    holder = subprocess.Popen(
        [sys.executable, "-m", "tests.storage.writer_process", "hold", str(controller.db.path),
         "release"],
        cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        page.erase(int(person.id or 0))  # waits a moment for the lock, then keeps it pending
        pending = controller.has_pending
    finally:
        holder.communicate("\n", timeout=30)
    assert pending
    qtbot.waitUntil(lambda: not controller.has_pending, timeout=15000)
    names = {p.name for p in list_participants(db=controller.db, session_id=controller.session_id)}
    assert person.name not in names
