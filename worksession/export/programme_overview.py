"""A programme as a printable overview with the duration of each part.

Organisers attach it to an accreditation request, which asks for the time spent on each part;
steps outside the session itself (0 minutes) are listed separately.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import Protocol

from worksession.i18n import _


# What the overview reads of a programme, so export need not know how programmes are loaded
# (a programme of the toolkit, ``programmes.model.Programme``, has all of it).
class OutlineStep(Protocol):
    @property
    def title(self) -> str: ...
    @property
    def minutes(self) -> int: ...
    @property
    def werkvorm(self) -> str: ...
    @property
    def purpose(self) -> str: ...
    @property
    def kind(self) -> str: ...


class Outline(Protocol):
    @property
    def title(self) -> str: ...
    @property
    def description(self) -> str: ...
    @property
    def steps(self) -> Sequence[OutlineStep]: ...
    @property
    def total_minutes(self) -> int: ...


_CLOCK = re.compile(r"^([01]?\d|2[0-3])[:.]([0-5]\d)$")


def parse_clock(text: str) -> dt.time | None:
    match = _CLOCK.match(text.strip())
    return dt.time(int(match.group(1)), int(match.group(2))) if match else None


def duration_text(minutes: int) -> str:
    hours, rest = divmod(minutes, 60)
    if not hours:
        return _("{minutes} min").format(minutes=rest)
    return _("{hours} h {minutes:02d} min").format(hours=hours, minutes=rest)


def overview_text(programme: Outline, *, start: dt.time | None = None) -> str:
    """Title, total time, and a table of the session's parts (with clock times from ``start``)."""
    timed = [step for step in programme.steps if step.minutes > 0]
    untimed = [step for step in programme.steps if step.minutes == 0]
    lines = [
        programme.title,
        "=" * len(programme.title),
        _("Total duration: {duration} ({minutes} minutes)").format(
            duration=duration_text(programme.total_minutes), minutes=programme.total_minutes
        ),
    ]
    if programme.description:
        lines += ["", programme.description.strip()]
    lines.append("")
    clock = dt.datetime.combine(dt.date(2000, 1, 1), start) if start else None
    title_width = max((len(step.title) for step in timed), default=10)
    for number, step in enumerate(timed, start=1):
        when = ""
        if clock is not None:
            end = clock + dt.timedelta(minutes=step.minutes)
            when = f"{clock:%H:%M}–{end:%H:%M}  "
            clock = end
        werkvorm = f"  ({step.werkvorm})" if step.werkvorm else ""
        lines.append(
            f"{number:>2}. {when}{step.minutes:>4} min  {step.title:<{title_width}}{werkvorm}"
        )
    if untimed:
        lines += ["", _("Before and after the session:")]
        lines += [f"    – {step.title}" for step in untimed]
    return "\n".join(lines) + "\n"
