"""A real X session for the real-window tier: Xvfb with one or two monitors, openbox, and the app
started as a user starts it, driven with real key events (xdotool) and read back from window state.

Nothing here imports Qt or pytest: the tests and ``python -m tests.realwindow.screenshots`` both
use it. Every wait polls a condition against a deadline; nothing waits a fixed time.
"""

from __future__ import annotations

import os
import re
import select
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Protocol, TypeVar

REPO = Path(__file__).resolve().parents[2]

# The programs the tier drives; a machine without one cannot run it (and says so).
TOOLS = {
    "Xvfb": "xvfb",
    "openbox": "openbox",
    "xdotool": "xdotool",
    "xwininfo": "x11-utils",
    "xprop": "x11-utils",
    "xrandr": "x11-xserver-utils",
}
SCREENSHOT_TOOLS = {**TOOLS, "import": "imagemagick"}

DEADLINE = 15.0  # seconds a condition may take on a busy 2-core machine before a test fails
POLL = 0.05

T = TypeVar("T")


def missing_tools(tools: dict[str, str] = TOOLS) -> list[str]:
    """``program (Debian package)`` for each program of ``tools`` not on the PATH."""
    return [f"{tool} ({package})" for tool, package in tools.items() if not shutil.which(tool)]


class Timeout(AssertionError):
    """A condition did not come true before its deadline."""


def wait_for(condition: Callable[[], T | None], what: str, *, timeout: float = DEADLINE) -> T:
    """Poll ``condition`` until it returns something truthy and return that; fail after
    ``timeout`` seconds, naming ``what`` was awaited."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise Timeout(f"waited {timeout:.0f} s for {what}")
        time.sleep(POLL)


@dataclass(frozen=True)
class Rect:
    x: int
    y: int
    width: int
    height: int

    @property
    def right(self) -> int:
        return self.x + self.width

    @property
    def bottom(self) -> int:
        return self.y + self.height

    def contains(self, other: Rect) -> bool:
        return (
            self.x <= other.x
            and self.y <= other.y
            and other.right <= self.right
            and other.bottom <= self.bottom
        )

    def __str__(self) -> str:
        return f"{self.width}×{self.height}+{self.x}+{self.y}"


# The laptop and the beamer as the coach has them: the laptop left and primary.
LAPTOP = Rect(0, 0, 1280, 720)
BEAMER = Rect(1280, 0, 1920, 1080)


@dataclass
class Display:
    """An Xvfb server whose monitors are RandR monitors of one X screen (as a laptop with a
    beamer beside it is), managed by openbox."""

    number: int
    monitors: tuple[Rect, ...]
    processes: list[subprocess.Popen[bytes]] = field(default_factory=list)

    @property
    def name(self) -> str:
        return f":{self.number}"

    def env(self) -> dict[str, str]:
        return {**os.environ, "DISPLAY": self.name}

    def run(self, *command: str, timeout: float = DEADLINE) -> str:
        """A short X client (xdotool, xprop, …) on this display; its output."""
        done = subprocess.run(
            command, env=self.env(), capture_output=True, text=True, timeout=timeout, check=False
        )
        if done.returncode != 0:
            raise RuntimeError(f"{' '.join(command)}: {done.returncode} {done.stderr.strip()}")
        return done.stdout

    # --- windows ------------------------------------------------------------------------------
    def windows(self, name: str, pid: int | None = None) -> list[str]:
        """Visible windows whose name matches the regular expression ``name``."""
        command = ["xdotool", "search", "--all", "--onlyvisible"]
        if pid is not None:
            command += ["--pid", str(pid)]
        # Matched here, on the UTF-8 name (_NET_WM_NAME): xdotool's own --name matching sees
        # the Latin-1 WM_NAME, where Qt leaves out the " — Worksession" it adds.
        command += ["--name", "."]
        done = subprocess.run(command, env=self.env(), capture_output=True, text=True, check=False)
        return [
            window
            for window in done.stdout.split()
            if re.search(name, self.window_name_or_empty(window))
        ]

    def window_name_or_empty(self, window: str) -> str:
        """The window's name; "" for a window that went away meanwhile."""
        done = subprocess.run(
            ["xdotool", "getwindowname", window],
            env=self.env(),
            capture_output=True,
            text=True,
            check=False,
        )
        return done.stdout.rstrip("\n")

    def active_window(self) -> str | None:
        done = subprocess.run(
            ["xdotool", "getactivewindow"], env=self.env(), capture_output=True, text=True
        )
        return done.stdout.strip() or None

    def window_name(self, window: str) -> str:
        return self.run("xdotool", "getwindowname", window).rstrip("\n")

    def geometry(self, window: str) -> Rect:
        """Where the window's client area is on the root window."""
        text = self.run("xwininfo", "-id", window)
        number = {
            key: int(re.search(rf"{pattern}:\s+(-?\d+)", text).group(1))  # type: ignore[union-attr]
            for key, pattern in (
                ("x", "Absolute upper-left X"),
                ("y", "Absolute upper-left Y"),
                ("width", "Width"),
                ("height", "Height"),
            )
        }
        return Rect(**number)

    def frame(self, window: str) -> Rect:
        """The window with the title bar and borders the window manager drew around it."""
        inner = self.geometry(window)
        text = self.run("xprop", "-id", window, "_NET_FRAME_EXTENTS")
        found = re.findall(r"-?\d+", text.partition("=")[2])
        left, right, top, bottom = (int(n) for n in found) if len(found) == 4 else (0, 0, 0, 0)
        return Rect(
            inner.x - left, inner.y - top, inner.width + left + right, inner.height + top + bottom
        )

    def stacking(self) -> list[str]:
        """The managed windows from bottom to top, as decimal ids (xdotool's form)."""
        text = self.run("xprop", "-root", "_NET_CLIENT_LIST_STACKING")
        return [str(int(found, 16)) for found in re.findall(r"0x[0-9a-f]+", text)]

    def states(self, window: str) -> str:
        """The window's ``_NET_WM_STATE`` (fullscreen, maximised, …) as xprop prints it."""
        return self.run("xprop", "-id", window, "_NET_WM_STATE")

    def monitor_of(self, rect: Rect) -> Rect | None:
        return next((m for m in self.monitors if m.contains(rect)), None)

    # --- input --------------------------------------------------------------------------------
    def key(self, *keys: str) -> None:
        """Real key presses (XTEST) to whichever window has the keyboard, as a keyboard sends."""
        self.run("xdotool", "key", "--delay", "30", *keys)

    def type(self, text: str) -> None:
        self.run("xdotool", "type", "--delay", "30", text)

    def click(self, x: int, y: int) -> None:
        self.run("xdotool", "mousemove", "--sync", str(x), str(y), "click", "1")

    def screenshot(self, path: Path, rect: Rect | None = None) -> Path:
        path.parent.mkdir(parents=True, exist_ok=True)
        command = ["import", "-window", "root"]
        if rect is not None:
            command += ["-crop", f"{rect.width}x{rect.height}+{rect.x}+{rect.y}", "+repage"]
        self.run(*command, str(path), timeout=60)
        return path

    def stop(self) -> None:
        for process in reversed(self.processes):
            _end(process)
        self.processes.clear()


