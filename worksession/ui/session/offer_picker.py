"""The offers of the catalogue a stakeholder brings, as a searchable checklist: type part of a
name or kind to narrow the list, arrow keys and Space to tick. Offers the stakeholder holds that
this laptop's catalogue lacks stay in the list under the name the session kept."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidgetItem, QVBoxLayout, QWidget

from worksession.domain.existing_offers import OfferCatalogue
from worksession.domain.offer_types import OfferRef
from worksession.i18n import _
from worksession.ui.session.people_checklist import PeopleChecklist


class _Search(QLineEdit):
    """The search field: Down moves into the list, so the keyboard never needs the mouse."""

    def __init__(self, checklist: PeopleChecklist) -> None:
        super().__init__()
        self._checklist = checklist

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Down:
            self._checklist.setFocus()
            for row in range(self._checklist.count()):
                if not self._checklist.item(row).isHidden():
                    self._checklist.setCurrentRow(row)
                    break
            return
        super().keyPressEvent(event)


class OfferPicker(QWidget):
    """Ticks the catalogue's offers of one stakeholder; ``changed`` carries the new list."""

    changed = Signal(list)

    def __init__(self) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.checklist = PeopleChecklist()
        self.checklist.setAccessibleName(_("Offers from the catalogue"))
        self.checklist.setWordWrap(True)
        self.checklist.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.search = _Search(self.checklist)
        self.search.setPlaceholderText(_("Type to find an offer; Down, then Space ticks it"))
        self.search.setAccessibleName(_("Search the catalogue of offers"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.checklist.narrow)
        self.title.setBuddy(self.search)
        layout.addWidget(self.title)
        layout.addWidget(self.search)
        layout.addWidget(self.checklist, stretch=1)
        self.checklist.itemChanged.connect(self._ticked)
        self._chosen: list[OfferRef] = []
        self._names: dict[str, str] = {}
        # What the list shows (catalogue, owner, ticked), until the coach ticks it otherwise.
        self._shown: tuple[object, ...] | None = None

    def show_offers(
        self, catalogue: OfferCatalogue, owner: str | None, chosen: Sequence[OfferRef]
    ) -> None:
        """The catalogue with ``owner``'s offers ticked; no stakeholder: nothing to tick."""
        shown = (catalogue, owner, [(o["id"], o["name"]) for o in chosen])
        if shown == self._shown:
            return  # every save on the kaart shows it again: most change none of this
        self._shown = shown
        self._chosen = [OfferRef(id=o["id"], name=o["name"]) for o in chosen]
        self.setEnabled(owner is not None)
        self.title.setText(
            _("Offers of {name} from the catalogue ({count} ticked):").format(
                name=owner, count=len(self._chosen)
            )
            if owner is not None
            else _("Choose a stakeholder to tick its offers from the catalogue.")
        )
        # The name only: a narrow column shows it whole; the kind is in the tooltip.
        entries = [(key, offer.name) for key, offer in catalogue.offers.items()]
        # Kept by the session, unknown here: still shown, under the name it was picked with.
        entries += [
            (o["id"], _("{name} (not in this catalogue)").format(name=o["name"] or o["id"]))
            for o in self._chosen
            if o["id"] not in catalogue.offers
        ]
        self._names = {key: offer.name for key, offer in catalogue.offers.items()}
        self._names.update({o["id"]: o["name"] for o in self._chosen})
        current = self.checklist.currentItem()
        keep = current.data(Qt.ItemDataRole.UserRole) if current is not None else None
        self.checklist.set_people(entries, [o["id"] for o in self._chosen])
        self.checklist.narrow(self.search.text())
        self.checklist.blockSignals(True)  # a tooltip is a change of the item too
        for row in range(self.checklist.count()):
            item = self.checklist.item(row)
            offer = catalogue.offers.get(item.data(Qt.ItemDataRole.UserRole))
            if offer is not None:
                item.setToolTip(offer.kind)
            if item.data(Qt.ItemDataRole.UserRole) == keep:
                self.checklist.setCurrentRow(row)
        self.checklist.blockSignals(False)

    def _ticked(self, _item: QListWidgetItem) -> None:
        """The new list in the order picked: those kept first, a newly ticked one last."""
        self._shown = None  # the ticks differ from what was shown: showing it again redraws
        ticked = self.checklist.chosen()
        kept = [o for o in self._chosen if o["id"] in ticked]
        added = [
            OfferRef(id=key, name=self._names.get(key, key))
            for key in ticked
            if key not in {o["id"] for o in kept}
        ]
        # Told once the item's own signal is done: what follows draws the list again, and an
        # item deleted while it still changes itself takes the program down.
        offers = [*kept, *added]
        QTimer.singleShot(0, lambda: self.changed.emit(offers))
