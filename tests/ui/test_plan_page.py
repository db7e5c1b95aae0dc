"""Na de sessie: freeze, decisions per participant, preview and a background export."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from tests.ui.conftest import freeze_plan, page_of
from worksession.domain.values import StepKind
from worksession.export.pdf.payload import PlanPayload
from worksession.export.pdf.plan import render_plan
from worksession.export.pdf.verify import verify_plan
from worksession.ui.session.pages import plan_drawing
from worksession.ui.session.pages.plan import PlanPage
from worksession.ui.session.plan_signing import PersonalCertificateDialog
from worksession.ui.session.window import SessionWindow
from worksession.user.settings import load_settings
from worksession.workflows.certificates import personal_certificate_file
from worksession.workflows.plan_archive import check_plan_file
from worksession.workflows.plan_export import plan_payload
from worksession.workflows.plan_signing import needs_personal_certificate


def _page(window: SessionWindow) -> PlanPage:
    page = page_of(window, StepKind.AFTER)
    assert isinstance(page, PlanPage)
    return page


def test_from_draft_to_signed_off_in_the_app(qtbot: QtBot, window: SessionWindow) -> None:
    page = _page(window)
    assert not page.agree_button.isEnabled()
    freeze_plan(page)
    assert window.controller.status == "in_review"
    assert page.version.count() == 1
    present = page.decisions.rowCount()
    assert present == 11
    page.decisions.setCurrentCell(0, 0)
    assert page.decide("changes", "Datum van de informatiemiddag klopt niet")
    assert page.decisions.item(0, 1).text() == "wijziging gevraagd"
    page.decisions.setCurrentCell(0, 0)
    for _ in range(present):
        page.agree_button.click()  # the next row is chosen after each decision
    assert window.controller.status == "signed_off"
    assert page.has_content()


def test_a_change_after_sign_off_is_a_new_draft_and_a_new_version(
    window: SessionWindow,
) -> None:
    page = _page(window)
    freeze_plan(page)
    from worksession.storage.operations.sessions import update_session

    update_session(db=window.controller.db, session_id=window.controller.session_id, location="x")
    window.controller.reload()
    page.refresh()
    freeze_plan(page)
    assert page.version.count() == 2
    assert page.version.currentData() == 2


def test_export_runs_in_the_background_and_writes_a_verifiable_plan(
    qtbot: QtBot, window: SessionWindow, tmp_path: Path
) -> None:
    page = _page(window)
    freeze_plan(page)
    folder = tmp_path / "export"
    folder.mkdir()
    target = folder / "plan.pdf"
    job = page.export_to(target)
    with qtbot.waitSignal(job.signals.done, timeout=20000):
        pass
    qtbot.waitUntil(lambda: getattr(page, "exported_path", None) == target)
    assert verify_plan(target.read_bytes()).ok
    assert [p.name for p in folder.iterdir()] == ["plan.pdf"]  # no temporary file left


def test_an_unwritable_target_is_reported(
    qtbot: QtBot, window: SessionWindow, tmp_path: Path
) -> None:
    page = _page(window)
    job = page.export_to(tmp_path / "missing-folder" / "plan.pdf")
    with qtbot.waitSignal(job.signals.failed, timeout=20000):
        pass
    qtbot.waitUntil(window.banner.isVisible)
    assert "missing-folder" in window.banner.text() or "No such file" in window.banner.text()


def test_the_preview_shows_page_one_first_and_fills_in_the_rest(
    qtbot: QtBot, window: SessionWindow
) -> None:
    page = _page(window)
    order: list[str] = []
    page.preview.first_page_shown.connect(
        lambda: order.append(f"page 1 of {len(page.preview.pages)}")
    )
    page.preview.page_ready.connect(lambda index: order.append(f"page {index + 1}"))
    with qtbot.waitSignals([page.preview.first_page_shown, page.preview.filled], timeout=20000):
        page.refresh_preview()
    pages = len(page.preview.pages)
    assert pages >= 7
    kept = min(pages, page.preview.DRAWN_AHEAD)
    assert order == [f"page 1 of {pages}", *(f"page {n}" for n in range(2, kept + 1))]
    assert page.preview_button.isEnabled()


def test_an_export_of_the_version_just_previewed_writes_that_file_without_drawing_again(
    qtbot: QtBot, window: SessionWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = _page(window)
    freeze_plan(page)
    drawn: list[bytes] = []

    def counted(payload: PlanPayload) -> bytes:
        drawn.append(render_plan(payload))
        return drawn[-1]

    monkeypatch.setattr(plan_drawing, "render_plan", counted)
    with qtbot.waitSignal(page.preview.filled, timeout=20000):
        page.refresh_preview()
    for name in ("plan.pdf", "again.pdf"):
        job = page.export_to(tmp_path / name)
        with qtbot.waitSignal(job.signals.done, timeout=20000):
            pass
    assert len(drawn) == 1  # the preview's drawing, written twice
    assert (tmp_path / "plan.pdf").read_bytes() == (tmp_path / "again.pdf").read_bytes()
    assert (tmp_path / "plan.pdf").read_bytes() == render_plan(
        plan_payload(db=window.controller.db, session_id=window.controller.session_id, number=1)
    )
    assert verify_plan((tmp_path / "plan.pdf").read_bytes()).ok

    # Another version (after a change) is drawn for itself.
    from worksession.storage.operations.sessions import update_session

    update_session(db=window.controller.db, session_id=window.controller.session_id, location="x")
    window.controller.reload()
    page.refresh()
    freeze_plan(page)
    job = page.export_to(tmp_path / "second.pdf")
    with qtbot.waitSignal(job.signals.done, timeout=20000):
        pass
    assert len(drawn) == 2
    assert (tmp_path / "second.pdf").read_bytes() != (tmp_path / "plan.pdf").read_bytes()


def _sign_off_everyone(page: PlanPage) -> None:
    freeze_plan(page)
    page.decisions.setCurrentCell(0, 0)
    for _ in range(page.decisions.rowCount()):
        page.agree_button.click()


def test_digitaal_ondertekenen_makes_the_certificate_once_and_writes_a_signed_plan(
    qtbot: QtBot, window: SessionWindow, tmp_path: Path
) -> None:
    page = _page(window)
    assert not page.sign_button.isEnabled()  # nothing signed off yet
    _sign_off_everyone(page)
    assert window.controller.status == "signed_off" and page.sign_button.isEnabled()
    # The first time: the coach's name, e-mail and a passphrase, refused until they fit.
    assert page.signing.coach() == "Hanneke Vos"  # the session's coach starts the name
    assert PersonalCertificateDialog(page, suggested_name="Hanneke Vos").name.text() == (
        "Hanneke Vos"
    )
    dialog = PersonalCertificateDialog(page)
    qtbot.addWidget(dialog)
    assert "zelfgemaakt" in dialog.findChild(QLabel).text()
    dialog.name.setText("")
    assert dialog.problem_text().startswith("Naam")
    dialog.name.setText("Hanneke Vos")
    assert dialog.problem_text().startswith("Wachtwoordzin")
    dialog.passphrase.setText("tulpen")
    dialog.repeat.setText("tulp")
    dialog.accept()
    assert dialog.isVisible() is False and dialog.result() == 0  # still open, not accepted
    assert "verschillen" in dialog.problem.text()
    dialog.repeat.setText("tulpen")
    assert dialog.problem_text() == ""
    target = tmp_path / "ondertekend.pdf"
    job = page.signing.sign_to(target, "tulpen", name="Hanneke Vos", email="h.vos@example.org")
    with qtbot.waitSignal(job.signals.done, timeout=30000):
        pass
    qtbot.waitUntil(lambda: page.signing.written == target)
    check = check_plan_file(target.read_bytes(), None)
    assert check.verdict.ok and check.verdict.signed_off
    assert check.lines[1:] == ["signed by Hanneke Vos (not trusted: self-made)"]
    report = page.signing.report
    assert report is not None and "Ondertekend door Hanneke Vos" in report.text()
    assert "vingerafdruk" in report.informativeText().lower()
    assert personal_certificate_file().exists() and not needs_personal_certificate(None)
    assert load_settings()["name"] == "Hanneke Vos"
    report.close()
    # Later: only the passphrase; a wrong one is a message, and nothing is written.
    wrong = tmp_path / "fout.pdf"
    job = page.signing.sign_to(wrong, "rozen")
    with qtbot.waitSignal(job.signals.failed, timeout=30000):
        pass
    qtbot.waitUntil(window.banner.isVisible)
    assert "wachtwoordzin klopt niet" in window.banner.text()
    assert not window.banner.text().startswith("Niet opgeslagen")  # nothing typed was lost
    assert not wrong.exists()


def test_a_version_under_review_cannot_be_signed(window: SessionWindow) -> None:
    page = _page(window)
    freeze_plan(page)
    assert not page.sign_button.isEnabled()
    page.signing.choose("Kaalheide")  # no dialog: refused before asking anything
    assert "vastgestelde versie" in window.banner.text()


def test_the_version_is_readable_and_tab_goes_from_the_list_to_the_decision(
    qtbot: QtBot, window: SessionWindow
) -> None:
    from PySide6.QtCore import Qt

    page = _page(window)
    window.resize(1280, 672)
    freeze_plan(page)
    # Sized while empty the list cut "Versie 1 · 30-11-2026 04:07" to "Versie 1 · 30-11-2".
    shown = page.version.currentText().split(" · sha256:")[0]
    qtbot.waitUntil(
        lambda: page.version.width() > page.version.fontMetrics().horizontalAdvance(shown) + 20
    )
    page.decisions.setFocus()
    page.decisions.setCurrentCell(0, 0)
    qtbot.keyClick(page.decisions, Qt.Key.Key_Tab)
    assert page.method.hasFocus()  # not the next cell of the list
    qtbot.keyClick(page.method, Qt.Key.Key_Tab)
    assert page.agree_button.hasFocus()
    qtbot.keyClick(page.agree_button, Qt.Key.Key_Space)
    assert page.decisions.item(0, 1).text() == "akkoord"
    assert page.decisions.currentRow() == 1  # ready for the next participant


def test_signing_with_a_certificate_file_of_ones_own(
    qtbot: QtBot, window: SessionWindow, tmp_path: Path
) -> None:
    from tests.export.certificate_authority import authority

    page = _page(window)
    assert not page.sign_with_file_button.isEnabled()
    _sign_off_everyone(page)
    assert page.sign_with_file_button.isEnabled()
    root = authority()
    certificate = root.issue(tmp_path / "uzi.p12", "Yvonne Kessels", "lente")
    target = tmp_path / "ondertekend.pdf"
    job = page.signing.sign_to(target, "lente", certificate=certificate)
    with qtbot.waitSignal(job.signals.done, timeout=30000):
        pass
    qtbot.waitUntil(lambda: page.signing.written == target)
    check = check_plan_file(target.read_bytes(), None, trust=[root.der])
    assert check.verdict.ok and check.lines[1:] == ["signed by Yvonne Kessels (trusted)"]
    assert not personal_certificate_file().exists()  # no personal certificate was made
