"""Whole-or-nothing files (issue 12, item 6): the temporary file is created only after the content
is rendered, removed on every failure, fsynced before the rename; stale leftovers of a killed
export are removed by the next export into that folder."""

from __future__ import annotations

import os
import time

import pytest

from caseworker_app.core import atomic
from caseworker_app.core.atomic import (
    WriteError,
    atomic_path,
    atomic_write,
    atomic_write_bytes,
    remove_stale_temporaries,
)


def names(folder) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_a_render_that_fails_creates_no_temporary_file(tmp_path, monkeypatch):
    created = []
    real = atomic.tempfile.mkstemp
    monkeypatch.setattr(atomic.tempfile, "mkstemp", lambda *a, **k: created.append(1) or real(*a, **k))

    def render(handle):
        handle.write(b"half")
        assert names(tmp_path) == []  # nothing in the user's folder while rendering
        raise ValueError("render failed")

    with pytest.raises(ValueError):
        atomic_write(tmp_path / "frister.xlsx", render)
    assert created == [] and names(tmp_path) == []


def test_the_file_is_fsynced_before_it_is_renamed(tmp_path, monkeypatch):
    calls: list[str] = []
    real_fsync, real_replace = os.fsync, os.replace
    monkeypatch.setattr(atomic.os, "fsync", lambda fd: calls.append("fsync") or real_fsync(fd))
    monkeypatch.setattr(atomic.os, "replace", lambda a, b: calls.append("replace") or real_replace(a, b))
    atomic_write_bytes(tmp_path / "frister.ics", b"BEGIN:VCALENDAR")
    assert calls[:2] == ["fsync", "replace"]
    assert names(tmp_path) == ["frister.ics"]


@pytest.mark.parametrize("failing", ["fsync", "replace"])
def test_a_failed_write_or_rename_removes_the_temporary_file(tmp_path, monkeypatch, failing):
    target = tmp_path / "kalender.pdf"
    target.write_bytes(b"old")

    def fail(*_args):
        raise PermissionError("locked") if failing == "replace" else OSError("disk full")

    monkeypatch.setattr(atomic.os, failing, fail)
    with pytest.raises(OSError):
        atomic_write_bytes(target, b"new")
    assert names(tmp_path) == ["kalender.pdf"] and target.read_bytes() == b"old"


def test_a_rename_refused_by_an_open_file_is_explained_in_danish(tmp_path, monkeypatch):
    def locked(*_args):
        raise PermissionError("locked")

    monkeypatch.setattr(atomic.os, "replace", locked)
    with pytest.raises(WriteError, match="åben i et andet program"):
        atomic_write_bytes(tmp_path / "frister.xlsx", b"x")


def test_the_next_export_removes_stale_temporaries_of_its_own_pattern_only(tmp_path):
    old = time.time() - 600
    stale = tmp_path / ".frister.xlsx.k3j2h1.tmp"
    fresh = tmp_path / ".frister.xlsx.a1b2c3.tmp"  # perhaps another export writing right now
    other = tmp_path / ".rapport.xlsx.k3j2h1.tmp"  # another target's: not ours to judge
    mine = tmp_path / "noter.tmp"
    for path in (stale, fresh, other, mine):
        path.write_bytes(b"half")
    for path in (stale, other, mine):
        os.utime(path, (old, old))
    atomic_write_bytes(tmp_path / "frister.xlsx", b"whole")
    assert names(tmp_path) == sorted([fresh.name, other.name, mine.name, "frister.xlsx"])


def test_a_name_with_glob_characters_matches_only_itself(tmp_path):
    old = time.time() - 600
    leftover = tmp_path / ".uge[1].pdf.x.tmp"
    lookalike = tmp_path / ".uge1.pdf.x.tmp"
    for path in (leftover, lookalike):
        path.write_bytes(b"")
        os.utime(path, (old, old))
    assert remove_stale_temporaries(tmp_path, atomic.temporary_pattern(tmp_path / "uge[1].pdf")) == 1
    assert names(tmp_path) == [lookalike.name]


def test_a_pdf_is_rendered_outside_the_users_folder(tmp_path):
    with pytest.raises(RuntimeError), atomic_path(tmp_path / "kalender.pdf") as scratch:
        assert scratch.parent != tmp_path
        scratch.write_bytes(b"%PDF half")
        raise RuntimeError("painting failed")
    assert names(tmp_path) == [] and not scratch.parent.exists()
    with atomic_path(tmp_path / "kalender.pdf") as scratch:
        scratch.write_bytes(b"%PDF whole")
    assert (tmp_path / "kalender.pdf").read_bytes() == b"%PDF whole"
    assert names(tmp_path) == ["kalender.pdf"] and not scratch.parent.exists()
