"""Arriving on Prioriteren with the keyboard and pressing arrow keys changes nothing stored.

One Down arrow used to turn the counted dot vote into *Punten verdelen*, and Down on *Ingevoerd
als* set every typed total to 0. Here the coach walks there as in the room (Ctrl+PgDn from the
first step) and presses arrows; the vote's method, entry and every count stay as they were.
"""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

from tests.realwindow.xsession import App, Launch, wait_for


def _vote(database: Path) -> tuple[object, ...]:
    with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as connection:
        round_ = connection.execute(
            "SELECT mode, entry, per_person, cap, voters FROM vote_round"
        ).fetchall()
        totals = connection.execute("SELECT id, votes FROM theme ORDER BY id").fetchall()
        marks = connection.execute(
            "SELECT b.position, m.theme_id, m.value FROM vote_mark m"
            " JOIN vote_ballot b ON b.id = m.ballot_id ORDER BY 1, 2"
        ).fetchall()
    return tuple(round_), tuple(totals), tuple(marks)


def _go_to(app: App, step: str) -> None:
    """Ctrl+PgDn until the session window names ``step``, one step at a time."""
    for _ in range(20):
        name = app.active_name()
        if name.startswith(f"{step} — "):
            return
        app.display.key("ctrl+Next")
        wait_for(lambda shown=name: app.active_name() != shown, "the next step")
    raise AssertionError(f"never reached {step!r}")


def test_arrow_keys_on_arriving_at_the_vote_change_nothing_stored(
    launch: Launch, demo_database: tuple[Path, str]
) -> None:
    database, title = demo_database
    app = launch("laptop", database)
    app.open_session(database, title)
    before = _vote(database)
    assert any(votes for _theme, votes in before[1]), "the demo has typed totals to lose"

    _go_to(app, "Prioriteren")
    # Tab from the list of steps into the page: the first field is the vote's method. Arrows
    # there (and on the next field, the entry) must not choose; Escape closes an opened list.
    app.display.key("Tab", "Down", "Escape", "Down", "Escape", "Up", "Escape")
    app.display.key("Tab", "Down", "Escape", "Up", "Escape", "Down", "Escape")
    # Keys are handled in order: once the next step shows, every arrow above was handled.
    app.display.key("ctrl+Next")
    app.wait_active(re.escape("Verwijzing"))
    assert _vote(database) == before
