"""Check a plan PDF against the coach's archive: is this version, with these decisions, the one
recorded in the database?

A plan file proves on its own only that it is what the app draws from the data it carries.
Someone with the app on another laptop can make a self-consistent plan with other decisions; what
tells the two apart is the coach's own record. This compares the file's version (by its content
fingerprint) and every decision in it with what the database holds, and names each difference.

Its words are fixed, like ``verify``'s: the same answer in every language.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlmodel import col, select

from worksession.domain.models import PlanVersion
from worksession.export.pdf.payload import (
    DecisionRecord,
    PlanPayload,
    as_utc,
    utc_text,
)
from worksession.export.pdf.verify import Verdict, one_line, verify_plan
from worksession.export.pdf.when import local_minute
from worksession.storage.database import Database
from worksession.workflows.plan_export import version_decisions

DECISION_WORDS = {"agreed": "akkoord", "changes": "wijziging gevraagd"}
METHOD_WORDS = {"session": "in de sessie", "email": "per e-mail"}


@dataclass(frozen=True)
class ArchiveCheck:
    """What the archive says of a plan file: where it is recorded, and every difference."""

    differences: tuple[str, ...]
    session_id: int | None = None
    version: int | None = None

    @property
    def matches(self) -> bool:
        return self.session_id is not None and not self.differences

    @property
    def lines(self) -> list[str]:
        """What ``verify --db`` prints after the verdict."""
        if self.session_id is None:
            return [f"archive: NOT RECORDED — {self.differences[0]}"]
        where = f"session {self.session_id} version {self.version}"
        if not self.differences:
            return [f"archive: recorded as {where}, with the same decisions"]
        return [f"archive: DIFFERS from {where}", *(f"  {d}" for d in self.differences)]


def check_against_archive(*, db: Database, payload: PlanPayload) -> ArchiveCheck:
    """Compare the file's version and decisions with the ones recorded in ``db``."""
    if payload.draft:
        return ArchiveCheck(("a concept that was never frozen is not recorded in any archive",))
    with db.reading() as s:
        versions = list(
            s.exec(
                select(PlanVersion)
                .where(PlanVersion.sha256 == payload.sha256)
                .order_by(col(PlanVersion.id))
            ).all()
        )
    if not versions:
        number = payload.snapshot["version"]
        return ArchiveCheck(
            (
                f"no version {number} with fingerprint sha256:{payload.sha256} is recorded in "
                "this archive",
            )
        )
    checks = [_compare(db, version, payload) for version in versions]
    # The same content frozen in two sessions (a duplicate) has one fingerprint: any one whose
    # decisions are those of the file is the record of it.
    return next((check for check in checks if check.matches), checks[0])


def _compare(db: Database, version: PlanVersion, payload: PlanPayload) -> ArchiveCheck:
    assert version.id is not None
    recorded = {d["participant_key"]: d for d in version_decisions(db=db, version=version)}
    in_file = {d["participant_key"]: d for d in payload.decisions}
    differences: list[str] = []
    frozen = utc_text(as_utc(version.created_at))
    if payload.dated != frozen:
        differences.append(
            f"frozen at {local_minute(payload.dated)} in file, {local_minute(frozen)} recorded"
        )
    for key in sorted(in_file.keys() | recorded.keys()):
        differences += _decision_differences(in_file.get(key), recorded.get(key))
    return ArchiveCheck(tuple(differences), version.session_id, version.number)


def _decision_differences(
    in_file: DecisionRecord | None, recorded: DecisionRecord | None
) -> list[str]:
    either = in_file or recorded
    assert either is not None
    name = one_line(either["participant_name"])
    if recorded is None:
        assert in_file is not None
        return [f"decision of {name} is not recorded: {_word(in_file)} in file"]
    if in_file is None:
        return [f"decision of {name} is not in the file: {_word(recorded)} recorded"]
    found = []
    if in_file["decision"] != recorded["decision"]:
        found.append(
            f"decision of {name} differs: {_word(in_file)} in file, {_word(recorded)} recorded"
        )
    if in_file["comment"] != recorded["comment"]:
        found.append(
            f"comment of {name} differs: {one_line(repr(in_file['comment']))} in file, "
            f"{one_line(repr(recorded['comment']))} recorded"
        )
    if in_file["decided_at"] != recorded["decided_at"]:
        found.append(
            f"time of {name}'s decision differs: {local_minute(in_file['decided_at'])} in file, "
            f"{local_minute(recorded['decided_at'])} recorded"
        )
    if in_file["method"] != recorded["method"]:
        found.append(
            f"how {name} decided differs: {METHOD_WORDS[in_file['method']]} in file, "
            f"{METHOD_WORDS[recorded['method']]} recorded"
        )
    return found


def _word(decision: DecisionRecord) -> str:
    return DECISION_WORDS[decision["decision"]]


@dataclass(frozen=True)
class FileCheck:
    """A plan file checked on its own and, when an archive is given, against it."""

    verdict: Verdict
    archive: ArchiveCheck | None = None

    @property
    def lines(self) -> list[str]:
        return self.verdict.lines + (self.archive.lines if self.archive is not None else [])

    @property
    def exit_code(self) -> int:
        if self.archive is not None and not self.archive.matches:
            return 1
        return self.verdict.exit_code


def check_plan_file(data: bytes, db: Database | None, *, trust: Sequence[bytes] = ()) -> FileCheck:
    """``verify`` of the bytes, and the archive check when ``db`` is given and the file is OK.

    ``trust``: the certificates (DER) that make a signature "trusted"."""
    verdict = verify_plan(data, trust=trust)
    if db is None or not verdict.ok or verdict.payload is None:
        return FileCheck(verdict)
    return FileCheck(verdict, check_against_archive(db=db, payload=verdict.payload))
