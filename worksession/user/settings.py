"""The user's preferences, declared once (name, type, default) and read through this module.

Session data lives in the database and window state in Qt's settings; what is here are the few
choices a user makes for the app itself, kept as JSON in the config folder.
"""

from __future__ import annotations

import os
from typing import Any, NamedTuple

from worksession.i18n import DEFAULT_LANGUAGE, LANGUAGES
from worksession.support.files import atomic_write_bytes
from worksession.user.locations import config_dir

SETTINGS_FILE = "settings.json"


# A named tuple, not a dataclass: this module is read before the first paint, and the
# dataclasses module alone costs a few milliseconds to import.
class Setting(NamedTuple):
    name: str
    default: Any
    choices: tuple[Any, ...] = ()


SETTINGS = {
    "language": Setting("language", DEFAULT_LANGUAGE, LANGUAGES),
    # Backups hold personal data too: older ones are removed after this many days.
    "backup_retention_days": Setting("backup_retention_days", 365, (90, 180, 365, 730)),
    # The coach's own name and e-mail, put in the personal certificate that signs plans.
    "name": Setting("name", ""),
    "email": Setting("email", ""),
    # The team archive's database URL (``postgresql://…``) to publish to and fetch from; empty
    # when the coach has none. Better without a password (PostgreSQL's ~/.pgpass keeps it).
    "team_archive": Setting("team_archive", ""),
}


def load_settings() -> dict[str, Any]:
    """Every declared setting: the stored value when it is valid, else the default."""
    values = {name: setting.default for name, setting in SETTINGS.items()}
    try:
        text = (config_dir() / SETTINGS_FILE).read_text(encoding="utf-8")
    except (OSError, ValueError):  # none saved yet, or not text at all
        return values
    import json  # only with a file to read: this runs before the first paint

    try:
        stored = json.loads(text)
    except ValueError:
        stored = {}
    if isinstance(stored, dict):
        for name, setting in SETTINGS.items():
            value = stored.get(name)
            if _acceptable(setting, value):
                values[name] = value
    return values


def _acceptable(setting: Setting, value: Any) -> bool:
    """A choice when the setting has choices; otherwise a value of the default's type."""
    if setting.choices:
        return value in setting.choices
    return value is not None and type(value) is type(setting.default)


def save_setting(name: str, value: Any) -> None:
    setting = SETTINGS[name]
    if not _acceptable(setting, value):
        allowed = setting.choices or type(setting.default).__name__
        raise ValueError(f"{name}: {value!r} is not one of {allowed}")
    values = load_settings()
    values[name] = value
    import json

    text = json.dumps(values, indent=2, ensure_ascii=False) + "\n"
    atomic_write_bytes(config_dir() / SETTINGS_FILE, text.encode("utf-8"))


def backup_retention_days() -> int:
    """How many days backups are kept: the storage layer is told this, it never reads it."""
    return int(load_settings()["backup_retention_days"])


def team_archive() -> str:
    """The team archive's URL from the settings ("" when none is set)."""
    return str(load_settings()["team_archive"])


def chosen_language() -> str:
    """``$WORKSESSION_LANG`` when set (handy for a one-off run), else the saved choice."""
    return os.environ.get("WORKSESSION_LANG") or str(load_settings()["language"])
