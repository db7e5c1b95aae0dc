"""Afspraken volgen opened from the start window: one window, brought forward when it is open
already; a report recorded there shows in the listing and the start window's line at once."""

from __future__ import annotations

from typing import TYPE_CHECKING

from worksession.ui.follow_window import FollowWindow

if TYPE_CHECKING:
    from worksession.storage.database import Database
    from worksession.ui.start_listing import StartListing


def open_follow(start: StartListing, db: Database) -> FollowWindow:
    """The start window's *Afspraken volgen*, made the first time, read again after that."""
    window = start.follow_window
    if window is None:
        window = FollowWindow(db, start.open_session, parent=start)
        window.recorded.connect(lambda _session_id: _after_recording(start))
        start.follow_window = window
    else:
        window.refresh()
    if window.isMinimized():
        window.showNormal()
    window.show()
    window.raise_()
    window.activateWindow()
    return window


def _after_recording(start: StartListing) -> None:
    # The follow window read itself again; the listing and the line follow at once.
    start.refresh()
    start.count_follow_up_now()
