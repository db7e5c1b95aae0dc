"""Frozen versions merged by fingerprint: none lost or changed, decisions of both sides kept once,
a version arriving under a number taken here gets the next free number."""

from __future__ import annotations

from typing import Any

from worksession.storage.sync_bundle import merged_versions


def _version(number: int, sha: str, *who: str) -> dict[str, Any]:
    return {
        "number": number,
        "sha256": sha,
        "snapshot": f"snapshot {sha}",
        "created_at": "2026-11-30T10:00:00+00:00",
        "decisions": [
            {"participant_key": key, "decision": "agreed", "method": "session",
             "decided_at": "2026-11-30T11:00:00+00:00", "comment": ""}
            for key in who
        ],
    }  # fmt: skip


def test_versions_merge_by_fingerprint_and_keep_every_decision_once() -> None:
    here = [_version(1, "a", "p-1"), _version(2, "b", "p-1")]
    there = [_version(1, "a", "p-1", "p-2"), _version(2, "c", "p-3")]
    merged = merged_versions(here, there)
    assert [(v["number"], v["sha256"]) for v in merged] == [(1, "a"), (2, "b"), (3, "c")]
    assert [d["participant_key"] for d in merged[0]["decisions"]] == ["p-1", "p-2"]
    assert merged[2]["snapshot"] == "snapshot c"  # moved to a free number, content as it was


def test_nothing_new_merges_to_the_same_versions() -> None:
    here = [_version(1, "a", "p-1")]
    assert merged_versions(here, [_version(1, "a", "p-1")]) == here
    assert merged_versions([], here) == here
