"""Read one toolkit file: decode, parse TOML, check it against its schema and its own rules.

Nothing here raises for a bad file: every problem comes back as a ``FileProblem`` naming the
file, the line and the key, so one broken file never stops the others from loading. A hostile
file included: only a regular file of at most ``MAX_TOOLKIT_BYTES`` is read (a FIFO never blocks,
``/dev/zero`` is never read), and nesting or integers ``tomllib`` cannot take are refused first.
"""

from __future__ import annotations

import json
import re
import tomllib
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any, Literal

from worksession.domain.schema_check import PathPart, first_schema_problem
from worksession.domain.timeline import Arranger, OffsetUnit, TimelineItem
from worksession.i18n import _
from worksession.programmes.model import (
    CasusFile,
    Figure,
    FileProblem,
    Obstacle,
    Offer,
    Origin,
    Programme,
    Role,
    Source,
    Step,
    ThemeEntry,
)
from worksession.programmes.toml_lines import dotted, key_lines, line_of
from worksession.support.bounded_read import read_limited
from worksession.support.checked_files import passed_when_shipped
from worksession.support.paths import resource_path

FileKind = Literal["programme", "casus", "catalogue"]
Entry = Programme | CasusFile | Role | ThemeEntry | Obstacle | Offer
FOLDERS: dict[str, FileKind] = {
    "programmes": "programme",
    "casus": "casus",
    "catalogues": "catalogue",
}
MAX_TOOLKIT_BYTES = 1024 * 1024  # the shipped files are under 20 kB each
MAX_DEPTH = 32  # toolkit files nest 3 levels deep; tomllib recurses per level
MAX_DIGITS = 15  # minutes and counts; Python refuses to convert past 4300 digits
# What counts for nesting and numbers: strings and comments are skipped whole.
_TOML_TOKEN = re.compile(
    r'"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:[^"\\\n]|\\.)*"|\'[^\'\n]*\'|#[^\n]*'
    r"|[\[\]{}]|(?<![\w.-])[0-9][0-9_]{" + str(MAX_DIGITS) + ",}"
)
_TOML_POSITION = re.compile(r"\(at line (\d+), column (\d+)\)")


@cache
def schema_for(kind: FileKind) -> dict[str, Any]:
    with resource_path("schemas", f"{kind}.schema.json").open(encoding="utf-8") as handle:
        loaded: dict[str, Any] = json.load(handle)
    return loaded


def kind_of(path: Path) -> FileKind:
    """The kind a file is read as: by its folder, else by what it contains."""
    if path.parent.name in FOLDERS:
        return FOLDERS[path.parent.name]
    try:
        text = read_limited(path, MAX_TOOLKIT_BYTES).decode("utf-8", errors="replace")
    except OSError:
        return "casus"
    if re.search(r"^\s*\[\[\s*steps\s*\]\]", text, re.MULTILINE):
        return "programme"
    if re.search(r"^\s*\[\[\s*(roles|themes|obstacles|offers)\s*\]\]", text, re.MULTILINE):
        return "catalogue"
    return "casus"


def read_toolkit_file(
    path: Path, kind: FileKind, origin: Origin = "shipped"
) -> tuple[list[Entry], list[FileProblem]]:
    """The entries a file holds, or no entries and the problem that makes it unusable."""
    try:
        raw = read_limited(path, MAX_TOOLKIT_BYTES)
    except OSError as error:
        reason = error.strerror or str(error)
        message = _("cannot be read: {reason}").format(reason=reason)
        return [], [FileProblem(path, 1, "(file)", message)]
    return parse_toolkit_bytes(raw, path, kind, origin)


