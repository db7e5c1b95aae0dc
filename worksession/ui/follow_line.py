"""The start window's short line about following up: "3 afspraken over tijd, 2 binnen 4 weken,
1 zonder nieuws · 1 evaluatie te doen", each part a link that opens *Afspraken volgen*.

The counts are the storage operations' (``agreements_to_follow``, ``evaluations_due``). They are
read after the sessions are listed (the start-up does it with the toolkit, see ``startup``), so
this module and the storage layer stay off the path to the first paint; until then, and when
nothing needs attention, the line is hidden.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel

from worksession.domain.progress import DUE, OVERDUE, SILENT
from worksession.i18n import _, ngettext

if TYPE_CHECKING:
    from worksession.domain.evaluations import EvaluationDue
    from worksession.domain.progress import FollowUpItem
    from worksession.storage.database import Database

LINE_WEEKS = 4  # the line counts what is due within this many weeks (the window may choose more)
AGREEMENTS_LINK = "agreements"
EVALUATIONS_LINK = "evaluations"


def agreements_text(items: list[FollowUpItem], weeks: int) -> str:
    """ "3 afspraken over tijd, 2 binnen 4 weken, 1 zonder nieuws" ("" when there are none).

    An agreement listed for two reasons (overdue and without news) counts under both; the
    noun goes with the first number only, as one would say it.
    """
    counts = Counter(reason for item in items for reason in item.reasons)
    parts: list[str] = []
    for reason in (OVERDUE, DUE, SILENT):
        count = counts.get(reason, 0)
        if count:
            parts.append(_part(reason, count, first=not parts).format(count=count, weeks=weeks))
    return ", ".join(parts)


def _part(reason: str, count: int, *, first: bool) -> str:
    if reason == OVERDUE:
        if first:
            return ngettext("{count} agreement overdue", "{count} agreements overdue", count)
        return _("{count} overdue")
    if reason == DUE:
        if first:
            return ngettext(
                "{count} agreement due within {weeks} weeks",
                "{count} agreements due within {weeks} weeks",
                count,
            )
        return _("{count} within {weeks} weeks")
    if first:
        return ngettext("{count} agreement without news", "{count} agreements without news", count)
    return _("{count} without news")


def evaluations_text(due: list[EvaluationDue]) -> str:
    if not due:
        return ""
    return ngettext("{count} evaluation due", "{count} evaluations due", len(due)).format(
        count=len(due)
    )


class FollowLine(QLabel):
    """The line; ``linkActivated`` fires with which part was clicked."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("followLine")
        self.setWordWrap(True)
        self.setStyleSheet(
            "#followLine { background: #e8f1fb; color: #0b2e4f; padding: 6px 10px; }"
        )
        self.setToolTip(_("Open Follow the agreements"))
        self.shown_once = False  # counted at least once: a refresh of the listing counts again
        self._counting = 0  # the latest count asked for; an earlier one's answer is dropped
        self.hide()

    def count(self, db: Database, today: dt.date | None = None) -> None:
        """Count what needs attention on ``today`` and show it (hidden when nothing does)."""
        self._counting += 1  # a count still running in the background is overtaken
        self._show(_counted(db, today))

    def count_in_background(self, db: Database) -> None:
        """Count in the thread pool and show it when done: reading every plan that is out
        would hold the window still for a moment in a large archive."""
        from worksession.ui.background import Job, start

        self._counting += 1
        number = self._counting
        job = start(Job(lambda: (number, _counted(db, None))))
        job.signals.done.connect(self._counted)

    def _counted(self, result: tuple[int, tuple[str, str]]) -> None:
        number, texts = result
        if number == self._counting:  # not overtaken by a later count
            self._show(texts)

    def _show(self, texts: tuple[str, str]) -> None:
        self.shown_once = True
        links = [
            f"<a href='{link}'>{text}</a>"
            for link, text in zip((AGREEMENTS_LINK, EVALUATIONS_LINK), texts, strict=True)
            if text
        ]
        self.setText(" · ".join(links))
        self.setVisible(bool(links))


def _counted(db: Database, today: dt.date | None) -> tuple[str, str]:
    """The line's two texts on ``today``: the agreements' and the evaluations'."""
    from worksession.storage.operations.evaluations import evaluations_due
    from worksession.storage.operations.progress import agreements_to_follow

    today = dt.date.today() if today is None else today
    items = agreements_to_follow(db=db, today=today, weeks=LINE_WEEKS)
    due = evaluations_due(db=db, today=today, weeks=LINE_WEEKS)
    return agreements_text(items, LINE_WEEKS), evaluations_text(due)
