"""The concept plan of ``concept_plan`` with the participants' twelve evaluation forms typed in
(one left without a score, one with an answer that looks like markup): the plan the appendix
*Evaluatie door de deelnemers* tests draw and verify."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from tests.export.concept_plan import concept_plan
from worksession.domain.plan import fingerprint
from worksession.export.pdf.payload import PlanPayload

# Score, what they take away, what could be better: as typed from the paper forms.
ANSWERS: tuple[tuple[int | None, str, str], ...] = (
    (8, "Wie de POH-GGZ in de wijk is en hoe ik haar bereik.", "Meer tijd voor de casus."),
    (7, "De sociale kaart: ik kende de buurtsportcoach niet.", ""),
    (9, "Een vaste verwijsroute naar het welzijnswerk.", "Een avond, geen middag."),
    (None, "", "Inwoners eerder betrekken."),
    (6, "Korte lijnen met de GGD.", "Minder sheets, meer praten."),
    (8, "Netwerk", "Koffie & <b>thee</b> beter geregeld"),
    (7, "", ""),
    (10, "Alles!\nEcht een goede middag.", "Niets"),
    (8, "Dat de huisarts meedoet.", ""),
    (6, "", "Kortere pauze"),
    (7, "De wijkagent als partner.", ""),
    (8, "Samen een plan, niet ieder voor zich.", "Vaker zo'n middag."),
)


def feedback_forms() -> list[dict[str, Any]]:
    return [
        {"key": f"f-{number:08x}", "score": score, "takeaway": takeaway, "to_improve": better}
        for number, (score, takeaway, better) in enumerate(ANSWERS)
    ]


def feedback_plan(language: str = "nl") -> PlanPayload:
    """The concept plan under review (three of four agreed) with the forms."""
    concept = concept_plan()
    snapshot: Any = {**concept.snapshot, "feedback_forms": feedback_forms()}
    return replace(
        concept, snapshot=snapshot, sha256=fingerprint(snapshot), language=language, renderer=0
    )
