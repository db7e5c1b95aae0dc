"""The entries of a toolkit package as bytes, read from a zip someone else made without letting
it hurt the app.

Nothing in the zip is trusted: an entry's name could climb out of the toolkit folder (``..``, an
absolute path, a drive letter, a backslash Windows reads as a folder), be a link or a folder,
be listed twice or twice under names a case-insensitive disk takes for one, and its header could
promise a few bytes that inflate to gigabytes. Every name and type is checked before any entry
is inflated, the declared sizes before the first byte, and each entry is then inflated by a
reader that stops past the limit and compares what came out with what the header said (and its
CRC). Any of these refuses the whole package with ``RefusedPackage`` naming the entry.
"""

from __future__ import annotations

import io
import re
import stat
import struct
import unicodedata
import zipfile
import zlib
from collections import Counter

from worksession.i18n import _
from worksession.programmes.package_format import (
    MANIFEST,
    MAX_ENTRIES,
    MAX_ENTRY_BYTES,
    MAX_PACKAGE_BYTES,
    MAX_RATIO,
    MAX_TOTAL_BYTES,
)
from worksession.programmes.parsing import FOLDERS
from worksession.support.bounded_read import size_text

END_OF_DIRECTORY = b"PK\x05\x06"
LOCAL_HEADER = b"PK\x03\x04"
LOCAL_HEADER_SIZE = 30
UTF8_NAMES = 0x800
END_RECORD_SIZE = 22
MAX_COMMENT = 0xFFFF
MAX_NAME = 128
# A toolkit file name every disk can hold: no folder, no hidden file, no control character
# (C0, C1, line separators, bidi embeddings, overrides and isolates: "ab\u202etxt.toml" shows
# as "abtxt.lmot" in the toolkit dialog) and none of the characters Windows refuses in a name,
# ``.toml`` at the end.
_REFUSED = r'/\\:*?"<>|\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069'
_FILE_NAME = re.compile(f"[^.{_REFUSED}][^{_REFUSED}]*\\.toml")
# Names Windows keeps for devices, whatever the extension and with any spaces or dots after
# them ("nul.toml" and "aux .toml" are devices): as Microsoft's naming rules list them.
_DEVICES = {
    "con",
    "prn",
    "aux",
    "nul",
    "conin$",
    "conout$",
    *(
        f"{port}{n}"
        for port in ("com", "lpt")
        for n in [*"0123456789", "\u00b9", "\u00b2", "\u00b3"]
    ),
}
_DRIVE = re.compile(r"^[A-Za-z]:")
MSDOS_DIRECTORY = 0x10
ENCRYPTED = 0x1


class RefusedPackage(ValueError):
    """A package that is not imported: the message names the entry and what is wrong."""

    def __init__(self, entry: str, message: str) -> None:
        super().__init__(f"{entry}: {message}" if entry else message)
        self.entry = entry


def read_entries(data: bytes) -> dict[str, bytes]:
    """Entry name → bytes of every entry, or ``RefusedPackage`` for the first thing wrong."""
    if len(data) > MAX_PACKAGE_BYTES:
        raise RefusedPackage(
            "",
            _("larger than {limit}; no toolkit package is").format(
                limit=size_text(MAX_PACKAGE_BYTES)
            ),
        )
    _refuse_too_many(_declared_count(data))
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except Exception as error:  # zipfile raises many kinds for a damaged file; all mean "no zip"
        raise RefusedPackage(
            "", _("not a zip file, or a damaged one ({reason})").format(reason=error)
        ) from error
    _refuse_too_many(len(infos))
    for info in infos:
        check_name(info.filename)
        _check_kind(info)
    _check_unique([info.filename for info in infos])
    _check_declared_sizes(infos)
    return {info.filename: _inflate(data, info) for info in infos}


def _declared_count(data: bytes) -> int:
    """The entry count the end record declares, read before zipfile builds one object per entry."""
    start = data.rfind(END_OF_DIRECTORY, max(0, len(data) - END_RECORD_SIZE - MAX_COMMENT))
    if start < 0 or len(data) - start < END_RECORD_SIZE:
        raise RefusedPackage("", _("not a zip file, or a damaged one (no end record)"))
    (count,) = struct.unpack_from("<H", data, start + 10)
    return int(count)


def _refuse_too_many(count: int) -> None:
    if count > MAX_ENTRIES:
        raise RefusedPackage(
            "",
            _("{count} entries; a package holds at most {limit}").format(
                count=count, limit=MAX_ENTRIES
            ),
        )


def check_name(name: str) -> None:
    """Refuse a name that could land anywhere but in the toolkit folder, or is no toolkit file
    (``RefusedPackage``); an export checks its names here too."""
    if not name:
        raise RefusedPackage(repr(name), _("an entry without a name"))
    if "\\" in name:
        raise RefusedPackage(name, _("a backslash in the name (a folder on Windows)"))
    if name.startswith("/"):
        raise RefusedPackage(name, _("an absolute path"))
    if _DRIVE.match(name) or ":" in name:
        raise RefusedPackage(name, _("a drive letter or colon in the name"))
    parts = name.split("/")
    if ".." in parts:
        raise RefusedPackage(name, _("the path climbs out of the toolkit folder (..)"))
    if name.endswith("/"):
        raise RefusedPackage(name, _("a folder, not a regular file"))
    if len(name) > MAX_NAME or any(not part or part == "." for part in parts):
        raise RefusedPackage(name, _("not a name a toolkit file has"))
    if name == MANIFEST:
        return
    if (
        len(parts) != 2
        or parts[0] not in FOLDERS
        or not _FILE_NAME.fullmatch(parts[1])
        or parts[1].split(".")[0].rstrip(" ").casefold() in _DEVICES
    ):
        raise RefusedPackage(
            name,
            _("not a toolkit file: a package holds {manifest} and .toml files in {folders}").format(
                manifest=MANIFEST, folders=", ".join(f"{folder}/" for folder in FOLDERS)
            ),
        )


