"""Where the app finds its shipped files: in a checkout, an installed wheel, the standalone build.

The standalone build (PyInstaller, ``packaging/worksession.spec``) unpacks the files beside its
programs, in the same layout as the wheel (``worksession/_resources``, ``worksession/_sessions``),
under the folder PyInstaller names ``sys._MEIPASS``.
"""

from __future__ import annotations

import sys
from pathlib import Path

# The worksession package: this module sits one folder below it, in support/.
_SOURCE_PACKAGE = Path(__file__).resolve().parents[1]


def frozen() -> bool:
    """Whether this is the standalone build rather than Python running the package."""
    return bool(getattr(sys, "frozen", False))


def package_dir() -> Path:
    """The worksession package's folder; in the standalone build, its copy among the build's
    files (which holds no source, only the files the app reads: resources, toolkit, migrations)."""
    if frozen():
        bundle = getattr(sys, "_MEIPASS", None)
        base = Path(bundle) if bundle else Path(sys.executable).resolve().parent
        return base / "worksession"
    return _SOURCE_PACKAGE


def _first_existing(*candidates: Path) -> Path:
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    return candidates[-1]


def resources_dir() -> Path:
    """``resources/``: inside the package when installed or built, beside it in a checkout."""
    package = package_dir()
    return _first_existing(package / "_resources", package.parent / "resources")


def sessions_dir() -> Path:
    """``sessions/``: the toolkit's programmes and casus as shipped."""
    package = package_dir()
    return _first_existing(package / "_sessions", package.parent / "sessions")


def migrations_dir() -> Path:
    """The Alembic migrations (``env.py``, ``versions/``), which Alembic reads as files."""
    return package_dir() / "storage" / "migrations"


def resource_path(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)
