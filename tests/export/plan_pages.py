"""Render the demo plan, the names corpus plan and the demo's progress report (its follow-up
session half a year later) to PDF and to a PNG per page, to look at as a reader would:
``make plan-pages`` (into ``build/plan-pages/``).

The pages are drawn by pdfium (pypdfium2, whose pdfium the app's preview uses too) at 100 dpi, so
no other tool is needed; ``pdftoppm -r 100`` gives the same pages where poppler is installed.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pypdfium2

from tests.export.follow_up_report import report_payload
from tests.export.names_corpus import names_corpus_document
from worksession.domain.plan import fingerprint, plan_snapshot
from worksession.export.pdf.payload import PlanPayload
from worksession.export.pdf.plan import render_plan
from worksession.programmes.library import load_library
from worksession.workflows.demo import demo_document

DPI = 100


def plans() -> dict[str, dict[str, Any]]:
    demo = demo_document(load_library())
    return {"demo-plan": demo, "names-corpus-plan": names_corpus_document(demo)}


def write_pages(folder: Path) -> list[Path]:
    """Each plan as ``NAME.pdf`` and ``NAME-page-NN.png`` in ``folder``; the files written."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    payloads = {
        name: PlanPayload(snapshot=snapshot, sha256=fingerprint(snapshot), signed_off=False)
        for name, snapshot in (
            (name, plan_snapshot(document, 1)) for name, document in plans().items()
        )
    }
    payloads["progress-report"] = report_payload()
    for name, payload in payloads.items():
        data = render_plan(payload)
        pdf = folder / f"{name}.pdf"
        pdf.write_bytes(data)
        written.append(pdf)
        pages = pypdfium2.PdfDocument(data)
        try:
            for index in range(len(pages)):
                png = folder / f"{name}-page-{index + 1:02d}.png"
                pages[index].render(scale=DPI / 72).to_pil().save(png)
                written.append(png)
        finally:
            pages.close()
    return written


if __name__ == "__main__":
    for path in write_pages(Path(sys.argv[1] if len(sys.argv) > 1 else "build/plan-pages")):
        print(path)
