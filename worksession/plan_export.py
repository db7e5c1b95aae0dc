"""From the database to a plan PDF: pick the version, gather its decisions, render, write.

A version is marked CONCEPT until every participant who was present agreed to it. A session
without any frozen version exports its current content as a concept of the next version.
"""

from __future__ import annotations

from pathlib import Path

from worksession.domain.plan import fingerprint, plan_snapshot, present_participants
from worksession.domain.values import Decision
from worksession.export.pdf.plan import PlanPayload, render_plan
from worksession.export.pdf.sections import decision_rows
from worksession.files import atomic_write_bytes
from worksession.storage.database import Database
from worksession.storage.document import read_document
from worksession.storage.operations.plan import (
    get_version,
    latest_decisions,
    list_versions,
    snapshot_of,
)


def plan_payload(*, db: Database, session_id: int, number: int | None = None) -> PlanPayload:
    """The payload of version ``number`` (the latest by default) with its decisions."""
    if number is None and not list_versions(db=db, session_id=session_id):
        snapshot = plan_snapshot(read_document(db=db, session_id=session_id), 1)
        return PlanPayload(snapshot=snapshot, sha256=fingerprint(snapshot), signed_off=False)
    version = get_version(db=db, session_id=session_id, number=number)
    assert version.id is not None
    snapshot = snapshot_of(version)
    latest = latest_decisions(db=db, version_id=version.id)
    agreed = {key for key, row in latest.items() if row.decision == Decision.AGREED}
    needed = {person["key"] for person in present_participants(snapshot)}
    return PlanPayload(
        snapshot=snapshot,
        sha256=version.sha256,
        signed_off=bool(needed) and needed <= agreed,
        decisions=tuple(decision_rows(list(latest.values()))),
    )


def write_plan_pdf(
    *, db: Database, session_id: int, out: Path, number: int | None = None
) -> PlanPayload:
    """Render and write the plan atomically (temporary file, then rename)."""
    payload = plan_payload(db=db, session_id=session_id, number=number)
    atomic_write_bytes(out, render_plan(payload))
    return payload
