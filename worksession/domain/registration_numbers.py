"""The form of a registration number, checked where it is entered, by the register it is in.

A BIG number is text of exactly 11 digits: leading zeros are part of it, so it is never a
number. The quality registers (KNGF, V&VN, KABIZ and others) publish no single form, so their
numbers are only held to a short plain form: letters and digits, with at most a '-' or '.'
between them — enough to refuse a name or a sentence typed in the wrong column, without
inventing rules the registers do not have. An empty number is allowed for every register (not
known yet).
"""

from __future__ import annotations

import re

from worksession.domain.validation import ValidationError
from worksession.domain.values import RegistrationType
from worksession.i18n import _

BIG_DIGITS = 11
PLAIN_MAX = 20
_BIG = re.compile(r"[0-9]{11}")
_PLAIN = re.compile(r"[0-9A-Za-z]+(?:[-.][0-9A-Za-z]+)*")


def registration_problem(register: str, number: str) -> str | None:
    """Why ``number`` is not a number of ``register`` (a ``RegistrationType`` value); None if it
    is. The message quotes the value, so the field's label before it says the rest."""
    if not number:
        return None
    if register == RegistrationType.BIG:
        if _BIG.fullmatch(number):
            return None
        return _("{value!r} is not a BIG number: exactly {count} digits").format(
            value=number, count=BIG_DIGITS
        )
    if len(number) <= PLAIN_MAX and _PLAIN.fullmatch(number):
        return None
    return _(
        "{value!r} is not a registration number: at most {count} letters and digits, "
        "with '-' or '.' between them"
    ).format(value=number, count=PLAIN_MAX)


def check_registration(register: str, number: str) -> None:
    """Raise ``ValidationError`` on ``participant.registration`` for a number of the wrong form."""
    problem = registration_problem(register, number)
    if problem is not None:
        raise ValidationError("participant.registration", problem)
