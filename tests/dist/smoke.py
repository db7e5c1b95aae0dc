"""``make dist-test``: the standalone build run as a coach runs it, on a laptop without Python.

Every program of the build runs in an empty environment (``env -i``: a temporary HOME, a minimal
PATH, a UTF-8 locale as any desktop has), from a folder outside the checkout, so nothing of the
virtualenv or the source tree can stand in for what the build lacks. The source tree runs with the
virtualenv beside it, for comparison:

- ``--version`` of both programs;
- ``demo``, ``freeze``: the plan's fingerprint equals the source run's for the same demo;
- ``pdf``, ``verify``: the build's plan verifies in the build and in the source run, and the
  source run's plan in the build; ``signoff`` (everyone present agrees), ``sign`` with a personal
  certificate made on the spot (pyHanko), and the signed plan verified by both;
- ``attendance`` as an Excel workbook (openpyxl) and as a PDF; ``export --ics`` (icalendar);
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
import re
import shutil
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

from tests.dist.programs import (
    DEMO_TITLE,
    FINGERPRINT,
    PRINTING,
    REPO,
    Failed,
    Smoke,
    bare_environment,
    run,
)
from tests.dist.window import run_window
from worksession import __version__


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


def agree_in_source(database: Path, participants: list[str]) -> None:
    """Version 1 of session 1 agreed by ``participants``, as the app's *everyone present:
    akkoord* records it."""
    from worksession.storage.opening import open_database
    from worksession.storage.operations.plan import record_decisions

    db = open_database(database)
    try:
        record_decisions(
            db=db, session_id=1, version=1, participants=participants, decision="agreed"
        )
    finally:
        db.close()


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
            printed = run(command, bare_environment(built_home), smoke.outside, 0).strip()
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
        # The first decision through the build's command; the others at once through the
        # source tree's operation (ten more starts of the program would add 15 s and test
        # nothing new).
        smoke.built(built_home, "signoff", "1", "--version", "1", "--participant", present[0],
                    "--decision", "agreed", *built_db)  # fmt: skip
        agree_in_source(Path(built_db[1]), present[1:])
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
        """The attendance list as a workbook (openpyxl) and as a PDF to sign, and the plan's dates
        as a calendar (icalendar), from the build."""
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
        calendar = smoke.work / "plan.ics"
        smoke.built(built_home, "export", "1", "--ics", str(calendar), *built_db)
        text = calendar.read_text("utf-8")
        if not text.startswith("BEGIN:VCALENDAR") or "BEGIN:VEVENT" not in text:
            raise Failed(f"the plan's calendar is no calendar with events: {text[:200]!r}")
        return ": .xlsx names those present; .pdf written; the plan's dates as .ics"

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
        printed = run(command, environment, smoke.outside, 0)
        if not re.fullmatch(r"first_paint_s=[\d.]+ ready_s=[\d.]+\n", printed):
            raise Failed(f"--measure-startup printed {printed!r}")
        return f": {printed.strip()}"

    smoke.check("--version of worksession and worksession-cli", versions)
    smoke.check("demo and freeze: the same fingerprint as the source tree", demo_and_freeze)
    smoke.check("pdf and verify, both ways", pdf_and_verify)
    smoke.check("sign-off, a digital signature (pyHanko), verify", signed)
    smoke.check("the attendance list as .xlsx and .pdf, the plan's calendar", attendance)
    smoke.check("the toolkit files come with the build", toolkit_from_the_build)
    smoke.check("the user's data folder is shared with the source run", same_user_folder)
    smoke.check("a database of the first schema is migrated", migrated)
    smoke.check("the window on Qt's offscreen platform", offscreen)
    return source_home


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
