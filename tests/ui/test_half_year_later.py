"""Half a year later, the whole way through: the demo signed off, progress recorded on three of
its agreements, the follow-up prepared, its review walked in the window by keyboard, a new
agreement typed in, the follow-up frozen and signed, and its progress report exported — which
names the signed plan's fingerprint, every signed agreement with its status then → now, and the
new agreement, and which ``verify`` finds untouched."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.following import PROGRESS, sign_off, signed_demo
from tests.ui.conftest import page_of, shown_window
from tests.ui.review_keys import WALK, review_by_keyboard, start_review
from worksession.domain.values import AgreementStatus, StepKind
from worksession.export.pdf.verify import Status, verify_plan
from worksession.programmes.model import Library
from worksession.storage.database import Database
from worksession.storage.operations.people import list_participants, update_participant
from worksession.storage.operations.plan import list_versions, snapshot_of
from worksession.storage.operations.review import review_overview
from worksession.ui.session.controller import SessionController
from worksession.ui.session.pages.agreements import AgreementsPage
from worksession.ui.session.window import SessionWindow
from worksession.workflows.following import prepare_follow_up
from worksession.workflows.plan_export import write_plan_pdf

NEW = "Wandelgroep vanuit de huisartsenpraktijk, elke dinsdag"


@pytest.fixture
def follow_up_window(qtbot: QtBot, db: Database, library: Library) -> tuple[int, SessionWindow]:
    first = signed_demo(db)  # frozen, everyone present agreed, progress on three agreements
    follow_up = prepare_follow_up(db=db, library=library, session_id=first)
    return first, shown_window(qtbot, SessionController(db, follow_up, library))


def _text(pdf: Path) -> str:
    done = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True, check=True
    )
    return re.sub(r"\s+", " ", done.stdout.replace("-\n", "").replace("\u00ad", ""))


def test_the_follow_up_from_signed_plan_to_progress_report(
    qtbot: QtBot, db: Database, tmp_path: Path, follow_up_window: tuple[int, SessionWindow]
) -> None:
    first, window = follow_up_window
    signed = snapshot_of(list_versions(db=db, session_id=first)[-1])
    controller = window.controller
    follow_up = controller.session_id

    # The review, by keyboard: the first three agreements of the signed plan.
    review_by_keyboard(qtbot, start_review(qtbot, window), WALK)

    # A new agreement, typed in as in the first session.
    agreements = page_of(window, StepKind.AGREEMENTS)
    assert isinstance(agreements, AgreementsPage)
    agreements.table.entry.setFocus()
    qtbot.keyClicks(agreements.table.entry, NEW)
    qtbot.keyClick(agreements.table.entry, Qt.Key.Key_Return)
    assert controller.document["agreements"][-1]["what"] == NEW

    # Who came this time, then freeze and everyone present agrees.
    for person in list_participants(db=db, session_id=follow_up)[:6]:
        update_participant(db=db, participant_id=person.id or 0, present=True)
    version = sign_off(db, follow_up)
    out = tmp_path / "voortgang.pdf"
    write_plan_pdf(db=db, session_id=follow_up, out=out, number=version.number)

    text = _text(out)
    assert "Voortgangsrapportage" in text
    assert signed["session"]["title"] in text
    fingerprint = list_versions(db=db, session_id=first)[-1].sha256
    assert fingerprint[:16] in text.replace(" ", "")
    labels = {status.value: status.label for status in AgreementStatus}
    reviewed = snapshot_of(version)["reviews"]
    assert [review["agreement"] for review in reviewed] == [
        agreement["key"] for agreement in signed["agreements"]
    ]
    for review in reviewed:
        assert review["signed"] is not None
        assert review["signed"]["what"][:40] in text, review["agreement"]
        then = labels[review["signed"]["status"]]
        now = labels[review["status_now"]] if review["status_now"] else None
        if now is not None:
            assert f"{then} → {now}" in text, review["agreement"]
    walked = [item.key for item in review_overview(db=db, session_id=follow_up).items[:3]]
    now_by_key = {review["agreement"]: review["status_now"] for review in reviewed}
    assert [now_by_key[key] for key in walked] == [walk[0] for walk in WALK]
    assert NEW in text
    # The progress recorded between the sessions is in the report.
    assert all(note in text for _status, note, _day in PROGRESS.values())
    assert verify_plan(out.read_bytes()).status is Status.OK
