"""The Qt user interface: the only package that imports PySide6."""

from worksession.ui.malloc_arenas import use_one_arena
from worksession.ui.module_sources import forget_module_sources

# First thing once PySide6 is loaded: from here on its import hook keeps no module's source.
forget_module_sources()
# Before QApplication starts Qt's threads (see ui.malloc_arenas).
use_one_arena()
