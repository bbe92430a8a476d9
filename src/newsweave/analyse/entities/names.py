"""Within one article: who a short name or a description refers to.

"Trump" after "Donald Trump" is Donald Trump; "Zelenskyy" tagged as a place is the person
introduced earlier; "the British prime minister" is the British prime minister named in the
article. Every pass is linear in the number of tokens or drafts.
"""

from __future__ import annotations

from spacy.tokens import Doc

from newsweave.analyse.entities.clean import Draft, role_before
from newsweave.analyse.entities.keys import name_words, norm
from newsweave.analyse.entities.roles import (
    ABBREVIATED_TITLES,
    HONORIFICS,
    LEADER_HEADS,
    TITLE_HEADS,
    is_demonym,
    is_title_word,
    role_demonyms,
    role_heads,
)

#: Labels the model sometimes gives a person ("Zelenskyy" as GPE, "Trump" as ORG).
_RELABELLED = frozenset({"ORG", "GPE", "LOC", "NORP", "FAC", "PRODUCT", "WORK_OF_ART"})


def add_titled_names(doc: Doc, drafts: list[Draft]) -> list[Draft]:
    """Names the model missed after a title ("Federal Chancellor Merz"), as PERSON drafts.

    When the model tagged only the surname ("Fire chief Alexei [Moravin]"), the person's
    draft is widened to the given name instead.
    """
    covered: set[int] = set()
    for ent in doc.ents:
        covered.update(range(ent.start_char, ent.end_char))
    people = {d.start: d for d in drafts if d.label == "PERSON"}
    found = []
    n = len(doc)
    for i, tok in enumerate(doc):
        low = tok.lower_
        titled = low in TITLE_HEADS or (
            tok.text[:1].isupper() and (low in HONORIFICS or low in ABBREVIATED_TITLES)
        )
        if not titled or i + 1 >= n or doc[i + 1].pos_ != "PROPN":
            continue
        j = i + 1
        while (
            j < n
            and j - i <= 3
            and doc[j].text[:1].isupper()
            and doc[j].is_alpha
            and not is_title_word(doc[j].text)
            and doc[j].idx not in covered
        ):
            j += 1
        if j == i + 1:
            continue
        if j < n and doc[j].idx in people:
            people[doc[j].idx].start = doc[i + 1].idx
        else:
            found.append(Draft(doc[i + 1].idx, doc[j - 1].idx + len(doc[j - 1]), "PERSON"))
    return drafts + found


def fill_roles(doc: Doc, drafts: list[Draft]) -> None:
    """Set each person's role from the title written before it (or shared by coordination)."""
    by_char = {tok.idx: tok.i for tok in doc}
    previous: Draft | None = None
    for d in sorted(drafts, key=lambda d: d.start):
        index = by_char.get(d.start)
        if index is not None and d.role is None:
            role, _, plural = role_before(doc, index)
            if role is not None:
                d.role, d.role_plural = role, plural
                if d.label in _RELABELLED:
                    d.label = "PERSON"
            elif (
                previous is not None
                and previous.role_plural
                and index > 0
                and doc[index - 1].lower_ in {"and", ","}
                and d.label == "PERSON"
            ):
                d.role = previous.role
        previous = d


def trim_headline_words(text: str, drafts: list[Draft]) -> None:
    """ "Nora Varga Wins" -> "Nora Varga": cut after a surname the article uses alone.

    Title-case headlines make the model run names into the next words; a surname written
    elsewhere in the article marks where the name really ends.
    """
    written = [norm(text[d.start : d.end]) for d in drafts if d.label == "PERSON"]
    singles = {w for w in written if w and " " not in w}
    # "Varga Wins": a first word may end the name only if it is someone's surname.
    surnames = {w.split()[-1] for w in written if " " in w} & singles
    last_words = {w.split()[-1] for w in written if w}
    for d in drafts:
        if d.label != "PERSON" or " " not in text[d.start : d.end]:
            continue
        offset = d.start
        words = text[d.start : d.end].split(" ")
        for k, word in enumerate(words):
            offset = text.find(word, offset) + len(word)
            rest_is_name = any(norm(w) in last_words for w in words[k + 1 :])
            if offset < d.end and not rest_is_name and norm(word) in (singles if k else surnames):
                d.end = offset
                break


def add_repeated_names(doc: Doc, drafts: list[Draft]) -> list[Draft]:
    """Later uses of a person's surname the model missed ("Varga" untagged), as drafts."""
    surnames = {}
    text = doc.text
    for d in drafts:
        if d.label == "PERSON":
            words = text[d.start : d.end].split()
            if words and words[-1][:1].isupper() and len(words[-1]) > 2:
                surnames[words[-1]] = d
    if not surnames:
        return drafts
    covered: set[int] = set()
    for ent in doc.ents:
        covered.update(range(ent.start_char, ent.end_char))
    for d in drafts:
        covered.update(range(d.start, d.end))
    # All-caps headlines ("VARGA RETURNS") are matched too: the model misses them.
    found = [
        Draft(tok.idx, tok.idx + len(tok), "PERSON")
        for tok in doc
        if (tok.text in surnames or (tok.is_upper and tok.text.title() in surnames))
        and tok.idx not in covered
    ]
    return drafts + found


