"""Start a session from the toolkit: a programme (its steps copied) and optionally a casus."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import TypeVar

from worksession.domain.document_types import Casus, ProgrammeStep
from worksession.domain.models import WorkSession
from worksession.i18n import _
from worksession.programmes.model import CasusFile, Library, Programme, UnknownToolkitEntry
from worksession.storage.database import Database
from worksession.storage.operations.sessions import create_session

Entry = TypeVar("Entry", Programme, CasusFile)
DEFAULT_PROGRAMME = "samenwerken-in-de-wijk"  # the dagdeel of the toolkit


def programme_steps(programme: Programme) -> list[ProgrammeStep]:
    return [step.to_dict() for step in programme.steps]


def casus_seed(casus: CasusFile) -> Casus:
    return {
        "title": casus.title,
        "text": casus.text,
        "question": casus.question,
        "figures": [
            {"label": figure.label, "value": figure.value, "source": figure.source}
            for figure in casus.figures
        ],
    }


def _find(entries: Mapping[str, Entry], entry_id: str, message: str) -> Entry:
    try:
        return entries[entry_id]
    except KeyError:
        known = ", ".join(sorted(entries)) or "–"
        raise UnknownToolkitEntry(message.format(id=entry_id, known=known)) from None


def find_programme(library: Library, programme_id: str) -> Programme:
    message = _("there is no programme {id!r} (available: {known})")
    return _find(library.programmes, programme_id, message)


def find_casus(library: Library, casus_id: str) -> CasusFile:
    return _find(library.casus, casus_id, _("there is no casus {id!r} (available: {known})"))


def new_session(
    *,
    db: Database,
    library: Library,
    programme_id: str,
    casus_id: str | None,
    title: str,
    wijk: str = "",
    gemeente: str = "",
    date: dt.date | str | None = None,
) -> WorkSession:
    """A new draft session that keeps a copy of the programme's steps and the casus text."""
    programme = find_programme(library, programme_id)
    casus = find_casus(library, casus_id) if casus_id else None
    return create_session(
        db=db,
        title=title,
        wijk=wijk,
        gemeente=gemeente,
        date=date,
        programme=programme.id,
        programme_steps=programme_steps(programme),
        casus=casus_seed(casus) if casus else None,
    )
