"""Where the app finds its shipped files, in a checkout and in an installed wheel alike."""

from __future__ import annotations

from pathlib import Path

# The worksession package: this module sits one folder below it, in support/.
_PACKAGE = Path(__file__).resolve().parents[1]
_CHECKOUT = _PACKAGE.parent


def _first_existing(*candidates: Path) -> Path:
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    return candidates[-1]


def resources_dir() -> Path:
    """``resources/``: inside the package when installed, beside it in a checkout."""
    return _first_existing(_PACKAGE / "_resources", _CHECKOUT / "resources")


def sessions_dir() -> Path:
    """``sessions/``: the toolkit's programmes and casus as shipped."""
    return _first_existing(_PACKAGE / "_sessions", _CHECKOUT / "sessions")


def resource_path(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)
