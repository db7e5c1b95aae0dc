"""Where the file dialogs of the session's exports and imports open: the folder the coach chose
last, else the Documents folder.

They opened in the folder the app was started from (a program folder, or the project itself),
so the invitation, the presentielijst and the exports landed where nobody looks for them. The
folder is window state, kept with the window's other state in the config folder.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths

from worksession.ui.window_state import window_settings

KEY = "files/folder"


def file_folder() -> Path:
    """The folder chosen last when it is still there; else Documents, else the home folder."""
    stored = window_settings().value(KEY)
    if isinstance(stored, str) and stored and Path(stored).is_dir():
        return Path(stored)
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if documents and Path(documents).is_dir():
        return Path(documents)
    return Path.home()


def suggested_path(name: str) -> str:
    """``name`` in the folder the dialog should open in, for a file dialog's suggestion."""
    return str(file_folder() / name)


def remember_folder(chosen: str | Path) -> None:
    """The folder of a file the coach chose: the next dialog opens there."""
    if not str(chosen):
        return
    settings = window_settings()
    settings.setValue(KEY, str(Path(chosen).parent))
    settings.sync()
