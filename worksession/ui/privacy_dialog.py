"""What is stored where: a short page an organisation can use for its privacy assessment (AVG)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from worksession.i18n import _
from worksession.storage.erasures import erasure_list_path
from worksession.user.locations import config_dir
from worksession.user.settings import load_settings


def privacy_text(database: Path | None, data_folder: Path) -> str:
    retention = load_settings()["backup_retention_days"]
    place = str(database) if database else _("(a database server)")
    return "\n\n".join(
        [
            _("What worksession stores, and where"),
            _(
                "Personal data: names, initials, organisations, roles, e-mail addresses, "
                "registration numbers (BIG or quality register) and invitation status of "
                "participants, the parties on the sociale kaart, each participant's decision on "
                "the plan, and what the coach writes (casus, notes). Nothing is sent anywhere: "
                "there is no network connection."
            ),
            _("The database: {place} (readable by you only).").format(place=place),
            _(
                "Backups: the folder 'backups' beside the database; copies older than {days} "
                "days are removed (see Settings)."
            ).format(days=retention),
            _("Settings and window positions: {folder}.").format(folder=config_dir()),
            _("Error log (no session content): {path}.").format(
                path=data_folder / "worksession.log"
            ),
            _(
                "Exported plans (PDF) and interchange files (JSON) are where you save them; they "
                "hold the same personal data."
            ),
            _(
                "Deleting a session removes it from the database (deleted data is overwritten); "
                "it stays in the backups until they are removed by the retention period."
            ),
            erasure_text(database),
        ]
    )


def erasure_text(database: Path | None) -> str:
    """What erasing a person does to the database, the backups and a restore."""
    listed = str(erasure_list_path(database)) if database else _("a list beside the database")
    return _(
        "Erasing a person (step Preparation) removes them from the database file at once. "
        "Backups made before still hold them until the retention period removes those "
        "backups; when such a backup is restored, everyone erased since is erased again. "
        "For that, worksession keeps a list of the erasures in {path} (readable by you "
        "only, never part of a backup): per erasure only the session and a code made "
        "from the participant's key, no name or other detail."
    ).format(path=listed)


class PrivacyDialog(QDialog):
    def __init__(
        self, database: Path | None, data_folder: Path, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Privacy and storage"))
        self.resize(640, 520)
        self.text = QTextBrowser()
        self.text.setAccessibleName(_("Privacy and storage"))
        self.text.setPlainText(privacy_text(database, data_folder))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
