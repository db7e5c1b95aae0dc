"""The collaboration plan as a PDF: rendered from a frozen snapshot, self-verifying.

reportlab takes its defaults, once, when it is first imported: from ``RL_*`` environment
variables and from settings files (``reportlab_settings.py`` on the path,
``~/.reportlab_settings``).
Any of them changes the bytes of a plan — a page size, a stream encoding, the spacing of lines —
and a plan must come out the same on every computer, since ``verify`` draws it again to compare.
So every module here reaches reportlab through this package, which imports it with none of them.

reportlab imports Pillow's image module as it loads, for bitmaps; a plan has none, so that module
runs only should something use it (``support.deferred_modules``: about 2 MB less for a window
that draws a plan).
"""

from __future__ import annotations

import os
import sys
import types

from worksession.support.deferred_modules import defer

_SETTINGS_MODULES = ("reportlab_settings", "reportlab.local_rl_settings")


def _import_reportlab_with_its_own_defaults() -> None:
    if "reportlab.rl_config" in sys.modules:
        return  # imported before: by this process's own tests, never by the app
    hidden = {name: os.environ.pop(name) for name in list(os.environ) if name.startswith("RL_")}
    # An empty module where reportlab looks for settings files: it then reads neither them nor
    # ~/.reportlab_settings (which it only reads when reportlab_settings cannot be imported).
    stubs = [name for name in _SETTINGS_MODULES if name not in sys.modules]
    for name in stubs:
        sys.modules[name] = types.ModuleType(name)
    defer("PIL.Image")
    try:
        import reportlab.rl_config  # noqa: F401
    finally:
        os.environ.update(hidden)
        for name in stubs:
            del sys.modules[name]


_import_reportlab_with_its_own_defaults()
