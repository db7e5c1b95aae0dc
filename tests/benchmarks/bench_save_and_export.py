"""Saving and export budgets, measured against their floor on this machine in the same run.

- Saving: one user action's operation (add an agreement) vs a raw sqlite3 insert + commit with
  the same pragmas: p95 ≤ 8×.
- Export: the large plan (30 participants, 60 stakeholders, 12 themes, 40 agreements) to PDF vs
  a plain platypus document with the same text in the same embedded font: ≤ 1.5×. (The plan
  must embed a font with every Dutch letter; the floor sets the same words in it, so the ratio
  measures the plan's own layout, tables, drawings, page numbers and attachment.)
"""

from __future__ import annotations

import io
import sqlite3
import tempfile
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import Paragraph, SimpleDocTemplate

from tests.benchmarks.measure import percentile, report, timings
from worksession.domain.plan import fingerprint, plan_snapshot
from worksession.export.pdf.fonts import register_fonts
from worksession.export.pdf.payload import PlanPayload
from worksession.export.pdf.plan import render_plan
from worksession.storage.document import import_document
from worksession.storage.engine import SQLITE_PRAGMAS
from worksession.storage.opening import open_database
from worksession.storage.operations._rows import PersonRef
from worksession.storage.operations.agreements import add_agreement
from worksession.workflows.demo import large_document

RUNS = 200


def bench_saving(folder: Path) -> bool:
    db = open_database(folder / "bench.sqlite3")
    session = import_document(db=db, document=large_document())
    assert session.id is not None
    lead = PersonRef("participant", 1)
    counter = iter(range(10**6))

    def operation() -> None:
        add_agreement(
            db=db,
            session_id=session.id or 0,
            what=f"Afspraak {next(counter)}",
            lead=lead,
            due="2026-06-01",
        )

    measured = timings(operation, RUNS)
    db.close()

    raw = sqlite3.connect(folder / "raw.sqlite3", isolation_level=None)
    for pragma in SQLITE_PRAGMAS:
        raw.execute(pragma)
    raw.execute("CREATE TABLE agreement (id INTEGER PRIMARY KEY, what TEXT, due TEXT)")

    def floor() -> None:
        raw.execute("BEGIN")
        raw.execute("INSERT INTO agreement (what, due) VALUES (?, ?)", ("Afspraak", "2026-06-01"))
        raw.execute("COMMIT")

    baseline = timings(floor, RUNS)
    raw.close()
    ok = report(
        "save: add an agreement, p50", percentile(measured, 0.5), percentile(baseline, 0.5), 8.0
    )
    return (
        report(
            "save: add an agreement, p95",
            percentile(measured, 0.95),
            percentile(baseline, 0.95),
            8.0,
        )
        and ok
    )


def _plain_pdf(snapshot: dict[str, object]) -> bytes:
    """The same words as the plan, as plain paragraphs in its font: the floor for the export."""
    styles = getSampleStyleSheet()
    styles["Normal"].fontName = register_fonts()
    texts: list[str] = []

    def walk(value: object) -> None:
        if isinstance(value, str):
            texts.append(value)
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(snapshot)
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer).build([Paragraph(escape(text), styles["Normal"]) for text in texts])
    return buffer.getvalue()


def bench_export() -> bool:
    snapshot = plan_snapshot(large_document(), 1)
    payload = PlanPayload(snapshot, fingerprint(snapshot), False)
    render_plan(payload)  # fonts registered and modules loaded before timing
    measured = timings(lambda: render_plan(payload), 5)
    baseline = timings(lambda: _plain_pdf(snapshot), 5)
    return report(
        "export: large plan to PDF, median", sorted(measured)[2], sorted(baseline)[2], 1.5
    )


def main() -> bool:
    with tempfile.TemporaryDirectory() as folder:
        saving = bench_saving(Path(folder))
    return bench_export() and saving