def _end(process: subprocess.Popen[bytes], grace: float = 5.0) -> None:
    """Ask a process to end, then make it; reap it either way."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(grace)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def start_display(monitors: Sequence[Rect], log: IO[bytes] | None = None) -> Display:
    """Xvfb on a free display (it picks one itself: ``-displayfd``), one monitor per rectangle,
    and openbox managing it."""
    width = max(m.right for m in monitors)
    height = max(m.bottom for m in monitors)
    read, write = os.pipe()
    server = subprocess.Popen(
        # -noreset: the server would drop the monitors when its last client disconnects.
        [
            *("Xvfb", "-displayfd", str(write), "-screen", "0", f"{width}x{height}x24"),
            *("-nolisten", "tcp", "-noreset"),
        ],
        pass_fds=(write,),
        stdout=log or subprocess.DEVNULL,
        stderr=log or subprocess.DEVNULL,
    )
    os.close(write)
    try:
        number = _read_display(read, server)
    finally:
        os.close(read)
    display = Display(number, tuple(monitors), [server])
    try:
        if len(monitors) > 1:
            for index, monitor in enumerate(monitors):
                # Millimetres for 96 dpi; the first monitor takes the screen's one output.
                size = (
                    f"{monitor.width}/{monitor.width * 254 // 960}"
                    f"x{monitor.height}/{monitor.height * 254 // 960}+{monitor.x}+{monitor.y}"
                )
                output = "screen" if index == 0 else "none"
                display.run("xrandr", "--setmonitor", f"monitor{index}", size, output)
        manager = subprocess.Popen(
            ["openbox", "--sm-disable"],
            env=display.env(),
            stdout=log or subprocess.DEVNULL,
            stderr=log or subprocess.DEVNULL,
        )
        display.processes.append(manager)
        wait_for(lambda: _manager_running(display, manager), "openbox to manage the display")
    except BaseException:
        display.stop()
        raise
    return display


def _read_display(fd: int, server: subprocess.Popen[bytes]) -> int:
    text = b""
    deadline = time.monotonic() + DEADLINE
    while not text.endswith(b"\n"):
        if server.poll() is not None:
            raise RuntimeError(f"Xvfb ended at start with exit code {server.returncode}")
        ready, _, _ = select.select([fd], [], [], max(deadline - time.monotonic(), 0))
        if not ready:
            server.kill()
            server.wait()
            raise Timeout("Xvfb did not report its display number")
        chunk = os.read(fd, 64)
        if not chunk:
            raise RuntimeError("Xvfb closed its display pipe without a number")
        text += chunk
    return int(text)


def _manager_running(display: Display, manager: subprocess.Popen[bytes]) -> bool:
    if manager.poll() is not None:
        raise RuntimeError(f"openbox ended at start with exit code {manager.returncode}")
    root = subprocess.run(
        ["xprop", "-root", "_NET_SUPPORTING_WM_CHECK"],
        env=display.env(),
        capture_output=True,
        text=True,
        check=False,
    ).stdout
    return "window id" in root


@dataclass
class App:
    """One run of ``python -m worksession`` on a display, with its own data and config."""

    display: Display
    process: subprocess.Popen[bytes]
    log_path: Path
    home: Path  # its data and config folders

    @property
    def pid(self) -> int:
        return self.process.pid

    def log(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""

    def alive(self) -> None:
        if self.process.poll() is not None:
            raise AssertionError(
                f"the app ended with exit code {self.process.returncode}:\n{self.log()}"
            )

    def window(self, name: str, *, timeout: float = DEADLINE) -> str:
        """The app's visible window whose title matches ``name`` (a regular expression)."""

        def found() -> str | None:
            self.alive()
            windows = self.display.windows(name, self.pid)
            return windows[-1] if windows else None

        return wait_for(found, f"a window named {name!r}", timeout=timeout)

    def has_open(self, path: Path) -> bool:
        """Whether the app holds ``path`` open (Linux): the start window lists the sessions in
        the same step that opens the database, so keys sent after this reach the listing."""
        target = str(path.resolve())
        folder = Path(f"/proc/{self.pid}/fd")
        try:
            links = [os.readlink(entry) for entry in folder.iterdir()]
        except (FileNotFoundError, ProcessLookupError, PermissionError):
            return False
        return target in links

    def gone(self, name: str) -> bool:
        return not self.display.windows(name, self.pid)

    def active_name(self) -> str:
        window = self.display.active_window()
        return self.display.window_name(window) if window else ""

    def wait_active(self, name: str, *, timeout: float = DEADLINE) -> str:
        """Wait until the window with the keyboard is named like ``name``; its id."""

        def active() -> str | None:
            self.alive()
            window = self.display.active_window()
            if window and re.search(name, self.display.window_name(window)):
                return window
            return None

        return wait_for(active, f"the active window to be named {name!r}", timeout=timeout)

    def open_session(self, database: Path, title: str) -> str:
        """Open the session called ``title`` from the start window with the keyboard, as a coach
        does (find it, go to the list, Enter); the session window's id."""
        self.window(_START_WINDOW)
        wait_for(lambda: self.has_open(database), "the start window to open the database")
        self.display.key("ctrl+f")
        self.display.type(title)
        self.display.key("Tab", "Down", "Return")
        window = self.window(re.escape(f"— {title} —"))
        self.wait_active(re.escape(title))
        return window

    def stop(self) -> None:
        _end(self.process)


