"""The Qt user interface: the only package that imports PySide6."""

from worksession.ui.module_sources import forget_module_sources

# First thing once PySide6 is loaded: from here on its import hook keeps no module's source.
forget_module_sources()