def _check_kind(info: zipfile.ZipInfo) -> None:
    """Only regular files: a link or device entry would be written as one by other tools."""
    mode = info.external_attr >> 16
    # Unix: the upper bits are st_mode. Many tools (zipfile's writestr among them) record only
    # the permissions; no file type reads as a regular file.
    if info.create_system == 3 and stat.S_IFMT(mode):
        if stat.S_ISLNK(mode):
            raise RefusedPackage(info.filename, _("a symbolic link, not a regular file"))
        if not stat.S_ISREG(mode):
            raise RefusedPackage(info.filename, _("not a regular file (a folder, device or pipe)"))
    if info.external_attr & MSDOS_DIRECTORY:
        raise RefusedPackage(info.filename, _("a folder, not a regular file"))
    if info.flag_bits & ENCRYPTED:
        raise RefusedPackage(info.filename, _("encrypted; a package is never encrypted"))
    if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        raise RefusedPackage(
            info.filename,
            _("compressed with method {method}; only deflate is read").format(
                method=info.compress_type
            ),
        )


def _folded(name: str) -> str:
    # One file on a disk that ignores case (Windows, macOS) or normalises Unicode (macOS).
    return unicodedata.normalize("NFC", name).casefold()


def _check_unique(names: list[str]) -> None:
    for name, count in Counter(names).items():
        if count > 1:
            raise RefusedPackage(name, _("listed {count} times in the zip").format(count=count))
    seen: dict[str, str] = {}
    for name in names:
        other = seen.setdefault(_folded(name), name)
        if other != name:
            raise RefusedPackage(
                name,
                _("differs from {other} only in case; on most disks that is one file").format(
                    other=other
                ),
            )


def _check_declared_sizes(infos: list[zipfile.ZipInfo]) -> None:
    total = 0
    for info in infos:
        if info.file_size > MAX_ENTRY_BYTES:
            raise RefusedPackage(
                info.filename,
                _("{size} unpacked; a toolkit file is at most {limit}").format(
                    size=size_text(info.file_size), limit=size_text(MAX_ENTRY_BYTES)
                ),
            )
        if info.file_size > MAX_RATIO * max(info.compress_size, 1) and info.file_size > 1024:
            raise RefusedPackage(
                info.filename,
                _("packed {ratio:.0f} to 1; a zip bomb, not a toolkit file").format(
                    ratio=info.file_size / max(info.compress_size, 1)
                ),
            )
        total += info.file_size
    if total > MAX_TOTAL_BYTES:
        raise RefusedPackage(
            "",
            _("{size} unpacked in all; a package holds at most {limit}").format(
                size=size_text(total), limit=size_text(MAX_TOTAL_BYTES)
            ),
        )


def _inflate(data: bytes, info: zipfile.ZipInfo) -> bytes:
    """The entry's bytes, inflated here from its raw stream rather than through zipfile, whose
    reader stops at the size the header declares: this one stops past the limit, and what came
    out must be exactly what the header says, end where the stream ends and match the CRC."""
    name = info.filename
    start = info.header_offset
    header = data[start : start + LOCAL_HEADER_SIZE]
    if len(header) < LOCAL_HEADER_SIZE or not header.startswith(LOCAL_HEADER):
        raise RefusedPackage(name, _("the zip points at no entry here; the file is damaged"))
    name_length, extra_length = struct.unpack_from("<HH", header, 26)
    local_name = data[start + LOCAL_HEADER_SIZE : start + LOCAL_HEADER_SIZE + name_length]
    encoding = "utf-8" if info.flag_bits & UTF8_NAMES else "cp437"
    if local_name.decode(encoding, errors="replace") != info.orig_filename:
        raise RefusedPackage(name, _("named otherwise in the entry itself; the file is damaged"))
    begin = start + LOCAL_HEADER_SIZE + name_length + extra_length
    raw = data[begin : begin + info.compress_size]
    if len(raw) < info.compress_size:
        raise RefusedPackage(name, _("cut off; the file is incomplete"))
    if info.compress_type == zipfile.ZIP_STORED:
        out, ended = raw, True
    else:
        inflater = zlib.decompressobj(-zlib.MAX_WBITS)
        try:
            out = inflater.decompress(raw, MAX_ENTRY_BYTES + 1)
        except zlib.error as error:
            raise RefusedPackage(
                name, _("cannot be unpacked ({reason})").format(reason=error)
            ) from error
        ended = inflater.eof
    if len(out) > MAX_ENTRY_BYTES:
        raise RefusedPackage(
            name, _("more than {limit} unpacked").format(limit=size_text(MAX_ENTRY_BYTES))
        )
    if not ended or len(out) != info.file_size:
        raise RefusedPackage(
            name,
            _("the zip says {declared} bytes, the entry holds {actual}").format(
                declared=info.file_size, actual=len(out) if ended else _("more")
            ),
        )
    if zlib.crc32(out) != info.CRC:
        raise RefusedPackage(name, _("its CRC does not match; the file is damaged"))
    return out
