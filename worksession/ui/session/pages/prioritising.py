"""Prioriteren: capture themes (quick-add from the catalogue), enter the dot-vote counts, the
ranking follows, a chart shows the result, and about three themes become the priorities."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSplitter

from worksession.domain.models import Theme
from worksession.domain.rules import RECOMMENDED_PRIORITIES, too_many_priorities
from worksession.i18n import N_, _
from worksession.programmes.model import Step
from worksession.storage.operations.themes import add_theme, list_themes, update_theme
from worksession.ui.session.controller import SessionController
from worksession.ui.session.pages.base import StepPage
from worksession.ui.session.record_model import Column
from worksession.ui.session.record_table import RecordTable
from worksession.ui.vote_chart import Bar, VoteChart

THEME_COLUMNS = (
    Column("title", N_("Theme")),
    Column("votes", N_("Votes"), "int"),
    Column("rank", N_("Rank"), editable=False),
    Column("priority", N_("Priority"), "bool"),
    Column("target_group", N_("Target group")),
    Column("why", N_("Why")),
)


class PrioritisingPage(StepPage):
    def __init__(self, controller: SessionController, step: Step) -> None:
        super().__init__(controller, step)
        db, session_id = controller.db, controller.session_id
        catalogue = {theme.title.lower(): theme for theme in controller.library.themes.values()}

        def add(title: str) -> Theme:
            known = catalogue.get(title.lower())
            extra: dict[str, Any] = {}
            if known is not None:
                extra = {"target_group": known.target_group, "why": known.description}
                title = known.title
            return add_theme(db=db, session_id=session_id, title=title, **extra)

        self.themes = RecordTable(
            controller,
            model=Theme,
            columns=THEME_COLUMNS,
            rows=lambda: list_themes(db=db, session_id=session_id),
            add=add,
            update=lambda row_id, values: update_theme(db=db, theme_id=row_id, **values),
            placeholder=_("A theme (type to choose from the catalogue) — Enter adds"),
            noun=_("theme"),
        )
        self.themes.suggest(theme.title for theme in controller.library.themes.values())
        self.warning = QLabel()
        self.warning.setObjectName("priorityWarning")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet(
            "#priorityWarning { background: #fff4ce; color: #3d2c00; padding: 4px 8px; }"
        )
        self.chart = VoteChart()
        self.chart.setAccessibleName(_("Vote result"))
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.themes)
        split.addWidget(self.chart)
        self.layout_.addWidget(self.warning)
        self.layout_.addWidget(split, stretch=1)
        self.refresh()

    def refresh(self) -> None:
        super().refresh()
        self.themes.refresh()
        themes = self.controller.document["themes"]
        self.chart.set_bars([Bar(t["title"], t["votes"], t["priority"]) for t in themes])
        many = too_many_priorities(t["priority"] for t in themes)
        self.warning.setVisible(many)
        self.warning.setText(
            _(
                "More than {count} priorities: the group can keep them, but about three keeps "
                "the plan doable."
            ).format(count=RECOMMENDED_PRIORITIES)
        )

    def has_content(self) -> bool:
        return any(theme["priority"] for theme in self.controller.document["themes"])
