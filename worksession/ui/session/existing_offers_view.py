"""Per theme what already exists in this wijk and who offers it (lesson 7), read from the
stakeholders' offers on the sociale kaart and the catalogue's themes: shown on *Prioriteren*
and *Samenwerkingsafspraken* so the group builds on it rather than starting anew."""

from __future__ import annotations

import html
from collections.abc import Mapping
from typing import Any

from PySide6.QtWidgets import QTextBrowser

from worksession.domain.existing_offers import OfferCatalogue, offers_per_theme
from worksession.i18n import _


class ExistingOffersView(QTextBrowser):
    def __init__(self, *, priorities_only: bool, caption: str = "") -> None:
        super().__init__()
        self.priorities_only = priorities_only
        self.caption = caption
        self.setAccessibleName(_("Existing offers per theme"))
        self.setOpenLinks(False)
        self._shown = ""

    def show_document(self, document: Mapping[str, Any], catalogue: OfferCatalogue) -> int:
        """Draw the list; returns how many themes have existing offers."""
        lines, found = [], 0
        if self.caption:
            lines.append(f"<p style='color:#555'>{html.escape(self.caption)}</p>")
        for theme, offers in offers_per_theme(
            document, catalogue, priorities_only=self.priorities_only
        ):
            title = html.escape(str(theme["title"]))
            if offers:
                found += 1
                what = " · ".join(
                    f"{html.escape(offer.name)} "
                    f"<span style='color:#555'>({html.escape(', '.join(offer.by))})</span>"
                    for offer in offers
                )
                lines.append(f"<p><b>{title}</b>: {what}</p>")
            else:
                nothing = html.escape(_("nothing ticked on the sociale kaart yet"))
                lines.append(f"<p><b>{title}</b>: <i>{nothing}</i></p>")
        if len(lines) == bool(self.caption):
            lines.append(f"<p><i>{html.escape(self._empty())}</i></p>")
        text = "".join(lines)
        if text != self._shown:  # keep the scroll position when nothing changed
            self._shown = text
            self.setHtml(text)
        return found

    def _empty(self) -> str:
        if self.priorities_only:
            return _("No priorities yet.")
        return _("No themes yet.")
