"""The shipped files are found from a checkout and from the standalone build's folder alike."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from worksession.support import paths
from worksession.support.paths import migrations_dir, resources_dir, sessions_dir

ROOT = Path(__file__).resolve().parents[2]


def test_from_the_checkout_the_files_beside_the_package_are_used() -> None:
    assert not paths.frozen()
    assert resources_dir() == ROOT / "resources"
    assert sessions_dir() == ROOT / "sessions"
    assert (migrations_dir() / "env.py").is_file()


def test_the_standalone_build_reads_its_own_copy_under_meipass(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The layout packaging/worksession.spec makes: the wheel's, under ``sys._MEIPASS``."""
    bundle = tmp_path / "_internal"
    shutil.copytree(ROOT / "resources" / "schemas", bundle / "worksession/_resources/schemas")
    shutil.copytree(ROOT / "sessions", bundle / "worksession/_sessions")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(bundle), raising=False)

    assert resources_dir() == bundle / "worksession" / "_resources"
    assert sessions_dir() == bundle / "worksession" / "_sessions"
    assert migrations_dir() == bundle / "worksession" / "storage" / "migrations"
    assert paths.resource_path("schemas", "casus.schema.json").is_file()


def test_the_spec_ships_what_the_paths_point_at() -> None:
    """Each folder the app reads as files is named in the spec, at the path the app looks."""
    spec = (ROOT / "packaging" / "worksession.spec").read_text(encoding="utf-8")
    for shipped in ('"worksession/_sessions"', '"worksession/_resources"',
                    '"worksession/storage/migrations"'):  # fmt: skip
        assert shipped in spec
