"""Attach a file to a PDF while reportlab writes it.

Reportlab has no call for embedded files, so this builds the objects the PDF format asks for
(an embedded file stream, its file specification, and the document's EmbeddedFiles name tree)
with reportlab's own PDF objects. It saves reading the finished PDF back and writing it again
with pypdf only to add the file, which took about a tenth of the export. Readers (and pypdf's
``PdfReader.attachments``, which ``verify`` uses) find the file as they would any attachment.
"""

from __future__ import annotations

from reportlab.pdfbase.pdfdoc import PDFArray, PDFDictionary, PDFName, PDFStream, PDFString
from reportlab.pdfgen.canvas import Canvas


def embed_file(canvas: Canvas, name: str, data: bytes) -> None:
    """List ``data`` as the document's attached file ``name``; call before the canvas saves.

    The document gets this one attachment: it replaces any name tree the catalog had (reportlab
    itself keeps named destinations elsewhere, in the outline entries).
    """
    document = canvas._doc
    # No filters: stored as is, uncompressed, as pypdf attached it before.
    stream = PDFStream(PDFDictionary({"Type": PDFName("EmbeddedFile")}), data)
    spec = PDFDictionary(
        {
            "Type": PDFName("Filespec"),
            "F": PDFString(name),
            "EF": PDFDictionary({"F": document.Reference(stream)}),
        }
    )
    tree = PDFDictionary({"Names": PDFArray([PDFString(name), document.Reference(spec)])})
    document.Catalog.Names = PDFDictionary({"EmbeddedFiles": document.Reference(tree)})
