"""Evaluatie & afsluiting: what went well, what to improve, and a score."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QFormLayout, QSpinBox

from worksession.domain.changes import Part
from worksession.i18n import _
from worksession.programmes.model import Step
from worksession.storage.operations.notes import update_evaluation
from worksession.ui.session.commands import EditCommand
from worksession.ui.session.controller import SessionController
from worksession.ui.session.pages.base import StepPage


class EvaluationPage(StepPage):
    shows = frozenset({Part.EVALUATION})

    def __init__(self, controller: SessionController, step: Step) -> None:
        super().__init__(controller, step)
        form = QFormLayout()
        for field, label in (("went_well", _("What went well")), ("to_improve", _("To improve"))):
            widget = self.bind_text(
                self.text_area(5),
                label=label,
                read=lambda d, f=field: str(d["evaluation"][f]),  # type: ignore[misc]
                write=self._write,
                field=field,
                merge=("evaluation", field),
            )
            form.addRow(label, widget)
        self.score = QSpinBox()
        self.score.setRange(0, 10)
        self.score.setSpecialValueText("–")
        self.score.setMaximumWidth(120)
        self.score.setAccessibleName(_("Score (1–10)"))
        self.score.valueChanged.connect(self._score_changed)
        form.addRow(_("Score (1–10)"), self.score)
        self.layout_.addLayout(form, stretch=1)
        self.refresh()

    def _write(self, values: dict[str, Any]) -> None:
        update_evaluation(db=self.controller.db, session_id=self.controller.session_id, **values)

    def refresh(self) -> None:
        super().refresh()
        self.score.blockSignals(True)
        self.score.setValue(self.controller.document["evaluation"]["score"] or 0)
        self.score.blockSignals(False)

    def _score_changed(self, value: int) -> None:
        old = self.controller.document["evaluation"]["score"]
        command = EditCommand(
            _("Edit {field}").format(field=_("score")),
            self._write,
            {"score": old},
            {"score": value or None},
            merge_key=("evaluation", "score"),
        )
        self.controller.execute(command)

    def has_content(self) -> bool:
        evaluation = self.controller.document["evaluation"]
        return bool(evaluation["went_well"] or evaluation["to_improve"] or evaluation["score"])
