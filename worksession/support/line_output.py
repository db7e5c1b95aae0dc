"""Text for line-oriented output: one record per line, fields split by tabs, nothing raw.

Titles, names and paths come from imported files and toolkit files the user did not write. Sent
to a terminal as they are, an ESC sequence could recolour or clear it or retitle the window, a
TAB or newline would break the one-line, tab-separated records scripts read, and a bidi override
would make a line read other than it is. Every line the command line prints goes through here.

Backslashes are left as they are, so Windows paths stay readable; the escapes are for reading,
not for decoding back.
"""

from __future__ import annotations

_NAMED = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}
# C0 and DEL, C1, the line and paragraph separators (splitlines() breaks on them) and the bidi
# embeddings, overrides and isolates.
_CONTROL = [
    *range(0x00, 0x20),
    *range(0x7F, 0xA0),
    0x2028,
    0x2029,
    *range(0x202A, 0x202F),
    *range(0x2066, 0x206A),
]


def _escape(code: int) -> str:
    character = chr(code)
    if character in _NAMED:
        return _NAMED[character]
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


_TABLE = {code: _escape(code) for code in _CONTROL}


def one_line(text: object) -> str:
    """``text`` as one line with every control character written as an escape (``\\x1b``)."""
    return str(text).translate(_TABLE)


def record(*fields: object) -> str:
    """One tab-separated line; a tab inside a field cannot split it."""
    return "\t".join(one_line(field) for field in fields)


def text_lines(text: str) -> str:
    """A multi-line text (``show``, ``overview``) with each of its lines made safe.

    Only ``\\n`` ends a line here; any other line break inside a line is escaped.
    """
    ending = "\n" if text.endswith("\n") else ""
    body = text[: -len(ending)] if ending else text
    return "\n".join(one_line(line) for line in body.split("\n")) + ending
