"""The standalone build's ``worksession`` program: the window, or a command (as from source)."""

from worksession.launch import main

if __name__ == "__main__":
    raise SystemExit(main())
