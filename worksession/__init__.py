"""worksession: lead a neighbourhood health work session and produce its collaboration plan."""

# The single source of the version (the build reads it from here): a literal, because asking
# importlib.metadata costs tens of milliseconds on every start.
__version__ = "0.1.0"
