"""Dates written out as people read them in an invitation or a warning: "maandag 12 januari
2027" in Dutch, "Monday 12 January 2027" in English.

Not ``strftime("%A %d %B")``: that speaks the language of the computer's locale, not the one the
coach chose, and setting the locale is process-wide (the PDF is drawn in another thread).
"""

from __future__ import annotations

import datetime as dt

from worksession.i18n import N_, _

WEEKDAYS = (
    N_("Monday"),
    N_("Tuesday"),
    N_("Wednesday"),
    N_("Thursday"),
    N_("Friday"),
    N_("Saturday"),
    N_("Sunday"),
)
MONTHS = (
    N_("January"),
    N_("February"),
    N_("March"),
    N_("April"),
    N_("May"),
    N_("June"),
    N_("July"),
    N_("August"),
    N_("September"),
    N_("October"),
    N_("November"),
    N_("December"),
)


def long_date(day: dt.date) -> str:
    """``maandag 12 januari 2027``: weekday, day, month and year in the current language."""
    return _("{weekday} {day} {month} {year}").format(
        weekday=_(WEEKDAYS[day.weekday()]),
        day=day.day,
        month=_(MONTHS[day.month - 1]),
        year=day.year,
    )
