"""Load the whole toolkit: the shipped ``sessions/`` first, then the trainer's own folder.

A trainer's file with the same id replaces the shipped one; each entry remembers where it came
from. Broken files are listed with their problem and the rest still loads.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from worksession.i18n import _
from worksession.programmes.model import (
    CasusFile,
    FileProblem,
    Library,
    Obstacle,
    Offer,
    Origin,
    Programme,
    Role,
    ThemeEntry,
)
from worksession.programmes.parsing import FOLDERS, read_toolkit_file
from worksession.support.paths import sessions_dir
from worksession.user.locations import data_dir

USER_FOLDER = "sessions"


def user_sessions_dir() -> Path:
    """The trainer's own toolkit files, read after the shipped ones."""
    return data_dir() / USER_FOLDER


def toolkit_folders() -> list[tuple[Path, Origin]]:
    return [(sessions_dir(), "shipped"), (user_sessions_dir(), "user")]


def load_library(folders: Sequence[tuple[Path, Origin]] | None = None) -> Library:
    library = Library()
    for root, origin in folders if folders is not None else toolkit_folders():
        _load_origin(library, root, origin)
    return library


def _load_origin(library: Library, root: Path, origin: Origin) -> None:
    # Within one origin an id may be used once; across origins the later one wins.
    claimed: dict[tuple[str, str], Path] = {}
    for folder, kind in FOLDERS.items():
        directory = root / folder
        if not directory.is_dir():
            continue
        for path in sorted(directory.glob("*.toml")):
            entries, problems = read_toolkit_file(path, kind, origin)
            if problems:
                library.problems.extend(problems)
                continue
            duplicate = next(
                (
                    (entry.id, claimed[(type(entry).__name__, entry.id)])
                    for entry in entries
                    if (type(entry).__name__, entry.id) in claimed
                ),
                None,
            )
            if duplicate is not None:
                entry_id, other = duplicate
                library.problems.append(
                    FileProblem(
                        path,
                        1,
                        "id",
                        _("id {id!r} is used already by {other}").format(
                            id=entry_id, other=other.name
                        ),
                    )
                )
                continue
            for entry in entries:
                claimed[(type(entry).__name__, entry.id)] = path
                _add(library, entry)


def _add(
    library: Library, entry: Programme | CasusFile | Role | ThemeEntry | Obstacle | Offer
) -> None:
    match entry:
        case Programme():
            library.programmes[entry.id] = entry
        case CasusFile():
            library.casus[entry.id] = entry
        case Role():
            library.roles[entry.id] = entry
        case ThemeEntry():
            library.themes[entry.id] = entry
        case Obstacle():
            library.obstacles[entry.id] = entry
        case Offer():
            library.offers[entry.id] = entry
