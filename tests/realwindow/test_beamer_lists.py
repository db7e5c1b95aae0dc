"""The real beamer beside the laptop shows what the room weighs: on Prioriteren the wijk's
existing offers under the question, on Vervolg & borging the borging checklist as soon as it is
started — also when it is started elsewhere while the slide is up (the window notices a change
stored by another program and the beamer follows it, as it follows the coach's own).

The slides' text is checked offscreen (``tests/ui/test_beamer_offers_and_borging.py``); here the
real window's pixels: the text column below the question is blank without a list and inked with
one. With ``WORKSESSION_SHOTS`` set, the beamer's screenshots are kept there to look at.
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
from pathlib import Path

from PySide6.QtGui import QImage

from tests.realwindow.screenshots import _steady_shot
from tests.realwindow.test_vote_keys import _go_to
from tests.realwindow.xsession import BEAMER, App, Launch, Rect, wait_for
from worksession.programmes.library import load_library
from worksession.storage.opening import open_database
from worksession.storage.operations.borging import set_condition
from worksession.storage.operations.sociale_kaart import list_stakeholders, update_stakeholder

PRESENTER = "^(Presentatie|Presenter) — "
OFFERS = {
    "Fysiotherapie Kaalheide": ["ketenaanpak-valpreventie"],
    "Welzijn Kerkrade": ["welzijn-op-recept", "buurtteam"],
    "Buurtsportcoach Kaalheide": ["buurtsportcoach", "beweegmakelaar"],
}


def _session_id(database: Path) -> int:
    with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as connection:
        (session_id,) = connection.execute("SELECT id FROM work_session").fetchone()
    return int(session_id)


def _give_offers(database: Path) -> None:
    """The offers as the sociale kaart stores them, before the app opens the session."""
    catalogue = load_library().offer_catalogue()
    db = open_database(database)
    try:
        for stakeholder in list_stakeholders(db=db, session_id=_session_id(database)):
            if stakeholder.name in OFFERS and stakeholder.id is not None:
                offers = [{"id": i, "name": catalogue.name_of(i)} for i in OFFERS[stakeholder.name]]
                update_stakeholder(db=db, stakeholder_id=stakeholder.id, offers=offers)
    finally:
        db.close()


def _inked_rows(shot: Path, area: Rect) -> int:
    """How many pixel rows of ``area`` (relative to the beamer) hold dark text."""
    image = QImage(str(shot))
    rows = 0
    for y in range(area.y, area.bottom, 2):
        if any(image.pixelColor(x, y).lightness() < 100 for x in range(area.x, area.right, 3)):
            rows += 1
    return rows


def _on_beamer(app: App, presenter: str, step: str) -> None:
    wait_for(
        lambda: (
            re.search(rf"— {re.escape(step)}( — Worksession)?$", app.display.window_name(presenter))
            is not None
        ),
        f"the presenter on {step!r}",
    )


def _keep(shot: Path, name: str) -> None:
    if shots := os.environ.get("WORKSESSION_SHOTS"):
        shutil.copy(shot, Path(shots) / f"real-beamer-1920x1080-{name}.png")


def test_the_beamer_shows_the_offers_and_follows_the_checklist_as_it_is_started(
    launch: Launch, demo_database: tuple[Path, str], tmp_path: Path
) -> None:
    database, title = demo_database
    _give_offers(database)
    app = launch("beamer", database)
    display = app.display
    app.open_session(database, title)
    _go_to(app, "Prioriteren")
    display.key("F5")
    presenter = app.window(PRESENTER)
    wait_for(lambda: display.geometry(presenter) == BEAMER, "the presenter to cover the beamer")
    _on_beamer(app, presenter, "Prioriteren")
    # Below the question (about the top third) in the text column (the left 2/5): the list.
    below_question = Rect(40, 480, 700, 560)
    shot = _steady_shot(display, tmp_path / "prioriteren.png", BEAMER)
    _keep(shot, "prioriteren")
    assert _inked_rows(shot, below_question) > 40, "no offers below the question"

    _go_to(app, "Vervolg & borging")
    _on_beamer(app, presenter, "Vervolg & borging")
    checklist = Rect(40, 380, 1800, 500)
    before = _steady_shot(display, tmp_path / "borging-before.png", BEAMER)
    assert _inked_rows(before, checklist) == 0  # nothing started: nothing below the question
    db = open_database(database)
    try:  # stored by another program: the window reads it within a second or two
        set_condition(db=db, session_id=_session_id(database), kind="direction", state="arranged")
    finally:
        db.close()
    wait_for(
        lambda: _inked_rows(display.screenshot(tmp_path / "borging.png", BEAMER), checklist) > 40,
        "the checklist on the beamer",
    )
    _keep(_steady_shot(display, tmp_path / "borging-after.png", BEAMER), "borging")
