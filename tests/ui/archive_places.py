"""Team archives for the GUI tests: a fresh database on the throwaway PostgreSQL server, and
addresses that cannot be reached (nothing listens) or that hang (a socket that never answers).

A Unix socket folder of our own stands for the server's address: empty, nothing answers
(refused at once); with a socket that is listened on but never accepted, the client waits for
the server's greeting until its connection timeout; with a link to the real server's socket,
the same address reaches the archive — so a test can make an archive reachable later.
"""

from __future__ import annotations

import socket
from pathlib import Path

from sqlalchemy.engine import make_url

from tests.postgres_server import PostgresServer

SOCKET = ".s.PGSQL.5432"  # the name libpq looks for in a host folder


def address_in(folder: Path, archive: str, **options: str) -> str:
    """``archive``'s database, reached through the socket folder ``folder`` instead."""
    url = make_url(archive)
    query = {**dict(url.query), "host": str(folder), **options}
    return url.set(query=query).render_as_string(hide_password=False)


def make_reachable(folder: Path, server: PostgresServer) -> None:
    """Let the address in ``folder`` reach the real server from now on."""
    (folder / SOCKET).symlink_to(server.folder / SOCKET)


class HangingServer:
    """A socket in ``folder`` that takes connections and never says a word."""

    def __init__(self, folder: Path) -> None:
        self.socket = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.socket.bind(str(folder / SOCKET))
        self.socket.listen(16)  # connections wait in the backlog, never accepted

    def close(self) -> None:
        self.socket.close()


def short_folder() -> Path:
    """A new private folder with a short path: a socket's path may have at most 107 bytes,
    and pytest's own temporary folders can be longer."""
    import tempfile

    return Path(tempfile.mkdtemp(prefix="ws-archive-"))
