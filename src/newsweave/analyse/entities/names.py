"""Within one article: who a short name or a description refers to.

"Reiden" after "Tomas Reiden" is Tomas Reiden; "Zelenskyy" tagged as a place is the person
introduced earlier; "the British prime minister" is the British prime minister named in the
article. Every pass is linear in the number of tokens or drafts.
"""

from __future__ import annotations

import itertools

from spacy.strings import get_string_id
from spacy.tokens import Doc

from newsweave.analyse.entities.clean import Draft, role_before, role_in_apposition
from newsweave.lexicon.names import name_words, norm
from newsweave.lexicon.titles import (
    ABBREVIATED_TITLES,
    HONORIFICS,
    TITLE_HEADS,
    is_title_word,
)
from newsweave.places import known_place

#: Labels the model sometimes gives a person ("Zelenskyy" as GPE, "Trump" as ORG).
_RELABELLED = frozenset({"ORG", "GPE", "LOC", "NORP", "FAC", "PRODUCT", "WORK_OF_ART"})


#: The string ids (``Token.lower``) of every word ``add_titled_names`` takes for a title.
_TITLE_IDS = frozenset(
    get_string_id(word) for word in (*TITLE_HEADS, *HONORIFICS, *ABBREVIATED_TITLES)
)


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
        if tok.lower not in _TITLE_IDS:
            continue  # most tokens: no title word, told without reading the token's text
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
            if role is None and (span := doc.char_span(d.start, d.end)) is not None:
                role = role_in_apposition(span)
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
    # "Varga Wins": a first word may end the name only if it is someone's surname, or, in a
    # headline, a name the article uses alone again and again ("Obama Overturns Rule").
    surnames = {w.split()[-1] for w in written if " " in w} & singles
    repeated = {w for w in singles if written.count(w) >= 2}
    last_words = {w.split()[-1] for w in written if w}
    for d in drafts:
        if d.label != "PERSON" or " " not in text[d.start : d.end]:
            continue
        offset = d.start
        words = text[d.start : d.end].split(" ")
        for k, word in enumerate(words):
            offset = text.find(word, offset) + len(word)
            if offset >= d.end:
                break
            key, rest = norm(word), words[k + 1 :]
            if k == 0 and key in repeated and _headline_only(text, d, rest):
                d.end = offset  # "Obama Overturns": the rest is written nowhere else
                break
            # A later word that ends a person's name: the name goes on ("Marta Linde").
            if any(norm(w) in last_words for w in rest):
                continue
            if key in (singles if k else surnames):
                d.end = offset
                break


def _headline_only(text: str, d: Draft, rest: list[str]) -> bool:
    """Whether ``d`` stands in a title-case headline and the words after its first are written
    nowhere else in the article ("Obama Overturns": not another person's name)."""
    line_start = text.rfind("\n", 0, d.start) + 1
    line_end = text.find("\n", d.end)
    line = text[line_start : line_end if line_end >= 0 else len(text)].strip()
    words = line.split()
    title_case = sum(w[:1].isupper() for w in words) >= 0.6 * len(words)
    return title_case and not line.endswith(".") and all(text.count(w) == 1 for w in rest)


def add_repeated_names(doc: Doc, drafts: list[Draft], text: str) -> list[Draft]:
    """Other uses of a person's name the model missed ("Varga", "Nora Varga" untagged), as drafts.

    The draft takes the whole name when the words before the surname are the given names the
    article writes with it ("Nora Varga" in a headline the model left untagged). ``text`` is
    the parsed text.
    """
    surnames: dict[str, set[tuple[str, ...]]] = {}
    for d in drafts:
        if d.label == "PERSON":
            words = text[d.start : d.end].split()
            if words and words[-1][:1].isupper() and len(words[-1]) > 2:
                surnames.setdefault(words[-1], set()).add(tuple(words[:-1]))
    if not surnames:
        return drafts
    # Only kept drafts block a match: a model span dropped as garbage (a DATE run over the
    # headline after a dateline) must not hide the name inside it, nor may a headline read
    # as the title of a work ("Why the Academy Picked Nora Varga").
    covered: set[int] = set()
    for d in drafts:
        if d.label != "WORK_OF_ART":
            covered.update(range(d.start, d.end))
    surname_ids = {get_string_id(surname) for surname in surnames}  # as ``Token.orth``
    found = []
    for tok in doc:
        if not tok.is_upper and tok.orth not in surname_ids:
            continue  # most tokens, told without reading their text
        # All-caps headlines ("VARGA RETURNS") are matched too: the model misses them.
        written = tok.text.title() if tok.is_upper else tok.text
        if written not in surnames or tok.idx in covered:
            continue
        start = tok.i
        for given in sorted(surnames[written], key=len, reverse=True):
            first = tok.i - len(given)
            if given and first >= 0 and tuple(t.text for t in doc[first : tok.i]) == given:
                start = first
                break
        found.append(Draft(doc[start].idx, tok.idx + len(tok), "PERSON"))
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
    _organisations_by_first_word(drafts)
    _acronyms_defined(text, drafts)
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


def _organisations_by_first_word(drafts: list[Draft]) -> None:
    """ "Orvane" after "Orvane Laboratories": an organisation written as the first word of
    the one longer organisation's name the article gives is that organisation, unless the
    article also writes the word as a place or a person, or it is a well-known place
    ("Boston" beside "Boston Scientific")."""
    longer: dict[str, set[str]] = {}
    other_uses = set()
    for d in drafts:
        words = name_words(d.name)
        if d.label == "ORG" and len(words) > 1:
            longer.setdefault(words[0], set()).add(d.name)
        elif d.label != "ORG":
            other_uses.update(words)
    for d in drafts:
        key = norm(d.name)
        full = longer.get(key, set())
        if d.label == "ORG" and len(full) == 1 and key not in other_uses and not known_place(key):
            d.name = next(iter(full))


def _acronyms_defined(text: str, drafts: list[Draft]) -> None:
    """ "The National Anti-Corruption Bureau (NACB)": an acronym in brackets right after an
    organisation's name, made of its capitalised words' initials, is that organisation
    wherever the article writes it."""
    full: dict[str, str] = {}
    for d, after in itertools.pairwise(sorted(drafts, key=lambda d: d.start)):
        acronym = text[after.start : after.end]
        if (
            d.label == "ORG"
            and text[d.end : after.start] == " ("
            and text[after.end : after.end + 1] == ")"
            and acronym.isupper()
            and acronym == _initials(d.name)
        ):
            full[acronym] = d.name
    for d in drafts:
        if (name := full.get(text[d.start : d.end])) is not None:
            d.name, d.label = name, "ORG"


def _initials(name: str) -> str:
    """The initials of a name's capitalised words, hyphenated parts each counted: "National
    Anti-Corruption Bureau" -> "NACB"."""
    return "".join(w[0] for w in name.replace("-", " ").split() if w[:1].isupper())


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
