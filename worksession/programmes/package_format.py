"""The toolkit package: a zip a trainer shares holding a programme, its casus and the catalogues
they need, with a ``manifest.json`` that lists each file with its size and SHA-256.

The same files always give the same bytes: the entries are sorted (the manifest first), every
entry carries the same timestamp, the same permissions and the same compression, and the
manifest holds no date or machine. Two exports of an unchanged toolkit can then be compared
byte for byte, and a package can be checked against a digest someone published.
"""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from dataclasses import dataclass
from typing import Any

from worksession.programmes.parsing import MAX_TOOLKIT_BYTES, FileKind

FORMAT = "worksession-toolkit-package"
VERSION = 1
MANIFEST = "manifest.json"
# The earliest time a zip can hold: no clock or time zone of the machine ends up in the bytes.
FIXED_TIME = (1980, 1, 1, 0, 0, 0)
# A regular file, rw-r--r--, as a Unix zip tool records it (upper 16 bits of the attributes).
FILE_ATTRIBUTES = (0o100644 << 16) & 0xFFFF_FFFF
UNIX = 3  # ZipInfo.create_system: how the permissions above are to be read
COMPRESS_LEVEL = 9

# What an import reads at most. A package of the shipped programme and four casus is ~25 kB;
# these limits leave room for a trainer's whole collection and refuse anything else unread.
MAX_PACKAGE_BYTES = 8 * 1024 * 1024
MAX_ENTRIES = 256
MAX_ENTRY_BYTES = MAX_TOOLKIT_BYTES
MAX_TOTAL_BYTES = 32 * 1024 * 1024
# Toolkit text deflates 3–5 times; a ratio of 100 is a bomb, not a programme.
MAX_RATIO = 100


@dataclass(frozen=True)
class PackedFile:
    """One toolkit file in a package: where it goes, its kind, the ids it holds, its bytes."""

    name: str  # "programmes/avondsessie.toml": the folder in the toolkit and the file name
    kind: FileKind
    ids: tuple[str, ...]
    data: bytes

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


def manifest(programme: str, casus: list[str], files: list[PackedFile]) -> dict[str, Any]:
    """What the package holds, as ``manifest.json`` says it."""
    return {
        "format": FORMAT,
        "version": VERSION,
        "programme": programme,
        "casus": sorted(casus),
        "files": [
            {
                "name": packed.name,
                "kind": packed.kind,
                "ids": list(packed.ids),
                "size": len(packed.data),
                "sha256": packed.sha256,
            }
            for packed in sorted(files, key=lambda packed: packed.name)
        ],
    }


def manifest_bytes(content: dict[str, Any]) -> bytes:
    text = json.dumps(content, ensure_ascii=False, indent=2, sort_keys=True)
    return (text + "\n").encode("utf-8")


def package_bytes(programme: str, casus: list[str], files: list[PackedFile]) -> bytes:
    """The zip of ``files`` with its manifest: the same arguments give the same bytes."""
    entries = [(MANIFEST, manifest_bytes(manifest(programme, casus, files)))]
    entries += sorted((packed.name, packed.data) for packed in files)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=FIXED_TIME)
            info.create_system = UNIX
            info.external_attr = FILE_ATTRIBUTES
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data, compresslevel=COMPRESS_LEVEL)
    return buffer.getvalue()
