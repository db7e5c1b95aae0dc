"""A coach's afternoon in one process, for the memory benchmark: run as a script.

Opens the start window on a new database, creates the example session, opens it, visits every
step, previews the plan and exports it to PDF as the plan page does, then prints
``peak_rss_kb=…``. Run with ``python -m tests.benchmarks.demo_walk FOLDER``.
"""

from __future__ import annotations

import gc
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

import worksession.ui  # noqa: F401 - next after Qt, as in the app (see ui.module_sources)
from tests.benchmarks.floors.peak_memory import peak_rss_kb, rss_kb
from worksession.storage.opening import open_database
from worksession.ui.session.pages.plan import PlanPage
from worksession.ui.start_window import StartWindow


def wait_for(job: object) -> None:
    """Let the event loop run until a background job reports back."""
    from PySide6.QtCore import QEventLoop

    loop = QEventLoop()
    job.signals.done.connect(lambda _result: loop.quit())  # type: ignore[attr-defined]
    job.signals.failed.connect(lambda _error: loop.quit())  # type: ignore[attr-defined]
    loop.exec()


def main(folder: Path) -> int:
    app = QApplication.instance() or QApplication([])
    db = open_database(folder / "walk.sqlite3")
    start = StartWindow(db)
    start.show()
    start.create_demo()
    session = start.selected_session()
    assert session is not None
    window = start.open_session(session.id)
    window.resize(1280, 800)
    for row in range(len(window.page_list)):
        window.go_to(row)
        app.processEvents()
    plan = next(page for page in window.page_list if isinstance(page, PlanPage))
    window.go_to(window.page_list.index(plan))
    from PySide6.QtCore import QEventLoop

    drawn = QEventLoop()
    plan.preview.filled.connect(drawn.quit)  # the pages drawn in the background count too
    plan.refresh_preview()
    drawn.exec()
    wait_for(plan.export_to(folder / "plan.pdf"))
    assert (folder / "plan.pdf").stat().st_size > 0
    gc.collect()
    open_rss = rss_kb()
    window.close()  # lets go of the preview, the fonts and the dictionary
    app.processEvents()
    gc.collect()
    print(f"open_rss_kb={open_rss} closed_rss_kb={rss_kb()}", flush=True)
    start.close()
    db.close()
    print(f"peak_rss_kb={peak_rss_kb()}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
