"""Find the line a key stands on in TOML text, so a problem can be reported as ``file:line``.

``tomllib`` gives values but no positions; this scan covers what toolkit files use: tables,
arrays of tables, ``key = value`` lines (dotted keys too) and multi-line strings.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from worksession.domain.schema_check import PathPart

_TABLE = re.compile(r"^\s*\[\s*([^\[\]]+?)\s*\]\s*(#.*)?$")
_ARRAY_TABLE = re.compile(r"^\s*\[\[\s*([^\[\]]+?)\s*\]\]\s*(#.*)?$")
_KEY = re.compile(r"^\s*([A-Za-z0-9_\-]+(?:\s*\.\s*[A-Za-z0-9_\-]+)*)\s*=")


def _split(dotted: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in dotted.split("."))


def key_lines(text: str) -> dict[tuple[PathPart, ...], int]:
    """Map each key path (``("steps", 2, "minutes")``) to its 1-based line number."""
    lines: dict[tuple[PathPart, ...], int] = {}
    counters: dict[tuple[str, ...], int] = {}
    prefix: tuple[PathPart, ...] = ()
    open_quote: str | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        if open_quote is not None:
            if line.count(open_quote) % 2 == 1:
                open_quote = None
            continue
        if match := _ARRAY_TABLE.match(line):
            name = _split(match.group(1))
            index = counters.get(name, -1) + 1
            counters[name] = index
            prefix = (*name, index)
            lines.setdefault(prefix, number)
            lines.setdefault(name, number)
        elif match := _TABLE.match(line):
            prefix = _split(match.group(1))
            lines.setdefault(prefix, number)
        elif match := _KEY.match(line):
            lines.setdefault((*prefix, *_split(match.group(1))), number)
            for quote in ('"""', "'''"):
                if line.count(quote) % 2 == 1:
                    open_quote = quote
                    break
    return lines


def line_of(lines: dict[tuple[PathPart, ...], int], parts: Sequence[PathPart]) -> int:
    """The line of ``parts`` or of its nearest enclosing key that has one; 1 if none does."""
    path = tuple(parts)
    while path:
        if path in lines:
            return lines[path]
        path = path[:-1]
    return 1


def dotted(parts: Sequence[PathPart]) -> str:
    """``("steps", 2, "minutes")`` → ``steps[2].minutes``; the whole file is ``(file)``."""
    text = ""
    for part in parts:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text or "(file)"
