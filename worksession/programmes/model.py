"""What the toolkit files hold once read: programmes with steps, casus, roles, themes,
obstacles and existing offers."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from worksession.domain.document_types import ProgrammeStep
from worksession.domain.existing_offers import CatalogueOffer, OfferCatalogue
from worksession.domain.roles import CatalogueRole, RoleCatalogue
from worksession.domain.timeline import TimelineItem
from worksession.domain.values import StepKind

Origin = Literal["shipped", "user"]


class UnknownToolkitEntry(ValueError):
    """A programme or casus id that the toolkit folders do not hold."""


@dataclass(frozen=True)
class Source:
    """Where an entry was read from: the shipped toolkit or the trainer's own folder."""

    path: Path
    origin: Origin
    # Byte for byte a shipped file that passed its schema (``support.checked_files``): what is
    # made of it needs no schema check either (the demo session).
    known_good: bool = False


@dataclass(frozen=True)
class FileProblem:
    """A problem in a toolkit file, shown as ``file:line: key: what is wrong``."""

    path: Path
    line: int
    key: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.key}: {self.message}"


@dataclass(frozen=True)
class Step:
    id: str
    title: str
    kind: StepKind
    minutes: int
    purpose: str = ""
    werkvorm: str = ""
    coach: str = ""
    beamer: str = ""

    def to_dict(self) -> ProgrammeStep:
        return {
            "id": self.id,
            "title": self.title,
            "kind": str(self.kind),
            "minutes": self.minutes,
            "purpose": self.purpose,
            "werkvorm": self.werkvorm,
            "coach": self.coach,
            "beamer": self.beamer,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Step:
        return cls(**{**data, "kind": StepKind(data["kind"])})


@dataclass(frozen=True)
class Programme:
    id: str
    title: str
    steps: tuple[Step, ...]
    source: Source
    description: str = ""
    # What participants can do afterwards, for the accreditation request; none when the file
    # names none (the steps' purposes say it then).
    learning_goals: tuple[str, ...] = ()
    # The organiser's preparation timeline (``domain.timeline``); none when the file has none.
    timeline: tuple[TimelineItem, ...] = ()

    @property
    def total_minutes(self) -> int:
        return sum(step.minutes for step in self.steps)


@dataclass(frozen=True)
class Figure:
    label: str
    value: str = ""
    source: str = ""


@dataclass(frozen=True)
class CasusFile:
    id: str
    title: str
    text: str
    question: str
    source: Source
    setting: str = ""
    themes: tuple[str, ...] = ()
    figures: tuple[Figure, ...] = ()


@dataclass(frozen=True)
class Role:
    id: str
    name: str
    domain: str
    source: Source
    offer: str = ""


@dataclass(frozen=True)
class ThemeEntry:
    id: str
    title: str
    source: Source
    target_group: str = ""
    description: str = ""


@dataclass(frozen=True)
class Obstacle:
    """What held the collaboration back, as the evaluation names it: the cards of *Wat werkte,
    wat niet* are grouped under these."""

    id: str
    name: str
    source: Source
    description: str = ""


@dataclass(frozen=True)
class Offer:
    """An existing offer of the catalogue (``aanbod.toml``): what it is, the themes it serves,
    and where the entry comes from. ``recognition`` and ``funding`` are the trainer's to fill in,
    with their source."""

    id: str
    name: str
    kind: str
    source: Source
    # ``source`` is where the file was read; ``reference`` is the entry's own ``source`` key.
    reference: str
    domain: str = ""
    themes: tuple[str, ...] = ()
    target_group: str = ""
    description: str = ""
    recognition: str = ""
    funding: str = ""


@dataclass
class Library:
    """Everything usable from the toolkit folders, plus what could not be used and why."""

    programmes: dict[str, Programme] = field(default_factory=dict)
    casus: dict[str, CasusFile] = field(default_factory=dict)
    roles: dict[str, Role] = field(default_factory=dict)
    themes: dict[str, ThemeEntry] = field(default_factory=dict)
    obstacles: dict[str, Obstacle] = field(default_factory=dict)
    offers: dict[str, Offer] = field(default_factory=dict)
    problems: list[FileProblem] = field(default_factory=list)

    def obstacle_names(self) -> dict[str, str]:
        """Obstacle id → name, in the catalogue's order: how lesson cards are grouped."""
        return {key: obstacle.name for key, obstacle in self.obstacles.items()}

    def offer_catalogue(self) -> OfferCatalogue:
        """The offers and theme titles the session's pages and lesson 7 use."""
        return OfferCatalogue(
            {
                key: CatalogueOffer(offer.id, offer.name, offer.kind, offer.themes)
                for key, offer in self.offers.items()
            },
            {key: theme.title for key, theme in self.themes.items()},
        )

    def role_catalogue(self) -> RoleCatalogue:
        """The roles, for finding the domain of a role as people type it."""
        return RoleCatalogue(
            CatalogueRole(role.id, role.name, role.domain) for role in self.roles.values()
        )
