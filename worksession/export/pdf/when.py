"""Times as a reader in the Netherlands reads them, whatever the zone of the computer.

Stored times are UTC. The plan prints them in Dutch time (Europe/Amsterdam, summer time
included) — fixed, not the zone of the laptop that draws the page, because the same payload must
give the same page on every computer (that is what ``verify`` relies on).
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

PLAN_ZONE = "Europe/Amsterdam"


@cache
def _zone() -> ZoneInfo:
    return ZoneInfo(PLAN_ZONE)


def zone_problem() -> str:
    """Why Dutch time cannot be told on this computer ('' when it can)."""
    try:
        _zone()
    except (ZoneInfoNotFoundError, ValueError, OSError) as error:
        return f"this computer has no time-zone data for {PLAN_ZONE} ({error})"
    return ""


def local(utc_iso: str) -> dt.datetime:
    """An ISO time in UTC as Dutch local time."""
    return dt.datetime.fromisoformat(utc_iso).astimezone(_zone())


def local_minute(utc_iso: str) -> str:
    """``19-11-2026 15:03`` in Dutch time, or a dash for no time."""
    return local(utc_iso).strftime("%d-%m-%Y %H:%M") if utc_iso else "–"


def local_day(utc_iso: str) -> str:
    """``19-11-2026`` in Dutch time."""
    return local(utc_iso).strftime("%d-%m-%Y")
