"""From the database to the two sheets about people: the *wie is wie* for the participants and the
*factsheet voor de huisarts* of one organisation on the sociale kaart.

The command line and the window both come through here: the target is refused before anything
is read or drawn when it is a file the app owns (``export_targets``), and the PDF is written
atomically. The factsheet takes each offer's description and themes from the toolkit's
catalogue of offers when the toolkit at hand has it; without it the names stored in the
session still print.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from worksession.domain.factsheet import Factsheet, OfferDescription, factsheet
from worksession.domain.who_is_who import WhoIsWho, who_is_who
from worksession.programmes.model import Library
from worksession.storage.database import Database
from worksession.storage.document import read_document
from worksession.workflows.export_targets import check_export_target, write_export


def catalogue_offers(library: Library) -> dict[str, OfferDescription]:
    """The toolkit's offers by catalogue id, their themes by title.

    The catalogue of offers (``sessions/catalogues/``) is read by the toolkit loader as
    ``library.offers``; a loader without it gives no descriptions, only the stored names. Its
    entries are read by attribute so that a trainer's extra fields change nothing here.
    """
    entries: Mapping[str, object] = getattr(library, "offers", None) or {}
    themes = {key: theme.title for key, theme in library.themes.items()}
    return {
        key: OfferDescription(
            name=str(getattr(entry, "name", "") or key),
            kind=str(getattr(entry, "kind", "") or ""),
            description=" ".join(str(getattr(entry, "description", "") or "").split()),
            themes=tuple(themes.get(str(t), str(t)) for t in getattr(entry, "themes", ()) or ()),
        )
        for key, entry in entries.items()
    }


def who_is_who_bytes(sheet: WhoIsWho) -> bytes:
    """The sheet drawn (reportlab loads here, not with this module)."""
    from worksession.export.pdf.who_is_who import who_is_who_pdf

    return who_is_who_pdf(sheet)


def factsheet_bytes(sheet: Factsheet) -> bytes:
    """The sheet drawn (reportlab loads here, not with this module)."""
    from worksession.export.pdf.factsheet import factsheet_pdf

    return factsheet_pdf(sheet)


def write_who_is_who(*, db: Database, session_id: int, out: Path) -> None:
    """Write the *wie is wie* of the session to ``out``."""
    check_export_target(out, database=db.path)
    document = read_document(db=db, session_id=session_id)
    write_export(out, who_is_who_bytes(who_is_who(document)), database=db.path)


def write_factsheet(
    *, db: Database, session_id: int, stakeholder: str, out: Path, library: Library
) -> None:
    """Write the factsheet of the stakeholder keyed ``stakeholder`` to ``out``; an unknown key
    raises ``UnknownStakeholder`` before anything is written."""
    check_export_target(out, database=db.path)
    document = read_document(db=db, session_id=session_id)
    sheet = factsheet(document, stakeholder, catalogue_offers(library))
    write_export(out, factsheet_bytes(sheet), database=db.path)
