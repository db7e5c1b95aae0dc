"""The plan's dates as an iCalendar file (``.ics``) of all-day events.

The plan's calendar holds all-day events: the werkgroep's next meeting, the evaluation, the
follow-up session (when one is planned) and each agreement's due date. Importing it again
must update those events, never add them twice, so each has a UID made of the session's
identity and the record's key (an agreement's key, not its number: the numbers follow the
dates and change with them), and a SEQUENCE and DTSTAMP taken from the session's last change.
That change time is part of the session's data: the same session exported twice gives the same
bytes, and any change to it gives every event a higher SEQUENCE, which calendars read as "this
is the newer version" (an event that did not change is simply written again unchanged).
SEQUENCE counts seconds, as DTSTAMP does: two changes within one second count as one.

The session itself, as an invitation, is ``export.session_invitation_ics`` (the invitation
dialog's); its UID is ``session-<id>@worksession``, apart from every UID here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from icalendar import Calendar, Event

from worksession import __version__
from worksession.domain.interchange import Document
from worksession.domain.values import AgreementStatus
from worksession.export.record_lists import Names, agreements_in_order, names_of
from worksession.i18n import _

PRODID = f"-//worksession//worksession {__version__}//NL"
DOMAIN = "worksession"
# SEQUENCE counts seconds from here to the session's last change: it only ever rises, and fits
# the 31 bits calendars keep until 2088.
SEQUENCE_EPOCH = dt.datetime(2020, 1, 1, tzinfo=dt.UTC)
SUMMARY_LENGTH = 80


@dataclass(frozen=True)
class CalendarIdentity:
    """What makes this session's events its own, across exports and laptops.

    ``session`` is unique to the session (its id and the moment it was made, e.g.
    ``session-12-20260301T091500``); ``changed`` is its last change, timezone-aware."""

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


def _all_day(
    identity: CalendarIdentity, record: str, day: dt.date, summary: str, description: str
) -> Event:
    event = Event.new(
        uid=identity.uid(record),
        stamp=identity.stamp,
        sequence=identity.sequence,
        start=day,
        end=day + dt.timedelta(days=1),
        summary=summary,
        description=description,
    )
    # A due date or a meeting day marks the day; it does not make the whole day busy.
    event.add("transp", "TRANSPARENT")
    return event


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
