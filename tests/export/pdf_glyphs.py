"""What a PDF made by reportlab actually draws with each embedded TrueType subset: for every
character code its ToUnicode map names, the glyph the embedded font file maps it to.

reportlab gives a character that its font lacks the glyph 0 (.notdef, an empty box) in the
subset it embeds; this reads that back from the file itself, so a test can prove no such box is
drawn without trusting the code that chose the fonts.
"""

from __future__ import annotations

import io
import re
import struct
from typing import Any, NamedTuple

from pypdf import PdfReader
from pypdf.generic import ContentStream


class Drawn(NamedTuple):
    font: str  # the embedded font's base name, e.g. "AAAAAA+NotoSansSC-Regular"
    char: str
    glyph: int  # 0 is .notdef


def drawn_glyphs(data: bytes) -> list[Drawn]:
    """Every character the pages of ``data`` show in an embedded TrueType subset, with the
    glyph that subset's font file gives it (read from the text operators of each page)."""
    reader = PdfReader(io.BytesIO(data))
    fonts: dict[int, tuple[str, dict[int, int], dict[int, str]]] = {}
    result = []
    for page in reader.pages:
        resources = page["/Resources"].get("/Font", {})
        current = None
        for operands, operator in ContentStream(page.get_contents(), reader).operations:
            if operator == b"Tf":
                current = resources.raw_get(operands[0])  # the reference, to read each once
            elif operator in (b"Tj", b"'", b'"', b"TJ") and current is not None:
                if current.idnum not in fonts:
                    fonts[current.idnum] = _read_font(current.get_object())
                name, glyphs, chars = fonts[current.idnum]
                strings = operands[0] if operator == b"TJ" else operands[-1:]
                for part in strings:
                    if isinstance(part, (bytes, str)):
                        for code in _codes(part):
                            result.append(Drawn(name, chars.get(code, ""), glyphs.get(code, 0)))
    return result


def _read_font(font: Any) -> tuple[str, dict[int, int], dict[int, str]]:
    name = str(font["/BaseFont"]).lstrip("/")
    if "/FontDescriptor" not in font:
        raise AssertionError(f"{name} is not embedded")
    glyphs = _cmap_format_6(font["/FontDescriptor"]["/FontFile2"].get_data())
    return name, glyphs, _to_unicode(font["/ToUnicode"].get_data())


def _codes(part: bytes | str) -> bytes:
    """The string operand's bytes as written: pypdf decodes text strings, keeping the original."""
    return part if isinstance(part, bytes) else bytes(part.original_bytes)  # type: ignore[attr-defined]


def _cmap_format_6(program: bytes) -> dict[int, int]:
    """Code → glyph of the one format-6 cmap reportlab writes into each subset."""
    (tables,) = struct.unpack_from(">H", program, 4)
    for index in range(tables):
        tag, _checksum, offset, _length = struct.unpack_from(">4sIII", program, 12 + 16 * index)
        if tag == b"cmap":
            (subtable,) = struct.unpack_from(">I", program, offset + 8)
            start = offset + subtable
            fmt, _size, _language, first, count = struct.unpack_from(">5H", program, start)
            assert fmt == 6, fmt
            ids = struct.unpack_from(f">{count}H", program, start + 10)
            return {first + position: glyph for position, glyph in enumerate(ids)}
    raise AssertionError("no cmap in the embedded font")


def _to_unicode(cmap: bytes) -> dict[int, str]:
    text = cmap.decode("latin-1")
    result: dict[int, str] = {}
    for block in re.findall(r"beginbfchar(.*?)endbfchar", text, re.S):
        for code, target in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            result[int(code, 16)] = bytes.fromhex(target).decode("utf-16-be")
    for block in re.findall(r"beginbfrange(.*?)endbfrange", text, re.S):
        for low, high, target in re.findall(
            r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block
        ):
            base = int(target, 16)
            for offset, code in enumerate(range(int(low, 16), int(high, 16) + 1)):
                result[code] = chr(base + offset)
    return result
