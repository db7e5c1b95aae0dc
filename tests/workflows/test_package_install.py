"""Installing a package: a move that fails halfway puts back what was moved and leaves no
temporary or half-kept folder behind."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.programmes import package_forgery as forgery
from tests.programmes.package_forgery import snapshot
from worksession.programmes.package_reading import read_package
from worksession.support.paths import sessions_dir
from worksession.workflows.package_import import ReplaceNotAgreed, install, plan_import


def test_a_file_that_appears_after_the_plan_undoes_the_install(tmp_path: Path) -> None:
    own = tmp_path / "own"
    (own / "programmes").mkdir(parents=True)
    mine = own / "programmes" / "mijn-avond.toml"
    mine.write_bytes(forgery.own_programme("Mijn versie"))
    plan = plan_import(
        read_package(forgery.package()), user_folder=own, shipped_folder=sessions_dir()
    )
    assert plan.replaces == (mine,)
    with pytest.raises(ReplaceNotAgreed, match=r"mijn-avond\.toml"):
        install(plan, replace=False)

    (own / "programmes" / "eigen-avond.toml").write_bytes(b"# made meanwhile\n")
    before = snapshot(own)
    with pytest.raises(FileExistsError):
        install(plan, replace=True)
    after = snapshot(own)
    assert after.pop("casus")[1] is None  # the folder made for the casus stays, empty
    assert after == before
    assert mine.read_bytes() == forgery.own_programme("Mijn versie")
    assert sorted(path.name for path in own.iterdir()) == ["casus", "programmes"]
