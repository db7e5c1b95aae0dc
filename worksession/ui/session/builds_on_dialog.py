"""What an agreement builds on ("sluit aan bij"): an offer of the catalogue — those this wijk
has for the agreement's theme first, with who brings them — and/or an existing meeting or
initiative in free text."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QWidget,
)

from worksession.domain.existing_offers import ExistingOffer, OfferCatalogue
from worksession.domain.offer_types import BuildsOn
from worksession.domain.validation import SHORT_TEXT_MAX
from worksession.i18n import _


class BuildsOnDialog(QDialog):
    def __init__(
        self,
        title: str,
        catalogue: OfferCatalogue,
        in_the_wijk: Sequence[ExistingOffer],
        current: Mapping[str, Any] | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.offer = QComboBox()
        self.offer.setAccessibleName(_("Existing offer"))
        self.offer.addItem(_("(no offer from the catalogue)"), None)
        self._names: dict[str, str] = {}
        for found in in_the_wijk:
            label = _("{name} — in this wijk: {by}").format(name=found.name, by=", ".join(found.by))
            self._add(found.offer, found.name, label)
        if in_the_wijk:
            self.offer.insertSeparator(self.offer.count())
        for key, offer in catalogue.offers.items():
            if key not in self._names:
                self._add(key, offer.name, offer.name)
        kept = (current or {}).get("offer")
        if kept and kept not in self._names:  # picked on a laptop whose catalogue had it
            name = str((current or {}).get("name") or kept)
            self._add(kept, name, _("{name} (not in this catalogue)").format(name=name))
        self.offer.setCurrentIndex(max(0, self.offer.findData(kept)) if kept else 0)
        self.text = QLineEdit(str((current or {}).get("text", "")))
        self.text.setMaxLength(SHORT_TEXT_MAX)
        self.text.setAccessibleName(_("Existing meeting or initiative"))
        self.text.setPlaceholderText(_("e.g. the MDO ouderen of the huisartsen"))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(_("Offer from the catalogue"), self.offer)
        form.addRow(_("Or an existing meeting or initiative"), self.text)
        form.addRow(buttons)
        self.resize(560, self.sizeHint().height())

    def _add(self, key: str, name: str, label: str) -> None:
        self._names[key] = name
        self.offer.addItem(label, key)

    def chosen(self) -> BuildsOn | None:
        """What the coach chose; None when neither an offer nor a text."""
        key = self.offer.currentData()
        text = self.text.text().strip()
        if key is None and not text:
            return None
        return BuildsOn(
            offer=key, name=self._names.get(key, "") if key is not None else "", text=text
        )
