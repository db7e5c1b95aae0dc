"""The session itself as a calendar invitation (``.ics``), for the invitation dialog.

One event: the session's title, date, start and end (all day when the start time is not known),
place and the invitation text as its description. Its UID is the session's, so importing a
later version updates the event instead of adding a second one.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

ZONE = "Europe/Amsterdam"  # the session's times are Dutch local times


def session_invitation_ics(
    *,
    session_id: int,
    title: str,
    day: dt.date,
    start: dt.time | None,
    end: dt.time | None,
    location: str,
    description: str,
    stamp: dt.datetime,
) -> bytes:
    """The calendar file; ``stamp`` is when it was made (UTC), given so tests get fixed bytes."""
    # Loaded when an invitation is made, not with the session window that offers it: icalendar
    # and dateutil are some 90 modules and 3 MB (as ``workflows.data_export`` does for its files).
    from icalendar import Calendar, Event

    calendar = Calendar()
    calendar.add("prodid", "-//worksession//invitation//NL")
    calendar.add("version", "2.0")
    event = Event()
    event.add("uid", f"session-{session_id}@worksession")
    event.add("dtstamp", stamp.astimezone(dt.UTC))
    event.add("summary", title)
    if start is not None and end is not None:
        zone = ZoneInfo(ZONE)
        event.add("dtstart", dt.datetime.combine(day, start, tzinfo=zone))
        event.add("dtend", dt.datetime.combine(day, end, tzinfo=zone))
    else:
        event.add("dtstart", day)
        event.add("dtend", day + dt.timedelta(days=1))
    if location:
        event.add("location", location)
    event.add("description", description)
    calendar.add_component(event)
    calendar.add_missing_timezones()
    data: bytes = calendar.to_ical()
    return data
