"""Atomic writes: the old file or the new one, never half of it, and no temporary file left."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from worksession.support.files import atomic_write_bytes


def test_a_write_replaces_the_file_whole(tmp_path: Path) -> None:
    target = tmp_path / "plan.pdf"
    target.write_bytes(b"oud")
    atomic_write_bytes(target, b"nieuw")
    assert target.read_bytes() == b"nieuw"
    assert [p.name for p in tmp_path.iterdir()] == ["plan.pdf"]


def test_a_failed_write_keeps_the_old_file_and_leaves_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "plan.pdf"
    target.write_bytes(b"oud")

    def disk_full(_descriptor: int) -> None:
        # A full disk cannot be made here on demand; it shows up when the data is flushed.
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(OSError, match="No space"):
        atomic_write_bytes(target, b"nieuw")
    assert target.read_bytes() == b"oud"
    assert [p.name for p in tmp_path.iterdir()] == ["plan.pdf"]
