"""A throwaway PostgreSQL server for the tests: Debian's ``postgresql`` binaries, Unix socket only.

``initdb`` in a temporary folder (as the ``postgres`` user when the tests run as root, because
the server refuses to run as root), started once per test session, stopped and removed at the
end. Each test gets a database of its own, copied from a template that was migrated once:
``CREATE DATABASE … TEMPLATE`` copies files and is much faster than running the migrations.
Durability is switched off (``fsync=off``): the data lives only as long as the tests.
"""

from __future__ import annotations

import glob
import itertools
import os
import pwd
import shutil
import subprocess
import tempfile
from pathlib import Path

BIN_ENV = "WORKSESSION_PG_BIN"  # a folder with initdb and pg_ctl, when they are elsewhere
SUPERUSER = "postgres"
TEMPLATE = "worksession_template"


class ServerUnavailable(Exception):
    """No PostgreSQL server can be started here (the binaries are missing or fail)."""


def _bin_dir() -> Path:
    chosen = os.environ.get(BIN_ENV)
    if chosen:
        return Path(chosen)
    on_path = shutil.which("initdb")
    if on_path:
        return Path(on_path).parent
    # Debian keeps them out of PATH, one folder per major version: take the newest.
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=_major, reverse=True)
    if not found:
        raise ServerUnavailable(
            "PostgreSQL's initdb was not found: install Debian's postgresql package "
            f"(or set {BIN_ENV})"
        )
    return Path(found[0]).parent


def _major(initdb: str) -> int:
    version = Path(initdb).parent.parent.name
    return int(version) if version.isdigit() else 0


class PostgresServer:
    """One running server; ``new_database()`` hands out fresh, migrated databases."""

    def __init__(self) -> None:
        self._bin = _bin_dir()
        self.folder = Path(tempfile.mkdtemp(prefix="worksession-pg-"))
        self._as_postgres = os.geteuid() == 0
        self._numbers = itertools.count(1)
        self._template_ready = False
        if self._as_postgres:
            try:
                user = pwd.getpwnam(SUPERUSER)
            except KeyError as error:
                raise ServerUnavailable("there is no postgres user to run the server") from error
            os.chown(self.folder, user.pw_uid, user.pw_gid)
        os.chmod(self.folder, 0o700)
        try:
            self._start()
        except BaseException:
            shutil.rmtree(self.folder, ignore_errors=True)
            raise

    def _run(self, *command: str) -> None:
        argv = [str(self._bin / command[0]), *command[1:]]
        if self._as_postgres:
            argv = ["runuser", "-u", SUPERUSER, "--", *argv]
        result = subprocess.run(argv, capture_output=True, text=True, cwd=self.folder)
        if result.returncode != 0:
            raise ServerUnavailable(f"{command[0]} failed: {result.stderr.strip()}")

    def _start(self) -> None:
        data = self.folder / "data"
        self._run(
            "initdb", "-D", str(data), "-U", SUPERUSER, "-A", "trust", "-E", "UTF8",
            "--locale=C.UTF-8", "--no-sync",
        )  # fmt: skip
        options = (
            f"-c listen_addresses='' -c unix_socket_directories='{self.folder}' "
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        )
        log = str(self.folder / "server.log")
        self._run("pg_ctl", "-D", str(data), "-o", options, "-l", log, "-w", "start")

    def url(self, database: str) -> str:
        return f"postgresql+psycopg://{SUPERUSER}@/{database}?host={self.folder}"

    def _admin(self, statement: str) -> None:
        import psycopg

        with psycopg.connect(
            host=str(self.folder), user=SUPERUSER, dbname="postgres", autocommit=True
        ) as connection:
            connection.execute(statement)  # type: ignore[arg-type]  # our own fixed names

    def _make_template(self) -> None:
        from worksession.storage.opening import open_database

        self._admin(f"CREATE DATABASE {TEMPLATE}")
        open_database(self.url(TEMPLATE)).close()  # migrated once, copied for every test
        self._template_ready = True

    def new_database(self) -> str:
        """The URL of a new database at the current schema, empty of sessions."""
        if not self._template_ready:
            self._make_template()
        name = f"test_{next(self._numbers)}"
        self._admin(f"CREATE DATABASE {name} TEMPLATE {TEMPLATE}")
        return self.url(name)

    def empty_database(self) -> str:
        """The URL of a new database without any table (as a team's administrator makes it)."""
        name = f"empty_{next(self._numbers)}"
        self._admin(f"CREATE DATABASE {name}")
        return self.url(name)

    def create_database(self, url: str) -> None:
        """Make the empty database ``url`` names (one that was not there a moment ago)."""
        from sqlalchemy.engine import make_url

        self._admin(f"CREATE DATABASE {make_url(url).database}")

    def drop(self, url: str) -> None:
        """Remove a test's database, closing what the test left connected to it."""
        from sqlalchemy.engine import make_url

        name = make_url(url).database
        self._admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")

    def stop(self) -> None:
        try:
            self._run("pg_ctl", "-D", str(self.folder / "data"), "-m", "immediate", "stop")
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)
