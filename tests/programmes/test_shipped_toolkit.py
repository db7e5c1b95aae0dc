"""The toolkit as shipped: every file loads, and the content fits the method."""

from __future__ import annotations

from pathlib import Path

import pytest

from worksession.domain.values import Domain, StepKind
from worksession.programmes.library import load_library
from worksession.programmes.model import Library
from worksession.support.paths import sessions_dir


@pytest.fixture(scope="module")
def shipped() -> Library:
    return load_library([(sessions_dir(), "shipped")])


def test_every_shipped_file_loads_without_problems(shipped: Library) -> None:
    assert [str(problem) for problem in shipped.problems] == []
    assert len(list(sessions_dir().rglob("*.toml"))) >= 9


@pytest.mark.parametrize(
    ("programme_id", "low", "high"),
    [
        ("samenwerken-in-de-wijk", 225, 255),  # one dagdeel, about 4 hours
        ("avondsessie", 140, 160),  # an evening, about 2.5 hours
        ("een-half-jaar-later", 90, 150),
    ],
)
def test_programmes_fit_their_time_box(
    shipped: Library, programme_id: str, low: int, high: int
) -> None:
    programme = shipped.programmes[programme_id]
    assert low <= programme.total_minutes <= high
    assert all(step.title and step.coach and step.beamer for step in programme.steps)


def test_the_dagdeel_has_every_step_of_the_method(shipped: Library) -> None:
    kinds = {step.kind for step in shipped.programmes["samenwerken-in-de-wijk"].steps}
    assert kinds >= {
        StepKind.PREPARATION,
        StepKind.WELCOME,
        StepKind.INTRODUCTIONS,
        StepKind.PROFILE,
        StepKind.CASUS,
        StepKind.SOCIALE_KAART,
        StepKind.PRIORITISING,
        StepKind.REFERRAL,
        StepKind.AGREEMENTS,
        StepKind.FOLLOW_UP,
        StepKind.EVALUATION,
        StepKind.AFTER,
    }


def test_the_follow_up_programme_reviews_the_agreements(shipped: Library) -> None:
    kinds = {step.kind for step in shipped.programmes["een-half-jaar-later"].steps}
    assert StepKind.REVIEW in kinds and StepKind.AGREEMENTS in kinds


def test_four_casus_with_figures_sources_and_a_question(shipped: Library) -> None:
    assert {"mijnstreek", "stadswijk-jonge-gezinnen", "dorp-sportclub-overgewicht"} <= set(
        shipped.casus
    )
    assert len(shipped.casus) >= 4
    for casus in shipped.casus.values():
        assert casus.question.strip() and len(casus.figures) >= 5
        assert all(figure.source for figure in casus.figures), casus.id
        unknown = set(casus.themes) - set(shipped.themes)
        assert unknown == set(), f"{casus.id} names themes not in the catalogue"


def test_the_catalogues_cover_the_domains_and_the_themes(shipped: Library) -> None:
    domains = {role.domain for role in shipped.roles.values()}
    assert domains == {d.value for d in Domain if d is not Domain.UNKNOWN}
    assert {"huisarts", "wijkverpleegkundige", "buurtsportcoach"} <= set(shipped.roles)
    assert all(role.offer for role in shipped.roles.values())
    for theme in ("roken", "alcohol", "voeding", "bewegen", "overgewicht", "diabetes",
                  "eenzaamheid", "valrisico", "vergeetachtigheid", "bestaanszekerheid",
                  "gezond-opgroeien"):  # fmt: skip
        assert theme in shipped.themes


def test_shipped_files_explain_themselves_to_trainers() -> None:
    for path in sessions_dir().rglob("*.toml"):
        first = Path(path).read_text(encoding="utf-8").lstrip().splitlines()[0]
        assert first.startswith("#"), f"{path.name} starts without a comment for trainers"
