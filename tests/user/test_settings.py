"""Preferences: declared defaults, saved choices, invalid files ignored."""

from __future__ import annotations

import pytest

from worksession.user.locations import config_dir
from worksession.user.settings import SETTINGS_FILE, chosen_language, load_settings, save_setting


def test_defaults_then_a_saved_choice(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("WORKSESSION_LANG", raising=False)
    assert load_settings()["language"] == "nl"
    save_setting("language", "en")
    assert chosen_language() == "en"
    monkeypatch.setenv("WORKSESSION_LANG", "nl")
    assert chosen_language() == "nl"


def test_a_damaged_or_invalid_file_falls_back_to_defaults() -> None:
    (config_dir() / SETTINGS_FILE).write_text("{kapot", encoding="utf-8")
    assert load_settings()["language"] == "nl"
    (config_dir() / SETTINGS_FILE).write_bytes(b'{"language": "en\xff"}')
    assert load_settings()["language"] == "nl"
    (config_dir() / SETTINGS_FILE).write_text('{"language": "fr"}', encoding="utf-8")
    assert load_settings()["language"] == "nl"
    with pytest.raises(ValueError, match="fr"):
        save_setting("language", "fr")


def test_the_coachs_name_and_email_are_text_settings() -> None:
    assert (load_settings()["name"], load_settings()["email"]) == ("", "")
    save_setting("name", "Hanneke Vos")
    save_setting("email", "h.vos@example.org")
    assert (load_settings()["name"], load_settings()["email"]) == (
        "Hanneke Vos",
        "h.vos@example.org",
    )
    with pytest.raises(ValueError, match="name"):
        save_setting("name", 12)
    (config_dir() / SETTINGS_FILE).write_text('{"name": ["x"], "email": 3}', encoding="utf-8")
    assert (load_settings()["name"], load_settings()["email"]) == ("", "")
