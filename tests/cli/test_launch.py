"""The quick path of the ``worksession`` command: only a plain window start skips the parser."""

from __future__ import annotations

import pytest

from worksession.launch import main, window_options


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        ([], (None, False)),
        (["--db", "x.sqlite3"], ("x.sqlite3", False)),
        (["--db=sqlite:///x.sqlite3", "--measure-startup"], ("sqlite:///x.sqlite3", True)),
        (["--measure-startup", "--db", "y"], ("y", True)),
    ],
)
def test_a_window_start_is_recognised(argv: list[str], expected: tuple[str | None, bool]) -> None:
    assert window_options(argv) == expected


@pytest.mark.parametrize(
    "argv", [["--db"], ["--db", "--measure-startup"], ["--help"], ["list"], ["--db", "x", "list"]]
)
def test_anything_else_goes_to_the_full_parser(argv: list[str]) -> None:
    assert window_options(argv) is None


def test_a_mistake_is_named_by_the_full_parser(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["--db"])
    assert stopped.value.code == 2
    assert "--db" in capsys.readouterr().err
