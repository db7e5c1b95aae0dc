"""One place where the archive's news meets the windows that show it: a publish in a session
window changes what the start window's line counts as waiting, a fetch changes the listing."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class ArchiveEvents(QObject):
    waiting_changed = Signal()  # a session started or stopped waiting to be published
    fetched = Signal()  # sessions on this laptop were changed by a fetch


_events: ArchiveEvents | None = None


def archive_events() -> ArchiveEvents:
    """The app's one ``ArchiveEvents`` (made on the GUI thread at first use)."""
    global _events
    if _events is None:
        _events = ArchiveEvents()
    return _events
