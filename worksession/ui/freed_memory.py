"""Give memory the app has freed back to the system, where the C library can.

Python returns freed objects to its allocator, and glibc's ``malloc`` keeps the pages for later
rather than handing them back: after a window lets go of its preview and fonts the process
stays as large as before. ``malloc_trim`` hands back what is free (about 8 MB after a session
window with a preview closes). Elsewhere (another C library, another system) it does nothing.
"""

from __future__ import annotations

import ctypes
import gc


def give_back_freed_memory() -> bool:
    """Collect garbage, then return the free memory to the system; False where that is not
    possible here."""
    gc.collect()  # on the calling thread: the GUI thread (see ``ui.background``)
    return trim_freed_memory()


def trim_freed_memory() -> bool:
    """Return the memory already freed to the system, without collecting garbage first (which
    takes some 50 ms): after a plan is drawn or its pages rasterised in a worker thread, whose
    own ``malloc`` arena keeps what the drawing let go of (about 2 MB off the demo walk's peak).
    A few microseconds; False where it is not possible here."""
    try:
        trim = ctypes.CDLL(None).malloc_trim
    except (OSError, AttributeError):  # not glibc
        return False
    trim.argtypes = [ctypes.c_size_t]
    trim.restype = ctypes.c_int
    trim(0)
    return True
