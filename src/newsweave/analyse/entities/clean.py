"""Repair the model's entity spans: brackets, stray punctuation, titles swallowed into names.

Each raw span becomes a ``Draft``: exact offsets of the clean name, its label, and the role
written with it. Drafts are internal to entity finding; ``find_entities`` turns them into
``EntityMention`` records.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from newsweave.analyse.quotes.cues import spoken_past
from newsweave.lexicon.countries import is_demonym
from newsweave.lexicon.titles import (
    ABBREVIATED_TITLES,
    HONORIFICS,
    is_head,
    is_title_word,
    singular,
)

_EDGE_PUNCT = " \t\n,;:!?\"'“”‘’«»()-–—*/|"
_QUOTES = '"“”«»'
_ABBREVIATIONS = frozenset(["jr", "sr", "inc", "co", "corp", "ltd", "st", "mt", "ft", "bros"])
_POSSESSIVES = ("'s", "’s", "'", "’")
#: Time zones and clock words that a dateline runs into a name ("22:46 GMT Marta Szabo"):
#: cut only right after a clock time, since "Mt Hood" or "Pt Reyes" are names.
_CLOCK_WORDS = frozenset(
    "gmt utc bst cet cest et est edt ct cst cdt mt mst mdt pt pst pdt am pm a.m. p.m.".split()  # noqa: SIM905
)
_CLOCK_TIME = re.compile(r"\d{1,2}[:.]\d\d\s*$")
_SPACED_DASH = re.compile(r"\s[-–—]\s")


@dataclass
class Draft:
    """A mention being cleaned: offsets of the name, label, role, and given names from brackets."""

    start: int
    end: int
    label: str
    role: str | None = None
    role_plural: bool = False  # "Prime Ministers Starmer and Tusk": the role is shared
    given: str = ""  # "[... Vladimir] Putin": a given name written inside brackets
    name: str = ""
    written_name: str = ""  # the name when it differs from the span ("Anna (Annie) Kerr")


def clean_span(
    doc: Doc, ent: Span, *, text: str, sentence_starts: frozenset[int] = frozenset()
) -> Draft | None:
    """The clean draft for one model span, or ``None`` when nothing name-like is left.

    ``text`` is ``doc.text``, passed in because spaCy rebuilds that string on every access;
    ``sentence_starts`` holds the token indexes that open a sentence.
    """
    start, end = ent.start_char, ent.end_char
    tokens = list(ent)
    for k in range(1, len(tokens)):
        if tokens[k].i in sentence_starts or (
            ent.label_ != "PERSON" and len(tokens[k - 1].text) == 2 and tokens[k - 1].text[1] == "."
        ):  # "X. Critics": a span never crosses a sentence boundary
            tokens = tokens[:k]
            end = tokens[-1].idx + len(tokens[-1])
            break
    if ent.label_ == "PERSON":  # "Kerr in": a name never ends with a lower-case word
        while len(tokens) > 1 and tokens[-1].is_alpha and tokens[-1].is_lower:
            tokens.pop()
        end = tokens[-1].idx + len(tokens[-1])
    if "://" in ent.text or ent.text.lower().startswith("www."):
        return None  # a web address the model took for an organisation
    if all(t.like_num for t in tokens):
        return None  # "Eleven tank cars left the track": a number opening a sentence
    if len(tokens) == 1 and tokens[0].tag_ in ("NN", "NNS") and tokens[0].i in sentence_starts:
        return None  # "Schools will stay closed": a common noun, capitalised by its place
    if ent.label_ == "ORG" and len(tokens) == 1 and _portfolio(doc, tokens[0]):
        return None  # "Transport Minister Jonas Relling": what the minister is for
    while (
        len(tokens) > 1
        and _clock_word(tokens[0].text)
        and _CLOCK_TIME.search(text, max(0, tokens[0].idx - 12), tokens[0].idx)
    ):
        tokens.pop(0)
        start = tokens[0].idx
    if ent.label_ == "PERSON" and len(tokens) > 1 and spoken_past(tokens[0].text):
        tokens.pop(0)  # `Stated Imrie: "..."`: an inverted speech verb read as a given name
        start = tokens[0].idx
    role_tokens = []
    # Titles swallowed into the span ("Ministers Linde", "President Reiden"): peel them off.
    while len(tokens) > 1 and (is_title_word(tokens[0].text) or _is_honorific(tokens[0].text)):
        role_tokens.append(tokens.pop(0))
    if role_tokens and not tokens[0].text[:1].isupper():
        return None
    if role_tokens:
        start = tokens[0].idx
    draft = Draft(start, end, ent.label_)
    if _nickname(text, draft):
        return draft
    _cut_brackets(text, draft)
    _cut_quotes(text, draft)
    _trim(text, draft)
    if draft.end - draft.start < 2 or not any(c.isalpha() for c in text[draft.start : draft.end]):
        return None
    if (any(is_head(t.text) for t in role_tokens) or draft.given) and draft.label != "PERSON":
        draft.label = "PERSON"
    return draft


#: Titles whose holder is named with a portfolio before them ("Transport Minister").
_PORTFOLIO_TITLES = frozenset(["minister", "ministers", "secretary", "commissioner"])


def _portfolio(doc: Doc, token: Token) -> bool:
    """Whether ``token`` is the portfolio of the title right after it."""
    after = token.i + 1
    return after < len(doc) and doc[after].lower_ in _PORTFOLIO_TITLES


def _clock_word(word: str) -> bool:
    """ "GMT", "EDT", "GMT+02:00", "PM": a time zone or clock word, never part of a name."""
    low = word.lower()
    return low in _CLOCK_WORDS or (low[:3] in _CLOCK_WORDS and not low[3:4].isalpha())


def _is_honorific(word: str) -> bool:
    return word.lower() in HONORIFICS


_NICKNAME = re.compile(
    r"([A-Z][\w.]*(?: [A-Z][\w.]*)*) [(\"“'‘]((?:the )?[A-Z][\w .]*?)[)\"”'’] ([A-Z][\w'’-]+)"
)


def _nickname(text: str, draft: Draft) -> bool:
    """ "Jose Manuel "Pepe" Soto": keep the whole span and the nickname, not an epithet.

    A one-word nickname is what other reports call the person ("Pepe Soto"), so the name keeps
    it in quotes and the linker reads it as another given name; an epithet with an article
    ("Vincent "the Chin" Gigante") is left out of the name.
    """
    if not any(c in text[draft.start : draft.end + 2] for c in "(\"“'‘"):
        return False
    match = _NICKNAME.match(text, draft.start)
    if match is None or match.end() < draft.end or match.start(2) > draft.end + 2:
        return False
    draft.end = match.end()
    nickname = match[2].strip()
    kept = f' "{nickname}"' if " " not in nickname else ""
    draft.written_name = f"{match[1]}{kept} {match[3]}"
    return True


def _cut_brackets(text: str, draft: Draft) -> None:
    """ "Vladimir] Putin" -> "Putin" (given name "Vladimir" kept); "Putin [sic" -> "Putin"."""
    span = text[draft.start : draft.end]
    close = span.rfind("]")
    if close >= 0:
        opening = text.rfind("[", max(0, draft.start - 120), draft.start + close)
        inside = text[opening + 1 : draft.start + close] if opening >= 0 else span[:close]
        draft.start += close + 1
        words = inside.split()
        given: list[str] = []
        while words and words[-1][:1].isupper() and not is_title_word(words[-1]):
            given.insert(0, words.pop())
        draft.given = " ".join(given)
        role = [w for w in words if is_title_word(w) or is_demonym(w)]
        if any(is_head(w) for w in role):
            draft.role = " ".join(singular(w) for w in role)
    opening = text.find("[", draft.start, draft.end)
    if opening >= 0:
        draft.end = opening


def _cut_quotes(text: str, draft: Draft) -> None:
    """A quotation mark never belongs inside a name: keep the stretch before it."""
    for i in range(draft.start, draft.end):
        if text[i] in _QUOTES and i > draft.start:
            draft.end = i
            return


def _trim(text: str, draft: Draft) -> None:
    """Strip edge punctuation, a trailing full stop that ends no abbreviation, possessives."""
    while draft.start < draft.end and text[draft.start] in _EDGE_PUNCT + ".":
        draft.start += 1
    newline = text.find("\n", draft.start, draft.end)
    if newline >= 0:
        draft.end = newline
    # A spaced dash ends a name: "RUSKOVO - Floods have ..." is a dateline and its lead.
    dash = _SPACED_DASH.search(text, draft.start, draft.end)
    if dash is not None:
        draft.end = dash.start()
    changed = True
    while changed and draft.start < draft.end:
        changed = False
        span = text[draft.start : draft.end]
        for suffix in _POSSESSIVES:
            if span.endswith(suffix) and len(span) > len(suffix) + 1:
                draft.end -= len(suffix)
                changed = True
                break
        else:
            if span[-1] in _EDGE_PUNCT or (span.endswith(".") and _stray_stop(span)):
                draft.end -= 1
                changed = True


def _stray_stop(span: str) -> bool:
    """ "X." ends a sentence; "U.K.", "Jr." and "Corp." end an abbreviation."""
    last = span.split()[-1]
    core = last[:-1]
    if "." in core or core.lower() in _ABBREVIATIONS:
        return False
    return not (len(core) == 1 and len(span.split()) > 1)  # "George W." keeps its initial


def role_in_apposition(name: Span) -> str | None:
    """The title a comma apposition gives a name: "prime minister" of "Osterland's prime
    minister, Lena Falk," or of "Lena Falk, the prime minister," (the title noun
    with the words that qualify it on its left; determiners and possessors left out)."""
    root = name.root
    noun: Token | None = root.head
    if not (root.dep_ == "appos" and root.head.i < name.start):
        noun = next((c for c in root.rights if c.dep_ == "appos" and c.i >= name.end), None)
    if noun is None or noun.pos_ != "NOUN" or not is_head(noun.text):
        return None
    words = [t for t in noun.lefts if t.dep_ in ("amod", "compound") and is_title_word(t.text)]
    words = [*words, noun]
    return " ".join(ABBREVIATED_TITLES.get(w.lower_, singular(w.text)) for w in words)


def role_before(doc: Doc, token_index: int) -> tuple[str | None, int, bool]:
    """The title written just before token ``token_index`` ("German Chancellor" Friedrich Merz).

    Returns (role text with plurals made singular, start offset of the role, whether the
    written title was plural); the role is ``None`` when no title head precedes the name.
    """
    j = token_index - 1
    words: list[Token] = []
    while j >= 0:
        tok = doc[j]
        low = tok.lower_
        if (
            is_title_word(tok.text)
            # A demonym qualifies a title, never the name itself ("Alexei" [Moravin]).
            or (words and is_demonym(tok.text) and tok.text[:1].isupper())
            or (low == "of" and words and j > 0 and is_title_word(doc[j - 1].text))
        ):
            words.append(tok)
        elif _is_honorific(tok.text) and not words:
            return None, doc[token_index].idx, False
        else:
            break
        j -= 1
    words.reverse()
    while words and words[0].lower_ == "of":
        words.pop(0)
    if not any(is_head(w.text) for w in words):
        return None, doc[token_index].idx, False
    plural = any(singular(w.text) != w.text for w in words)
    role = " ".join(ABBREVIATED_TITLES.get(w.lower_, singular(w.text)) for w in words)
    return role, words[0].idx, plural
