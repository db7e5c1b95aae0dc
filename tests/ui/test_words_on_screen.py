"""What the window says: fields named as on screen, fields that stop at their limit, one
saving state for banner and status bar, and window titles that name the app once."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication, QLineEdit, QStyleOptionViewItem, QWidget
from pytestqt.qtbot import QtBot

from worksession.domain.field_labels import FIELD_LABELS
from worksession.domain.validation import LONG_TEXT_MAX, SHORT_TEXT_MAX, record_of_table
from worksession.domain.values import StepKind
from worksession.i18n import _
from worksession.programmes.library import load_library
from worksession.storage.database import Database
from worksession.ui.session.pages.agreements import AgreementsPage
from worksession.ui.session.pages.preparation import PreparationPage
from worksession.ui.session.pages.sociale_kaart import SocialeKaartPage
from worksession.ui.session.record_table import RecordTable
from worksession.ui.session.window import SessionWindow
from worksession.ui.start_window import StartWindow

from .conftest import page_of


@pytest.fixture
def app_name() -> Iterator[str]:
    """The name Qt adds to every window title, as the app sets it at start."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before = app.applicationDisplayName()
    app.setApplicationDisplayName("Worksession")
    yield "Worksession"
    app.setApplicationDisplayName(before)


def test_the_column_headers_are_the_labels_messages_use(window: SessionWindow) -> None:
    checked = 0
    for page in window.page_list:
        for table in page.findChildren(RecordTable):
            record = record_of_table(str(table._record_model.__tablename__))
            for column in table.model.columns:
                path = f"{record}.{column.field}"
                label = FIELD_LABELS.get(path)
                # The votes column is headed by the method ("Stippen", "Punten").
                if label is not None and path != "theme.votes":
                    assert label == column.header, path
                    checked += 1
    assert checked > 30


def test_a_duplicate_relation_is_said_in_words(window: SessionWindow) -> None:
    page = page_of(window, StepKind.SOCIALE_KAART)
    assert isinstance(page, SocialeKaartPage)
    relation = window.controller.document["relations"][0]
    names = {s["key"]: s["name"] for s in window.controller.document["stakeholders"]}
    page.source.setCurrentText(names[relation["from"]])
    page.target.setCurrentText(names[relation["to"]])
    page.kind.setCurrentIndex(page.kind.findData(relation["kind"]))
    page.add_relation()
    assert window.banner.isVisible()
    assert window.banner.text() == "Niet opgeslagen: deze relatie bestaat al"


def test_fields_stop_at_the_limits_the_rules_check(qtbot: QtBot, window: SessionWindow) -> None:
    page = page_of(window, StepKind.PREPARATION)
    assert isinstance(page, PreparationPage)
    title = page.fields["title"]
    assert title.maxLength() == SHORT_TEXT_MAX
    title.setText("x" * SHORT_TEXT_MAX)
    title.end(False)
    qtbot.keyClicks(title, "yz")
    assert title.text() == "x" * SHORT_TEXT_MAX
    assert page.participants.entry.maxLength() == SHORT_TEXT_MAX
    # A cell being edited stops there too.
    index = page.participants.model.index(0, 0)
    editor = page.participants.view.itemDelegateForIndex(index).createEditor(
        page.participants.view.viewport(), QStyleOptionViewItem(), index
    )
    assert isinstance(editor, QLineEdit) and editor.maxLength() == SHORT_TEXT_MAX
    editor.deleteLater()
    agreements = page_of(window, StepKind.AGREEMENTS)
    assert isinstance(agreements, AgreementsPage)
    assert agreements.table.entry.maxLength() == LONG_TEXT_MAX  # "what" is a long text


def test_a_refusal_never_sits_beside_everything_saved(window: SessionWindow) -> None:
    page = page_of(window, StepKind.PREPARATION)
    assert isinstance(page, PreparationPage)
    page.fields["title"].setText("")
    page.flush()
    assert window.banner.isVisible() and window.banner.text().startswith("Niet opgeslagen")
    assert "Alles opgeslagen" not in window.saved_label.text()
    page.fields["title"].setText("Samen gezond in Kaalheide")
    page.flush()
    assert not window.banner.isVisible()
    assert window.saved_label.text().startswith("Alles opgeslagen")


def _shown_title(widget: QWidget) -> str:
    handle = widget.windowHandle()
    assert handle is not None
    return handle.title()


def test_the_session_window_names_the_app_once(
    qtbot: QtBot, window: SessionWindow, app_name: str
) -> None:
    window.go_to(1)
    shown = _shown_title(window)
    assert app_name not in shown  # Qt adds it after the title
    assert shown == f"Welkom & doel — {window.controller.document['session']['title']}"
    window.setWindowModified(True)  # edits waiting to be stored show as a star
    assert _shown_title(window).endswith("*")


def test_the_start_window_names_the_app_once(qtbot: QtBot, db: Database, app_name: str) -> None:
    start = StartWindow(db, load_library())
    qtbot.addWidget(start)
    start.show()
    assert start.windowTitle() == _("Sessions") == "Sessies"
    assert app_name not in _shown_title(start)


def test_the_presenter_names_its_step_and_the_app_once(
    qtbot: QtBot, window: SessionWindow, app_name: str
) -> None:
    window.go_to(1)
    window.room.present_action.trigger()
    presenter = window.presenting.presenter
    qtbot.waitUntil(presenter.isVisible)
    assert _shown_title(presenter) == "Presentatie — Welkom & doel"
    window.presenting.toggle_black()
    assert _shown_title(presenter) == "Presentatie — Welkom & doel — zwart scherm"
    assert app_name not in _shown_title(presenter)  # Qt adds it after the title
