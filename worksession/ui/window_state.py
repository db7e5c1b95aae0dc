"""Window state (geometry, splitters, the last session) in Qt's settings in the config folder."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSettings

from worksession.user.locations import config_dir

if TYPE_CHECKING:
    from PySide6.QtWidgets import QSplitter, QWidget

STATE_FILE = "window-state.ini"


def window_settings() -> QSettings:
    return QSettings(str(config_dir() / STATE_FILE), QSettings.Format.IniFormat)


def restore_geometry(widget: QWidget, key: str, splitter: QSplitter | None = None) -> None:
    settings = window_settings()
    geometry = settings.value(f"{key}/geometry")
    if isinstance(geometry, QByteArray):
        widget.restoreGeometry(geometry)
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
