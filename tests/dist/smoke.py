"""``make dist-test``: the standalone build run as a coach runs it, on a laptop without Python.

Every program of the build runs in an empty environment (``env -i``: a temporary HOME, a minimal
PATH, a UTF-8 locale as any desktop has), from a folder outside the checkout, so nothing of the
virtualenv or the source tree can stand in for what the build lacks. The source tree runs with the
virtualenv beside it, for comparison:

- ``--version`` of both programs;
- ``demo``, ``freeze``: the plan's fingerprint equals the source run's for the same demo;
- ``pdf``, ``verify``: the build's plan verifies in the build and in the source run, and the
  source run's plan in the build; ``signoff`` by everyone present, ``sign`` with a personal
  certificate made on the spot (pyHanko), and the signed plan verified by both;
- ``attendance`` as an Excel workbook (openpyxl) and as a PDF;
- the toolkit comes from the build's own folder; a session the source run made in the user's
  data folder is listed by the build (same folder, platformdirs), and a database of the first
  schema is migrated by the build (the Alembic files are shipped);
- the window paints on Qt's offscreen platform (``--measure-startup``);
- the window (``worksession``, no arguments) opens in a real X server (Xvfb, openbox) on the
  start window and lists the sessions; a screenshot is saved to look at.

``python -m tests.dist.smoke BUILD OUT [--cli-only]``; exit 0 when every check passed. The CLI
part runs on Windows and macOS too (.github/workflows/dist.yml); the window part needs Xvfb.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from worksession import __version__

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
        return _run(command, bare_environment(home), self.outside, expect)

    def source(self, home: Path, *arguments: str, expect: int = 0) -> str:
        """The source tree's ``python -m worksession``; its stdout."""
        command = [sys.executable, "-m", "worksession", *arguments]
        return _run(command, source_environment(home), REPO, expect)


def _run(command: list[str], environment: dict[str, str], cwd: Path, expect: int) -> str:
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


def fingerprint(frozen_line: str) -> str:
    found = FINGERPRINT.match(frozen_line.strip())
    if found is None:
        raise Failed(f"freeze printed {frozen_line.strip()!r}, not 'version 1 sha256:<hex>'")
    return found.group(1)


def verified(line: str, content: str, who: str) -> str:
    if not line.startswith(f"OK {DEMO_TITLE} version 1 sha256:{content} "):
        raise Failed(f"{who} verify printed {line.strip()!r}")
    return line.strip()


def first_schema_database(path: Path) -> None:
    """A database of the very first schema (revision 0001) with one session, made by the
    source tree's migrations: the build must migrate it with its own copy of them."""
    from alembic import command

    from worksession.storage import opening
    from worksession.storage.engine import create_db_engine, to_url

    engine = create_db_engine(to_url(path))
    config = opening.alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0001")
        connection.exec_driver_sql(
            "INSERT INTO work_session (title, wijk, gemeente, location, coach, variant, "
            "accredited, programme, ambition, status, created_at, updated_at) VALUES "
            "('Oud', 'Oost', '', '', '', 'toolkit', 0, 'samenwerken-in-de-wijk', '', 'draft', "
            "'2026-01-01 10:00:00', '2026-01-01 10:00:00')"
        )
    engine.dispose()


