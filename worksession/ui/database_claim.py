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
import socket as pysocket
import stat
import struct
import time
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, QStandardPaths, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from worksession.i18n import _
from worksession.storage.engine import sqlite_path, to_url
from worksession.user.locations import runtime_dir

SOCKET_PATH_MAX = 100  # a socket's path must fit sockaddr_un (108 bytes on Linux, 104 on macOS)
ANSWER_MS = 2000  # how long a second start waits for the holder to answer
BROKEN_AFTER_S = (
    2.0  # a holder writes its lock file at once: one still unreadable after this is broken
)
REQUEST = b"show\n"
ANSWER = b"shown\n"


def _digest(identity: str) -> str:
    return hashlib.sha256(identity.encode("utf-8", "surrogatepass")).hexdigest()[:20]


def _file_of(location: str) -> str | None:
    """The file behind ``location`` (a path or an SQLite URL, ``~`` expanded), else None."""
    try:
        path = sqlite_path(to_url(location))
    except Exception:  # a malformed URL: opening it fails later with its own message
        return None
    return None if path is None else os.path.realpath(path)


def claim_key(location: str) -> str:
    """A short name for the database at ``location``: the same file under any spelling (a
    server database's ``postgresql://`` and ``postgresql+psycopg://`` are one, too)."""
    path = _file_of(location)
    return _digest(to_url(location) if path is None else path)


def claim_keys(location: str) -> list[str]:
    """Every name the database has: its path, and once the file exists, the file itself (so
    a hard link, which has a path of its own, is the same database too)."""
    keys = [claim_key(location)]
    path = _file_of(location)
    if path is not None:
        try:
            found = os.stat(path)
        except OSError:
            return keys  # not made yet: ``DatabaseClaim.extend`` adds it once it is
        keys.append(_digest(f"file {found.st_dev}:{found.st_ino}"))
    return keys


def claims_folder() -> Path:
    """The user's private runtime folder (``$XDG_RUNTIME_DIR``, else one Qt makes 0700)."""
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.RuntimeLocation)
    return runtime_dir(found)


def clear_broken_lock(path: Path) -> None:
    """Remove a lock file no holder can have left: not a regular file (a folder, a FIFO, a
    link — ``QLockFile`` would read a FIFO or ``/dev/zero`` for ever), or a file still without
    a process id well after it was made (a holder killed between creating and writing it).
    Such a file would otherwise keep every start out, with nobody to answer."""
    try:
        found = os.lstat(path)
    except OSError:
        return
    try:
        if stat.S_ISDIR(found.st_mode):
            os.rmdir(path)
        elif not stat.S_ISREG(found.st_mode):
            os.unlink(path)
        elif time.time() - found.st_mtime > BROKEN_AFTER_S:
            with open(path, "rb") as lock:
                first = lock.read(64).split(b"\n", 1)[0]
            if not first.isdigit() or int(first) <= 0:
                os.unlink(path)
    except OSError:
        return  # cannot be removed: the claim is refused and the message names the holder


def _peer_pid(socket: QLocalSocket) -> int | None:
    """The process id at the other end of a connected local socket (Linux), else None."""
    option = getattr(pysocket, "SO_PEERCRED", None)
    descriptor = int(socket.socketDescriptor())
    if option is None or descriptor < 0:
        return None
    with pysocket.socket(fileno=os.dup(descriptor)) as other:
        pid, _uid, _gid = struct.unpack("3i", other.getsockopt(pysocket.SOL_SOCKET, option, 12))
    return int(pid)


