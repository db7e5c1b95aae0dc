"""A session as an interchange document (``worksession/1``) and back: read and import.

Database ids never leave this package: records are linked by their keys in the document. Each
table's fields are declared once (``records.py``, built from ``fields.py``); ``reading.py`` and
``writing.py`` both walk those declarations.
"""

from __future__ import annotations

from worksession.storage.document.reading import (
    RowsRead,
    read_document,
    read_document_in,
    read_working_copy,
)
from worksession.storage.document.writing import import_document, import_document_in

__all__ = [
    "RowsRead",
    "import_document",
    "import_document_in",
    "read_document",
    "read_document_in",
    "read_working_copy",
]
