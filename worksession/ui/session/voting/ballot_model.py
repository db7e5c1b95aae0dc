"""The ballots as a grid: one row per ballot (or per participant still to vote), one column per
theme, and a last column with what is left of the budget or how many themes are ranked.

A cell holds the dots or points a ballot gives a theme, or the rank number it gives it. Typing
in a row without a ballot makes the ballot. A value the store refused stays visible in its cell,
marked, with the message on its row, until the next change. Updates keep the rows in place (no
model reset) so the cursor stays where the coach is typing.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from worksession.domain.voting import Ballot, VoteSettings, voter_name
from worksession.i18n import _
from worksession.storage.operations.vote_count import BallotView

Index = QModelIndex | QPersistentModelIndex
REFUSED_BACKGROUND = QColor("#fde7e9")
REFUSED_INK = QColor("#6e0811")


@dataclass(frozen=True)
class BallotRow:
    """A row of the grid: a stored ballot, or (``ballot_id`` None) one still to be typed."""

    ballot_id: int | None
    participant_id: int | None
    label: str  # the row's heading: the participant, "Ballot 3", "New ballot"
    voter: str  # as the store's messages name the voter: the participant, "ballot 3"
    counts: Mapping[int, int] = field(default_factory=dict)  # theme id → dots or points
    places: Mapping[int, int] = field(default_factory=dict)  # theme id → rank number

    @property
    def total(self) -> int:
        return sum(self.counts.values())


@dataclass(frozen=True)
class Voter:
    id: int
    name: str
    present: bool


@dataclass(frozen=True)
class Refusal:
    column: int
    value: int | None
    message: str


def ballot_rows(
    settings: VoteSettings,
    ballots: Sequence[BallotView],
    voters: Sequence[Voter],
    places: Callable[[BallotView], Mapping[int, int]],
) -> list[BallotRow]:
    """The rows: with a named vote every participant present (their ballot or an empty row),
    then the other ballots; with an anonymous vote the ballots. Last, a row for a new ballot."""
    names = {voter.id: voter.name for voter in voters}

    def stored(ballot: BallotView) -> BallotRow:
        name = names.get(ballot.participant_id or -1)
        number = ballot.position + 1
        return BallotRow(
            ballot.id,
            ballot.participant_id,
            name or _("Ballot {number}").format(number=number),
            name or voter_name(Ballot(), number),
            dict(ballot.counts),
            {} if settings.counting else dict(places(ballot)),
        )

    rows: list[BallotRow] = []
    shown: set[int] = set()
    if not settings.anonymous:
        by_voter = {b.participant_id: b for b in ballots if b.participant_id is not None}
        for voter in voters:
            ballot = by_voter.get(voter.id)
            if ballot is not None:
                rows.append(stored(ballot))
                shown.add(ballot.id)
            elif voter.present:
                rows.append(BallotRow(None, voter.id, voter.name, voter.name))
    rows += [stored(ballot) for ballot in ballots if ballot.id not in shown]
    following = max((ballot.position for ballot in ballots), default=-1) + 2
    rows.append(BallotRow(None, None, _("New ballot"), voter_name(Ballot(), following)))
    return rows


class BallotGridModel(QAbstractTableModel):
    """Rows of ``BallotRow``; ``write(row, theme_id, value)`` stores a typed cell (value None:
    cleared) and returns None, or the message why the store refused it."""

    def __init__(self, write: Callable[[BallotRow, int, int | None], str | None]) -> None:
        super().__init__()
        self._write = write
        self.settings = VoteSettings()
        self.themes: list[tuple[int, str]] = []  # (id, title) in the coach's order
        self.rows: list[BallotRow] = []
        self.refusals: dict[int, Refusal] = {}  # row → the value the store refused

    # --- content ----------------------------------------------------------------------------
    def show(
        self, settings: VoteSettings, themes: Sequence[tuple[int, str]], rows: Sequence[BallotRow]
    ) -> None:
        """Show new content; rows are updated in place when the columns stay the same, and
        only the rows that changed are repainted (a count typed changes one row)."""
        themes, rows = list(themes), list(rows)
        refused = set(self.refusals)
        self.refusals.clear()
        if themes != self.themes or settings.counting != self.settings.counting:
            self.beginResetModel()
            self.settings, self.themes, self.rows = settings, themes, rows
            self.endResetModel()
            return
        same_method = settings == self.settings
        self.settings = settings
        previous = self.rows
        old, new = len(previous), len(rows)
        if new < old:
            self.beginRemoveRows(QModelIndex(), new, old - 1)
            self.rows = previous[:new]
            self.endRemoveRows()
        elif new > old:
            self.beginInsertRows(QModelIndex(), old, new - 1)
            self.rows = previous + rows[old:]
            self.endInsertRows()
        self.rows = rows
        last = self.columnCount() - 1
        for number, row in enumerate(rows):
            if same_method and number < old and previous[number] == row and number not in refused:
                continue
            self.dataChanged.emit(self.index(number, 0), self.index(number, last))
            self.headerDataChanged.emit(Qt.Orientation.Vertical, number, number)
        if not same_method:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, last)

    def refuse(self, row: int, column: int, value: int | None, message: str) -> None:
        self.refusals[row] = Refusal(column, value, message)
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    def problem(self, row: int) -> str | None:
        refusal = self.refusals.get(row)
        return refusal.message if refusal is not None else None

    def theme_of(self, column: int) -> int | None:
        return self.themes[column][0] if 0 <= column < len(self.themes) else None

    @property
    def summary_column(self) -> int:
        return len(self.themes)

    # --- Qt -------------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.themes) + 1

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if orientation == Qt.Orientation.Vertical:
            return self.rows[section].label if section < len(self.rows) else None
        if section < len(self.themes):
            return self.themes[section][1]
        if not self.settings.counting:
            return _("Ranked")
        return _("Left") if self.settings.budget is not None else _("Total")

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() < len(self.themes):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def value(self, row: int, column: int) -> int | None:
        """The stored value of a cell (None: nothing given)."""
        theme_id = self.theme_of(column)
        if theme_id is None:
            return None
        record = self.rows[row]
        if self.settings.counting:
            return record.counts.get(theme_id) or None
        return record.places.get(theme_id)

    def _shown(self, row: int, column: int) -> int | None:
        refusal = self.refusals.get(row)
        if refusal is not None and refusal.column == column:
            return refusal.value
        return self.value(row, column)

    def summary(self, row: int) -> str:
        record = self.rows[row]
        if not self.settings.counting:
            if record.ballot_id is None and row not in self.refusals:
                return ""
            ranked = sum(1 for column in range(len(self.themes)) if self._shown(row, column))
            return _("{count} of {themes}").format(count=ranked, themes=len(self.themes))
        total = sum(self._shown(row, column) or 0 for column in range(len(self.themes)))
        budget = self.settings.budget
        if budget is None:
            return str(total)
        if total > budget:
            return _("{count} too many").format(count=total - budget)
        if record.ballot_id is None and not total:
            return str(budget)
        return str(budget - total)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        refused = self.refusals.get(row)
        if column == self.summary_column:
            if role == Qt.ItemDataRole.DisplayRole:
                text = self.summary(row)
                return f"⚠ {text}" if refused else text
            if role == Qt.ItemDataRole.ToolTipRole:
                return refused.message if refused else None
            if role == Qt.ItemDataRole.ForegroundRole and refused:
                return REFUSED_INK
        elif role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            shown = self._shown(row, column)
            return "" if shown is None else str(shown)
        elif refused is not None and refused.column == column:
            if role == Qt.ItemDataRole.BackgroundRole:
                return REFUSED_BACKGROUND
            if role == Qt.ItemDataRole.ForegroundRole:
                return REFUSED_INK
            if role == Qt.ItemDataRole.ToolTipRole:
                return refused.message
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignCenter
        return None

    def setData(self, index: Index, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        theme_id = self.theme_of(index.column())
        if theme_id is None:
            return False
        text = str(value if value is not None else "").strip()
        number = int(text) if text.isdigit() else None
        if text and number is None:
            return False
        if number == 0:
            number = None
        row = index.row()
        if number == self.value(row, index.column()) and row not in self.refusals:
            return False
        message = self._write(self.rows[row], theme_id, number)
        if message is None:
            return True
        # Refused: nothing is stored; the typed value stays in view, marked, with the reason.
        self.refuse(row, index.column(), number, message)
        return False