_START_WINDOW = "^(Sessies|Sessions) — Worksession$"


class Launch(Protocol):
    """Starts the app on a screen layout's display (the tests' ``launch`` fixture)."""

    def __call__(self, layout: str, database: Path, home: Path | None = None) -> App: ...


def start_app(display: Display, database: Path, home: Path) -> App:
    """The app as a user starts it, on ``display``, with private data and config folders under
    ``home``; its stderr and stdout go to a log the tests print when they fail."""
    env = display.env()
    env.pop("WORKSESSION_DB", None)
    env.update(
        QT_QPA_PLATFORM="xcb",
        XDG_DATA_HOME=str(home / "data"),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_CACHE_HOME=str(home / "cache"),
        XDG_STATE_HOME=str(home / "state"),
        PYTHONPATH=str(REPO),
    )
    log_path = home / f"app-{len(list(home.glob('app-*.log')))}.log"  # one per start
    log = log_path.open("wb")
    try:
        process = subprocess.Popen(
            [sys.executable, "-m", "worksession", "--db", str(database)],
            cwd=REPO,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # a clicker key never reaches the test's terminal
        )
    finally:
        log.close()
    return App(display, process, log_path, home)


@contextmanager
def running_app(display: Display, database: Path, home: Path) -> Iterator[App]:
    app = start_app(display, database, home)
    try:
        yield app
    finally:
        app.stop()
