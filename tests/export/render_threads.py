"""Plans drawn by several threads at once from a cold start, then one by one: run as a script.

Prints one JSON object: how many renders ran, which differed from the plan drawn alone (by
payload), the errors raised, and each plan's verdict. A fresh interpreter is the point: the
race this guards against was worst while the fonts, the hyphenation dictionary and the
catalogs were still being loaded by the first plans. ``python -m tests.export.render_threads
THREADS ROUNDS``.
"""

from __future__ import annotations

import json
import sys
import threading
from dataclasses import replace

from tests.export.concept_plan import concept_plan
from tests.export.names_corpus import names_corpus_document
from worksession.domain.plan import fingerprint, plan_snapshot
from worksession.export.pdf.payload import PlanPayload
from worksession.export.pdf.plan import render_plan
from worksession.export.pdf.verify import verify_plan
from worksession.programmes.library import load_library
from worksession.workflows.demo import demo_document


def payloads() -> dict[str, PlanPayload]:
    """The concept in Dutch and in English, and a plan with names in every script (fallback
    fonts, right-to-left runs)."""
    concept = concept_plan()
    snapshot = plan_snapshot(names_corpus_document(demo_document(load_library())), 1)
    corpus = PlanPayload(snapshot=snapshot, sha256=fingerprint(snapshot), signed_off=False)
    return {"nl": concept, "en": replace(concept, language="en"), "corpus": corpus}


def main(threads: int, rounds: int) -> dict[str, object]:
    plans = payloads()
    names = sorted(plans)
    drawn: list[tuple[str, bytes]] = []
    errors: list[str] = []
    start = threading.Barrier(threads)

    def work(index: int) -> None:
        start.wait()  # all threads ask for their first plan at the same moment
        for turn in range(rounds * len(names)):
            name = names[(index + turn) % len(names)]  # each thread in its own order
            try:
                drawn.append((name, render_plan(plans[name])))
            except Exception as error:  # counted, and named in the report
                errors.append(f"{name}: {type(error).__name__}: {error}")

    workers = [threading.Thread(target=work, args=(index,)) for index in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    alone = {name: render_plan(plans[name]) for name in names}
    return {
        "renders": len(drawn),
        "differing": sorted(name for name, data in drawn if data != alone[name]),
        "errors": errors,
        "verdicts": {name: verify_plan(data).status.name for name, data in alone.items()},
    }


if __name__ == "__main__":
    print(json.dumps(main(int(sys.argv[1]), int(sys.argv[2]))))
