"""The few calls into pdfium the plan preview makes: open a PDF held in memory, read its page
sizes, draw a page into an image.

pypdfium2 ships pdfium, and binds all of its API with ctypes when it is imported: over a
thousand function prototypes and structures, about 3.5 MB for as long as the app runs, for a
preview that calls a dozen functions. So the preview binds those itself, in pypdfium2's own
copy of the library (beside its ``pypdfium2_raw`` package, which is not imported). A page is
drawn as pypdfium2's ``render`` draws it by default: annotations drawn, on a white page, as BGR
pixels (a test compares the pixels).

pdfium is one library state per process and not thread-safe: callers hold one lock
(``pdf_preview``). Initialising it twice is harmless (pdfium returns at once when it already
is), so pypdfium2 may be used beside this, as the tests do.
"""

from __future__ import annotations

import ctypes
import importlib.util
import math
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import Any

ANNOTATIONS = 0x01  # FPDF_ANNOT: draw the annotations, as pypdfium2 does by default
BGR = 2  # FPDFBitmap_BGR: three bytes a pixel, blue first
WHITE = 0xFFFFFFFF  # the page's background, ARGB
# pdfium's FPDF_GetLastError codes, in pypdfium2's words.
ERRORS = {
    1: "Unknown error",
    2: "File access error",
    3: "Data format error",
    4: "Incorrect password error",
    5: "Unsupported security scheme error",
    6: "Page not found or content error",
}

PageSize = tuple[float, float]
Document = ctypes.c_void_p


class PdfiumError(Exception):
    """pdfium could not read the PDF or one of its pages."""


class _Config(ctypes.Structure):
    """FPDF_LIBRARY_CONFIG, version 2: no extra font paths, no JavaScript engine."""

    _fields_ = (
        ("version", ctypes.c_int),
        ("m_pUserFontPaths", ctypes.c_void_p),
        ("m_pIsolate", ctypes.c_void_p),
        ("m_v8EmbedderSlot", ctypes.c_uint),
    )


class _SizeF(ctypes.Structure):
    _fields_ = (("width", ctypes.c_float), ("height", ctypes.c_float))


_void_p, _int = ctypes.c_void_p, ctypes.c_int
# name: (result, arguments)
_PROTOTYPES: dict[str, tuple[Any, list[Any]]] = {
    "FPDF_InitLibraryWithConfig": (None, [ctypes.POINTER(_Config)]),
    "FPDF_LoadMemDocument64": (_void_p, [ctypes.c_char_p, ctypes.c_size_t, ctypes.c_char_p]),
    "FPDF_GetLastError": (ctypes.c_ulong, []),
    "FPDF_GetPageCount": (_int, [_void_p]),
    "FPDF_GetPageSizeByIndexF": (_int, [_void_p, _int, ctypes.POINTER(_SizeF)]),
    "FPDF_CloseDocument": (None, [_void_p]),
    "FPDF_LoadPage": (_void_p, [_void_p, _int]),
    "FPDF_GetPageWidthF": (ctypes.c_float, [_void_p]),
    "FPDF_GetPageHeightF": (ctypes.c_float, [_void_p]),
    "FPDF_ClosePage": (None, [_void_p]),
    "FPDFBitmap_CreateEx": (_void_p, [_int, _int, _int, _void_p, _int]),
    "FPDFBitmap_FillRect": (None, [_void_p, _int, _int, _int, _int, ctypes.c_ulong]),
    "FPDFBitmap_Destroy": (None, [_void_p]),
    "FPDF_RenderPageBitmap": (None, [_void_p, _void_p, _int, _int, _int, _int, _int, _int]),
}


def library_path() -> Path:
    """pypdfium2's copy of pdfium, found without importing its bindings."""
    spec = importlib.util.find_spec("pypdfium2_raw")
    if spec is None or not spec.submodule_search_locations:
        raise PdfiumError("pdfium (pypdfium2) is not installed")
    folder = Path(next(iter(spec.submodule_search_locations)))
    if sys.platform.startswith(("win32", "cygwin", "msys")):
        name = "pdfium.dll"
    elif sys.platform.startswith(("darwin", "ios")):
        name = "libpdfium.dylib"
    else:
        name = "libpdfium.so"
    return folder / name


class _Pdfium:
    """The bound functions, by name; the library is initialised once bound."""

    def __init__(self, library: ctypes.CDLL) -> None:
        self._functions: dict[str, Callable[..., Any]] = {}
        for name, (result, arguments) in _PROTOTYPES.items():
            # Indexing makes a function object of our own: pypdfium2's prototypes, on the
            # library's attributes should it be loaded too, stay as they are.
            function = library[name]
            function.restype, function.argtypes = result, arguments
            self._functions[name] = function
        self("FPDF_InitLibraryWithConfig", ctypes.byref(_Config(version=2)))

    def __call__(self, name: str, *arguments: Any) -> Any:
        return self._functions[name](*arguments)


@cache
def _pdfium() -> _Pdfium:
    return _Pdfium(ctypes.CDLL(str(library_path())))


@contextmanager
def opened(data: bytes) -> Iterator[Document]:
    """The PDF in ``data`` opened by pdfium for the block (``data`` must outlive it)."""
    pdfium = _pdfium()
    document = pdfium("FPDF_LoadMemDocument64", data, len(data), None)
    if not document or pdfium("FPDF_GetPageCount", document) < 1:
        error = pdfium("FPDF_GetLastError")
        if document:
            pdfium("FPDF_CloseDocument", document)
        reason = ERRORS.get(error, f"error {error}")
        raise PdfiumError(f"Failed to load document (PDFium: {reason}).")
    try:
        yield document
    finally:
        pdfium("FPDF_CloseDocument", document)


def page_sizes(document: Document) -> list[PageSize]:
    """The width and height of every page, in points."""
    pdfium = _pdfium()
    sizes = []
    for index in range(pdfium("FPDF_GetPageCount", document)):
        size = _SizeF()
        if not pdfium("FPDF_GetPageSizeByIndexF", document, index, ctypes.byref(size)):
            raise PdfiumError(f"Failed to get the size of page {index + 1}.")
        sizes.append((size.width, size.height))
    return sizes


def draw_page(
    document: Document, index: int, scale: float, into: Callable[[int, int], tuple[Any, int]]
) -> None:
    """Draw page ``index`` at ``scale`` pixels per point into the pixels ``into(width,
    height)`` gives: a writable buffer of BGR rows, and the bytes per row."""
    pdfium = _pdfium()
    page = pdfium("FPDF_LoadPage", document, index)
    if not page:
        raise PdfiumError(f"Failed to load page {index + 1}.")
    try:
        width = math.ceil(pdfium("FPDF_GetPageWidthF", page) * scale)
        height = math.ceil(pdfium("FPDF_GetPageHeightF", page) * scale)
        pixels, stride = into(width, height)
        buffer = (ctypes.c_ubyte * (stride * height)).from_buffer(pixels)
        bitmap = pdfium("FPDFBitmap_CreateEx", width, height, BGR, buffer, stride)
        if not bitmap:
            raise PdfiumError(f"Failed to make a bitmap for page {index + 1}.")
        try:
            pdfium("FPDFBitmap_FillRect", bitmap, 0, 0, width, height, WHITE)
            pdfium("FPDF_RenderPageBitmap", bitmap, page, 0, 0, width, height, 0, ANNOTATIONS)
        finally:
            pdfium("FPDFBitmap_Destroy", bitmap)
    finally:
        pdfium("FPDF_ClosePage", page)