def run_cli(smoke: Smoke) -> Path:
    """The command-line checks; the home whose data folder the source run filled."""
    built_home, source_home = smoke.work / "built-home", smoke.work / "source-home"
    built_home.mkdir()
    source_home.mkdir()
    # Each side's own database for the comparison: on Windows platformdirs asks the system for
    # the user's folders, whatever HOME says, so the default database would be one for both.
    built_db = ("--db", str(smoke.work / "built.sqlite3"))
    source_db = ("--db", str(smoke.work / "source.sqlite3"))
    figures: dict[str, str] = {}

    def versions() -> str:
        expected = f"worksession {__version__}"
        for name in PRINTING:
            command = [str(smoke.program(name)), "--version"]
            printed = _run(command, bare_environment(built_home), smoke.outside, 0).strip()
            if printed != expected:
                raise Failed(f"{name} --version printed {printed!r}, not {expected!r}")
        return f": {expected}"

    def demo_and_freeze() -> str:
        if smoke.built(built_home, "demo", *built_db).strip() != "1":
            raise Failed("demo did not print the new session's id 1")
        figures["built"] = fingerprint(smoke.built(built_home, "freeze", "1", *built_db))
        smoke.source(source_home, "demo", *source_db)
        figures["source"] = fingerprint(smoke.source(source_home, "freeze", "1", *source_db))
        if figures["built"] != figures["source"]:
            raise Failed(f"build sha256:{figures['built']} ≠ source sha256:{figures['source']}")
        return f": sha256:{figures['built'][:16]}… from both"

    def pdf_and_verify() -> str:
        plan, source_plan = smoke.work / "built-plan.pdf", smoke.work / "source-plan.pdf"
        smoke.built(built_home, "pdf", "1", "--out", str(plan), *built_db)
        smoke.source(source_home, "pdf", "1", "--out", str(source_plan), *source_db)
        line = verified(smoke.built(built_home, "verify", str(plan)), figures["built"], "build")
        verified(smoke.source(source_home, "verify", str(plan)), figures["built"], "source")
        verified(smoke.built(built_home, "verify", str(source_plan)), figures["built"], "build")
        shutil.copy(plan, smoke.out / "plan-from-build.pdf")
        tampered = smoke.work / "tampered.pdf"
        tampered.write_bytes(plan.read_bytes().replace(b"Kaalheide", b"Kaalhoide", 1))
        if not smoke.built(built_home, "verify", str(tampered), expect=1).startswith("TAMPERED"):
            raise Failed("a changed plan was not reported TAMPERED")
        return f": {line[:60]}…; a changed byte is TAMPERED"

    def signed() -> str:
        """Everyone present agrees, the coach signs with a personal certificate made there and
        then (pyHanko, cryptography), and both sides verify the signed file."""
        document = smoke.work / "plan.json"
        smoke.built(built_home, "export", "1", "--json", str(document), *built_db)
        present = [p["key"] for p in json.loads(document.read_text("utf-8"))["participants"]
                   if p["present"]]  # fmt: skip
        for key in present:
            smoke.built(built_home, "signoff", "1", "--version", "1", "--participant", key,
                        "--decision", "agreed", *built_db)  # fmt: skip
        plan, signed_plan = smoke.work / "signed-off.pdf", smoke.work / "signed.pdf"
        smoke.built(built_home, "pdf", "1", "--out", str(plan), *built_db)
        smoke.built(built_home, "sign", str(plan), "--out", str(signed_plan), "--name",
                    "Hanneke Vos", "--email", "h.vos@example.invalid", *built_db)  # fmt: skip
        agreed = f"({len(present)} van {len(present)} akkoord, vastgesteld)"
        for who, verify in (("build", smoke.built), ("source", smoke.source)):
            lines = verify(built_home, "verify", str(signed_plan)).splitlines()
            verified(lines[0], figures["built"], who)
            if not lines[0].endswith(agreed) or lines[1:] != [
                "signed by Hanneke Vos (not trusted: self-made)"
            ]:
                raise Failed(f"{who} verify of the signed plan printed {lines!r}")
        shutil.copy(signed_plan, smoke.out / "signed-plan-from-build.pdf")
        return f": {len(present)} agreed, signed, verified by both"

    def attendance() -> str:
        """The attendance list as a workbook (openpyxl) and as a PDF to sign, from the build."""
        from openpyxl import load_workbook

        workbook, sheet = smoke.work / "attendance.xlsx", smoke.work / "attendance.pdf"
        smoke.built(built_home, "attendance", "1", "--out", str(workbook), *built_db)
        smoke.built(built_home, "attendance", "1", "--out", str(sheet), *built_db)
        cells = {
            str(value)
            for row in load_workbook(workbook, read_only=True).active.iter_rows(values_only=True)
            for value in row
        }
        if "Marieke Hermans" not in cells:
            raise Failed(f"the attendance workbook does not name Marieke Hermans: {cells}")
        if not sheet.read_bytes().startswith(b"%PDF-"):
            raise Failed("the attendance list to sign is not a PDF")
        return ": .xlsx names those present; .pdf written"

    def toolkit_from_the_build() -> str:
        listed = smoke.built(built_home, "programmes")
        inside = str(smoke.build)
        if "samenwerken-in-de-wijk" not in listed or inside not in listed:
            raise Failed(f"programmes are not read from the build's folder:\n{listed}")
        if str(REPO / "sessions") in listed:
            raise Failed("the build read the checkout's sessions/")
        return ": the programmes from the build's own folder"

    def same_user_folder() -> str:
        made = smoke.source(source_home, "demo").strip()  # in the user's data folder
        listed = smoke.built(source_home, "list")
        if not re.search(rf"^{made}\t.*\t{re.escape(DEMO_TITLE)}\t", listed, re.MULTILINE):
            raise Failed(f"the source run's session is not listed by the build:\n{listed}")
        return ": the source run's session is listed by the build"

    def migrated() -> str:
        old = smoke.work / "first-schema.sqlite3"
        first_schema_database(old)
        listed = smoke.built(built_home, "list", "--db", str(old))
        if "\tOud\t" not in listed:
            raise Failed(f"the migrated database does not list its session:\n{listed}")
        from worksession.storage.revisions import HEAD_REVISION

        with sqlite3.connect(old) as connection:
            (revision,) = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        if revision != HEAD_REVISION:
            raise Failed(f"the database is at revision {revision}, not {HEAD_REVISION}")
        return f": 0001 → {HEAD_REVISION}, its session listed"

    def offscreen() -> str:
        """The window painted on Qt's offscreen platform (its plugin is in the build too), the
        way ``make bench`` times it: first paint and ready, then it quits by itself."""
        command = [str(smoke.program(PRINTING[0])), "--measure-startup", *built_db]
        environment = dict(bare_environment(built_home), QT_QPA_PLATFORM="offscreen")
        printed = _run(command, environment, smoke.outside, 0)
        if not re.fullmatch(r"first_paint_s=[\d.]+ ready_s=[\d.]+\n", printed):
            raise Failed(f"--measure-startup printed {printed!r}")
        return f": {printed.strip()}"

    smoke.check("--version of worksession and worksession-cli", versions)
    smoke.check("demo and freeze: the same fingerprint as the source tree", demo_and_freeze)
    smoke.check("pdf and verify, both ways", pdf_and_verify)
    smoke.check("sign-off, a digital signature (pyHanko), verify", signed)
    smoke.check("the attendance list as .xlsx and .pdf", attendance)
    smoke.check("the toolkit files come with the build", toolkit_from_the_build)
    smoke.check("the user's data folder is shared with the source run", same_user_folder)
    smoke.check("a database of the first schema is migrated", migrated)
    smoke.check("the window on Qt's offscreen platform", offscreen)
    return source_home


