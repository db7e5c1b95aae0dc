"""The standalone build's programs and the source tree's, run for the smoke test
(``tests/dist/smoke.py``): an empty environment for the build, the developer's for the source,
each command timed out, its failure a ``Failed`` that names the command and what it printed."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
WINDOWS = sys.platform == "win32"
SUFFIX = ".exe" if WINDOWS else ""
DEMO_TITLE = "Samen gezond oud worden in Kaalheide"
FINGERPRINT = re.compile(r"^version 1 sha256:([0-9a-f]{64})$")
START_WINDOW = "^(Sessies|Sessions) — Worksession$"
TIMEOUT = 120.0  # seconds for one command on a busy 2-core machine
# The programs whose output can be read: on Windows the window's program has no console, so
# nothing it prints reaches anyone (which is why worksession-cli exists).
PRINTING = ("worksession-cli",) if WINDOWS else ("worksession", "worksession-cli")


class Failed(AssertionError):
    """One check of the smoke test failed."""


def bare_environment(home: Path) -> dict[str, str]:
    """What a freshly logged-in user has, and nothing of the developer's: no virtualenv, no
    PYTHONPATH, no WORKSESSION_DB, no XDG folders (the defaults under HOME are used)."""
    environment = {"HOME": str(home), "PATH": os.pathsep.join(("/usr/bin", "/bin"))}
    if WINDOWS:
        # Windows cannot start a program without these; the user's folders go under HOME.
        for name in ("SYSTEMROOT", "SYSTEMDRIVE", "WINDIR", "COMSPEC", "PATHEXT"):
            if name in os.environ:
                environment[name] = os.environ[name]
        environment["PATH"] = os.path.join(os.environ.get("SYSTEMROOT", r"C:\Windows"), "System32")
        environment["USERPROFILE"] = str(home)
        environment["LOCALAPPDATA"] = str(home / "AppData" / "Local")
        environment["APPDATA"] = str(home / "AppData" / "Roaming")
        environment["TEMP"] = environment["TMP"] = str(home / "Temp")
        (home / "Temp").mkdir(parents=True, exist_ok=True)
    else:
        environment["LANG"] = "C.UTF-8"  # Qt warns without a UTF-8 locale; every desktop has one
    # `sign` asks for the new personal certificate's passphrase; a script gives it this way.
    environment["WORKSESSION_CERT_PASSPHRASE"] = "smoke-test-passphrase"
    return environment


def source_environment(home: Path) -> dict[str, str]:
    """The developer's environment with the same user folders as ``bare_environment``."""
    environment = dict(os.environ, **bare_environment(home))
    environment["PATH"] = os.environ.get("PATH", "")
    for name in ("WORKSESSION_DB", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
        environment.pop(name, None)
    return environment


class Smoke:
    """The checks, each timed and printed as it passes; the first failure ends the run."""

    def __init__(self, build: Path, out: Path, work: Path) -> None:
        self.build = build.resolve()
        self.out = out
        self.work = work
        self.outside = work / "elsewhere"  # the build runs from here: not the checkout
        self.outside.mkdir()

    def check(self, name: str, step: Callable[[], str]) -> None:
        started = time.monotonic()
        try:
            detail = step()
        except Failed as failure:
            print(f"FAIL {name}: {failure}", flush=True)
            raise
        print(f"ok   {name} ({time.monotonic() - started:.1f} s){detail}", flush=True)

    def program(self, name: str) -> Path:
        path = self.build / f"{name}{SUFFIX}"
        if not path.is_file():
            raise Failed(f"{path} does not exist: run make dist first")
        return path

    def built(self, home: Path, *arguments: str, expect: int = 0) -> str:
        """``worksession-cli`` of the build in an empty environment; its stdout."""
        command = [str(self.program("worksession-cli")), *arguments]
        return run(command, bare_environment(home), self.outside, expect)

    def source(self, home: Path, *arguments: str, expect: int = 0) -> str:
        """The source tree's ``python -m worksession``; its stdout."""
        command = [sys.executable, "-m", "worksession", *arguments]
        return run(command, source_environment(home), REPO, expect)


def run(command: list[str], environment: dict[str, str], cwd: Path, expect: int) -> str:
    try:
        done = subprocess.run(
            command, env=environment, cwd=cwd, capture_output=True, text=True,
            encoding="utf-8", timeout=TIMEOUT, check=False,
        )  # fmt: skip
    except subprocess.TimeoutExpired as timeout:
        raise Failed(f"{' '.join(command)} took over {TIMEOUT:.0f} s") from timeout
    if done.returncode != expect:
        raise Failed(
            f"{' '.join(command)} exited {done.returncode} (expected {expect})\n"
            f"stdout: {done.stdout.strip()}\nstderr: {done.stderr.strip()}"
        )
    return done.stdout
