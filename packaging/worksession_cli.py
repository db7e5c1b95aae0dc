"""The standalone build's ``worksession-cli`` program: the commands, with a console on Windows."""

from worksession.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