def run_window(smoke: Smoke, home: Path) -> None:
    """The window in Xvfb: the start window with the source run's session, as a coach sees it."""
    from tests.realwindow.xsession import (
        LAPTOP,
        App,
        missing_tools,
        start_display,
        wait_for,
    )

    missing = missing_tools({"Xvfb": "xvfb", "openbox": "openbox", "xdotool": "xdotool",
                             "import": "imagemagick"})  # fmt: skip
    if missing:
        raise Failed("the window cannot be tested without " + ", ".join(missing))

    database = home / ".local" / "share" / "worksession" / "worksession.sqlite3"

    def window() -> str:
        display = start_display([LAPTOP])
        log_path = smoke.out / "window.log"
        try:
            environment = dict(bare_environment(home), DISPLAY=display.name)
            with log_path.open("wb") as log:
                process = subprocess.Popen(
                    [str(smoke.program("worksession"))],
                    env=environment, cwd=smoke.outside, stdout=log, stderr=subprocess.STDOUT,
                    start_new_session=True,
                )  # fmt: skip
            app = App(display, process, log_path, home)
            try:
                started = time.monotonic()
                app.window(START_WINDOW, timeout=60)
                opened = time.monotonic() - started
                # The source run's session, found and opened from the list with the keyboard.
                app.open_session(database, DEMO_TITLE)
                display.screenshot(smoke.out / "session-window.png", LAPTOP)
                display.key("alt+F4")  # openbox closes the session window; the list is back
                app.wait_active(START_WINDOW)
                wait_for(lambda: app.gone(re.escape(f"— {DEMO_TITLE} —")), "the session to close")
                shot = display.screenshot(smoke.out / "start-window.png", LAPTOP)
            finally:
                app.stop()
        except AssertionError as failure:
            log = log_path.read_text(errors="replace") if log_path.exists() else ""
            raise Failed(f"{failure}\n{log}") from failure
        finally:
            display.stop()
        return f": start window after {opened:.1f} s, the session opened and closed; {shot}"

    smoke.check("the window opens in Xvfb and opens the source run's session", window)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.dist.smoke", description=__doc__)
    parser.add_argument("build", type=Path, help="the build's folder (dist/worksession)")
    parser.add_argument("out", type=Path, help="where the screenshot and the plan go")
    parser.add_argument("--cli-only", action="store_true", help="without the window (no Xvfb)")
    options = parser.parse_args(argv)
    options.out.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    print(f"smoke test of the standalone build in {options.build}", flush=True)
    with tempfile.TemporaryDirectory(prefix="worksession-dist-") as folder:
        smoke = Smoke(options.build, options.out.resolve(), Path(folder))
        try:
            home = run_cli(smoke)
            if not options.cli_only:
                run_window(smoke, home)
        except Failed:
            return 1
    print(f"the standalone build passed its smoke test in {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
