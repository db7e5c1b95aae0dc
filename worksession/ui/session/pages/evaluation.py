"""Evaluatie & afsluiting: the participants' paper forms typed in (score and two answers each,
with their mean and count), and the coach's own view: what went well, what to improve, a score.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QFormLayout, QGroupBox, QSpinBox, QVBoxLayout

from worksession.domain.changes import Part
from worksession.i18n import _
from worksession.programmes.model import Step
from worksession.storage.operations.notes import update_evaluation
from worksession.ui.session.commands import EditCommand
from worksession.ui.session.controller import SessionController
from worksession.ui.session.feedback_forms import FeedbackFormsPanel
from worksession.ui.session.pages.base import StepPage

COACH_TEXT_ROWS = 3  # kept to this height: the forms' table gets the rest of a 720-pixel laptop


class EvaluationPage(StepPage):
    shows = frozenset({Part.EVALUATION, Part.FEEDBACK_FORMS})

    def __init__(self, controller: SessionController, step: Step) -> None:
        super().__init__(controller, step)
        forms_box = QGroupBox(_("Evaluation by the participants (paper forms)"))
        self.forms = FeedbackFormsPanel(controller)
        QVBoxLayout(forms_box).addWidget(self.forms)
        self.layout_.addWidget(forms_box, stretch=1)

        own_box = QGroupBox(_("Your own evaluation"))
        form = QFormLayout(own_box)
        for field, label in (("went_well", _("What went well")), ("to_improve", _("To improve"))):
            area = self.text_area(COACH_TEXT_ROWS)
            area.setMaximumHeight(area.minimumHeight())
            widget = self.bind_text(
                area,
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
        self.layout_.addWidget(own_box)
        self.refresh()

    def _write(self, values: dict[str, Any]) -> None:
        update_evaluation(db=self.controller.db, session_id=self.controller.session_id, **values)

    def refresh(self) -> None:
        super().refresh()
        self.forms.refresh()
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

    def find_text(self, text: str) -> bool:
        self.refresh_if_stale()
        return self.forms.find_text(text) or super().find_text(text)

    def has_content(self) -> bool:
        evaluation = self.controller.document["evaluation"]
        return bool(
            evaluation["went_well"]
            or evaluation["to_improve"]
            or evaluation["score"]
            or self.controller.document.get("feedback_forms")
        )
