"""Normal forms of names: what in-article resolution, cross-article linking, the gazetteer's
index, the story features and the dossier's keys all compare."""

from __future__ import annotations

import functools
import re
import unicodedata

__all__ = [
    "given_name",
    "given_names_agree",
    "name_words",
    "norm",
    "phonetic",
    "surname",
]

_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
_NON_WORD = re.compile(r"[^\w\s-]")
_SPACES = re.compile(r"[\s-]+")
_ARTICLES = ("the ", "a ", "an ")

# Spellings that transliterate the same sound (Zelenskyy, Zelensky, Zelenskiy; Sergey, Sergei).
_PHONETIC = (
    ("ph", "f"),
    ("ck", "k"),
    ("kh", "h"),
    ("sch", "sh"),
    ("tch", "ch"),
    ("c", "k"),
    ("q", "k"),
    ("x", "ks"),
    ("w", "v"),
    ("y", "i"),
    ("j", "i"),
    ("z", "s"),
)
_REPEATS = re.compile(r"(.)\1+")
#: Romanisations of one letter before the sound key is taken: Russian "Дж" as "dzh" or "j"
#: (Dzhamshid, Jamshid), Arabic "ج" as "dj" or "j" (Djamel, Jamel), a word-initial Russian "Е"
#: as "ye" or "e" (Yevgeny, Evgeny; Yelena, Elena).
_ROMANISED = ((re.compile(r"dzh|dj"), "j"), (re.compile(r"^ye"), "e"))


@functools.lru_cache(maxsize=65536)
def norm(text: str) -> str:
    """Lower case, no accents, no dots or apostrophes, no leading article: "the U.K." -> "uk"."""
    folded = unicodedata.normalize("NFKD", text.replace("’", "'"))
    ascii_ = "".join(c for c in folded if not unicodedata.combining(c)).lower()
    for possessive in ("'s", "'"):
        if ascii_.endswith(possessive):
            ascii_ = ascii_[: -len(possessive)]
    ascii_ = _SPACES.sub(" ", _NON_WORD.sub("", ascii_)).strip()
    for article in _ARTICLES:
        if ascii_.startswith(article):
            ascii_ = ascii_[len(article) :]
    return ascii_


def name_words(name: str) -> list[str]:
    """The normalised words of a personal name without suffixes ("Jr.") or initials' dots."""
    return [w for w in norm(name).split() if w not in _SUFFIXES]


def surname(name: str) -> str:
    """The last word of a personal name ("John Paul Varga Jr." -> "varga")."""
    words = name_words(name)
    return words[-1] if words else ""


def given_name(name: str) -> str | None:
    """The first word of a personal name of two or more words, else ``None``."""
    words = name_words(name)
    return words[0] if len(words) > 1 else None


@functools.lru_cache(maxsize=65536)
def phonetic(word: str) -> str:
    """A coarse sound key: first letter plus consonant skeleton ("zelenskyy" -> "zlnsk")."""
    key = norm(word).replace(" ", "")
    for pattern, letter in _ROMANISED:
        key = pattern.sub(letter, key)
    for old, new in _PHONETIC:
        key = key.replace(old, new)
    key = _REPEATS.sub(r"\1", key)
    if not key:
        return ""
    return key[0] + "".join(c for c in key[1:] if c not in "aeiou")


#: Spellings of a given name's final vowel: "Bettie", "Bettey", "Betty".
_FINAL_Y = re.compile(r"(?:ie|ey|y)$")

#: Common English short forms of given names (both directions are checked).
_NICKNAMES = {
    "bob": "robert",
    "rob": "robert",
    "bill": "william",
    "will": "william",
    "jim": "james",
    "jimmy": "james",
    "mike": "michael",
    "tony": "anthony",
    "dick": "richard",
    "rick": "richard",
    "tom": "thomas",
    "joe": "joseph",
    "ted": "edward",
    "ed": "edward",
    "liz": "elizabeth",
    "beth": "elizabeth",
    "kate": "katherine",
    "katie": "katherine",
    "peggy": "margaret",
    "chuck": "charles",
    "charlie": "charles",
    "steve": "steven",
    "dan": "daniel",
    "dave": "david",
    "jerry": "gerald",
    "larry": "lawrence",
    "pat": "patrick",
    "sam": "samuel",
    "ben": "benjamin",
    "alex": "alexander",
    "andy": "andrew",
    "nick": "nicholas",
    "matt": "matthew",
    "chris": "christopher",
    "greg": "gregory",
    "jeff": "jeffrey",
    "jon": "jonathan",
    "ron": "ronald",
}

#: Short forms that stand for several given names ("Al Varossy" may be Albert, "Al Osei" Alfred).
_SHARED_NICKNAMES = {
    "al": frozenset({"albert", "alan", "alfred", "alexander"}),
    "ken": frozenset({"kenneth", "kenji"}),
    "sandy": frozenset({"alexander", "sandra"}),
}


def given_names_agree(a: str, b: str) -> bool:
    """Same given name, allowing an initial ("G." ~ "George"), a short form ("Fred" ~
    "Frederick", "Bob" ~ "Robert") and transliteration ("Sergey" ~ "Sergei")."""
    if a == b:
        return True
    if not a or not b:
        return False
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    if min(len(a), len(b)) >= 3 and (a.startswith(b) or b.startswith(a)):
        return True
    full_a, full_b = _NICKNAMES.get(a, a), _NICKNAMES.get(b, b)
    if b in _SHARED_NICKNAMES.get(a, ()) or a in _SHARED_NICKNAMES.get(b, ()):
        return True
    if full_a == full_b or _FINAL_Y.sub("y", a) == _FINAL_Y.sub("y", b):
        return True  # "Bettie" ~ "Betty", "Jamey" ~ "Jamie"
    # "Katie" ~ "Kathryn": a short form and another spelling of the full name.
    return phonetic(a) == phonetic(b) or phonetic(full_a) == phonetic(full_b)
