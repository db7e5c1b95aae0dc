"""worksession: lead a neighbourhood health work session and produce its collaboration plan."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("worksession")
except PackageNotFoundError:  # running from a checkout that is not installed
    __version__ = "0.0.0"
