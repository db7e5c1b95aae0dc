"""Welkom & doel: the shared ambition, the "stip op de horizon"."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from worksession.domain.changes import Part
from worksession.i18n import _
from worksession.programmes.model import Step
from worksession.storage.operations.sessions import update_session
from worksession.ui.session.controller import SessionController
from worksession.ui.session.pages.base import StepPage


class WelcomePage(StepPage):
    shows = frozenset({Part.SESSION})

    def __init__(self, controller: SessionController, step: Step) -> None:
        super().__init__(controller, step)
        self.layout_.addWidget(
            QLabel(_("Ambition: where do we want to be in this wijk, together?"))
        )
        self.ambition = self.bind_text(
            self.text_area(8),
            label=_("Ambition"),
            read=lambda d: d["session"]["ambition"],
            write=lambda values: update_session(
                db=controller.db, session_id=controller.session_id, **values
            ),
            field="ambition",
            merge=("session", "ambition"),
        )
        self.layout_.addWidget(self.ambition, stretch=1)

    def has_content(self) -> bool:
        return bool(self.controller.document["session"]["ambition"].strip())
