"""The half-year review revisits the borging conditions: each as the signed plan had it beside
how it stands now; a follow-up of a plan without conditions shows none."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from tests.following import sign_off
from tests.ui.conftest import shown_window
from tests.ui.review_keys import review_page
from worksession.programmes.library import load_library
from worksession.programmes.model import Library
from worksession.storage.database import Database
from worksession.storage.document import read_document
from worksession.storage.operations.borging import set_condition
from worksession.ui.session.controller import SessionController
from worksession.workflows.demo import create_demo_session
from worksession.workflows.following import prepare_follow_up


def test_the_review_shows_the_signed_conditions_beside_the_current_ones(
    qtbot: QtBot, db: Database, library: Library
) -> None:
    first = int(create_demo_session(db=db, library=load_library()).id or 0)
    set_condition(db=db, session_id=first, kind="direction", state="arranged", note="Gemeente")
    set_condition(db=db, session_id=first, kind="funding", state="to_arrange")
    sign_off(db, first)
    follow_up = prepare_follow_up(db=db, library=load_library(), session_id=first)
    carried = read_document(db=db, session_id=follow_up)["conditions"]
    assert [row["kind"] for row in carried] == ["funding", "direction"]
    assert carried[1]["note"] == "Gemeente"
    # Half a year on, regie has lapsed and funding is arranged.
    set_condition(db=db, session_id=follow_up, kind="direction", state="to_arrange")
    set_condition(db=db, session_id=follow_up, kind="funding", state="arranged")
    window = shown_window(qtbot, SessionController(db, follow_up, library))
    page = review_page(window)
    assert page.conditions.isVisible()
    states = {label: (then, now) for label, then, now in page.conditions.states()}
    assert states["Regie in de wijk (wie regisseert)"] == ("geregeld", "nog regelen")
    assert states["Financiering"] == ("nog regelen", "geregeld")
    assert states["Ambassadeurs"] == ("nog regelen", "nog regelen")
    assert page.conditions.topLevelItem(3).font(2).bold()  # regie changed
    assert not page.conditions.topLevelItem(5).font(2).bold()


def test_a_follow_up_of_a_plan_without_conditions_shows_none(
    qtbot: QtBot, db: Database, library: Library
) -> None:
    first = int(create_demo_session(db=db, library=load_library()).id or 0)
    sign_off(db, first)
    follow_up = prepare_follow_up(db=db, library=load_library(), session_id=first)
    window = shown_window(qtbot, SessionController(db, follow_up, library))
    page = review_page(window)
    assert not page.conditions.isVisible()
    assert page.conditions.topLevelItemCount() == 0
