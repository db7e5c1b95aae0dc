"""The invite list's two columns for the wie-is-wie list: "waarvoor kun je mij bellen" and the
tick for sharing the e-mail address — their headers (Dutch or English) and how a tick reads.

A tick is yes or no in the words a spreadsheet holds; anything else is no answer the list can
take (``None``), so the row is refused rather than the consent guessed."""

from __future__ import annotations

CALL_FOR_HEADERS = (
    "waarvoor kun je mij bellen",
    "waarvoor kun je mij bellen?",
    "bel mij voor",
    "bellen voor",
    "call me for",
    "call for",
)
SHARE_EMAIL_HEADERS = (
    "e-mail delen",
    "email delen",
    "e-mail op wie-is-wie",
    "e-mail op wie is wie",
    "share e-mail",
    "share email",
)
HEADERS = {"call_for": CALL_FOR_HEADERS, "share_email": SHARE_EMAIL_HEADERS}
YES_WORDS = ("ja", "j", "yes", "y", "x", "1", "waar", "true", "✓")
NO_WORDS = ("nee", "n", "no", "0", "onwaar", "false")


def tick(cell: str) -> bool | None:
    """True for yes, False for no, None for anything else."""
    typed = cell.strip().casefold()
    if typed in YES_WORDS:
        return True
    return False if typed in NO_WORDS else None
