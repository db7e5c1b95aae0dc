"""People, domains and checks agree on screen: pasted roles get the catalogue's domain, the
points of attention read who was in the room, and Participants → sociale kaart is one step."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTreeWidget
from pytestqt.qtbot import QtBot

from tests.ui.conftest import page_of
from worksession.domain.values import StepKind
from worksession.i18n import speaking
from worksession.ui.session.pages.introductions import IntroductionsPage
from worksession.ui.session.pages.preparation import PreparationPage
from worksession.ui.session.pages.sociale_kaart import SocialeKaartPage
from worksession.ui.session.window import SessionWindow

PASTED = "naam;organisatie;rol\n" + "\n".join(
    [";".join(("Dr. Smit", "Praktijk De Linde", "huisarts"))]
    + [";".join((f"Inwoner {n}", "", "inwoner")) for n in range(8)]
)


def _preparation(window: SessionWindow) -> PreparationPage:
    page = page_of(window, StepKind.PREPARATION)
    assert isinstance(page, PreparationPage)
    return page


def _by_name(window: SessionWindow, name: str) -> dict[str, object]:
    return next(p for p in window.controller.document["participants"] if p["name"] == name)


def _codes(window: SessionWindow) -> set[str]:
    return {check.code for check in window.controller.checks}


def test_pasted_huisarts_and_inwoners_get_their_domain_and_no_onbekend_group(
    window: SessionWindow,
) -> None:
    page = _preparation(window)
    assert page.import_people(PASTED)
    assert _by_name(window, "Dr. Smit")["domain"] == "primary_care"
    assert _by_name(window, "Inwoner 3")["domain"] == "residents"
    intro = page_of(window, StepKind.INTRODUCTIONS)
    assert isinstance(intro, IntroductionsPage)
    tree: QTreeWidget = intro.tree
    with speaking("nl"):
        intro.refresh()
        groups = [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]
    assert not any(group.startswith("Onbekend") for group in groups)
    assert "Inwoners (10)" in groups  # the demo's two and the eight pasted


def test_typing_a_role_brings_its_domain_in_the_same_undo_step(window: SessionWindow) -> None:
    page = _preparation(window)
    table = page.participants
    table.entry.setText("Jan Pieters")
    table.add_from_entry()
    model = table.model
    row = model.rowCount() - 1
    role = next(i for i, c in enumerate(model.columns) if c.field == "role")
    assert model.setData(model.index(row, role), "inwoner")
    assert _by_name(window, "Jan Pieters")["domain"] == "residents"
    window.undo_action.trigger()
    person = _by_name(window, "Jan Pieters")
    assert (person["role"], person["domain"]) == ("", "")


def test_no_inwoners_clears_when_people_have_role_inwoner(window: SessionWindow) -> None:
    page = _preparation(window)
    model = page.participants.model
    domain = next(i for i, c in enumerate(model.columns) if c.field == "domain")
    for row in range(model.rowCount()):
        if model.row_at(row).domain == "residents":
            assert model.setData(model.index(row, domain), "")
    assert "no-residents" not in _codes(window)  # their role still says inwoner
    assert page.import_people("naam;rol\nKees;welzijnswerker\n")
    assert "no-residents" not in _codes(window)


def test_an_absent_huisarts_shows_the_no_gp_check_and_the_kaart_agrees(
    window: SessionWindow,
) -> None:
    page = _preparation(window)
    model = page.participants.model
    present = next(i for i, c in enumerate(model.columns) if c.field == "present")
    assert "no-gp" not in _codes(window)
    assert "influential-absent" not in {
        c.code for c in window.controller.checks if c.key == "s-huisartsenpraktijk"
    }
    for row in range(model.rowCount()):
        person = model.row_at(row)
        if person.present and person.role.startswith(("huisarts", "praktijkondersteuner")):
            assert model.setData(
                model.index(row, present),
                Qt.CheckState.Unchecked.value,
                Qt.ItemDataRole.CheckStateRole,
            )
    assert "no-gp" in _codes(window)
    # Nobody of the practice is in the room now: the kaart's influential practice is absent.
    assert "influential-absent" in {
        c.code for c in window.controller.checks if c.key == "s-huisartsenpraktijk"
    } or not _ticked_present(window, "s-huisartsenpraktijk")


def _ticked_present(window: SessionWindow, key: str) -> bool:
    return bool(
        next(s for s in window.controller.document["stakeholders"] if s["key"] == key)["present"]
    )


def test_participants_to_kaart_is_one_step_and_twice_adds_nothing(
    qtbot: QtBot, window: SessionWindow
) -> None:
    page = _preparation(window)
    assert page.import_people(PASTED)
    before = len(window.controller.document["stakeholders"])
    kaart = page_of(window, StepKind.SOCIALE_KAART)
    assert isinstance(kaart, SocialeKaartPage)
    with speaking("nl"):
        qtbot.mouseClick(kaart.from_participants, Qt.MouseButton.LeftButton)
    stakeholders = window.controller.document["stakeholders"]
    added = {s["name"]: s for s in stakeholders[before:]}
    assert set(added) == {"Praktijk De Linde", "Inwoners"}
    smit = _by_name(window, "Dr. Smit")
    assert added["Praktijk De Linde"]["participant"] == smit["key"]
    assert added["Praktijk De Linde"]["present"] is True
    assert "partijen toegevoegd" in window.statusBar().currentMessage()
    with speaking("nl"):
        qtbot.mouseClick(kaart.from_participants, Qt.MouseButton.LeftButton)
    assert len(window.controller.document["stakeholders"]) == before + 2
    assert "staat al op de sociale kaart" in window.statusBar().currentMessage()
    window.undo_action.trigger()  # one step takes both away
    assert len(window.controller.document["stakeholders"]) == before
    window.redo_action.trigger()
    assert len(window.controller.document["stakeholders"]) == before + 2
