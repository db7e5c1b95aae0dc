"""The programme PDF for an accreditation request, from the toolkit (``worksession overview``)
or from a session (the app): the programme's title, description and learning goals come from the
toolkit file; a session's steps are its own copy, as it was prepared."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from worksession.domain.document_types import InterchangeDocument
from worksession.export.programme_sheet import (
    ProgrammeSheet,
    sheet_of_programme,
    sheet_of_session,
)
from worksession.programmes.model import Library, Programme


def programme_sheet(
    programme: Programme, *, start: dt.time | None = None, coach: str = ""
) -> ProgrammeSheet:
    sheet = sheet_of_programme(programme, start=start, learning_goals=programme.learning_goals)
    return replace(sheet, coach=coach) if coach else sheet


def session_sheet(document: InterchangeDocument, library: Library) -> ProgrammeSheet:
    """The sheet of a session; the toolkit's programme adds its title and learning goals while
    the toolkit still has it (a session keeps only a copy of the steps)."""
    programme = library.programmes.get(document["session"].get("programme", ""))
    if programme is None:
        return sheet_of_session(document)
    return sheet_of_session(
        document,
        programme_title=programme.title,
        description=programme.description,
        learning_goals=programme.learning_goals,
    )


def programme_pdf_bytes(sheet: ProgrammeSheet) -> bytes:
    """The sheet drawn (reportlab loads here, not with this module)."""
    from worksession.export.pdf.programme import programme_pdf

    return programme_pdf(sheet)