class _Part:
    """The lock file and socket of one of the database's names."""

    def __init__(self, folder: Path, key: str) -> None:
        self.key = key
        base = folder / f"worksession-{key}"
        self.lock_path = Path(str(base) + ".lock")
        self.lock = QLockFile(str(self.lock_path))
        # Only a dead holder makes the claim stale: an app open all day keeps its database.
        self.lock.setStaleLockTime(0)
        self.socket_path = str(base) + ".sock"
        # A deep runtime folder makes the path too long for a socket: then the same name
        # without a file (Linux's abstract namespace), which only this user's key reaches.
        self.abstract = len(self.socket_path.encode()) > SOCKET_PATH_MAX
        if self.abstract:
            self.socket_path = f"worksession-{os.getuid()}-{base.name}"

    def take(self) -> bool:
        clear_broken_lock(self.lock_path)
        return bool(self.lock.tryLock(0))

    @property
    def unclaimable(self) -> bool:
        """The last ``take`` failed because the lock file cannot be made (a read-only or full
        runtime folder), not because another app holds it."""
        return self.lock.error() != QLockFile.LockError.LockFailedError

    def listen(self, parent: QObject) -> QLocalServer | None:
        # Ours now: a socket file left by a holder that died is in the way, not in use.
        server = QLocalServer(parent)
        if self.abstract:
            server.setSocketOptions(QLocalServer.SocketOption.AbstractNamespaceOption)
        else:
            QLocalServer.removeServer(self.socket_path)
            server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        # Without the socket a second start cannot reach us, but the claim still holds: it is
        # told the database is open elsewhere instead of seeing the window come forward.
        return server if server.listen(self.socket_path) else None


class DatabaseClaim(QObject):
    """The claim on one database: ``acquire`` it, or ``ask_holder_to_show`` the other app."""

    show_requested = Signal()  # another start on this database asked for our window

    def __init__(self, location: str, folder: Path | None = None) -> None:
        super().__init__()
        self._location = location
        self._folder = folder or claims_folder()
        self._parts = [_Part(self._folder, key) for key in claim_keys(location)]
        self._held: list[_Part] = []
        self._blocked: _Part | None = None  # the name another app holds
        self._servers: list[QLocalServer] = []
        # Why the database could not be claimed at all (the runtime folder is read-only or
        # full); the app then opens unclaimed rather than locking the coach out.
        self.unavailable = ""

    def acquire(self) -> bool:
        """Claim the database under every name it has; False when another running app holds
        any of them (nothing is then kept)."""
        for part in self._parts:
            if part.take():
                self._held.append(part)
                continue
            if part.unclaimable:
                self.unavailable = _(
                    "{path} cannot be written, so a second start on this database is not recognised"
                ).format(path=part.lock_path)
                continue
            self._blocked = part
            self.release()
            return False
        for part in self._held:
            self._serve(part)
        return True

    def extend(self) -> bool:
        """Claim the names the database has gained since ``acquire`` (the file made since)."""
        held = {part.key for part in self._held}
        claimed = True
        for key in claim_keys(self._location):
            if key in held:
                continue
            part = _Part(self._folder, key)
            if part.take():
                self._held.append(part)
                self._serve(part)
            else:
                claimed = False
        return claimed

    def holder(self) -> int | None:
        """The process id of the app holding the claim, when it can be read."""
        part = self._blocked or self._parts[0]
        # PySide returns (pid, hostname, appname); a pid of 0 when the file cannot be read.
        pid = part.lock.getLockInfo()[0]
        return int(pid) or None

    def ask_holder_to_show(self) -> bool:
        """Ask the app holding the claim to show its window; True when it answered.

        Only the holder's own answer counts: any program of the user's could take the
        socket's name, and its "shown" would tell the coach a window came forward that did not.
        """
        part = self._blocked or self._parts[0]
        socket = QLocalSocket()
        if part.abstract:
            socket.setSocketOptions(QLocalSocket.SocketOption.AbstractNamespaceOption)
        socket.connectToServer(part.socket_path)
        if not socket.waitForConnected(ANSWER_MS):
            return False
        peer, holder = _peer_pid(socket), self.holder()
        if peer is not None and peer != holder:
            socket.abort()
            return False
        socket.write(REQUEST)
        answered = socket.waitForBytesWritten(ANSWER_MS) and socket.waitForReadyRead(ANSWER_MS)
        reply = bytes(socket.readAll().data()) if answered else b""
        socket.disconnectFromServer()
        return reply == ANSWER

    def _serve(self, part: _Part) -> None:
        server = part.listen(self)
        if server is not None:
            server.newConnection.connect(lambda: self._answer(server))
            self._servers.append(server)

    def release(self) -> None:
        for server in self._servers:
            server.close()
        self._servers = []
        for part in self._held:
            part.lock.unlock()
        self._held = []

    def _answer(self, server: QLocalServer) -> None:
        connection = server.nextPendingConnection()
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
