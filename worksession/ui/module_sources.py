"""Keep PySide6's import hook from holding the source text of every module imported after it.

Once loaded, PySide6 replaces Python's ``__import__`` to support ``from __feature__ import …``.
After each import the hook asks whether the new module mentions "PySide6" in its source
(``shibokensupport.feature._mod_uses_pyside``), and reads that source with
``inspect.getsource``, which keeps every line in ``linecache``: some 600 modules and 12 million
characters for the app, tens of megabytes that nothing reads again. The hook's question is still
answered the same way here (the app uses no ``__feature__``, but PySide6's own bookkeeping stays
as it was); only the lines it read from files are dropped again. ``linecache`` is a cache: a
traceback that wants such a line reads the file again. Lines that exist only in the cache (code
SQLAlchemy generates registers its text there) are left alone.
"""

from __future__ import annotations

import linecache
import sys
from collections.abc import Callable
from types import ModuleType

import PySide6.QtCore  # noqa: F401 - installs the import hook this module tames

FEATURE_MODULE = "shibokensupport.feature"
_HOOK = "_mod_uses_pyside"


def forget_module_sources() -> bool:
    """Make PySide6's import hook drop the source it reads, and drop what it kept so far.

    Returns whether the hook was found (a PySide6 without it keeps nothing to drop)."""
    feature = sys.modules.get(FEATURE_MODULE)
    asks: Callable[[ModuleType], bool] | None = getattr(feature, _HOOK, None)
    if feature is None or asks is None:
        return False
    if not getattr(asks, "forgets_sources", False):
        setattr(feature, _HOOK, _forgetting(asks))
    _drop_files(set(linecache.cache))  # what the hook read before now
    return True


def _drop_files(names: set[str]) -> None:
    """Drop the cached lines of ``names`` that were read from a file (and can be again)."""
    for name in names:
        entry = linecache.cache.get(name)
        # (size, mtime, lines, path) for a file; generated code has no mtime, a lazy entry is a
        # 1-tuple (a loader's function, holding no text yet).
        if entry is not None and len(entry) == 4 and entry[1] is not None:
            linecache.cache.pop(name, None)


def _forgetting(asks: Callable[[ModuleType], bool]) -> Callable[[ModuleType], bool]:
    def uses_pyside(module: ModuleType) -> bool:
        kept = set(linecache.cache)
        try:
            return asks(module)
        finally:
            # What appeared while the hook read the module; a line another thread cached
            # meanwhile goes too, and is read from its file again when it is wanted.
            _drop_files(set(linecache.cache) - kept)

    uses_pyside.forgets_sources = True  # type: ignore[attr-defined]
    return uses_pyside
