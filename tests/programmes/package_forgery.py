"""Forged toolkit packages, made with the real zipfile module (and a few patched bytes where
zipfile will not write a lie): each returns the bytes of one attack on ``package import``.

The manifest is written here by hand, not by the code under test, so a test of a lie does not
share the liar's idea of what is true.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import stat
import struct
import warnings
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from worksession.support.paths import sessions_dir

PROGRAMME = "programmes/eigen-avond.toml"
CASUS = "casus/eigen-casus.toml"
TIME = (1980, 1, 1, 0, 0, 0)


def own_programme(title: str = "Avond in Heerlen-Noord") -> bytes:
    text = (sessions_dir() / "programmes" / "avondsessie.toml").read_text(encoding="utf-8")
    text = text.replace('id = "avondsessie"', 'id = "eigen-avond"', 1)
    text = text.replace('title = "Avondsessie samenwerken in de wijk"', f'title = "{title}"', 1)
    return text.encode("utf-8")


def own_casus() -> bytes:
    text = (sessions_dir() / "casus" / "mijnstreek.toml").read_text(encoding="utf-8")
    return text.replace('id = "mijnstreek"', 'id = "eigen-casus"', 1).encode("utf-8")


def good_files() -> dict[str, bytes]:
    return {PROGRAMME: own_programme(), CASUS: own_casus()}


def ids_of(name: str) -> list[str]:
    return [name.rsplit("/", 1)[-1].removesuffix(".toml")]


def manifest(files: dict[str, bytes], **changes: Any) -> bytes:
    content: dict[str, Any] = {
        "format": "worksession-toolkit-package",
        "version": 1,
        "programme": "eigen-avond",
        "casus": ["eigen-casus"],
        "files": [
            {
                "name": name,
                "kind": {"programmes": "programme", "casus": "casus"}.get(
                    name.split("/")[0], "catalogue"
                ),
                "ids": ids_of(name),
                "size": len(data),
                "sha256": hashlib.sha256(data).hexdigest(),
            }
            for name, data in sorted(files.items())
        ],
    }
    content.update(changes)
    return json.dumps(content, indent=2).encode("utf-8")


def zipped(entries: list[tuple[str | zipfile.ZipInfo, bytes]]) -> bytes:
    buffer = io.BytesIO()
    with warnings.catch_warnings():  # zipfile warns of a duplicate name; that is the attack
        warnings.simplefilter("ignore")
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, data in entries:
                info = name if isinstance(name, zipfile.ZipInfo) else zipfile.ZipInfo(name, TIME)
                info.compress_type = zipfile.ZIP_DEFLATED
                archive.writestr(info, data)
    return buffer.getvalue()


def package(files: dict[str, bytes] | None = None, **changes: Any) -> bytes:
    """A good package of ``files`` (the own programme and casus), its manifest listing them."""
    files = good_files() if files is None else files
    return zipped([("manifest.json", manifest(files, **changes)), *files.items()])


def _listed_beside(name: str | zipfile.ZipInfo, data: bytes) -> bytes:
    """The good files plus one more entry, listed in the manifest: only the entry is wrong."""
    files = good_files()
    key = name.filename if isinstance(name, zipfile.ZipInfo) else name
    listed = {**files, key: data}
    return zipped([("manifest.json", manifest(listed)), *files.items(), (name, data)])


def traversal() -> bytes:
    return _listed_beside("programmes/../../escaped.toml", own_programme())


def absolute() -> bytes:
    return _listed_beside("/tmp/escaped.toml", own_programme())


def drive_letter() -> bytes:
    return _listed_beside("C:/escaped.toml", own_programme())


def backslash() -> bytes:
    return _listed_beside("programmes\\..\\escaped.toml", own_programme())


def symlink() -> bytes:
    info = zipfile.ZipInfo("casus/link.toml", TIME)
    info.create_system = 3
    info.external_attr = (stat.S_IFLNK | 0o777) << 16
    return _listed_beside(info, b"/etc/passwd")


def folder_entry() -> bytes:
    return _listed_beside("casus/folder.toml/", b"")


def oversize() -> bytes:
    # Just over 1 MB of random-looking comment: no ratio to trip over, only the size.
    filler = hashlib.sha256(b"x").hexdigest() * (1024 * 1024 // 64 + 1)
    data = own_programme() + ("\n# " + filler + "\n").encode()
    return _listed_beside("programmes/groot.toml", data)


def bomb() -> bytes:
    """900 kB of one character: under the size limit, a thousand to one packed."""
    return _listed_beside("casus/bom.toml", b"#" * (900 * 1024))


def lying_bomb() -> bytes:
    """20 MB of zeros whose headers (central and local) declare 1,000 bytes."""
    data = bytearray(_listed_beside("casus/bom.toml", b"\0" * (20 * 1024 * 1024)))
    for start in _headers(data, b"PK\x01\x02"):
        if data[start + 46 : start + 46 + 14] == b"casus/bom.toml":
            struct.pack_into("<I", data, start + 24, 1000)
            local = struct.unpack_from("<I", data, start + 42)[0]
            struct.pack_into("<I", data, local + 22, 1000)
    return bytes(data)


def understated() -> bytes:
    """A header that says 1,000 bytes (with the CRC of what really inflates: 5,000 bytes)."""
    content = b"# " + b"abcdefghij" * 500
    data = bytearray(_listed_beside("casus/klein.toml", content))
    for start in _headers(data, b"PK\x01\x02"):
        if data[start + 46 : start + 46 + 16] == b"casus/klein.toml":
            struct.pack_into("<I", data, start + 24, 1000)
    return bytes(data)


def renamed_inside() -> bytes:
    """The central directory says one name, the entry's own header another."""
    data = bytearray(package())
    local = -1
    for start in _headers(data, b"PK\x03\x04"):
        if data[start + 30 : start + 30 + len(CASUS)] == CASUS.encode():
            local = start
    data[local + 30 : local + 30 + len(CASUS)] = b"casus/eigen-casuX.toml"
    return bytes(data)


