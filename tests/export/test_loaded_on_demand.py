"""A plan loads only what it prints with: a Dutch plan neither the oblique face (the plan has no
italic) nor the right-to-left libraries (nor the URL and HTTP libraries ``xml.sax`` would bring,
nor Pillow's image module, which reportlab imports for bitmaps); a plan with Arabic and Hebrew
names does load those.

Run in a fresh process each, since other tests in this one have loaded everything already."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from reportlab.lib.fonts import tt2ps

from worksession.export.pdf import fonts

ROOT = Path(__file__).resolve().parents[2]
RIGHT_TO_LEFT_LIBRARIES = ["arabic_reshaper", "bidi"]
# Renders the plan named on the command line, then says what is loaded.
_RENDER = """
import json, sys
from worksession.export.pdf.plan import render_plan  # first, as in the app
from reportlab.pdfbase import pdfmetrics
from tests.export.render_threads import payloads
from worksession.support.deferred_modules import has_run
before = sorted(name for name in ("arabic_reshaper", "bidi") if name in sys.modules)
assert render_plan(payloads()[sys.argv[1]]).startswith(b"%PDF")
print(json.dumps({
    "before": before,
    "modules": sorted(name for name in ("arabic_reshaper", "bidi") if name in sys.modules),
    "fonts": sorted(pdfmetrics.getRegisteredFontNames()),
    "web": sorted(name for name in ("urllib.request", "http.client", "xml.sax")
                  if name in sys.modules),
    "bitmaps": has_run(sys.modules["PIL.Image"]),
}))
"""


def _loaded(plan: str) -> dict[str, list[str]]:
    done = subprocess.run(
        [sys.executable, "-c", _RENDER, plan],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    loaded: dict[str, list[str]] = json.loads(done.stdout)
    return loaded


def test_a_dutch_plan_loads_two_faces_and_no_right_to_left_library() -> None:
    loaded = _loaded("nl")
    assert loaded["modules"] == []
    assert loaded["web"] == []  # escaping user text needs no URL or HTTP library
    assert loaded["bitmaps"] is False  # reportlab imported Pillow's image module; it never ran
    assert "DejaVuSans-Oblique" not in loaded["fonts"]
    assert {fonts.REGULAR, fonts.BOLD} <= set(loaded["fonts"])


def test_names_in_right_to_left_scripts_load_the_libraries_when_drawn() -> None:
    loaded = _loaded("corpus")
    assert loaded["before"] == []  # importing the renderer did not load them
    assert loaded["modules"] == RIGHT_TO_LEFT_LIBRARIES


def test_italic_markup_prints_in_the_upright_faces() -> None:
    family = fonts.register_fonts()
    assert tt2ps(family, 0, 1) == fonts.REGULAR
    assert tt2ps(family, 1, 1) == fonts.BOLD
