"""Render every screen to PNG for a look as a user would: ``make screenshots``.

The start window empty and filled, every step page of the demo session, and the dialogs, in
Dutch, offscreen, into ``build/screenshots/``.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path
from typing import Unpack

from worksession.domain.record_changes import VoteRoundChanges

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication, QWidget

from worksession.domain.values import StepKind
from worksession.i18n import set_language
from worksession.programmes.library import load_library
from worksession.storage.opening import open_database
from worksession.storage.operations.people import list_participants
from worksession.storage.operations.themes import list_themes
from worksession.storage.operations.vote_count import list_ballots
from worksession.storage.operations.voting import (
    add_ballot,
    remove_ballot,
    set_vote_settings,
    set_vote_totals,
)
from worksession.ui.qt_translations import install_qt_translations
from worksession.ui.session.controller import SessionController
from worksession.ui.session.window import SessionWindow
from worksession.ui.start_window import StartWindow


def _save(widget: QWidget, folder: Path, name: str) -> Path:
    QApplication.processEvents()
    path = folder / f"{name}.png"
    widget.grab().save(str(path))
    return path


def render_all(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    install_qt_translations(app)
    library = load_library()
    written = []
    with tempfile.TemporaryDirectory() as scratch:
        db = open_database(Path(scratch) / "screenshots.sqlite3")
        start = StartWindow(db, library)
        start.resize(1100, 640)
        start.show()
        written.append(_save(start, folder, "00-start-empty"))
        start.create_demo()
        written.append(_save(start, folder, "01-start-filled"))
        dialog = start.new_session()
        written.append(_save(dialog, folder, "02-new-session"))
        dialog.reject()
        toolkit = start.show_toolkit()
        written.append(_save(toolkit, folder, "03-toolkit"))
        toolkit.reject()
        session_id = start.model.session_at(0).id
        assert session_id is not None
        window = SessionWindow(SessionController(db, session_id, library))
        window.resize(1440, 900)
        window.show()
        for row, page in enumerate(window.page_list):
            window.go_to(row)
            written.append(_save(window, folder, f"{10 + row:02d}-{page.step.id}"))
        written += _presenter_shots(window, folder)
        written += _voting_states(window, folder)
        window.close()
        start.close()
        db.close()
    return written


PRESENTER_SIZES = ((1920, 1080), (1280, 720))
PRESENTER_STEPS = (
    StepKind.WELCOME,
    StepKind.CASUS,
    StepKind.SOCIALE_KAART,
    StepKind.PRIORITISING,
    StepKind.AGREEMENTS,
)


def _presenter_shots(window: SessionWindow, folder: Path) -> list[Path]:
    """The beamer's view of the main steps, at a full-HD and a common beamer resolution."""
    written = []
    presenter = window.presenting.presenter
    for width, height in PRESENTER_SIZES:
        presenter.resize(width, height)
        presenter.show()
        for kind in PRESENTER_STEPS:
            row = next(i for i, page in enumerate(window.page_list) if page.step.kind == kind)
            window.go_to(row)
            name = f"50-presenter-{width}x{height}-{window.page_list[row].step.id}"
            written.append(_save(presenter, folder, name))
    presenter.hide()
    return written


def _voting_states(window: SessionWindow, folder: Path) -> list[Path]:
    """The Prioriteren page in each vote mode, with ballots typed (after the plain pages, so
    those show the demo's own dot vote)."""
    controller = window.controller
    db, session_id = controller.db, controller.session_id
    row = next(
        i for i, page in enumerate(window.page_list) if page.step.kind == StepKind.PRIORITISING
    )
    window.go_to(row)
    name = f"{10 + row:02d}-{window.page_list[row].step.id}"
    t = [int(theme.id or 0) for theme in list_themes(db=db, session_id=session_id)]
    people = [int(p.id or 0) for p in list_participants(db=db, session_id=session_id) if p.present]
    written = []

    def show(**settings: Unpack[VoteRoundChanges]) -> None:
        for ballot in list_ballots(db=db, session_id=session_id):
            remove_ballot(db=db, ballot_id=ballot.id)
        set_vote_settings(db=db, session_id=session_id, **settings)

    def save(mode: str) -> None:
        controller.show_stored()
        written.append(_save(window, folder, f"{name}-{mode}"))

    show(mode="dots", entry="ballots", per_person=5, cap=3, anonymous=False)
    for i, person in enumerate(people[:9]):
        counts = {t[i % 3]: 3, t[(i + 1) % 3]: 2}
        add_ballot(db=db, session_id=session_id, participant_id=person, counts=counts)
    save("dots")
    show(mode="points", entry="ballots", per_person=10, cap=5, anonymous=True)
    for i in range(8):
        counts = {t[i % 6]: 5, t[(i + 1) % 6]: 3, t[(i + 3) % 6]: 2}
        add_ballot(db=db, session_id=session_id, counts=counts)
    save("points")
    show(mode="ranking", entry="ballots", anonymous=False)
    for i, person in enumerate(people[:7]):
        ranking = [t[(i + k) % 4] for k in range(3)]
        add_ballot(db=db, session_id=session_id, participant_id=person, ranking=ranking)
    save("ranking")
    show(mode="hands", entry="totals", voters=len(people))
    set_vote_totals(
        db=db, session_id=session_id, totals=dict(zip(t, (9, 9, 7, 6, 2, 0), strict=False))
    )
    save("hands")
    return written


def main() -> int:
    set_language("nl")
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else "build/screenshots")
    for path in render_all(folder):
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
