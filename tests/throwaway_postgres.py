"""A throwaway PostgreSQL server from the installed binaries, for the test suite and the benches.

``initdb`` into a temporary folder, ``pg_ctl start`` on 127.0.0.1 and a free port, trust
authentication, ``fsync=off`` (nothing here needs to survive a crash); stopped and deleted when
the block ends. ``initdb`` refuses to run as root, so as root the server tools run as the
``postgres`` user. ``tests/conftest.py`` and ``bench/store_scale.py`` both start theirs here.
"""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path

__all__ = ["MISSING", "free_port", "server_bindir", "throwaway_postgres"]

MISSING = "PostgreSQL server binaries are missing: run `make install`"


def free_port() -> int:
    """A TCP port free on the loopback interface right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def server_bindir() -> Path | None:
    """The newest installed PostgreSQL server's ``bin`` folder (Debian's layout), or ``None``."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    return Path(found[-1]).parent if found else None


def _as_postgres(*cmd: str) -> list[str]:
    """initdb refuses to run as root: run the server tools as the postgres user then."""
    return ["runuser", "-u", "postgres", "--", *cmd] if os.geteuid() == 0 else list(cmd)


@contextlib.contextmanager
def throwaway_postgres(settings: Sequence[str] = ()) -> Iterator[str]:
    """Run a fresh server while the block runs; yields its base URL (``postgresql://...``).

    Args:
        settings: extra server settings, each ``name=value`` (passed as ``-c name=value``).

    Raises:
        FileNotFoundError: no server binaries are installed (the message says how to fix it).
    """
    bindir = server_bindir()
    if bindir is None:
        raise FileNotFoundError(MISSING)
    workdir = Path(tempfile.mkdtemp(prefix="newsweave-pg-"))
    data = workdir / "data"
    data.mkdir()
    if os.geteuid() == 0:
        os.chmod(workdir, 0o755)
        shutil.chown(data, "postgres", "postgres")
        shutil.chown(workdir, "postgres", "postgres")
    port = free_port()
    try:
        _initdb(bindir, data)
        options = f"-p {port} -c listen_addresses=127.0.0.1 -k {workdir} -c fsync=off"
        options += "".join(f" -c {setting}" for setting in settings)
        _pg_ctl(bindir, data, "-o", options, "-l", str(workdir / "log"), "-w", "start")
        yield f"postgresql://postgres@127.0.0.1:{port}"
    finally:
        subprocess.run(
            _as_postgres(str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"),
            capture_output=True,
        )
        shutil.rmtree(workdir, ignore_errors=True)


def _initdb(bindir: Path, data: Path) -> None:
    """A new cluster in ``data``: superuser ``postgres``, trusted locally, UTF-8."""
    subprocess.run(
        _as_postgres(
            str(bindir / "initdb"),
            "-D",
            str(data),
            "-A",
            "trust",
            "-U",
            "postgres",
            "--no-sync",
            "-E",
            "UTF8",
        ),
        check=True,
        capture_output=True,
    )


def _pg_ctl(bindir: Path, data: Path, *args: str) -> None:
    subprocess.run(
        _as_postgres(str(bindir / "pg_ctl"), "-D", str(data), *args),
        check=True,
        capture_output=True,
    )
