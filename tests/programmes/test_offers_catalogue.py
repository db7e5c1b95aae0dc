"""The catalogue of existing offers: shipped with the entries the public material names, each
with a source and no recognition or funding asserted; a bad entry refused by file, field and
value; a trainer's own entry replacing the shipped one; listed by ``worksession offers``."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.running import run
from worksession.i18n import set_language
from worksession.programmes.library import load_library
from worksession.programmes.parsing import kind_of, read_toolkit_file
from worksession.support.paths import sessions_dir

SHIPPED = sessions_dir() / "catalogues" / "aanbod.toml"
NAMED = (
    "GLI volwassenen",
    "COOL",
    "Beweegkuur",
    "SLIMMER",
    "MiGuide",
    "GLI kinderen en jeugd",
    "Stoppen met roken",
    "Keer Diabetes2 Om",
    "Welzijn op Recept",
    "Positieve Gezondheid",
    "Leefstijlroer",
    "4D-model",
    "Meer Tijd voor de Patiënt",
    "Kansrijke Start",
    "HealthyLIFE",
    "Nationale Diabetes Challenge",
    "Supermarktsafari",
    "PreventieConsult",
    "Persoonlijke gezondheidscheck",
    "Ketenaanpak valpreventie",
    "NHG Zorgmodules Leefstijl",
    "LESA",
    "Buurtteam",
    "Buurtsportcoach",
    "Leefstijlcoach",
    "Gezondheidsmakelaar",
    "Beweegmakelaar",
    "POH-verslaving",
    "Sportvereniging",
    "Leefstijl(zorg)loket",
    "Samenwerkwijzer",
    "Wijkgezondheidsprofiel",
    "ROS-wijkscan",
    "Keuzehulp Bewegen",
)


def test_the_shipped_catalogue_holds_the_named_offers_with_their_source() -> None:
    library = load_library([(sessions_dir(), "shipped")])
    assert [str(problem) for problem in library.problems] == []
    names = " | ".join(offer.name for offer in library.offers.values())
    assert [name for name in NAMED if name not in names] == []
    kinds = {offer.kind for offer in library.offers.values()}
    assert kinds == {"leefstijlinterventie", "samenwerkingsvorm", "instrument", "overleg"}
    for offer in library.offers.values():
        assert offer.reference, offer.id  # every entry says where it comes from
        # Not asserted where the material does not say it: for trainers, with their source.
        assert (offer.recognition, offer.funding) == ("", "")
        assert set(offer.themes) <= set(library.themes), offer.id
        assert "\n" not in offer.description


def test_a_bad_offer_is_refused_naming_file_field_and_value(tmp_path: Path) -> None:
    set_language("en")
    path = tmp_path / "catalogues" / "aanbod.toml"
    path.parent.mkdir()
    path.write_text(
        '[[offers]]\nid = "gli"\nname = "GLI"\nkind = "cursus"\nsource = "x"\n', encoding="utf-8"
    )
    entries, (problem, *rest) = read_toolkit_file(path, kind_of(path))
    assert entries == [] and rest == []
    assert str(problem).startswith(f"{path}:4: offers[0].kind: ")
    assert "cursus" in str(problem)
    path.write_text('[[offers]]\nid = "gli"\nname = "GLI"\nkind = "instrument"\n', encoding="utf-8")
    _entries, (problem,) = read_toolkit_file(path, kind_of(path))
    assert "source" in str(problem)


def test_a_trainers_offer_replaces_the_shipped_one_and_fills_in_funding(tmp_path: Path) -> None:
    own = tmp_path / "own" / "catalogues"
    own.mkdir(parents=True)
    (own / "eigen-aanbod.toml").write_text(
        '[[offers]]\nid = "buurtsportcoach"\nname = "Buurtsportcoach Heerlen"\n'
        'kind = "samenwerkingsvorm"\nsource = "Gemeente Heerlen"\n'
        'funding = "Brede SPUK (gemeente), 2026"\n\n'
        '[[offers]]\nid = "mdo-ouderen"\nname = "MDO ouderen"\nkind = "overleg"\n'
        'themes = ["vergeetachtigheid"]\nsource = "eigen wijk"\n',
        encoding="utf-8",
    )
    library = load_library([(sessions_dir(), "shipped"), (tmp_path / "own", "user")])
    assert library.problems == []
    replaced = library.offers["buurtsportcoach"]
    assert (replaced.name, replaced.funding, replaced.source.origin) == (
        "Buurtsportcoach Heerlen",
        "Brede SPUK (gemeente), 2026",
        "user",
    )
    assert library.offer_catalogue().offers["mdo-ouderen"].themes == ("vergeetachtigheid",)


def test_offers_lists_the_catalogue_tab_separated(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "offers")
    assert code == 0 and err == ""
    rows = [line.split("\t") for line in out.splitlines()]
    assert {len(row) for row in rows} == {7}
    welzijn = next(row for row in rows if row[0] == "welzijn-op-recept")
    assert welzijn[1:4] == ["Welzijn op Recept", "samenwerkingsvorm", "social_domain"]
    assert "eenzaamheid" in welzijn[4].split(",")
    assert welzijn[6].startswith("meegeleverd (") and welzijn[6].endswith("aanbod.toml)")


def test_check_passes_the_shipped_catalogue(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", str(SHIPPED))
    assert code == 0
    assert "aanbod.toml" in out
