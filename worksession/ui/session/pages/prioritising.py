"""Prioriteren: capture themes (quick-add from the catalogue), choose how the group votes (dots,
a points budget, a ranking, a show of hands), enter the votes as a total per theme or a ballot
per participant, see the result live with its ties, let the group order equal themes, and make
about three themes the priorities."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from worksession.domain.changes import Part
from worksession.domain.models import Participant, Theme
from worksession.domain.rules import RECOMMENDED_PRIORITIES, too_many_priorities
from worksession.domain.values import VoteEntry, VoteMode
from worksession.domain.voting import VoteSettings
from worksession.i18n import N_, _
from worksession.programmes.model import Step
from worksession.storage.operations.themes import add_theme, list_themes, update_theme
from worksession.storage.operations.vote_count import vote_overview
from worksession.ui.session.controller import SessionController
from worksession.ui.session.existing_offers_view import ExistingOffersView
from worksession.ui.session.pages.base import StepPage
from worksession.ui.session.record_model import Column
from worksession.ui.session.record_table import RecordTable
from worksession.ui.session.voting.actions import VoteActions
from worksession.ui.session.voting.ballot_grid import BallotGrid
from worksession.ui.session.voting.ballot_model import Voter
from worksession.ui.session.voting.settings_bar import VoteSettingsBar
from worksession.ui.session.voting.tie_break import TieBreakDialog
from worksession.ui.vote_results import VoteResults

THEME_COLUMNS = (
    Column("title", N_("Theme")),
    Column("votes", N_("Votes"), "int"),
    Column("rank", N_("Rank"), editable=False),
    Column("priority", N_("Priority"), "bool"),
    Column("target_group", N_("Target group")),
    Column("why", N_("Why")),
)
#: What the votes column holds in each mode.
SCORE_HEADERS = {
    VoteMode.DOTS: N_("Dots"),
    VoteMode.POINTS: N_("Points"),
    VoteMode.RANKING: N_("Borda points"),
    VoteMode.HANDS: N_("Hands"),
}


def theme_columns(settings: VoteSettings) -> tuple[Column, ...]:
    """The theme table's columns: the score is typed only when the votes are typed as totals."""
    typed = settings.entry is VoteEntry.TOTALS
    return tuple(
        replace(column, header=SCORE_HEADERS[settings.mode], editable=typed)
        if column.field == "votes"
        else column
        for column in THEME_COLUMNS
    )


class PrioritisingPage(StepPage):
    shows = frozenset({Part.THEMES, Part.VOTING, Part.PARTICIPANTS, Part.STAKEHOLDERS})

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
            rows=lambda: controller.record_rows(Theme),
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
        self.voting = VoteActions(controller)
        self.vote_settings = VoteSettingsBar(self.voting)
        self.ballots = BallotGrid(self.voting)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(_("Themes and ballots"))
        self.tabs.addTab(self.themes, _("Themes and totals"))
        self.tabs.addTab(self.ballots, _("Ballots"))
        # Lesson 7: what the wijk already has per theme, from the sociale kaart's offers.
        self.existing = ExistingOffersView(priorities_only=False)
        self.tabs.addTab(self.existing, _("Existing offers"))
        self.results = VoteResults(scale=1.0)
        self.chart = self.results.chart
        self.problems = QLabel()
        self.problems.setObjectName("voteProblems")
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet(
            "#voteProblems { background: #fff4ce; color: #3d2c00; padding: 4px 8px; }"
        )
        self.decide_button = QPushButton(_("Decide the order of equal themes…"))
        self.decide_button.clicked.connect(self.decide_ties)
        below = QHBoxLayout()
        below.addWidget(self.problems, stretch=1)
        below.addWidget(
            self.decide_button, alignment=Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignRight
        )
        result_box = QWidget()
        result_column = QVBoxLayout(result_box)
        result_column.setContentsMargins(0, 0, 0, 0)
        result_column.addWidget(self.results, stretch=1)
        result_column.addLayout(below)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.tabs)
        split.addWidget(result_box)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        self.layout_.addWidget(self.warning)
        self.layout_.addWidget(self.vote_settings)
        self.layout_.addWidget(split, stretch=1)
        self._entry: VoteEntry | None = None
        self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        focus, stack = QApplication.focusWidget(), self.parentWidget()
        super().showEvent(event)
        # Coming from another step's page that had the focus (the stack clears it before the
        # switch), the stack would give it to the first field here: the vote method, where one
        # arrow key used to change the vote. Land on the theme entry instead, a harmless place:
        # what is typed there is added only on Enter.
        from_another_page = (
            focus is not None
            and stack is not None
            and stack.isAncestorOf(focus)
            and not self.isAncestorOf(focus)
        )
        if focus is None or from_another_page:
            self.themes.entry.setFocus(Qt.FocusReason.OtherFocusReason)

    def refresh(self) -> None:
        super().refresh()
        db, session_id = self.controller.db, self.controller.session_id
        overview = vote_overview(db=db, session_id=session_id)
        settings = overview.settings
        self.themes.model.columns = theme_columns(settings)
        self.themes.refresh()
        self.vote_settings.show_settings(settings, overview.voters_typed)
        themes = [(int(t.id), t.title) for t in self.controller.record_rows(Theme)]
        voters = [
            Voter(int(p.id or 0), p.name, p.present)
            for p in self.controller.record_rows(Participant)
        ]
        self.ballots.show_round(settings, themes, overview.ballots, voters)
        by_ballot = settings.entry is VoteEntry.BALLOTS
        self.tabs.setTabEnabled(self.tabs.indexOf(self.ballots), by_ballot)
        if settings.entry is not self._entry:
            self.tabs.setCurrentWidget(self.ballots if by_ballot else self.themes)
            self._entry = settings.entry
        document = self.controller.document
        found = self.existing.show_document(document, self.controller.offers)
        self.tabs.setTabText(
            self.tabs.indexOf(self.existing),
            _("Existing offers ({count} themes)").format(count=found),
        )
        self.results.show_document(document)
        problems = [problem.message for problem in overview.tally.problems]
        self.problems.setText("\n".join("⚠ " + problem for problem in problems))
        self.problems.setVisible(bool(problems))
        self.decide_button.setVisible(bool(overview.tally.ties))
        themes_doc = document["themes"]
        many = too_many_priorities(t["priority"] for t in themes_doc)
        self.warning.setVisible(many)
        self.warning.setText(
            _(
                "More than {count} priorities: the group can keep them, but about three keeps "
                "the plan doable."
            ).format(count=RECOMMENDED_PRIORITIES)
        )

    def has_content(self) -> bool:
        return any(theme["priority"] for theme in self.controller.document["themes"])

    def decide_ties(self) -> QDialog | None:
        """Let the group order the themes with equal scores; OK stores it (undoable)."""
        db, session_id = self.controller.db, self.controller.session_id
        overview = vote_overview(db=db, session_id=session_id)
        if not overview.tally.ties:
            return None
        titles = {int(t.id or 0): t.title for t in list_themes(db=db, session_id=session_id)}
        groups = [[(theme_id, titles[theme_id]) for theme_id in tie] for tie in overview.tally.ties]
        dialog = TieBreakDialog(groups, self)
        before = list(overview.tie_break)

        def store() -> None:
            chosen = [theme_id for group in dialog.order() for theme_id in group]
            kept = [theme_id for theme_id in before if theme_id not in chosen]
            self.voting.decide_ties(before, kept + chosen)

        dialog.accepted.connect(store)
        dialog.open()
        return dialog
