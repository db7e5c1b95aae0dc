"""The README's developer tree names every top-level module and package of worksession/, and
nothing that is gone: a newcomer finds a module there first, so the tree must not drift."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "worksession"
# An entry of the tree: two spaces, then the name; deeper-indented lines continue a description.
ENTRY = re.compile(r"^  (?P<name>[^\s]+)(?:\s|$)")


def _tree_block(readme: str) -> list[str]:
    """The lines of the fenced block that starts with ``worksession/``."""
    lines = readme.splitlines()
    start = lines.index("worksession/")
    assert lines[start - 1] == "```", "the developer tree is a fenced block opening on worksession/"
    end = lines.index("```", start)
    return lines[start + 1 : end]


def listed_in_readme(readme: str) -> set[str]:
    names = set()
    for line in _tree_block(readme):
        if not line.startswith("  "):
            break  # resources/, sessions/ …: outside the package
        match = ENTRY.match(line)
        if match:
            names.add(match["name"])
    return names


def present_in_package() -> set[str]:
    modules = {path.name for path in PACKAGE.glob("*.py") if path.name != "__init__.py"}
    packages = {f"{path.name}/" for path in PACKAGE.iterdir() if (path / "__init__.py").is_file()}
    return modules | packages


def test_the_tree_lists_every_top_level_module_and_package() -> None:
    listed = listed_in_readme((ROOT / "README.md").read_text(encoding="utf-8"))
    present = present_in_package()
    assert sorted(present - listed) == [], "in worksession/ but not in the README's tree"
    assert sorted(listed - present) == [], "in the README's tree but not in worksession/"


def test_entries_are_read_not_their_wrapped_descriptions() -> None:
    """Wrapped descriptions and the folders after the package are no entries."""
    readme = (
        "```\nworksession/\n  app.py        the root\n                a wrapped description\n"
        "  ui/           Qt\nresources/      files\n```\n"
    )
    assert listed_in_readme(readme) == {"app.py", "ui/"}
