"""What the archive's actions say when no team archive is set: where to set it, with the way
there one key away."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from worksession.i18n import _


def ask_for_archive(parent: QWidget) -> QMessageBox:
    """Say that the settings need the team archive's address; *Settings…* opens them."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle(_("Team archive"))
    box.setText(
        _(
            "No team archive is set. Enter the address of the team's database (postgresql://…) "
            "under Team archive in the settings."
        )
    )
    settings = box.addButton(_("&Settings…"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Close)
    box.setDefaultButton(settings)
    settings.clicked.connect(lambda: _open_settings(parent))
    box.open()
    return box


def _open_settings(parent: QWidget) -> None:
    from worksession.ui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(parent)
    dialog.open()
