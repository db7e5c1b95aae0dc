"""The key to the grid's colours and lines: the domains on the grid, present or not, and the
relation kinds with the lines they are drawn with — on screen and on the beamer, as in the plan.

Text in a label, so it wraps to any width and grows with the window's or the beamer's type.
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from worksession.domain.power_grid import DOMAIN_COLOURS, RELATION_STYLES
from worksession.domain.values import Domain, RelationKind
from worksession.i18n import _

# The relation kinds' lines, written: solid, dashed with two heads, dotted (as drawn).
LINES = {
    RelationKind.REFERS_TO: "───▶",
    RelationKind.WORKS_WITH: "◀╌╌╌▶",
    RelationKind.FEEDS_BACK_TO: "┈┈┈▶",
}


def _entry(sample: str, colour: str, text: str) -> str:
    # No break between a swatch and its words; entries break between each other.
    return (
        f'<span style="color:{colour}">{sample}</span>&nbsp;{escape(text).replace(" ", "&nbsp;")}'
    )


class GridLegend(QLabel):
    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("gridLegend")
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setWordWrap(True)
        self.setAccessibleName(_("Legend of the grid"))
        self.setStyleSheet("#gridLegend { background: #ffffff; color: #222222; padding: 4px; }")
        self._domains: tuple[Domain, ...] | None = None
        self.show_domains(())

    def show_domains(self, domains: Iterable[str]) -> None:
        """The domains that are on the grid (all of them while it is empty)."""
        values = set(domains)
        used = tuple(d for d in Domain if d.value in values) or tuple(
            d for d in Domain if d is not Domain.UNKNOWN
        )
        if used == self._domains:
            return
        self._domains = used
        spaces = "&nbsp;&nbsp; "
        domains_line = spaces.join(
            _entry("●", DOMAIN_COLOURS[domain], domain.label) for domain in used
        )
        presence = spaces.join(
            [
                _entry("●", "#555555", _("present at the session")),
                _entry("○", "#555555", _("not present")),
            ]
        )
        relations = spaces.join(
            _entry(LINES[kind], RELATION_STYLES[kind].colour, kind.label) for kind in RelationKind
        )
        self.setText(
            f"<b>{escape(_('Domains'))}</b>&nbsp; {domains_line}<br>"
            f"<b>{escape(_('Presence'))}</b>&nbsp; {presence}<br>"
            f"<b>{escape(_('Relations'))}</b>&nbsp; {relations}"
        )
