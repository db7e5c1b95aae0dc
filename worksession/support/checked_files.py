"""The shipped files that passed their schema, known by the SHA-256 of their bytes.

Checking a file against its JSON Schema loads jsonschema (with referencing, rpds and attrs about
3 MB, for as long as the app runs) only to say again what the tests say of every shipped file.
So ``resources/schemas/checked-files.txt`` lists the digest and kind of each shipped toolkit file
and of the demo session, and a file whose bytes have one of those digests skips the schema check
(its own rules are still checked): the same bytes against the same schema give the same answer.
Any other file — the trainer's own, a shipped file someone edited, a file to import — is checked
in full. ``tests/support/test_checked_files.py`` keeps the list equal to the shipped files and
checks each of them against its schema; it prints the new list when a shipped file changes.
"""

from __future__ import annotations

import hashlib
from functools import cache

from worksession.support.paths import resource_path

CHECKED_FILES = ("schemas", "checked-files.txt")


def passed_when_shipped(data: bytes, kind: str) -> bool:
    """Whether ``data`` is byte for byte a shipped file of ``kind`` that passed its schema."""
    return _checked().get(hashlib.sha256(data).hexdigest()) == kind


@cache
def _checked() -> dict[str, str]:
    """Digest → kind, read from the list; an unreadable list checks every file in full."""
    try:
        text = resource_path(*CHECKED_FILES).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return {}
    checked: dict[str, str] = {}
    for line in text.splitlines():
        fields = line.split()
        if len(fields) == 3 and not line.startswith("#"):
            digest, kind, _name = fields
            checked[digest] = kind
    return checked


def listing(files: list[tuple[bytes, str, str]]) -> str:
    """The list's text for ``files`` (bytes, kind, name): what ``CHECKED_FILES`` holds."""
    lines = [
        "# SHA-256, kind and name of each shipped file that passed its schema; a file with these",
        "# bytes is not checked against its schema again (worksession/support/checked_files.py).",
        "# When a shipped file changes, tests/support/test_checked_files.py prints the new list.",
    ]
    lines += [f"{hashlib.sha256(data).hexdigest()}  {kind}  {name}" for data, kind, name in files]
    return "\n".join(lines) + "\n"
