"""A module a library imports as it loads but uses only for what this app never asks of it, run
when it is first used instead.

reportlab imports Pillow's ``PIL.Image`` as it loads, for bitmaps in a PDF, and Pillow's image
core links a dozen shared libraries (JPEG, TIFF, WebP, …): some 2 MB of memory for every window
that draws a plan, which has no bitmap. ``defer`` puts the module in ``sys.modules`` without
running it; the first name anyone reads from it runs it, in place, so whoever uses it then finds
the whole module — the very object an ordinary import gives. Reading a dunder name (``inspect``
and the import machinery look for ``__wrapped__``, ``__path__`` …) does not count as a use.
"""

from __future__ import annotations

import importlib.util
import sys
import threading
from types import ModuleType

# One module runs at a time; a thread that reads a name meanwhile waits for it to finish.
_RUNNING = threading.RLock()


def defer(name: str) -> bool:
    """Put module ``name`` in place, to run when a name is first read from it.

    False when it is imported already, or cannot be found or put off: it then imports as usual.
    Its parent package (``PIL`` for ``PIL.Image``) is imported as usual."""
    if name in sys.modules:
        return False
    try:
        spec = importlib.util.find_spec(name)
    except ModuleNotFoundError:  # its package is missing: the import will say so
        return False
    if spec is None or spec.loader is None or not hasattr(spec.loader, "exec_module"):
        return False
    module = importlib.util.module_from_spec(spec)
    loader = spec.loader
    state = "deferred"

    def __getattr__(attribute: str) -> object:
        nonlocal state
        if attribute.startswith("__") and attribute.endswith("__"):
            raise AttributeError(attribute)
        with _RUNNING:
            if state == "running":  # read by the module itself (or what it imports) as it runs
                raise AttributeError(f"module {name!r} has no attribute {attribute!r} yet")
            if state == "deferred":
                state = "running"
                try:
                    loader.exec_module(module)
                except BaseException:
                    sys.modules.pop(name, None)  # as a failed import: the next one tries again
                    raise
                finally:
                    state = "run"
                    # Gone once run, unless the module defined its own (which then answers).
                    if module.__dict__.get("__getattr__") is __getattr__:
                        del module.__dict__["__getattr__"]
        return getattr(module, attribute)

    module.__dict__["__getattr__"] = __getattr__
    sys.modules[name] = module
    parent, _dot, child = name.rpartition(".")
    if parent:
        setattr(sys.modules[parent], child, module)  # ``from PIL import Image`` finds it
    return True


def has_run(module: ModuleType) -> bool:
    """Whether ``module`` ran: imported as usual, or deferred and used since."""
    hook = module.__dict__.get("__getattr__")
    return getattr(hook, "__module__", None) != __name__
