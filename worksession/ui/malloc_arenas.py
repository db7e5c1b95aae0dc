"""One ``malloc`` arena for all the app's threads, on glibc.

glibc gives a thread that allocates while another holds the lock an arena of its own (up to
eight per core), and what is freed in one arena serves only that arena: the plan drawn in a
worker thread, pdfium's pages and the exports each leave free memory in theirs that the window
cannot reuse, and the process grows by the sum. With one arena what any thread frees serves
every other (about 1.5 MB off the demo walk's peak). The threads then take turns for the
allocator's lock, which Python's own allocations do under the GIL anyway. Set when this
package is imported, before the QApplication and any thread of Qt's or of the app's own: a
thread that allocated before keeps an arena of its own, and later threads would share it.
Elsewhere (another C library, another system) nothing changes.
"""

from __future__ import annotations

import ctypes

M_ARENA_MAX = -8  # glibc's <malloc.h>


def use_one_arena() -> bool:
    """Ask glibc for one arena from now on; False where that is not possible here."""
    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):  # not glibc
        return False
    mallopt.argtypes = [ctypes.c_int, ctypes.c_int]
    mallopt.restype = ctypes.c_int
    return bool(mallopt(M_ARENA_MAX, 1))
