"""Run the command line in-process and catch what it prints."""

from __future__ import annotations

import pytest

from worksession.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Exit code, standard output and standard error of ``worksession *argv``."""
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err