def _headers(data: bytearray, signature: bytes) -> list[int]:
    found, start = [], data.find(signature)
    while start >= 0:
        found.append(start)
        start = data.find(signature, start + 1)
    return found


def too_many() -> bytes:
    files = {**good_files(), **{f"casus/c{i:03}.toml": b"#\n" for i in range(300)}}
    return zipped([("manifest.json", manifest(files)), *files.items()])


def wrong_sha256() -> bytes:
    files = good_files()
    listed = json.loads(manifest(files))
    listed["files"][0]["sha256"] = hashlib.sha256(b"other").hexdigest()
    return zipped([("manifest.json", json.dumps(listed).encode()), *files.items()])


def wrong_size() -> bytes:
    files = good_files()
    listed = json.loads(manifest(files))
    listed["files"][1]["size"] += 1
    return zipped([("manifest.json", json.dumps(listed).encode()), *files.items()])


def changed_file() -> bytes:
    """The manifest of the good files, the programme's title changed afterwards."""
    files = good_files()
    changed = {**files, PROGRAMME: own_programme("Avond in Heerlen-Zuid!")}  # same length
    return zipped([("manifest.json", manifest(files)), *changed.items()])


def missing_file() -> bytes:
    files = good_files()
    return zipped([("manifest.json", manifest(files)), (PROGRAMME, files[PROGRAMME])])


def extra_file() -> bytes:
    files = good_files()
    return zipped([("manifest.json", manifest(files)), *files.items(), ("casus/extra.toml", b"")])


def duplicate() -> bytes:
    files = good_files()
    return zipped([("manifest.json", manifest(files)), *files.items(), (CASUS, files[CASUS])])


def case_clash() -> bytes:
    return _listed_beside("casus/Eigen-Casus.toml", own_casus())


def invalid_programme() -> bytes:
    data = own_programme().replace(b'kind = "casus"', b'kind = "quiz"', 1)
    return package({PROGRAMME: data, CASUS: own_casus()})


def no_manifest() -> bytes:
    return zipped(list(good_files().items()))


def manifest_twice_keyed() -> bytes:
    files = good_files()
    text = manifest(files).decode().replace('"version": 1,', '"version": 1, "version": 1,', 1)
    return zipped([("manifest.json", text.encode()), *files.items()])


def other_format() -> bytes:
    return package(format="something-else")


def truncated() -> bytes:
    good = package()
    return good[: len(good) // 2]


def not_a_zip() -> bytes:
    return b"%PDF-1.7\n% this is a plan, not a package\n"


# attack → (what it is, the entry the refusal names, a word of the message)
ATTACKS: dict[str, tuple[Callable[[], bytes], str, str]] = {
    "traversal": (traversal, "programmes/../../escaped.toml", ".."),
    "absolute": (absolute, "/tmp/escaped.toml", "absoluut"),
    "drive letter": (drive_letter, "C:/escaped.toml", "stationsletter"),
    "backslash": (backslash, "programmes\\..\\escaped.toml", "backslash"),
    "symlink": (symlink, "casus/link.toml", "symbolische koppeling"),
    "folder": (folder_entry, "casus/folder.toml/", "map"),
    "oversize": (oversize, "programmes/groot.toml", "1 MB"),
    "bomb": (bomb, "casus/bom.toml", "zipbom"),
    "lying bomb": (lying_bomb, "casus/bom.toml", "MB"),
    "understated": (understated, "casus/klein.toml", "1000 bytes"),
    "renamed inside": (renamed_inside, CASUS, "andere naam"),
    "too many": (too_many, "", "303"),
    "wrong sha256": (wrong_sha256, "casus/eigen-casus.toml", "SHA-256"),
    "wrong size": (wrong_size, PROGRAMME, "bytes"),
    "changed file": (changed_file, PROGRAMME, "SHA-256"),
    "missing file": (missing_file, CASUS, "manifest.json"),
    "extra file": (extra_file, "casus/extra.toml", "manifest.json"),
    "duplicate": (duplicate, CASUS, "2 keer"),
    "case clash": (case_clash, "casus/Eigen-Casus.toml", "hoofdletters"),
    "invalid programme": (invalid_programme, PROGRAMME, "quiz"),
    "no manifest": (no_manifest, "manifest.json", "ontbreekt"),
    "duplicate key": (manifest_twice_keyed, "manifest.json", "version"),
    "other format": (other_format, "manifest.json", "something-else"),
    "truncated": (truncated, "", "zip"),
    "not a zip": (not_a_zip, "", "zip"),
}


def snapshot(folder: Path) -> dict[str, tuple[int, bytes | None]]:
    """Every file and folder below ``folder``: its mode and, for a file, its bytes."""
    found: dict[str, tuple[int, bytes | None]] = {}
    for root, folders, files in os.walk(folder):
        for name in folders + files:
            path = Path(root) / name
            info = path.lstat()
            data = path.read_bytes() if path.is_file() else None
            found[path.relative_to(folder).as_posix()] = (info.st_mode, data)
    return found
