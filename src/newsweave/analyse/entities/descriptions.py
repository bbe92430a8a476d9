"""Descriptions that refer to a person named in the article.

Two kinds, both resolved only when the article itself says who fits:

- "the British prime minister", "the Russian leader": a nationality and a title, matched
  against the roles written before names ("British Prime Minister Keir Starmer");
- a noun the article uses for exactly one person: "actress Nadia Osei" or "Osei, an
  actress," makes "Actress Dies at 91" in the headline and "the actress" in the body that
  person; "the driver" stays unresolved when two people are called drivers.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

from newsweave.analyse.entities.clean import Draft
from newsweave.analyse.entities.labels import BUSINESS_ENDINGS, ORGANISATION_NOUNS
from newsweave.lexicon.countries import is_demonym
from newsweave.lexicon.names import norm
from newsweave.lexicon.people import is_person_noun
from newsweave.lexicon.titles import (
    LEADER_HEADS,
    is_title_word,
    role_demonyms,
    role_heads,
)

__all__ = ["describing_nouns", "find_described", "find_descriptions", "organisation_nouns"]

#: Dependency labels of a noun that says what the name next to it is.
_APPOSITION = frozenset({"appos"})
#: The labels (``Token.dep`` ids) of a noun that says what the name it hangs on is: "driver"
#: of "driver Ana Brik", of "Ana Brik, a driver,".
_DESCRIBING_DEPS = frozenset(map(get_string_id, ("appos", "compound")))
#: The string id of "the" (``Token.lower``): a test of every token that reads no text.
_THE = get_string_id("the")

#: Nouns for people: agent suffixes ("driver", "actress", "escapee", "novelist") plus the closed
#: list of the others news uses (``lexicon.people``). It keeps a misparsed apposition ("the
#: organization") out.
_PERSON_SUFFIX = re.compile(r"(?:er|or|ess|ist|ee|ian|man|woman|ant|ent|eur|ier|yer)$")


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
        if tok.lower != _THE or tok.i + 2 >= len(doc):
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


def describing_nouns(doc: Doc, drafts: list[Draft]) -> dict[str, str]:
    """Noun -> the one person the article describes with it ("actress" -> "Nadia Osei").

    A noun counts when the article writes it as the person's title ("actress Esther
    Williams"), in apposition ("Williams, an actress and swimmer,"; "the driver, Raj Singh,")
    or as what the person is ("Williams was an actress"). A noun used for two people is left
    out: it does not say which one is meant.
    """
    people: dict[str, set[str]] = {}
    named_chars: set[int] = set()  # any name: "Corran Hydro, the company ..." is no person
    for d in drafts:
        named_chars.update(range(d.start, d.end))
    for tok in doc:
        # "driver Ana Brik" where the model missed the name: a second holder of the noun.
        if tok.dep not in _DESCRIBING_DEPS:
            continue  # most tokens, told by the label's id without reading its text
        head = tok.head
        if (
            _common_noun(tok)
            and _person_noun(tok.lemma_.lower())
            and head.pos_ == "PROPN"
            and head.idx not in named_chars
        ):
            people.setdefault(tok.lemma_.lower(), set()).add(head.text)
    for d in drafts:
        if d.label != "PERSON" or not d.name:
            continue
        span = doc.char_span(d.start, d.end, alignment_mode="expand")
        nouns = set(role_heads(d.role)) if d.role else set()
        if span is not None:
            nouns.update(_nouns_about(span.root, span.start))
        for noun in filter(_person_noun, nouns):
            people.setdefault(noun, set()).add(d.name)
    return {noun: next(iter(names)) for noun, names in people.items() if len(names) == 1}


def _nouns_about(root: Token, span_start: int) -> Iterator[str]:
    """The nouns the parse attaches to a name as what its bearer is."""
    for child in root.children:
        if child.i < span_start and child.dep_ == "compound" and _common_noun(child):
            yield child.lemma_.lower()  # "actress Nadia Osei"
        elif child.i < span_start and child.dep_ in ("compound", "amod", "nmod"):
            if child.text[:1].isupper() and is_demonym(child.text):
                yield child.lower_  # "American Tony Thompson" -> "the American"
        elif child.dep_ in _APPOSITION:
            yield from _with_conjuncts(child)  # "Williams, an actress and swimmer,"
    if root.dep_ in _APPOSITION and _common_noun(root.head):
        yield from _with_conjuncts(root.head)  # "the driver, Raj Singh,"
    if root.dep_ == "nsubj" and root.head.lemma_ == "be":
        for child in root.head.children:
            if child.dep_ == "attr":
                yield from _with_conjuncts(child)  # "Williams was an actress"
    if root.dep_ in ("nsubjpass", "dobj"):
        for child in root.head.children:
            if child.dep_ == "oprd":
                yield from _with_conjuncts(child)  # "Varga was named coach"
            elif child.dep_ == "prep" and child.lower_ == "as":
                for noun in child.children:
                    if noun.dep_ == "pobj":
                        yield from _with_conjuncts(noun)  # "introduced Varga as head coach"


def _with_conjuncts(noun: Token) -> Iterator[str]:
    """A noun and the nouns coordinated with it, as lower-case lemmas."""
    for tok in (noun, *noun.conjuncts):
        if _common_noun(tok):
            yield tok.lemma_.lower()


def _common_noun(tok: Token) -> bool:
    return tok.pos_ == "NOUN" and tok.is_alpha


def _person_noun(noun: str) -> bool:
    return is_person_noun(noun) or bool(_PERSON_SUFFIX.search(noun)) or is_demonym(noun.title())


def organisation_nouns(doc: Doc, drafts: list[Draft]) -> dict[str, str]:
    """Noun -> the one organisation the article describes with it ("Corran Hydro, the company
    that runs the dam": "company" -> "Corran Hydro"), so that "the company said" is it."""
    named: dict[str, set[str]] = {}
    companies: set[str] = set()
    for d in drafts:
        span = doc.char_span(d.start, d.end, alignment_mode="expand")
        if d.label != "ORG" or span is None:
            continue
        name = d.name or doc.text[d.start : d.end]
        for noun in _nouns_about(span.root, span.start):
            if noun in ORGANISATION_NOUNS or noun in _ORGANISATION_ROLES:
                named.setdefault(noun, set()).add(name)
        head = _name_head(name)
        if head is not None:
            named.setdefault(head, set()).add(name)  # "the Harbour Workers' Union": "the union"
        if norm(name.split()[-1]) in BUSINESS_ENDINGS:
            companies.add(name)
    if len(companies) == 1:  # "Kestrel Systems ... The company denied it": the one company
        for noun in ("company", "firm"):
            named.setdefault(noun, set(companies))
    return {noun: next(iter(names)) for noun, names in named.items() if len(names) == 1}


#: What an organisation is called in apposition to its name, beyond ``ORGANISATION_NOUNS``
#: ("the terminal operator, Selvig Container Services,"): agent nouns that, said of a name
#: already read as an organisation, describe it (said of a person, "the crane operator", they
#: are not looked at here).
_ORGANISATION_ROLES = frozenset(
    """operator carrier airline broadcaster developer owner maker producer supplier
    contractor provider distributor publisher board council commission""".split()  # noqa: SIM905
)
#: Heads of institutions' names that the article may use alone for them: "the Financial
#: Conduct Board" is "the board", "the Harbour Workers' Union" "the union", "the Ministry of
#: Transport" "the ministry". Not "court", "party", "bank", "hospital", "university": a story
#: names several of those, and read as one they cost ECB+ story recall (0.973 -> 0.959).
_NAME_HEADS = frozenset(
    "union board council commission committee ministry agency authority regulator".split()  # noqa: SIM905
)


def _name_head(name: str) -> str | None:
    """The institutional head noun of an organisation's name ("Harbour Workers' Union" ->
    "union", "Ministry of Transport" -> "ministry"), or None."""
    words = name.lower().split()
    if len(words) < 2:
        return None  # "Union" alone is no name with a head
    head = words[0] if words[1] == "of" else words[-1]
    return head if head in _NAME_HEADS else None


def find_described(
    doc: Doc, drafts: list[Draft], nouns: dict[str, str], *, label: str = "PERSON"
) -> list[Draft]:
    """Headline nouns ("Actress Dies") and "the actress" as drafts (PERSON unless ``label``
    says otherwise) of the one bearer ``nouns`` gives each noun."""
    if not nouns:
        return []
    taken: set[int] = set()
    for d in drafts:
        if d.label == "PERSON":  # a headline run into an ORG or a title loses to the person
            taken.update(range(d.start, d.end))
    starts = {d.start for d in drafts if d.label == "PERSON"}
    noun_ids = {get_string_id(noun) for noun in nouns}  # ``Token.lower``: no text read
    found = []
    for tok in doc:
        if tok.lower not in noun_ids:
            continue
        name = nouns.get(tok.lower_)
        if name is None or tok.idx in taken or _titles_name(tok, starts):
            continue
        article = _definite_article(tok)
        if article is not None:
            start = article.idx  # "the actress", "the 40-year-old American"
        elif tok.text[:1].isupper() and not is_demonym(tok.text):
            start = tok.idx  # "Actress Dies at 91"; a bare "American" is an adjective
        else:
            continue
        found.append(Draft(start, tok.idx + len(tok), label, role=tok.text, name=name))
    return found


def _titles_name(noun: Token, person_starts: set[int]) -> bool:
    """ "Actress Nadia Osei", "Chief Fire Officer Aleksei Moravin", "Chief executive Lidia
    Marek": the noun opens the title of the name that follows, it is not a mention of its
    own."""
    doc = noun.doc
    i = noun.i + 1
    while i < len(doc) and is_title_word(doc[i].text):
        i += 1
    return i < len(doc) and doc[i].idx in person_starts


def _definite_article(noun: Token) -> Token | None:
    """The "the" of the noun phrase ``noun`` heads ("the driver's"), else ``None``."""
    if noun.dep_ in ("compound", "amod"):
        return None  # "the driver seat": the noun qualifies another
    for child in noun.lefts:
        if child.dep_ == "det" and child.lower_ == "the":
            return child
    return None
