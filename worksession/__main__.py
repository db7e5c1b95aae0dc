"""``python -m worksession``: the same entry point as the ``worksession`` command."""

from worksession.launch import main

if __name__ == "__main__":
    raise SystemExit(main())
