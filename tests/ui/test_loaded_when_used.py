"""What only an action of the coach needs is loaded (or made) when the coach takes that action, not
with every session window: the invite-list reader with its XML parser, the invitation, the
programme sheet, the attendance and people sheets, and the presenter window on the beamer
(``make bench`` measures the memory of a demo walk; this guards the shape)."""

from __future__ import annotations

import os
import subprocess
import sys

from pytestqt.qtbot import QtBot

from worksession.ui.session.window import SessionWindow

ON_DEMAND = (
    "xml.etree.ElementTree",
    "pyexpat",
    "worksession.support.table_file",
    "worksession.domain.people_import",
    "worksession.workflows.people_file",
    "worksession.ui.session.invite_list_dialog",
    "worksession.ui.session.invitation_dialog",
    "worksession.export.invitation",
    "worksession.export.programme_sheet",
    "worksession.workflows.programme_sheet",
    "worksession.domain.attendance_sheet",
    "worksession.workflows.attendance_export",
    "worksession.domain.who_is_who",
    "worksession.domain.factsheet",
    "worksession.workflows.people_sheets",
)


def test_the_session_window_loads_no_module_only_an_action_needs() -> None:
    script = (
        "import sys\n"
        "import worksession.ui.session.window, worksession.ui.session.pages.plan\n"
        f"print(sorted(name for name in {ON_DEMAND!r} if name in sys.modules))\n"
    )
    environment = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-c", script], env=environment, capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "[]"


def test_the_presenter_window_is_made_when_first_shown(qtbot: QtBot, window: SessionWindow) -> None:
    presenting = window.presenting
    assert presenting._presenter is None and not presenting.shown
    window.room.black_action.trigger()  # nothing on the beamer to blank: nothing made
    presenting.hide()
    assert presenting._presenter is None
    window.room.present_action.trigger()
    presenter = presenting._presenter
    assert presenter is not None
    qtbot.waitUntil(presenter.isVisible)
    assert presenter.title.text() == window.current_page().step.title
    window.room.present_action.trigger()  # hidden again: the same window, kept for next time
    window.room.present_action.trigger()
    assert presenting._presenter is presenter
