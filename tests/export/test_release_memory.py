"""What drawing plans loaded (fonts, hyphenation) can be let go of, and is loaded again with the
same bytes; never while a plan is being drawn."""

from __future__ import annotations

import gc
import weakref

from reportlab.pdfbase import pdfmetrics

from tests.export.render_threads import payloads
from worksession.export.pdf import fonts, hyphenation, plan
from worksession.export.pdf.fonts import BOLD, FALLBACKS, REGULAR
from worksession.export.pdf.plan import release_drawing_memory, render_plan


def test_released_fonts_are_freed_and_plans_come_out_the_same_after() -> None:
    plans = payloads()  # Dutch, English and names in every script (the fallback fonts)
    before = {name: render_plan(payload) for name, payload in plans.items()}
    loaded = [weakref.ref(pdfmetrics.getFont(name)) for name in (REGULAR, BOLD, *FALLBACKS)]

    assert release_drawing_memory()
    gc.collect()
    assert [ref for ref in loaded if ref() is not None] == []  # nothing else held a font
    registered = set(pdfmetrics.getRegisteredFontNames())
    assert registered.isdisjoint({REGULAR, BOLD, *FALLBACKS})
    assert not fonts.is_registered(REGULAR)

    assert {name: render_plan(payload) for name, payload in plans.items()} == before


def test_nothing_is_released_while_a_plan_is_being_drawn() -> None:
    render_plan(payloads()["nl"])
    with plan._DRAWING:  # as a drawing in another thread holds it
        assert not release_drawing_memory()
        assert fonts.is_registered(REGULAR)
        assert REGULAR in pdfmetrics.getRegisteredFontNames()


def test_the_released_dictionary_is_freed_and_hyphenates_the_same_after() -> None:
    words = ["samenwerkingsafspraken", "wijkgezondheidsprofiel", "praktijkondersteuner"]
    before = [hyphenation._dictionary().inserted(word) for word in words]
    loaded = weakref.ref(hyphenation._dictionary().hd)

    assert release_drawing_memory()
    gc.collect()
    assert loaded() is None  # pyphen's own cache does not keep it either
    assert [hyphenation._dictionary().inserted(word) for word in words] == before
