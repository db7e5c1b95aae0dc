"""The team archive's address as typed in the settings: refused with a message naming the
field and the value, and never shown with its password."""

from __future__ import annotations

import pytest

from worksession.workflows.archive_address import archive_problem, shown_address


@pytest.mark.parametrize(
    "address",
    [
        "",
        "   ",
        "postgresql://coach@db.example.org/teamarchief",
        "postgres://coach:geheim@db.example.org:5433/teamarchief",
        "postgresql+psycopg://coach@/teamarchief?host=/run/postgresql",
    ],
)
def test_an_empty_or_postgresql_address_is_accepted(address: str) -> None:
    assert archive_problem(address) is None


@pytest.mark.parametrize(
    ("address", "shown"),
    [
        ("/home/coach/archief.sqlite3", "/home/coach/archief.sqlite3"),
        ("sqlite:///home/coach/archief.sqlite3", "sqlite:///home/coach/archief.sqlite3"),
        ("mysql://coach:geheim@db/teamarchief", "mysql://coach:***@db/teamarchief"),
        ("postgresql://db.example.org", "postgresql+psycopg://db.example.org"),
        ("postgresql://coach:geheim@", "postgresql+psycopg://coach:***@"),
    ],
)
def test_another_address_is_refused_naming_field_and_value(address: str, shown: str) -> None:
    problem = archive_problem(address)
    assert problem is not None
    assert problem.startswith("Teamarchief: “")
    assert f"“{shown}”" in problem
    assert "geheim" not in problem  # a password typed is never repeated on screen
    assert "postgresql://" in problem  # what would do


def test_the_address_is_shown_without_its_password() -> None:
    shown = shown_address("postgresql://coach:geheim@db.example.org/teamarchief")
    assert shown == "postgresql+psycopg://coach:***@db.example.org/teamarchief"
    assert shown_address("") == ""
