"""An invite list file (CSV or XLSX) read into what it would add and what it refuses.

Shared by the app and the command line: the file is read and every row checked before the
database is touched, so a refused file, or a refused row the coach does not want to skip,
leaves everything as it was. A file that cannot be read at all is refused naming the file.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from worksession.domain.people_import import (
    MAX_ROWS,
    InviteList,
    Refusal,
    read_invite_list,
    without_listed,
)
from worksession.domain.roles import RoleCatalogue
from worksession.domain.validation import ValidationError
from worksession.i18n import _
from worksession.support.bounded_read import RefusedFile
from worksession.support.table_file import TableRefused, read_table

FILE_TYPES = ("*.csv", "*.xlsx", "*.txt")


class PeopleFileRefused(ValueError):
    """A file that cannot be read as an invite list; the message names the file."""


def read_people_file(
    path: Path,
    roles: RoleCatalogue | None = None,
    listed: Sequence[Mapping[str, Any]] = (),
) -> InviteList:
    """The invite list in ``path``; ``PeopleFileRefused`` when the file cannot be read.

    With ``roles``, a person without a domain whose role the catalogue names ("huisarts")
    gets the catalogue's domain, as a typed role does. A person in ``listed`` (the session's
    participants) is refused as already on the list."""
    try:
        rows = read_table(path, max_rows=MAX_ROWS + 1)
        invite = without_listed(read_invite_list(rows), listed)
    except (TableRefused, RefusedFile) as error:
        raise PeopleFileRefused(f"{path}: {error}") from error
    except ValidationError as error:
        raise PeopleFileRefused(f"{path}: {error.message}") from error
    except OSError as error:
        raise PeopleFileRefused(f"{path}: {error.strerror or error}") from error
    if roles is not None:
        for person in invite.people:
            if not person.get("domain"):
                person["domain"] = roles.domain_of(str(person.get("role", "")))
    return invite


def refusal_line(refusal: Refusal) -> str:
    """One refused cell as a line: row, column, value and why (the value once)."""
    if repr(refusal.value) in refusal.reason:
        return _("row {row}: {column}: {reason}").format(
            row=refusal.row, column=refusal.column, reason=refusal.reason
        )
    return _("row {row}: {column}: {value!r}: {reason}").format(
        row=refusal.row, column=refusal.column, value=refusal.value, reason=refusal.reason
    )
