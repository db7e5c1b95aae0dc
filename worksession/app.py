"""Composition root: the one place that knows every layer, decides paths and starts the window."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox

from worksession.i18n import _, current_language, set_language
from worksession.locations import database_location
from worksession.programmes.library import load_library, user_sessions_dir
from worksession.settings import chosen_language
from worksession.storage.backups import Backup, restore_backup
from worksession.storage.errors import StorageError
from worksession.storage.integrity import DatabaseDamaged
from worksession.storage.opening import open_database
from worksession.ui import error_report
from worksession.ui.backup_timer import BackupTimer


def install_qt_translations(app: QApplication) -> None:
    """Qt's own strings (standard buttons, dialogs) in the app's language."""
    translator = QTranslator(app)
    path = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if translator.load(QLocale(current_language()), "qtbase", "_", path):
        app.installTranslator(translator)


def offer_restore(error: DatabaseDamaged, location: str) -> bool:
    """Tell what happened to a damaged database and offer its newest good backup."""
    backup = error.backup
    if not isinstance(backup, Backup):
        QMessageBox.critical(None, _("The database is damaged"), str(error))
        return False
    answer = QMessageBox.question(
        None,
        _("The database is damaged"),
        str(error)
        + "\n\n"
        + _("Restore the backup of {when} now?").format(
            when=backup.created.astimezone().strftime("%d-%m-%Y %H:%M")
        ),
    )
    if answer != QMessageBox.StandardButton.Yes:
        return False
    restore_backup(Path(location), backup.path)
    return True


def run_app(*, database: str | None = None) -> int:
    from worksession.ui.start_window import StartWindow

    set_language(chosen_language())
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("worksession")
    app.setApplicationDisplayName("Worksession")
    install_qt_translations(app)
    error_report.install()
    location = database_location(database)
    try:
        db = open_database(location)
    except DatabaseDamaged as error:
        if not offer_restore(error, location):
            return 2
        db = open_database(location)
    except (StorageError, OSError) as error:
        QMessageBox.critical(None, _("The database cannot be opened"), str(error))
        return 2
    window = StartWindow(
        db, load_library(), load_library=load_library, user_folder=user_sessions_dir()
    )
    if db.path is not None:
        backups = BackupTimer(db.path)
        backups.failed.connect(
            lambda reason: window.statusBar().showMessage(
                _("The automatic backup failed: {reason}").format(reason=reason)
            )
        )
        backups.backup_if_changed("start")
        window.backups = backups  # lives as long as the window
    window.show()
    try:
        return app.exec()
    finally:
        db.close()
