"""Check a toolkit package in memory: its manifest against its entries, and every file as
``worksession check`` checks it (schema and rules), before anything is written anywhere.

The manifest must list every entry and nothing else, each with the size and SHA-256 of its
bytes and the ids the file holds; the package must hold exactly the programme and casus the
manifest names. The first problem refuses the package with ``RefusedPackage`` naming the entry.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from worksession.i18n import _
from worksession.programmes.model import CasusFile, Programme
from worksession.programmes.package_entries import RefusedPackage, read_entries
from worksession.programmes.package_format import FORMAT, MANIFEST, VERSION, PackedFile
from worksession.programmes.parsing import FOLDERS, Entry, parse_toolkit_bytes

MANIFEST_KEYS = {"format", "version", "programme", "casus", "files"}
FILE_KEYS = {"name", "kind", "ids", "size", "sha256"}


@dataclass(frozen=True)
class CheckedFile:
    """A file of a package that passed every check, with the entries it holds."""

    packed: PackedFile
    entries: tuple[Entry, ...]


@dataclass(frozen=True)
class CheckedPackage:
    programme: str
    casus: tuple[str, ...]
    files: tuple[CheckedFile, ...]


def read_package(data: bytes) -> CheckedPackage:
    """The package in ``data`` once every check passed; else ``RefusedPackage``."""
    entries = read_entries(data)
    if MANIFEST not in entries:
        raise RefusedPackage(MANIFEST, _("missing; this is no toolkit package"))
    content = _manifest(entries.pop(MANIFEST))
    listed = {item["name"]: item for item in content["files"]}
    for name in sorted(entries):
        if name not in listed:
            raise RefusedPackage(
                name, _("in the zip but not in {manifest}").format(manifest=MANIFEST)
            )
    files = []
    for name, item in sorted(listed.items()):
        if name not in entries:
            raise RefusedPackage(
                name, _("in {manifest} but not in the zip").format(manifest=MANIFEST)
            )
        files.append(_checked(item, entries[name]))
    return _complete(content, files)


def _refuse_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    seen: dict[str, Any] = {}
    for key, value in pairs:
        if key in seen:
            raise RefusedPackage(MANIFEST, _("the key {key!r} is given twice").format(key=key))
        seen[key] = value
    return seen


def _manifest(raw: bytes) -> dict[str, Any]:
    try:
        content = json.loads(raw.decode("utf-8"), object_pairs_hook=_refuse_duplicate_keys)
    except RefusedPackage:
        raise
    except (UnicodeDecodeError, ValueError, RecursionError) as error:
        raise RefusedPackage(
            MANIFEST, _("not valid JSON ({reason})").format(reason=error)
        ) from error
    wrong = _("{key}: {value!r} is not what a toolkit package of this app holds")
    if not isinstance(content, dict) or set(content) != MANIFEST_KEYS:
        keys = sorted(content) if isinstance(content, dict) else type(content).__name__
        raise RefusedPackage(MANIFEST, wrong.format(key=_("keys"), value=keys))
    for key, expected in (("format", FORMAT), ("version", VERSION)):
        if content[key] != expected or type(content[key]) is not type(expected):
            raise RefusedPackage(MANIFEST, wrong.format(key=key, value=content[key]))
    if not isinstance(content["programme"], str):
        raise RefusedPackage(MANIFEST, wrong.format(key="programme", value=content["programme"]))
    if not _strings(content["casus"]):
        raise RefusedPackage(MANIFEST, wrong.format(key="casus", value=content["casus"]))
    files = content["files"]
    if not isinstance(files, list):
        raise RefusedPackage(MANIFEST, wrong.format(key="files", value=files))
    for item in files:
        if not (
            isinstance(item, dict)
            and set(item) == FILE_KEYS
            and isinstance(item["name"], str)
            and isinstance(item["kind"], str)
            and _strings(item["ids"])
            and type(item["size"]) is int
            and isinstance(item["sha256"], str)
        ):
            raise RefusedPackage(MANIFEST, wrong.format(key="files", value=item))
    names = [item["name"] for item in files]
    if len(set(names)) != len(names):
        raise RefusedPackage(MANIFEST, _("a file is listed twice in files"))
    return content


def _strings(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(item, str) for item in value)


def _checked(item: dict[str, Any], data: bytes) -> CheckedFile:
    name = item["name"]
    if item["size"] != len(data):
        raise RefusedPackage(
            name,
            _("{manifest} says {listed} bytes, the file has {actual}").format(
                manifest=MANIFEST, listed=item["size"], actual=len(data)
            ),
        )
    if item["sha256"] != hashlib.sha256(data).hexdigest():
        raise RefusedPackage(
            name,
            _("its SHA-256 is not the one in {manifest}; the file was changed").format(
                manifest=MANIFEST
            ),
        )
    folder = PurePosixPath(name).parent.name
    kind = FOLDERS[folder]
    if item["kind"] != kind:
        raise RefusedPackage(
            name,
            _("{manifest} says kind {listed!r}, the folder {folder}/ holds {kind!r}").format(
                manifest=MANIFEST, listed=item["kind"], folder=folder, kind=kind
            ),
        )
    entries, problems = parse_toolkit_bytes(data, Path(name), kind, "user")
    if problems:
        problem = problems[0]
        raise RefusedPackage(name, f"{problem.line}: {problem.key}: {problem.message}")
    ids = [entry.id for entry in entries]
    if item["ids"] != ids:
        raise RefusedPackage(
            name,
            _("{manifest} says it holds {listed}, the file holds {actual}").format(
                manifest=MANIFEST, listed=item["ids"], actual=ids
            ),
        )
    packed = PackedFile(name=name, kind=kind, ids=tuple(ids), data=data)
    return CheckedFile(packed, tuple(entries))


def _complete(content: dict[str, Any], files: list[CheckedFile]) -> CheckedPackage:
    """The programme and casus the manifest names are the ones the package holds, and no id
    is held twice (the toolkit would refuse the second file)."""
    held: dict[tuple[str, str], str] = {}
    for checked in files:
        for entry in checked.entries:
            other = held.setdefault((type(entry).__name__, entry.id), checked.packed.name)
            if other != checked.packed.name:
                raise RefusedPackage(
                    checked.packed.name,
                    _("id {id!r} is used already by {other}").format(id=entry.id, other=other),
                )
    programmes = [e.id for f in files for e in f.entries if isinstance(e, Programme)]
    casus = sorted(e.id for f in files for e in f.entries if isinstance(e, CasusFile))
    if programmes != [content["programme"]]:
        raise RefusedPackage(
            MANIFEST,
            _("names the programme {listed!r}, the package holds {actual}").format(
                listed=content["programme"], actual=programmes
            ),
        )
    if sorted(content["casus"]) != casus:
        raise RefusedPackage(
            MANIFEST,
            _("names the casus {listed}, the package holds {actual}").format(
                listed=sorted(content["casus"]), actual=casus
            ),
        )
    return CheckedPackage(content["programme"], tuple(casus), tuple(files))
