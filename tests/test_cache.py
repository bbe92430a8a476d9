"""Derived files in the cache folder: written whole, earlier builds removed once unused."""

from __future__ import annotations

import os
import time
from pathlib import Path

from newsweave.cache import STALE_AFTER, in_use, written_whole


def test_a_new_build_removes_earlier_builds_only_once_unused(tmp_path: Path) -> None:
    """Another installation's index, still in use, stays: two installations that share the
    folder must not delete each other's build at every start."""
    abandoned = tmp_path / "index-aaaaaaaaaaaa.sqlite"
    elsewhere = tmp_path / "index-bbbbbbbbbbbb.sqlite"
    for old in (abandoned, elsewhere):
        old.write_bytes(b"an earlier build")
        unused = time.time() - STALE_AFTER - 60
        os.utime(old, (unused, unused))
    in_use(elsewhere)  # opened by the other installation just now
    path = tmp_path / "index-cccccccccccc.sqlite"
    with written_whole(path, replaces="index-*.sqlite") as partial:
        partial.write_bytes(b"the new build")
    assert sorted(p.name for p in tmp_path.iterdir()) == [elsewhere.name, path.name]
    assert path.read_bytes() == b"the new build"
