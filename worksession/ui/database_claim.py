"""One app per database per user: a second start brings the first one's window to the front.

Two windows on one file would each show their own view, and a change made in one from a view
the other had changed is an update lost. So the first app to open a database claims it with a
lock file in the user's runtime folder (``QLockFile``: a claim whose process died is taken over,
not honoured) and listens on a local socket beside it. A second start on the same database
finds the claim, asks the holder over that socket to show its window, and ends. The command line
is not affected: it may change a database the app has open, and the window shows the change.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, QStandardPaths, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

SOCKET_PATH_MAX = 100  # a socket's path must fit sockaddr_un (108 bytes on Linux, 104 on macOS)
ANSWER_MS = 2000  # how long a second start waits for the holder to answer
REQUEST = b"show\n"
ANSWER = b"shown\n"


def claim_key(location: str) -> str:
    """A short name for the database at ``location``: the same file under any spelling."""
    identity = location if "://" in location else os.path.realpath(location)
    return hashlib.sha256(identity.encode("utf-8", "surrogatepass")).hexdigest()[:20]


def claims_folder() -> Path:
    """The user's private runtime folder (``$XDG_RUNTIME_DIR``, else one Qt makes 0700)."""
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.RuntimeLocation)
    folder = Path(found) if found else Path.home() / ".cache" / "worksession"
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    return folder


class DatabaseClaim(QObject):
    """The claim on one database: ``acquire`` it, or ``ask_holder_to_show`` the other app."""

    show_requested = Signal()  # another start on this database asked for our window

    def __init__(self, location: str, folder: Path | None = None) -> None:
        super().__init__()
        base = (folder or claims_folder()) / f"worksession-{claim_key(location)}"
        self._lock = QLockFile(str(base) + ".lock")
        # Only a dead holder makes the claim stale: an app open all day keeps its database.
        self._lock.setStaleLockTime(0)
        self._socket_path = str(base) + ".sock"
        # A deep runtime folder makes the path too long for a socket: then the same name
        # without a file (Linux's abstract namespace), which only this user's key reaches.
        self._abstract = len(self._socket_path.encode()) > SOCKET_PATH_MAX
        if self._abstract:
            self._socket_path = f"worksession-{os.getuid()}-{base.name}"
        self._server: QLocalServer | None = None

    def acquire(self) -> bool:
        """Claim the database; False when another running app holds it."""
        if not self._lock.tryLock(0):
            return False
        # Ours now: a socket file left by a holder that died is in the way, not in use.
        server = QLocalServer(self)
        if self._abstract:
            server.setSocketOptions(QLocalServer.SocketOption.AbstractNamespaceOption)
        else:
            QLocalServer.removeServer(self._socket_path)
            server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        server.newConnection.connect(self._answer)
        # Without the socket a second start cannot reach us, but the claim still holds: it is
        # told the database is open elsewhere instead of seeing the window come forward.
        if server.listen(self._socket_path):
            self._server = server
        return True

    def holder(self) -> int | None:
        """The process id of the app holding the claim, when it can be read."""
        # PySide returns (pid, hostname, appname); a pid of 0 when the file cannot be read.
        pid = self._lock.getLockInfo()[0]
        return int(pid) or None

    def ask_holder_to_show(self) -> bool:
        """Ask the app holding the claim to show its window; True when it answered."""
        socket = QLocalSocket()
        if self._abstract:
            socket.setSocketOptions(QLocalSocket.SocketOption.AbstractNamespaceOption)
        socket.connectToServer(self._socket_path)
        if not socket.waitForConnected(ANSWER_MS):
            return False
        socket.write(REQUEST)
        answered = socket.waitForBytesWritten(ANSWER_MS) and socket.waitForReadyRead(ANSWER_MS)
        reply = bytes(socket.readAll().data()) if answered else b""
        socket.disconnectFromServer()
        return reply == ANSWER

    def release(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server = None
        self._lock.unlock()

    def _answer(self) -> None:
        assert self._server is not None
        connection = self._server.nextPendingConnection()
        if connection is None:
            return

        def read() -> None:
            if bytes(connection.readAll().data()).startswith(REQUEST.strip()):
                self.show_requested.emit()
                connection.write(ANSWER)
                connection.flush()
            connection.disconnectFromServer()

        connection.readyRead.connect(read)
        connection.disconnected.connect(connection.deleteLater)
        if connection.bytesAvailable():
            read()