def parse_toolkit_bytes(
    raw: bytes, path: Path, kind: FileKind, origin: Origin = "shipped"
) -> tuple[list[Entry], list[FileProblem]]:
    """What :func:`read_toolkit_file` makes of bytes already read (a file in a package):
    the entries, or none and the problem, named by ``path``."""

    def problem(line: int, key: str, message: str) -> tuple[list[Entry], list[FileProblem]]:
        return [], [FileProblem(path, line, key, message)]

    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        return problem(
            line,
            "(file)",
            _("not UTF-8 text (byte 0x{byte:02x}); save the file as UTF-8").format(
                byte=raw[error.start]
            ),
        )
    hostile = _hostile_part(text)
    if hostile is not None:
        return problem(*hostile)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        reason = str(error)
        position = _TOML_POSITION.search(reason)
        line = int(position.group(1)) if position else 1
        reason = _TOML_POSITION.sub("", reason).strip()
        return problem(line, "(file)", _("not valid TOML: {reason}").format(reason=reason))
    lines = key_lines(text)
    known_good = passed_when_shipped(raw, kind)
    found = None if known_good else first_schema_problem(schema_for(kind), data)
    if found is None:
        found_parts, message = _rule_problem(kind, data)
    else:
        found_parts, message = found.parts, found.message
    if message:
        return problem(line_of(lines, found_parts), dotted(found_parts), message)
    return _entries(kind, data, Source(path, origin, known_good)), []


def _hostile_part(text: str) -> tuple[int, str, str] | None:
    """(line, key, message) for nesting or an integer ``tomllib`` cannot take, else None."""
    depth = 0
    for token in _TOML_TOKEN.finditer(text):
        found = token.group()
        line = text.count("\n", 0, token.start()) + 1
        if found[0].isdigit():
            message = _("a number of {count} digits; at most {limit} fit")
            return line, "(file)", message.format(count=len(found), limit=MAX_DIGITS)
        if found in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                message = _("nested more than {limit} deep").format(limit=MAX_DEPTH)
                return line, "(file)", message
        elif found in "]}":
            depth -= 1
    return None


def _rule_problem(kind: FileKind, data: dict[str, Any]) -> tuple[Sequence[PathPart], str]:
    """Rules a schema cannot say: ids unique within the file."""
    lists = {
        "programme": ["steps", "timeline"],
        "catalogue": ["roles", "themes", "obstacles", "offers"],
        "casus": [],
    }[kind]
    for name in lists:
        seen: set[str] = set()
        for index, item in enumerate(data.get(name, [])):
            if item["id"] in seen:
                return (name, index, "id"), _("duplicate id {id!r}").format(id=item["id"])
            seen.add(item["id"])
    return (), ""


def _timeline_item(data: dict[str, Any]) -> TimelineItem:
    return TimelineItem(
        id=data["id"],
        title=data["title"],
        offset=data["offset"],
        unit=OffsetUnit(data.get("unit", "days")),
        who=Arranger(data.get("who", "organiser")),
    )


def _entries(kind: FileKind, data: dict[str, Any], source: Source) -> list[Entry]:
    if kind == "programme":
        steps = tuple(Step.from_dict(step) for step in data["steps"])
        return [
            Programme(
                id=data["id"],
                title=data["title"],
                description=data.get("description", ""),
                learning_goals=tuple(data.get("learning_goals", ())),
                timeline=tuple(_timeline_item(item) for item in data.get("timeline", [])),
                steps=steps,
                source=source,
            )
        ]
    if kind == "casus":
        return [
            CasusFile(
                id=data["id"],
                title=data["title"],
                setting=data.get("setting", ""),
                text=data["text"],
                question=data["question"],
                themes=tuple(data.get("themes", [])),
                figures=tuple(Figure(**figure) for figure in data.get("figures", [])),
                source=source,
            )
        ]
    roles: list[Entry] = [Role(**role, source=source) for role in data.get("roles", [])]
    themes: list[Entry] = [ThemeEntry(**theme, source=source) for theme in data.get("themes", [])]
    obstacles: list[Entry] = [
        Obstacle(**obstacle, source=source) for obstacle in data.get("obstacles", [])
    ]
    offers: list[Entry] = [
        Offer(
            **{key: value for key, value in offer.items() if key not in ("source", "themes")},
            themes=tuple(offer.get("themes", ())),
            reference=offer["source"],
            source=source,
        )
        for offer in data.get("offers", [])
    ]
    return roles + themes + obstacles + offers
