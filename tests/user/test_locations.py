"""Where the user's files live: the config folder follows platformdirs' rule; the runtime folder
falls back to one in the user's cache."""

from __future__ import annotations

import stat
from pathlib import Path

import platformdirs
import pytest

from worksession.user.locations import runtime_dir, user_config_dir


@pytest.mark.parametrize("xdg", [None, "", "/srv/config", "relative/config"])
@pytest.mark.parametrize("home", ["/home/coach", None])
def test_the_config_folder_is_where_platformdirs_puts_it(
    monkeypatch: pytest.MonkeyPatch, xdg: str | None, home: str | None
) -> None:
    for name, value in (("XDG_CONFIG_HOME", xdg), ("HOME", home)):
        if value is None:
            monkeypatch.delenv(name, raising=False)
        else:
            monkeypatch.setenv(name, value)
    assert user_config_dir() == platformdirs.user_config_dir("worksession", appauthor=False)


def test_the_runtime_folder_is_the_platforms_else_one_in_the_users_cache(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    fallback = runtime_dir("")
    assert fallback == tmp_path / "home" / ".cache" / "worksession"
    assert stat.S_IMODE(fallback.stat().st_mode) == 0o700
    given = tmp_path / "run" / "user"
    assert runtime_dir(str(given)) == given and given.is_dir()
