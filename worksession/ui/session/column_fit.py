"""Table columns that share the width the table has, so no table scrolls sideways.

On a 1280×720 laptop the agreements table and the plan's decisions table ran past their right
edge: each column was as wide as its longest text. Here the narrow columns keep their width and
the wide ones share what is left, their text wrapping or eliding; the coach can still drag a
column wider by hand.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QHeaderView, QTableView

MIN_COLUMN_WIDTH = 48  # a short word or a check box stays readable
MAX_COLUMN_WIDTH = 320  # long text (an offer, a why) wraps rather than taking the whole table


def share_width(wanted: list[int], available: int, minimum: int = MIN_COLUMN_WIDTH) -> list[int]:
    """Widths for columns that want ``wanted`` within ``available`` pixels.

    Columns narrower than an even share keep their width; the others split the rest evenly,
    never below ``minimum`` (then the table does scroll: nothing more can be given up).
    """
    if sum(wanted) <= available or not wanted:
        return list(wanted)
    widths = list(wanted)
    wide = set(range(len(widths)))
    room = available
    while wide:
        share = room // len(wide)
        narrow = {column for column in wide if widths[column] <= share}
        if not narrow:
            for column in wide:
                widths[column] = max(minimum, share)
            break
        wide -= narrow
        room -= sum(widths[column] for column in narrow)
    return widths


def fit_columns(view: QTableView) -> None:
    """Size ``view``'s visible columns to their content, then shrink them to its viewport."""
    header = view.horizontalHeader()
    columns = [c for c in range(header.count()) if not header.isSectionHidden(c)]
    if not columns:
        return
    view.resizeColumnsToContents()
    wanted = [min(view.columnWidth(c), MAX_COLUMN_WIDTH) for c in columns]
    available = view.viewport().width()
    widths = share_width(wanted, available)
    # The last column takes what is left: the header's own stretch kept it at least as wide
    # as before, which ran the table past its edge once a scroll bar took its room.
    widths[-1] += max(0, available - sum(widths))
    for column, width in zip(columns, widths, strict=True):
        view.setColumnWidth(column, width)


class ColumnFit(QObject):
    """Keeps a table's columns fitted whenever its viewport changes width."""

    def __init__(self, view: QTableView) -> None:
        super().__init__(view)
        self.view = view
        self._width = -1
        view.setWordWrap(True)
        view.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)  # ``fit_columns`` gives the last column the rest
        header.setTextElideMode(Qt.TextElideMode.ElideRight)  # "Hoe zien we…", not "oe zien we"
        # The header takes its new width after the viewport's resize event: fitting at once
        # would measure against the old width and leave the last column too wide.
        self._later = QTimer(self)
        self._later.setSingleShot(True)
        self._later.setInterval(0)
        self._later.timeout.connect(self.fit)
        view.viewport().installEventFilter(self)

    def fit(self) -> None:
        self._width = self.view.viewport().width()
        fit_columns(self.view)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Only a change of width refits: a vertical scroll bar appearing changes it too, and
        # a row added (a change of height) keeps the widths the coach may have dragged.
        if event.type() == QEvent.Type.Resize and self.view.viewport().width() != self._width:
            self._later.start()
        return False
