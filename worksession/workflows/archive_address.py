"""The team archive's address as the coach types it in the settings: checked before it is
stored, and shown everywhere without its password.

The archive is a worksession database on the team's PostgreSQL server; a typo (a path, a
scheme of another database, a URL that does not parse) is said at once in the settings, naming
the field and the value, instead of at the first publish, minutes later, as "unreachable".
"""

from __future__ import annotations

from urllib.parse import unquote

from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from worksession.i18n import N_, _
from worksession.storage.engine import to_url
from worksession.storage.server import is_server, where

FIELD = N_("Team archive")  # the label the settings show the address under
EXAMPLE = "postgresql://coach@db.example.org/teamarchief"


def archive_problem(text: str) -> str | None:
    """Why ``text`` cannot be the team archive's address, naming the field and the value; None
    when it can (an empty text means: no team archive)."""
    address = text.strip()
    if not address:
        return None
    shown = shown_address(address)
    if "://" not in address:
        reason = _("a server's address starts with postgresql://, for example {example}")
    else:
        try:
            parsed = make_url(to_url(address))
        except ArgumentError:
            parsed = None
        if parsed is None or not parsed.database:
            reason = _("this is not a complete address, for example {example}")
        elif not is_server(to_url(address)):
            reason = _("the team archive is a PostgreSQL database: postgresql://…, e.g. {example}")
        else:
            return None
    return _("{field}: “{value}” cannot be used: {reason}").format(
        field=_(FIELD), value=shown, reason=reason.format(example=EXAMPLE)
    )


def shown_address(address: str) -> str:
    """``address`` as the window may show it: without a password."""
    # Unquoted: a socket folder in the query (``host=/run/postgresql``) reads as typed.
    return unquote(where(to_url(address))) if "://" in address else address
