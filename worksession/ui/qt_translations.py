"""Qt's own strings (standard buttons and dialogs) in the app's language.

Used by the app after its first paint and by the screenshots, which show the dialogs too.
"""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from worksession.i18n import current_language


def install_qt_translations(app: QApplication) -> None:
    """Install Qt's ``qtbase`` catalog for the current language, when Qt ships one.

    Installed after the first paint: the start window shows none of Qt's strings, and QLocale's
    hundreds of enum members are slow to load."""
    from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator

    translator = QTranslator(app)
    path = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if translator.load(QLocale(current_language()), "qtbase", "_", path):
        app.installTranslator(translator)
