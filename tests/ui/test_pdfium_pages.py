"""The preview's own binding of pdfium (``ui.session.pdfium_pages``) draws every page exactly as
pypdfium2 does, names what is wrong with a file it cannot read, and loads none of pypdfium2's
bindings."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pypdfium2
import pytest
from PySide6.QtGui import QImage

from worksession.ui.session.pdf_preview import first_page, page
from worksession.ui.session.pdfium_pages import PdfiumError, opened

FIXTURES = Path(__file__).resolve().parents[1] / "export" / "fixtures"
ROOT = Path(__file__).resolve().parents[2]


def _pypdfium2_page(data: bytes, index: int, scale: float) -> QImage:
    document = pypdfium2.PdfDocument(data)
    try:
        bitmap = document[index].render(scale=scale)
        return QImage(
            bitmap.buffer,
            bitmap.width,
            bitmap.height,
            bitmap.stride,
            QImage.Format.Format_BGR888,
        ).copy()
    finally:
        document.close()


@pytest.mark.parametrize("fixture", ["demo-plan-renderer-2.pdf", "progress-report-renderer-5.pdf"])
def test_every_page_is_drawn_as_pypdfium2_draws_it(fixture: str) -> None:
    data = (FIXTURES / fixture).read_bytes()
    expected = pypdfium2.PdfDocument(data)
    sizes, scale, drawn = first_page(data, 500)

    assert sizes == [expected.get_page_size(index) for index in range(len(expected))]
    assert drawn == _pypdfium2_page(data, 0, scale)
    # Every page at the fitted scale, and one at a scale whose pixels do not divide evenly.
    for index in range(len(sizes)):
        assert page(data, index, scale) == _pypdfium2_page(data, index, scale), index
    assert page(data, 1, 0.77) == _pypdfium2_page(data, 1, 0.77)
    expected.close()


def test_a_file_pdfium_cannot_read_is_named() -> None:
    with pytest.raises(PdfiumError, match="Data format error"), opened(b"%PDF-1.7 not a plan"):
        pass
    with pytest.raises(PdfiumError, match="page 100"):
        page((FIXTURES / "demo-plan-renderer-2.pdf").read_bytes(), 99, 1.0)


def test_the_preview_draws_without_importing_pypdfium2() -> None:
    script = (
        "import sys\n"
        "from worksession.ui.session.pdf_preview import first_page\n"
        f"data = open({str(FIXTURES / 'demo-plan-renderer-2.pdf')!r}, 'rb').read()\n"
        "sizes, scale, image = first_page(data, 500)\n"
        "assert image is not None and not image.isNull()\n"
        "print(sorted(name for name in sys.modules if name.startswith('pypdfium2')))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
