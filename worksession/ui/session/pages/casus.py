"""Wijkgezondheidsprofiel and casus: the wijk in figures, the case, and insights from the room."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QFormLayout, QLabel

from worksession.domain.changes import Part
from worksession.domain.models import Insight, KeyFigure
from worksession.i18n import N_, _
from worksession.programmes.model import Step
from worksession.storage.operations.casus import (
    add_insight,
    add_key_figure,
    update_casus,
    update_insight,
    update_key_figure,
)
from worksession.ui.session.controller import SessionController
from worksession.ui.session.pages.base import StepPage
from worksession.ui.session.record_model import Column
from worksession.ui.session.record_table import RecordTable

FIGURE_COLUMNS = (
    Column("label", N_("Figure")),
    Column("value", N_("Value")),
    Column("source", N_("Source")),
)
INSIGHT_COLUMNS = (Column("text", N_("Insight")),)


class ProfilePage(StepPage):
    """The key figures of the wijkgezondheidsprofiel, editable as a table."""

    shows = frozenset({Part.CASUS})

    def __init__(self, controller: SessionController, step: Step) -> None:
        super().__init__(controller, step)
        db, session_id = controller.db, controller.session_id
        self.figures = RecordTable(
            controller,
            model=KeyFigure,
            columns=FIGURE_COLUMNS,
            rows=lambda: controller.record_rows(KeyFigure),
            add=lambda label: add_key_figure(db=db, session_id=session_id, label=label),
            update=lambda row_id, values: update_key_figure(db=db, figure_id=row_id, **values),
            placeholder=_("A new figure (e.g. “Ernstig eenzaam 65+”) — Enter adds"),
            noun=_("key figure"),
        )
        self.layout_.addWidget(self.figures, stretch=1)

    def refresh(self) -> None:
        super().refresh()
        self.figures.refresh()

    def has_content(self) -> bool:
        return bool(self.controller.document["casus"]["figures"])


class CasusPage(StepPage):
    """The casus text and question, and the insights the room comes up with."""

    shows = frozenset({Part.CASUS})

    def __init__(self, controller: SessionController, step: Step) -> None:
        super().__init__(controller, step)
        db, session_id = controller.db, controller.session_id

        def write(values: dict[str, Any]) -> None:
            update_casus(db=db, session_id=session_id, **values)

        form = QFormLayout()
        for field, label, widget in (
            ("title", _("Title"), self.line()),
            ("text", _("Casus"), self.text_area(6)),
            ("question", _("Question"), self.text_area(3)),
        ):
            self.bind_text(
                widget,
                label=label,
                read=lambda d, f=field: str(d["casus"][f]),  # type: ignore[misc]
                write=write,
                field=field,
                merge=("casus", field),
            )
            form.addRow(label, widget)
        reminder = QLabel(
            _("Write no names of clients or patients in the casus: it goes into the plan.")
        )
        reminder.setObjectName("privacyReminder")
        reminder.setStyleSheet("#privacyReminder { color: #8a5a00; }")
        self.layout_.addWidget(reminder)
        self.layout_.addLayout(form, stretch=1)
        self.layout_.addWidget(QLabel(_("Insights")))
        self.insights = RecordTable(
            controller,
            model=Insight,
            columns=INSIGHT_COLUMNS,
            rows=lambda: controller.record_rows(Insight),
            add=lambda text: add_insight(db=db, session_id=session_id, text=text),
            update=lambda row_id, values: update_insight(db=db, insight_id=row_id, **values),
            placeholder=_("An insight from the room — Enter adds"),
            noun=_("insight"),
        )
        self.layout_.addWidget(self.insights, stretch=1)

    def refresh(self) -> None:
        super().refresh()
        self.insights.refresh()

    def has_content(self) -> bool:
        return bool(self.controller.document["casus"]["insights"])
