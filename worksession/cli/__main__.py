"""``python -m worksession.cli``: the command line, as ``worksession-cli`` runs it."""

from worksession.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
