"""The last safety net: an unexpected error becomes a message, not a traceback or a crash.

Every change was committed when it was made, so the work is safe; the details go to a log file
in the data folder for whoever helps the coach afterwards.
"""

from __future__ import annotations

import os
import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtWidgets import QApplication

from worksession.i18n import _
from worksession.user.locations import data_dir

LOG_FILE = "worksession.log"


def log_path() -> Path:
    return data_dir() / LOG_FILE


def report(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
    import datetime as dt  # only when something went wrong: not on the start path

    details = "".join(traceback.format_exception(kind, error, tb))
    try:
        path = log_path()
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        with os.fdopen(descriptor, "a", encoding="utf-8") as log:
            log.write(f"--- {dt.datetime.now().isoformat(timespec='seconds')}\n{details}\n")
    except OSError:
        pass  # a full disk must not turn a message into a second error
    if QApplication.instance() is not None:
        from PySide6.QtWidgets import QMessageBox  # not on the start path

        QMessageBox.warning(
            None,
            _("Something went wrong"),
            _(
                "Something unexpected went wrong: {error}\n\nEverything up to your last change "
                "is saved. The details are in {log}."
            ).format(error=error, log=log_path()),
        )


def install() -> None:
    sys.excepthook = report
