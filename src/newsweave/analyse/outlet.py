"""The outlet of an article that does not say it in its metadata, from how it names itself.

Reporters refer to their own outlet in a few fixed ways: "Valley News Digital could not reach the
mayor", "an aide confirmed to the Coast Independent", "The Herald has learned".
Mentions of other outlets ("Osterlund Radio quoted ...", "according to Reuters") are not such cues.
"""

from __future__ import annotations

import re
from collections import Counter

from newsweave.records import Article

_NAME = r"(?:[Tt]he )?[A-Z][\w&'.-]*(?: [A-Z][\w&'.-]*){0,4}"

# Cues that only the outlet itself uses; the captured name is the outlet.
_SELF_BEFORE = re.compile(
    rf"(?P<outlet>{_NAME}) (?:could not|did not|was unable to|could not independently) "
    r"(?:immediately |independently )?(?:reach|verify|confirm)\b"
    rf"|(?P<outlet2>{_NAME}) (?:has|have) (?:learned|learnt|obtained|seen)\b"
    rf"|(?P<outlet3>{_NAME}) (?:reached out to|contacted|asked)\b"
)
_SELF_AFTER = re.compile(
    r"\b(?:told|confirmed to|said to|speaking to|in an interview with|wrote to) "
    rf"(?P<outlet>the {_NAME})"
)
# A name after "told" is an outlet only when it looks like one ("told the Senate" is not).
_OUTLET_WORDS = re.compile(
    r"\b(?:News|Times|Post|Gazette|Independent|Herald|Journal|Observer|Courier|Tribune|Telegraph|"
    r"Guardian|Press|Agency|Radio|TV|Television|Digital|Daily|Monitor|Review|Express|Mail|"
    r"Standard|Chronicle|Reuters|AP|AFP|BBC|CNN|Post-Dispatch|Insider|Politico|Wire)\b"
)
_TRAILING = re.compile(r"(?: Digital| Online| staff| reporters?)$")


def infer_outlet(article: Article) -> tuple[str, str] | None:
    """``(outlet, evidence)`` from the article's references to itself, or ``None``."""
    found: Counter[str] = Counter()
    evidence: dict[str, str] = {}
    for match in _SELF_BEFORE.finditer(article.text):
        name = match.group("outlet") or match.group("outlet2") or match.group("outlet3")
        _note(name, match.group(), found, evidence, need_outlet_word=False)
    for match in _SELF_AFTER.finditer(article.text):
        _note(match.group("outlet"), match.group(), found, evidence, need_outlet_word=True)
    if not found:
        return None
    outlet, _ = found.most_common(1)[0]
    return outlet, f"the text names its outlet: {evidence[outlet]!r}"


def _note(
    name: str, cue: str, found: Counter[str], evidence: dict[str, str], *, need_outlet_word: bool
) -> None:
    name = _TRAILING.sub("", name.removeprefix("The ").removeprefix("the ").rstrip(".,"))
    if not name or (need_outlet_word and not _OUTLET_WORDS.search(name)):
        return
    if not _OUTLET_WORDS.search(name) and len(name.split()) == 1:
        return  # "Officials could not immediately confirm": a common noun, not an outlet
    found[name] += 1
    evidence.setdefault(name, cue)
