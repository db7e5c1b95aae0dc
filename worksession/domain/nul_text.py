"""Text with a NUL character: no one types it, and PostgreSQL stores none.

A text holding one is refused on every engine, so a session can always move between SQLite
and a server.
"""

from __future__ import annotations

from worksession.i18n import _

NUL = "\x00"


def nul_refusal() -> str:
    return _("contains a NUL character (\\u0000), which no text field can hold")


def nul_path(document: object) -> str | None:
    """The JSON path of the first text in ``document`` holding a NUL character, else None.

    Checked when a document is stored, not when a plan is verified: a plan frozen before NUL
    was refused still verifies."""
    stack: list[tuple[str, object]] = [("$", document)]
    while stack:
        path, node = stack.pop()
        if isinstance(node, str) and NUL in node:
            return path
        if isinstance(node, dict):
            stack.extend(reversed([(f"{path}.{key}", value) for key, value in node.items()]))
        elif isinstance(node, list):
            stack.extend(reversed([(f"{path}[{i}]", value) for i, value in enumerate(node)]))
    return None
