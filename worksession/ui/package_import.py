"""Toolkit → Import a package…: check a package a trainer shared and put its files in the own
toolkit folder, asking first when it would replace what is there.

The checks and the writing are the command line's (``package import``); this module only asks
for the file, shows why a package is refused and asks "Replace?".
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from html import escape
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from worksession.i18n import _
from worksession.programmes.package_entries import RefusedPackage
from worksession.programmes.package_format import MAX_PACKAGE_BYTES
from worksession.programmes.package_reading import read_package
from worksession.support.bounded_read import read_limited
from worksession.workflows.package_import import ImportPlan, InstallResult, install, plan_import

QUESTION = "packageReplaceQuestion"
MESSAGE = "packageImportMessage"


@dataclass(frozen=True)
class ImportOutcome:
    """What happened: ``result`` is None when nothing was written (refused or declined)."""

    result: InstallResult | None
    plan: ImportPlan | None
    message: str


def import_into_toolkit(
    parent: QWidget, path: Path | None, *, user_folder: Path | None, then: Callable[[], None]
) -> ImportOutcome | None:
    """Ask for a package unless ``path`` names one, import it into ``user_folder`` (the user's
    own toolkit folder when None), then call ``then`` (the toolkit is read again)."""
    from worksession.programmes.library import user_sessions_dir
    from worksession.support.paths import sessions_dir

    chosen = path or choose_package(parent)
    if chosen is None:
        return None
    folder = user_folder or user_sessions_dir()
    outcome = import_package(parent, chosen, user_folder=folder, shipped_folder=sessions_dir())
    if outcome.result is not None:
        then()
    return outcome


def choose_package(parent: QWidget) -> Path | None:
    chosen, _filter = QFileDialog.getOpenFileName(
        parent, _("Import a toolkit package"), "", _("Toolkit packages (*.zip)")
    )
    return Path(chosen) if chosen else None


def import_package(
    parent: QWidget, path: Path, *, user_folder: Path, shipped_folder: Path
) -> ImportOutcome:
    """Check ``path``, ask before replacing, install; the outcome is also shown to the user."""
    try:
        package = read_package(read_limited(path, MAX_PACKAGE_BYTES))
    except (OSError, RefusedPackage) as error:
        reason = error.strerror if isinstance(error, OSError) and error.strerror else error
        return _tell(parent, None, None, f"{path}: {reason}")
    plan = plan_import(package, user_folder=user_folder, shipped_folder=shipped_folder)
    if plan.asks and not ask_replace(parent, plan):
        return ImportOutcome(None, plan, _("Nothing was imported."))
    try:
        result = install(plan, replace=True)
    except OSError as error:
        message = f"{user_folder}: {error.strerror or error}"
        return _tell(parent, None, plan, message)
    return _tell(parent, result, plan, _done_text(plan, result))


def ask_replace(parent: QWidget, plan: ImportPlan) -> bool:
    """ "Replace?" with what would be replaced; Cancel is the default."""
    box = QMessageBox(parent)
    box.setObjectName(QUESTION)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(_("Replace?"))
    box.setTextFormat(Qt.TextFormat.RichText)
    items = "".join(f"<li>{escape(line, quote=False)}</li>" for line in plan.question_lines())
    box.setText(
        "<p>"
        + escape(_("This package holds files with ids you have already:"))
        + f"</p><ul>{items}</ul><p>"
        + escape(_("Your own files are kept in the folder replaced/; shipped files stay."))
        + "</p>"
    )
    replace = box.addButton(_("Replace"), QMessageBox.ButtonRole.AcceptRole)
    replace.setObjectName("replace")
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    box.exec()
    clicked = box.clickedButton()
    box.deleteLater()
    return clicked is replace


def _done_text(plan: ImportPlan, result: InstallResult) -> str:
    lines = [_("Imported into {folder}:").format(folder=plan.user_folder)]
    lines += [f"– {path.relative_to(plan.user_folder).as_posix()}" for path in result.written]
    lines += ["– " + _("already there: {name}").format(name=name) for name in plan.unchanged]
    lines += [
        "– " + _("{path} replaced; kept as {copy}").format(path=path.name, copy=copy)
        for path, copy in result.kept
    ]
    lines += [
        "– " + _("stands in for the shipped {entry}").format(entry=entry) for entry in plan.shadows
    ]
    return "\n".join(lines)


def _tell(
    parent: QWidget, result: InstallResult | None, plan: ImportPlan | None, message: str
) -> ImportOutcome:
    """Show ``message`` without waiting for it to be read (the window stays usable)."""
    box = QMessageBox(parent)
    box.setObjectName(MESSAGE)
    box.setWindowTitle(_("Import a toolkit package"))
    if result is None:
        box.setIcon(QMessageBox.Icon.Warning)
        heading = _("The package is not imported; nothing was written.")
    else:
        box.setIcon(QMessageBox.Icon.Information)
        heading = _("The package is imported.")
    # Rich text with everything escaped: names in a package are someone else's text, and Qt
    # would read "<img …>" in a plain label as markup.
    box.setTextFormat(Qt.TextFormat.RichText)
    body = escape(message, quote=False).replace("\n", "<br>")
    box.setText(f"<p><b>{escape(heading, quote=False)}</b></p><p>{body}</p>")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return ImportOutcome(result, plan, message)