def resolve_names(text: str, drafts: list[Draft]) -> None:
    """Give each draft its clean name; short names take the full name they abbreviate."""
    for d in drafts:
        written = text[d.start : d.end]
        if written.lower().startswith("the "):
            written = written[4:]
        written = d.written_name or written
        d.name = f"{d.given} {written}" if d.given else written
    full_by_surname: dict[str, list[tuple[int, str]]] = {}
    full_by_given: dict[str, set[str]] = {}
    full_names = set()
    for d in drafts:
        words = name_words(d.name)
        if d.label == "PERSON" and len(words) > 1:
            full_by_surname.setdefault(words[-1], []).append((d.start, d.name))
            full_by_given.setdefault(words[0], set()).add(norm(d.name))
            full_names.add(norm(d.name))
    for d in drafts:
        key = norm(d.name)
        if key in full_names:
            if d.label != "PERSON" and d.label in _RELABELLED:
                d.label = "PERSON"
            continue
        if (
            d.label == "PERSON"
            and key not in full_by_surname
            and len(full_by_given.get(key, ())) == 1
        ):
            # "Nora" after "Nora Varga", when no other Nora is named in the article.
            d.name = next(n for _, n in _by_given(drafts, key))
            continue
        if " " in key or key not in full_by_surname:
            continue
        if d.label != "PERSON" and d.label not in _RELABELLED:
            continue
        d.label = "PERSON"
        d.name = _nearest(full_by_surname[key], d.start)


def _by_given(drafts: list[Draft], given: str) -> list[tuple[int, str]]:
    """(start, name) of the multi-word person names whose first word is ``given``."""
    return [
        (d.start, d.name)
        for d in drafts
        if d.label == "PERSON" and len(name_words(d.name)) > 1 and name_words(d.name)[0] == given
    ]


def _nearest(candidates: list[tuple[int, str]], position: int) -> str:
    """The latest full name written before ``position``, else the first one after it."""
    before = [name for start, name in candidates if start < position]
    return before[-1] if before else candidates[0][1]


def find_descriptions(doc: Doc, drafts: list[Draft]) -> list[Draft]:
    """ "the British prime minister" as a PERSON draft naming the person with that role."""
    holders: list[tuple[int, str, frozenset[str], frozenset[str]]] = []
    roles_by_name: dict[str, set[str]] = {}
    for d in drafts:
        if d.label == "PERSON" and d.role:
            roles_by_name.setdefault(d.name, set()).add(d.role)
    for d in sorted(drafts, key=lambda d: d.start):
        for role in roles_by_name.get(d.name, ()) if d.label == "PERSON" else ():
            holders.append((d.start, d.name, role_heads(role), role_demonyms(role)))
    if not holders:
        return []
    taken = {d.start for d in drafts if d.label == "PERSON"}
    found = []
    for tok in doc:
        if tok.lower_ != "the" or tok.i + 2 >= len(doc):
            continue
        described = _description_at(doc, tok.i, taken)
        if described is None:
            continue
        end, heads, demonyms = described
        name = _holder(holders, tok.idx, heads, demonyms)
        if name is not None:
            role = doc.text[doc[tok.i + 1].idx : end]
            found.append(Draft(tok.idx, end, "PERSON", role=role, name=name))
    return found


def _description_at(
    doc: Doc, i: int, taken: set[int]
) -> tuple[int, frozenset[str], frozenset[str]] | None:
    """(end offset, heads, demonyms) of "the <Demonym> <title>" starting at token ``i``."""
    j = i + 1
    words = []
    while j < len(doc) and j - i <= 4 and (is_title_word(doc[j].text) or is_demonym(doc[j].text)):
        words.append(doc[j])
        j += 1
    if not words or doc[i + 1].idx in taken:
        return None
    if j < len(doc) and (doc[j].text[:1].isupper() or doc[j].lower_ in {"'s", "’s", "of"}):
        return None  # "the Ukrainian President's Office", "the president of ...", a name follows
    role = " ".join(w.text for w in words)
    heads, demonyms = role_heads(role), role_demonyms(role)
    if not heads or not demonyms:
        return None  # "the president" alone is too vague to resolve safely
    return words[-1].idx + len(words[-1]), heads, demonyms


def _holder(
    holders: list[tuple[int, str, frozenset[str], frozenset[str]]],
    position: int,
    heads: frozenset[str],
    demonyms: frozenset[str],
) -> str | None:
    """The person whose role matches, preferring the latest one named before ``position``."""
    generic = heads & LEADER_HEADS and "leader" in heads
    matches = [
        (start, name)
        for start, name, h, dem in holders
        if demonyms & dem and (heads & h or (generic and h & LEADER_HEADS))
    ]
    if len({name for _, name in matches}) != 1 and matches:
        before = [name for start, name in matches if start < position]
        return before[-1] if before else None
    return matches[0][1] if matches else None
