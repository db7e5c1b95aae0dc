"""The borging conditions in the plan, under *Vervolg en borging*: every condition of the
checklist with its state, who arranges it and the note (drawn as edition 8).

Only a plan (or progress report) whose snapshot has conditions draws them: one without keeps
the bytes, and so the edition, it had before the checklist existed. When it has any, all seven
are listed — an untouched one as still to arrange — so the reader sees what is not arranged.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from worksession.domain.conditions import ConditionKind, ConditionState, checklist
from worksession.domain.plan import Snapshot
from worksession.export.pdf.blocks import CONTENT_WIDTH, Heading, people, table
from worksession.i18n import _


def conditions(snapshot: Snapshot) -> list[Flowable]:
    recorded = snapshot.get("conditions", [])
    if not recorded:
        return []
    names = people(snapshot)
    rows = [
        (
            ConditionKind(row["kind"]).label,
            ConditionState(row["state"]).label,
            names.get(row["arranged_by"], row["arranged_by"]) if row["arranged_by"] else "–",
            row["note"],
        )
        for row in checklist(recorded)
    ]
    header = [_("Condition"), _("State"), _("Arranged by"), _("Note")]
    widths = [w * CONTENT_WIDTH for w in (0.31, 0.14, 0.2, 0.35)]
    return [
        Spacer(1, 4 * mm),
        Heading(_("What makes the agreements last"), "conditions", level=1),
        table(header, rows, widths),
    ]
