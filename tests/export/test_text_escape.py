"""User text is escaped for paragraph markup exactly as ``xml.sax.saxutils`` escapes it (the
plan's bytes depend on it), without importing that module into the app."""

from __future__ import annotations

from xml.sax import saxutils

import pytest

from worksession.export.pdf.text import escape, quoteattr

TEXTS = [
    "",
    "Huisarts & POH <wijk> > 3",
    "&amp; stays &amp;amp;",
    "regel 1\nregel 2\ttab\r",
    'zegt "hallo"',
    "Sint-Pieter's",
    "beide \" en '",
    "<&>\"'\n\t\r",
    "NotoSansSC",
    "Zoë, 佐藤 花子, שלום",
]


@pytest.mark.parametrize("text", TEXTS)
def test_escaping_is_saxutils_own(text: str) -> None:
    assert escape(text) == saxutils.escape(text)
    assert quoteattr(text) == saxutils.quoteattr(text)
