"""The session's calendar files (``.ics``): the plan's dates, and the session as an invitation.

Both are made under one identity and one set of rules (``CalendarIdentity``), so a calendar
treats every file the app writes alike: a UID that is the session's own on this laptop and no
other's, a SEQUENCE that rises with every change of the session, and a DTSTAMP of that change,
so the same session exported twice gives the same bytes.

The plan's calendar holds all-day events: the werkgroep's next meeting, the evaluation, the
follow-up session (when one is planned) and each agreement's due date. Importing it again
must update those events, never add them twice, so each has a UID made of the session's
identity and the record's key (an agreement's key, not its number: the numbers follow the
dates and change with them), and a SEQUENCE and DTSTAMP taken from the session's last change.
That change time is part of the session's data: the same session exported twice gives the same
bytes, and any change to it gives every event a higher SEQUENCE, which calendars read as "this
is the newer version" (an event that did not change is simply written again unchanged).
SEQUENCE counts seconds, as DTSTAMP does: two changes within one second count as one.

The invitation (the invitation dialog's ``.ics``) is one event, the session itself: its title,
date, start and end in Dutch local time (all day when the start is not known), its place, and
the invitation text as the description. Its UID is the record ``invitation`` of the same
identity, apart from every UID of the plan's calendar; a later invitation of the same session
updates the event. The text the coach adjusts in the dialog is not stored with the session, so
it does not raise the SEQUENCE: an invitation sent again after a change of the session does.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event

from worksession import __version__
from worksession.domain.interchange import Document
from worksession.domain.values import AgreementStatus
from worksession.export.record_lists import Names, agreements_in_order, names_of
from worksession.i18n import _

if TYPE_CHECKING:
    from worksession.export.programme_sheet import ProgrammeSheet

PRODID = f"-//worksession//worksession {__version__}//NL"
DOMAIN = "worksession"
# SEQUENCE counts seconds from here to the session's last change: it only ever rises, and fits
# the 31 bits calendars keep until 2088.
SEQUENCE_EPOCH = dt.datetime(2020, 1, 1, tzinfo=dt.UTC)
SUMMARY_LENGTH = 80
ZONE = "Europe/Amsterdam"  # a session's times are Dutch local times


@dataclass(frozen=True)
class CalendarIdentity:
    """What makes this session's events its own, across exports and laptops.

    ``session`` is unique to the session and the same on every laptop (its UUID, e.g.
    ``session-0b8e…``); ``changed`` is its last change, timezone-aware."""

    session: str
    changed: dt.datetime

    def uid(self, record: str) -> str:
        return f"{record}.{self.session}@{DOMAIN}"

    @property
    def stamp(self) -> dt.datetime:
        return self.changed.astimezone(dt.UTC).replace(microsecond=0)

    @property
    def sequence(self) -> int:
        return max(0, int((self.stamp - SEQUENCE_EPOCH).total_seconds()))


def _date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:  # not a date: no event rather than a wrong one
        return None


def _short(text: str) -> str:
    line = text.strip().splitlines()[0] if text.strip() else ""
    return line if len(line) <= SUMMARY_LENGTH else line[: SUMMARY_LENGTH - 1].rstrip() + "…"


def _calendar(identity: CalendarIdentity, record: str, name: str) -> Calendar:
    return Calendar.new(
        uid=identity.uid(record),  # its own, not a random one: the same session, the same bytes
        prodid=PRODID,
        name=name,
        method="PUBLISH",
        calscale="GREGORIAN",
    )


def _event(
    identity: CalendarIdentity,
    record: str,
    *,
    start: dt.date | dt.datetime,
    end: dt.date | dt.datetime,
    summary: str,
    description: str,
    location: str = "",
    busy: bool = False,
) -> Event:
    """The one way an event is made: the identity's UID for ``record``, its DTSTAMP and
    SEQUENCE, and whether the time is ``busy``."""
    event = Event.new(
        uid=identity.uid(record),
        stamp=identity.stamp,
        sequence=identity.sequence,
        start=start,
        end=end,
        summary=summary,
        description=description,
        location=location or None,
    )
    # A due date or a meeting day marks the day without making it busy; the session is busy.
    event.add("transp", "OPAQUE" if busy else "TRANSPARENT")
    return event


def _all_day(
    identity: CalendarIdentity, record: str, day: dt.date, summary: str, description: str
) -> Event:
    return _event(
        identity,
        record,
        start=day,
        end=day + dt.timedelta(days=1),
        summary=summary,
        description=description,
    )


def _where(document: Document) -> str:
    header = document["session"]
    return header.get("wijk") or header["title"]


def _agreement_events(
    document: Document, identity: CalendarIdentity, names: Names
) -> Iterator[Event]:
    header = document["session"]
    for agreement in agreements_in_order(document):
        day = _date(agreement.get("due"))
        if day is None:
            continue
        number = names.numbers.get(agreement["key"], "")
        partners = ", ".join(names.person(key) for key in agreement.get("partners", []))
        status = AgreementStatus(agreement.get("status", "open")).label
        lines = [
            agreement["what"],
            "",
            f"{_('Lead')}: {names.person(agreement.get('lead')) or '–'}",
            f"{_('Partners')}: {partners or '–'}",
            f"{_('How we see it worked')}: {agreement.get('indicator') or '–'}",
            f"{_('Status')}: {status}",
            "",
            header["title"],
        ]
        yield _all_day(
            identity,
            f"agreement-{agreement['key']}",
            day,
            _("{number} due: {what}").format(number=number, what=_short(agreement["what"])),
            "\n".join(lines),
        )


def _follow_up_events(
    document: Document,
    identity: CalendarIdentity,
    names: Names,
    follow_up_session: dt.date | None,
) -> Iterator[Event]:
    follow_up = document.get("follow_up", {})
    title = document["session"]["title"]
    where = _where(document)
    members = ", ".join(names.person(key) for key in follow_up.get("werkgroep", []))
    kartrekker = names.person(follow_up.get("kartrekker"))
    people = f"{_('Kartrekker')}: {kartrekker or '–'}\n{_('Werkgroep')}: {members or '–'}"
    meeting = _date(follow_up.get("next_meeting"))
    if meeting is not None:
        yield _all_day(
            identity,
            "next-meeting",
            meeting,
            _("Werkgroep meeting: {wijk}").format(wijk=where),
            f"{people}\n\n{title}",
        )
    evaluation = _date(follow_up.get("evaluation"))
    if evaluation is not None:
        yield _all_day(
            identity,
            "evaluation",
            evaluation,
            _("Evaluation of the collaboration plan: {wijk}").format(wijk=where),
            f"{people}\n\n{title}",
        )
    if follow_up_session is not None:
        yield _all_day(
            identity,
            "follow-up-session",
            follow_up_session,
            _("Follow-up session: {wijk}").format(wijk=where),
            _("Half a year later: how did the agreements of {title} go?").format(title=title),
        )


def plan_calendar_bytes(
    document: Document,
    identity: CalendarIdentity,
    *,
    follow_up_session: dt.date | None = None,
) -> bytes:
    """The plan's dates as all-day events (meetings first, then the agreements in the plan's
    order); a date not set is left out. ``follow_up_session`` is the date of the
    follow-up session made from this one, when it has one."""
    names = names_of(document)
    calendar = _calendar(identity, "plan-dates", document["session"]["title"])
    for event in _follow_up_events(document, identity, names, follow_up_session):
        calendar.add_component(event)
    for event in _agreement_events(document, identity, names):
        calendar.add_component(event)
    return bytes(calendar.to_ical())


def invitation_calendar_bytes(
    sheet: ProgrammeSheet, identity: CalendarIdentity, *, description: str
) -> bytes:
    """The session as one event to invite its participants with (``sheet`` is its programme,
    ``sheet_of_session``; ``description`` the invitation text). ``ValueError`` when the
    session has no date: there is nothing to put in a calendar."""
    if sheet.date is None:
        raise ValueError("an invitation without a date has no event")
    end = sheet.end()
    start: dt.date | dt.datetime
    if sheet.start is not None and end is not None:
        zone = ZoneInfo(ZONE)
        start = dt.datetime.combine(sheet.date, sheet.start, tzinfo=zone)
        stop: dt.date | dt.datetime = dt.datetime.combine(sheet.date, end, tzinfo=zone)
        if stop <= start:  # a session that runs past midnight ends the next day
            stop += dt.timedelta(days=1)
    else:
        start, stop = sheet.date, sheet.date + dt.timedelta(days=1)
    calendar = _calendar(identity, "invitation-file", sheet.title)
    calendar.add_component(
        _event(
            identity,
            "invitation",
            start=start,
            end=stop,
            summary=sheet.title,
            description=description,
            location=sheet.location,
            busy=True,
        )
    )
    calendar.add_missing_timezones()  # the VTIMEZONE of Europe/Amsterdam, from tzdata
    return bytes(calendar.to_ical())
