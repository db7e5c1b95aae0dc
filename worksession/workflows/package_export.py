"""A programme with its casus as a toolkit package a trainer shares (``package export``).

The package holds the programme's file and each casus's file as they are on disk, shipped or
the trainer's own, and the trainer's own catalogues they draw on: the files that define the
themes a casus names, the roles when the programme has a sociale kaart, the obstacles when it
has *Wat werkte, wat niet*. Shipped catalogues are left out: every copy of the app has them.
Each file is read again and checked as ``worksession check`` does, so a file that changed or
broke since the toolkit was loaded is never packed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from worksession.domain.values import StepKind
from worksession.i18n import _
from worksession.programmes.model import Library, Source
from worksession.programmes.package_entries import RefusedPackage, check_name
from worksession.programmes.package_format import PackedFile, package_bytes
from worksession.programmes.parsing import (
    FOLDERS,
    MAX_TOOLKIT_BYTES,
    FileKind,
    parse_toolkit_bytes,
)
from worksession.support.bounded_read import read_limited
from worksession.workflows.starting import find_casus, find_programme

FOLDER_OF: dict[FileKind, str] = {kind: folder for folder, kind in FOLDERS.items()}


class UnpackableToolkit(ValueError):
    """A toolkit file that cannot go into a package; the message names the file."""


@dataclass(frozen=True)
class ExportedPackage:
    data: bytes
    files: tuple[PackedFile, ...]
    # (casus id, theme id) for a theme a casus names that no catalogue defines
    missing_themes: tuple[tuple[str, str], ...]


def export_package(
    library: Library, programme_id: str, casus_ids: Sequence[str]
) -> ExportedPackage:
    """The package of the programme and casus (``UnknownToolkitEntry`` for an unknown id)."""
    programme = find_programme(library, programme_id)
    casus = [find_casus(library, casus_id) for casus_id in dict.fromkeys(casus_ids)]
    sources: dict[Path, tuple[FileKind, Source]] = {
        programme.source.path: ("programme", programme.source)
    }
    for entry in casus:
        sources[entry.source.path] = ("casus", entry.source)
    missing: list[tuple[str, str]] = []
    needed: list[Source] = []
    for entry in casus:
        for theme_id in entry.themes:
            theme = library.themes.get(theme_id)
            if theme is None:
                missing.append((entry.id, theme_id))
            else:
                needed.append(theme.source)
    kinds = {step.kind for step in programme.steps}
    if StepKind.SOCIALE_KAART in kinds:
        needed += [role.source for role in library.roles.values()]
    if StepKind.LESSONS in kinds:
        needed += [obstacle.source for obstacle in library.obstacles.values()]
    for source in needed:
        if source.origin == "user":
            sources.setdefault(source.path, ("catalogue", source))
    files = [_packed(path, kind, source) for path, (kind, source) in sources.items()]
    _refuse_same_names(files)
    data = package_bytes(programme.id, [entry.id for entry in casus], files)
    return ExportedPackage(data, tuple(sorted(files, key=lambda f: f.name)), tuple(missing))


def _packed(path: Path, kind: FileKind, source: Source) -> PackedFile:
    try:
        data = read_limited(path, MAX_TOOLKIT_BYTES)
    except OSError as error:
        raise UnpackableToolkit(f"{path}: {error.strerror or error}") from error
    entries, problems = parse_toolkit_bytes(data, path, kind, source.origin)
    if problems:
        raise UnpackableToolkit(str(problems[0]))
    ids = tuple(entry.id for entry in entries)
    name = f"{FOLDER_OF[kind]}/{path.name}"
    try:
        check_name(name)  # what an import would refuse is never packed
    except RefusedPackage as error:
        raise UnpackableToolkit(f"{path}: {error}") from error
    return PackedFile(name=name, kind=kind, ids=ids, data=data)


def _refuse_same_names(files: list[PackedFile]) -> None:
    # A shipped and an own file may share a name (casus/a.toml holding different ids).
    seen: dict[str, PackedFile] = {}
    for packed in files:
        other = seen.setdefault(packed.name.casefold(), packed)
        if other is not packed:
            raise UnpackableToolkit(
                _("{name}: two files of the package would have this name ({first}, {second}); "
                  "rename one of them").format(
                    name=packed.name, first=", ".join(other.ids), second=", ".join(packed.ids)
                )
            )  # fmt: skip
