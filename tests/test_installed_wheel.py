"""The installed app (a wheel, not the checkout) finds sessions/ and resources/ inside itself."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_a_built_wheel_carries_the_toolkit_and_resources_and_runs(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
         "--quiet", "--wheel-dir", str(tmp_path / "dist"), str(ROOT)],
        check=True, capture_output=True,
    )  # fmt: skip
    (wheel,) = (tmp_path / "dist").glob("worksession-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for expected in (
        "worksession/_sessions/programmes/samenwerken-in-de-wijk.toml",
        "worksession/_sessions/casus/mijnstreek.toml",
        "worksession/_sessions/catalogues/rollen.toml",
        "worksession/_resources/schemas/worksession-1.schema.json",
        "worksession/_resources/translations/nl/LC_MESSAGES/worksession.mo",
        "worksession/_resources/demo/demo-session.json",
        "worksession/storage/migrations/versions/0001_initial_schema.py",
    ):
        assert expected in names

    installed = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(installed)
    env = {
        **os.environ,
        "PYTHONPATH": str(installed),  # ahead of the editable checkout
        "WORKSESSION_DB": str(tmp_path / "installed.sqlite3"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
    }

    def worksession(*args: str) -> str:
        return subprocess.run(
            [sys.executable, "-m", "worksession", *args],
            cwd=tmp_path, env=env, check=True, capture_output=True, text=True,
        ).stdout  # fmt: skip

    assert str(installed / "worksession" / "_sessions") in worksession("programmes")
    assert worksession("demo").strip() == "1"
    assert "Deelnemers (11 van 12 aanwezig)" in worksession("show", "1")
