"""What a spreadsheet cell may hold: text that a spreadsheet would run as a formula stays text.

A name or a note typed as ``=HYPERLINK(…)``, ``+31 6…`` or ``@SUM(…)`` would be run as a formula
when the file is opened (formula injection): a CSV cell gets a leading apostrophe, which
spreadsheets read as "this is text" and do not show; an XLSX cell is written as a string.
"""

from __future__ import annotations

import re

# The first characters that make Excel, LibreOffice or Google Sheets read a cell as a formula
# (TAB and CR start one in some of them after the separator is stripped).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

# The control characters an XLSX file cannot hold at all (XML 1.0 refuses them); an imported
# document may carry them. Each shows as U+FFFD instead of making the export fail.
_NOT_IN_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def starts_a_formula(text: str) -> bool:
    return text.startswith(FORMULA_STARTS)


def csv_text(text: str) -> str:
    """``text`` as a CSV cell: an apostrophe before a cell a spreadsheet would run."""
    return "'" + text if starts_a_formula(text) else text


def xlsx_text(text: str) -> str:
    """``text`` without the characters an XLSX file cannot hold."""
    return _NOT_IN_XML.sub("\ufffd", text)
