"""From the database to a plan PDF: pick the version, gather its decisions, render, write.

A version is marked CONCEPT until every participant who was present agreed to it. A session
without any frozen version exports its current content as a concept of the next version.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from worksession.domain.models import PlanVersion, utcnow
from worksession.domain.plan import fingerprint, plan_snapshot
from worksession.export.pdf.payload import (
    DecisionRecord,
    PlanPayload,
    as_utc,
    decision_records,
    utc_text,
)
from worksession.export.pdf.plan import render_plan
from worksession.i18n import current_language
from worksession.storage.database import Database
from worksession.storage.document import read_document
from worksession.storage.operations.plan import (
    get_version,
    latest_decisions,
    list_versions,
    snapshot_of,
)
from worksession.workflows.export_targets import write_export


def plan_payload(*, db: Database, session_id: int, number: int | None = None) -> PlanPayload:
    """The payload of version ``number`` (the latest by default) with its decisions."""
    language = current_language()
    if number is None and not list_versions(db=db, session_id=session_id):
        snapshot = plan_snapshot(read_document(db=db, session_id=session_id), 1)
        return PlanPayload(
            snapshot=snapshot,
            sha256=fingerprint(snapshot),
            signed_off=False,
            draft=True,
            dated=utc_text(utcnow()),
            language=language,
        )
    version = get_version(db=db, session_id=session_id, number=number)
    assert version.id is not None
    unsigned = PlanPayload(
        snapshot=snapshot_of(version),
        sha256=version.sha256,
        signed_off=False,
        decisions=version_decisions(db=db, version=version),
        dated=utc_text(as_utc(version.created_at)),
        language=language,
    )
    return replace(unsigned, signed_off=unsigned.count.complete)


def version_decisions(*, db: Database, version: PlanVersion) -> tuple[DecisionRecord, ...]:
    """Each participant's latest decision on ``version``, for those in its attendance list.

    The decision of someone erased since (their name blanked, their key replaced) is left out:
    it names nobody the version lists, and a plan carrying it would not verify."""
    assert version.id is not None
    listed = {person["key"] for person in snapshot_of(version)["participants"]}
    latest = latest_decisions(db=db, version_id=version.id).values()
    return decision_records(row for row in latest if row.participant_key in listed)


def write_plan_pdf(
    *, db: Database, session_id: int, out: Path, number: int | None = None
) -> PlanPayload:
    """Render and write the plan atomically (temporary file, then rename); a target that is
    the database or another file the app owns is refused (``RefusedTarget``)."""
    payload = plan_payload(db=db, session_id=session_id, number=number)
    write_export(out, render_plan(payload), database=db.path)
    return payload
