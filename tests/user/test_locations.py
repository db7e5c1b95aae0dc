"""Where the user's files live: the config folder follows platformdirs' rule."""

from __future__ import annotations

import platformdirs
import pytest

from worksession.user.locations import user_config_dir


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
