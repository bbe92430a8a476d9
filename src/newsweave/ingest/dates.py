"""Publication dates from metadata: ISO dates and datetimes, RFC 822, a few common forms."""

from __future__ import annotations

import datetime as dt
import email.utils
import re

_FORMATS = ("%Y-%m-%d", "%Y/%m/%d", "%d %B %Y", "%B %d, %Y", "%d %b %Y", "%b %d, %Y")


def parse_published(value: object) -> str | None:
    """Normalise a metadata date to ``YYYY-MM-DD``; ``None`` when absent or unreadable."""
    if value is None:
        return None
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()[:10]
    text = str(value).strip()
    if not text:
        return None
    iso = re.sub(r"Z$", "+00:00", text)
    try:
        return dt.datetime.fromisoformat(iso).date().isoformat()
    except ValueError:
        pass
    try:
        return email.utils.parsedate_to_datetime(text).date().isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    for fmt in _FORMATS:
        try:
            return dt.datetime.strptime(text, fmt).date().isoformat()
        except ValueError:
            continue
    return None
