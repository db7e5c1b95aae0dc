"""Start a session from the toolkit: a programme (its steps copied) and optionally a casus."""

from __future__ import annotations

import datetime as dt
from typing import Any

from worksession.domain.models import WorkSession
from worksession.i18n import _
from worksession.programmes.model import CasusFile, Library, Programme, UnknownToolkitEntry
from worksession.storage.database import Database
from worksession.storage.operations.sessions import create_session


def programme_steps(programme: Programme) -> list[dict[str, Any]]:
    return [step.to_dict() for step in programme.steps]


def casus_seed(casus: CasusFile) -> dict[str, Any]:
    return {
        "title": casus.title,
        "text": casus.text,
        "question": casus.question,
        "figures": [
            {"label": figure.label, "value": figure.value, "source": figure.source}
            for figure in casus.figures
        ],
    }


def find_programme(library: Library, programme_id: str) -> Programme:
    try:
        return library.programmes[programme_id]
    except KeyError:
        known = ", ".join(sorted(library.programmes)) or "–"
        raise UnknownToolkitEntry(
            _("there is no programme {id!r} (available: {known})").format(
                id=programme_id, known=known
            )
        ) from None


def find_casus(library: Library, casus_id: str) -> CasusFile:
    try:
        return library.casus[casus_id]
    except KeyError:
        known = ", ".join(sorted(library.casus)) or "–"
        raise UnknownToolkitEntry(
            _("there is no casus {id!r} (available: {known})").format(id=casus_id, known=known)
        ) from None


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
