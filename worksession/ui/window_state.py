"""Window state (geometry, splitters, the last session) in Qt's settings in the config folder."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QRect, QSettings, QSize

from worksession.settings import config_dir

if TYPE_CHECKING:
    from PySide6.QtWidgets import QSplitter, QWidget

STATE_FILE = "window-state.ini"
# The title bar and borders a window manager adds around a window (openbox: 2×25 px; GNOME and
# KDE up to ~40 px of title): a window sized to the whole available area stuck out by its frame.
FRAME_ALLOWANCE = QSize(16, 48)


def window_settings() -> QSettings:
    return QSettings(str(config_dir() / STATE_FILE), QSettings.Format.IniFormat)


def restore_geometry(widget: QWidget, key: str, splitter: QSplitter | None = None) -> None:
    settings = window_settings()
    geometry = settings.value(f"{key}/geometry")
    restored = isinstance(geometry, QByteArray) and widget.restoreGeometry(geometry)
    fit_on_screen(widget, keep_position=restored)
    state = settings.value(f"{key}/splitter")
    if splitter is not None and isinstance(state, QByteArray):
        splitter.restoreState(state)


def save_geometry(widget: QWidget, key: str, splitter: QSplitter | None = None) -> None:
    settings = window_settings()
    settings.setValue(f"{key}/geometry", widget.saveGeometry())
    if splitter is not None:
        settings.setValue(f"{key}/splitter", splitter.saveState())
    settings.sync()


def last_session() -> int | None:
    value = window_settings().value("start/last_session")
    try:
        return int(value) if value is not None else None
    except (TypeError, ValueError):
        return None


def remember_session(session_id: int) -> None:
    settings = window_settings()
    settings.setValue("start/last_session", session_id)
    settings.sync()


def fit_on_screen(widget: QWidget, *, keep_position: bool = False) -> None:
    """Keep a window that is about to open, frame included, inside the available area of the
    screen it opens on: a geometry saved on a larger screen, or a default size taller than a
    1280×720 laptop, put the status bar and the window's edge below the screen."""
    if widget.isMaximized() or widget.isFullScreen():
        return
    screen = widget.screen()
    if screen is None:
        return
    area = screen.availableGeometry()
    room = area.size() - FRAME_ALLOWANCE
    size = widget.size().boundedTo(room).expandedTo(QSize(1, 1))
    widget.resize(size)
    if keep_position:
        # A restored position (otherwise the window manager places the window): moved back
        # inside the area, with room for the frame to the right and below.
        placed = QRect(widget.pos(), size)
        x = min(max(placed.x(), area.x()), area.x() + room.width() - size.width())
        y = min(max(placed.y(), area.y()), area.y() + room.height() - size.height())
        widget.move(x, y)
