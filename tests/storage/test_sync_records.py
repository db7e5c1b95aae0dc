"""The laptop's sync records name an archive by its URL without the password."""

from __future__ import annotations

from worksession.storage.sync_records import archive_name


def test_an_archive_is_named_without_its_password() -> None:
    named = archive_name("postgresql+psycopg://coach:geheim@db.example.org/teamarchief")
    assert named == "postgresql+psycopg://coach@db.example.org/teamarchief"
    assert archive_name("postgresql://coach@/archief?host=/run/postgresql") == (
        "postgresql://coach@/archief?host=/run/postgresql"
    )
    assert archive_name("/home/coach/archief.sqlite3") == "/home/coach/archief.sqlite3"
