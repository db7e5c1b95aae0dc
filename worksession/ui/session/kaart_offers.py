"""The sociale kaart's offers from the catalogue for its current stakeholder: the picker shown
for that stakeholder, and each tick stored as one undoable step."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from worksession.domain.offer_types import OfferRef
from worksession.i18n import _
from worksession.storage.operations.sociale_kaart import update_stakeholder
from worksession.ui.session.commands import EditCommand
from worksession.ui.session.controller import SessionController
from worksession.ui.session.offer_picker import OfferPicker


class KaartOffers:
    def __init__(
        self,
        controller: SessionController,
        current_key: Callable[[], str | None],
        stakeholder_id: Callable[[str], int],
    ) -> None:
        self.controller = controller
        self._current_key = current_key
        self._stakeholder_id = stakeholder_id
        self.picker = OfferPicker()
        self.picker.changed.connect(self._changed)

    def _current(self) -> Mapping[str, Any] | None:
        key = self._current_key()
        stakeholders = self.controller.document["stakeholders"]
        return next((s for s in stakeholders if s["key"] == key), None)

    def show(self) -> None:
        """The picker for the current stakeholder (none chosen: nothing to tick)."""
        stakeholder = self._current()
        self.picker.show_offers(
            self.controller.offers,
            stakeholder["name"] if stakeholder is not None else None,
            stakeholder.get("offers", []) if stakeholder is not None else [],
        )

    def _changed(self, offers: list[OfferRef]) -> None:
        """One undoable step per tick: the stakeholder's offers as they are now ticked."""
        stakeholder = self._current()
        if stakeholder is None:
            return
        stakeholder_id = self._stakeholder_id(stakeholder["key"])
        db = self.controller.db
        command = EditCommand(
            _("Offers of {name}").format(name=stakeholder["name"]),
            lambda values: update_stakeholder(db=db, stakeholder_id=stakeholder_id, **values),
            {"offers": list(stakeholder.get("offers", []))},
            {"offers": offers},
        )
        if not self.controller.execute(command):
            self.show()
