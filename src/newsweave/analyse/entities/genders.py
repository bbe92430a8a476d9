"""The gender a person's name or role says: from a role word, else from the given name.

A role that says it ("spokeswoman", "Mrs", "King") decides; else the given name does, read
from the name table of the ``nomquamgender`` package (Van Buskirk et al., MIT licence: how
often each of some 700,000 given names is borne by women and by men across 36 national and
bibliographic sources). A name counts as one gender's only when at least ``DECISIVE`` of its
bearers are of that gender and it was seen ``MIN_COUNT`` times; "Jean", "Kim" or "Taylor"
stay unknown.

The package module itself imports pandas at import time, so the table is read from its data
file directly, once per process and only when a name first needs it.
"""

from __future__ import annotations

import importlib.util
import re
from functools import cache
from pathlib import Path
from typing import Literal

from unidecode import unidecode

from newsweave.lexicon import word_set

Gender = Literal["f", "m"]

#: Share of a name's bearers of one gender for the name to count as that gender's.
DECISIVE = 0.9
#: A name seen fewer times than this in the table is not trusted either way.
MIN_COUNT = 20

FEMININE_WORDS = word_set(
    """
    mrs mrs. ms ms. miss madam madame queen princess duchess lady dame actress spokeswoman
    chairwoman congresswoman councilwoman businesswoman policewoman anchorwoman sister mother
    daughter wife widow grandmother aunt niece girl woman
    """
)
MASCULINE_WORDS = word_set(
    """
    mr mr. sir king prince duke lord actor spokesman chairman congressman councilman
    businessman policeman anchorman brother father son husband widower grandfather uncle
    nephew boy man
    """
)
#: A given name borne at least this often in the table is one people commonly bear ("Jordan",
#: "Paris", "Austin"); a place's name seen less often is rather the place ("Seattle", "Miami").
COMMON_GIVEN = 1_000
#: One entry of the table: `"mary": [33, 4543095, 0.98, ...]` (sources, count, share female).
_ENTRY = re.compile(r'"([a-z\-]+)": \[\d+, (\d+), ([\d.e\-]+)')


def gender_of(name: str, role: str = "") -> Gender | None:
    """``f``, ``m`` or None (not known) for a person's name and the role written with it."""
    roles = set(role.lower().split())
    if roles & FEMININE_WORDS and not roles & MASCULINE_WORDS:
        return "f"
    if roles & MASCULINE_WORDS and not roles & FEMININE_WORDS:
        return "m"
    words = name.split()
    return given_names().get(unidecode(words[0]).lower().strip(".")) if words else None


def given_names() -> dict[str, Gender]:
    """Given names whose gender is decisive in the table (empty if the package is missing)."""
    return _read_table()[0]


def is_common_given_name(word: str) -> bool:
    """Whether many people bear ``word`` as their given name, whatever their gender."""
    return unidecode(word).lower().strip(".") in _read_table()[1]


@cache
def _read_table() -> tuple[dict[str, Gender], frozenset[str]]:
    """The table read once: the names whose gender is decisive, and the names commonly borne."""
    path = _table()
    if path is None:
        return {}, frozenset()
    genders: dict[str, Gender] = {}
    common: set[str] = set()
    for match in _ENTRY.finditer(path.read_text(encoding="utf-8")):
        count = int(match.group(2))
        if count >= COMMON_GIVEN:
            common.add(match.group(1))
        if count < MIN_COUNT:
            continue
        female = float(match.group(3))
        if female >= DECISIVE:
            genders[match.group(1)] = "f"
        elif female <= 1 - DECISIVE:
            genders[match.group(1)] = "m"
    return genders, frozenset(common)


def _table() -> Path | None:
    """The package's name table, found without importing the package."""
    spec = importlib.util.find_spec("nomquamgender")
    for folder in (spec.submodule_search_locations or []) if spec is not None else []:
        path = Path(folder) / "name_data.json"
        if path.is_file():
            return path
    return None
