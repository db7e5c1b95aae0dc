"""Archive backups (what ``worksession backup`` makes of a server database), on both engines.

Every session goes into one zip as its interchange document plus its frozen plan versions and
decisions; a restore puts back exactly that, so a signed plan's PDF still verifies against the
restored database, and a follow-up still knows the session it follows up.
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from sqlmodel import select

from tests.following import make_follow_up
from worksession.domain.models import SessionOrigin
from worksession.i18n import set_language
from worksession.storage.archive_backups import list_archives, make_archive, restore_archive
from worksession.storage.database import Database
from worksession.storage.document import read_document
from worksession.storage.errors import StorageError
from worksession.storage.operations.plan import decisions, list_versions
from worksession.storage.operations.sessions import create_session, list_sessions


def _state(db: Database) -> list[tuple[object, ...]]:
    """Every session as the user sees it: document, status, versions and their decisions."""
    state = []
    for session in sorted(list_sessions(db=db), key=lambda s: s.title):
        assert session.id is not None
        versions = [
            (
                v.number, v.sha256, v.snapshot, v.created_at,
                [
                    (d.participant_key, d.participant_name, d.decision, d.comment, d.method,
                     d.decided_at)
                    for d in decisions(db=db, version_id=v.id or 0)
                ],
            )
            for v in list_versions(db=db, session_id=session.id)
        ]  # fmt: skip
        document = read_document(db=db, session_id=session.id)
        state.append((session.title, session.status, document, versions))
    return state


def _origin_titles(db: Database) -> dict[str, str]:
    """Follow-up title → the title of the session it follows up, through the stored link."""
    titles = {s.id: s.title for s in list_sessions(db=db)}
    with db.reading() as s:
        return {
            titles[row.session_id]: titles[row.origin_session_id]
            for row in s.exec(select(SessionOrigin)).all()
            if row.origin_session_id is not None
        }


def test_a_restore_brings_back_every_session_with_its_signed_plan(
    db: Database, tmp_path: Path
) -> None:
    make_follow_up(db)
    before, links = _state(db), _origin_titles(db)
    assert links and any(versions for *_, versions in before)
    archive = make_archive(db, folder=tmp_path, label="manual", retention_days=365)
    create_session(db=db, title="Later begonnen", wijk="Heerlen-Noord")

    safety, count = restore_archive(db, archive.path, folder=tmp_path, retention_days=365)

    assert count == len(before)
    assert _state(db) == before
    assert _origin_titles(db) == links  # the follow-up links to the restored original
    with zipfile.ZipFile(safety.path) as kept:  # the state before, the later session included
        titles = [
            json.loads(kept.read(name))["session"]["title"]
            for name in kept.namelist()
            if name.endswith(".json") and not name.endswith(".plan.json") and "/" in name
        ]
    assert "Later begonnen" in titles
    assert {a.label for a in list_archives(safety.path.name.split("-")[0], tmp_path)} >= {
        "manual",
        "before-restore",
    }


def _tampered(source: Path, target: Path, entry: str, change: str) -> None:
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(target, "w") as copy:
        for name in original.namelist():
            data = original.read(name)
            if name == entry:
                plan = json.loads(data)
                if change == "snapshot":
                    plan["versions"][0]["snapshot"] = plan["versions"][0]["snapshot"].replace(
                        "Kaalheide", "Kaalheid", 1
                    )
                else:
                    plan["versions"][0]["decisions"][0]["decision"] = "misschien"
                data = json.dumps(plan).encode()
            copy.writestr(name, data)


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ("snapshot", "version 1 does not match its fingerprint"),
        ("decision", "a decision on version 1 is not valid"),
    ],
)
def test_a_tampered_archive_is_refused_by_entry_and_nothing_changes(
    db: Database, tmp_path: Path, change: str, reason: str
) -> None:
    set_language("en")
    origin, _follow_up = make_follow_up(db)
    archive = make_archive(db, folder=tmp_path, label="manual", retention_days=365)
    bad = tmp_path / "bad.zip"
    _tampered(archive.path, bad, f"sessions/{origin}.plan.json", change)
    before = _state(db)
    with pytest.raises(StorageError) as refused:
        restore_archive(db, bad, folder=tmp_path, retention_days=365)
    assert str(refused.value) == (
        f"{bad} is not a usable worksession archive: sessions/{origin}.plan.json: {reason}"
    )
    assert _state(db) == before


def test_a_file_that_is_no_archive_is_named(db: Database, tmp_path: Path) -> None:
    set_language("en")
    bad = tmp_path / "notities.zip"
    bad.write_bytes(b"geen zip")
    with pytest.raises(StorageError, match=r"notities\.zip is not a usable worksession archive"):
        restore_archive(db, bad, folder=tmp_path, retention_days=365)
