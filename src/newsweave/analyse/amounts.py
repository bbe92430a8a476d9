"""Amounts: numbers with what they count ("1,000 prisoners", "$4 million", "12%")."""

from __future__ import annotations

import dataclasses
import itertools
import re

from spacy.tokens import Doc, Span, Token

from newsweave.analyse.parsed import parsed_text
from newsweave.records import Amount, Article

AMOUNT_LABELS = frozenset({"CARDINAL", "MONEY", "QUANTITY", "PERCENT"})

_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")
_NUMBER_WORDS = (
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen", "twenty",
)  # fmt: skip
_WORDS = {word: value for value, word in enumerate(_NUMBER_WORDS)}
_WORDS |= {
    tens: 10 * n
    for n, tens in enumerate(
        ("thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"), 3
    )
}
_SCALES = {
    "hundred": 1e2,
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
    "dozen": 12,
    "dozens": 12,
}
_CURRENCIES = {
    "$": "USD",
    "€": "EUR",
    "£": "GBP",
    "¥": "JPY",
    "dollars": "USD",
    "euros": "EUR",
    "pounds": "GBP",
    "hryvnias": "UAH",
    "rubles": "RUB",
    "roubles": "RUB",
}


def find_amounts(doc: Doc, article: Article) -> list[Amount]:
    """Numeric entities with their value and the thing they count (not a time of day the
    model took for a number: "at 4:12 local time")."""
    found = [
        _whole(ent)
        for ent in doc.ents
        if ent.label_ in AMOUNT_LABELS and not _CLOCK.fullmatch(ent.text)
    ]
    found += [_whole(Span(doc, t.i, t.i + 1, label="CARDINAL")) for t in _untagged_numbers(doc)]
    found.sort(key=lambda span: span.start)
    amounts = [
        Amount(ent.start_char, ent.end_char, ent.text, parse_number(ent.text), _unit(ent))
        for ent in found
    ]
    text = parsed_text(doc, article)
    amounts += [
        term for ent in doc.ents if ent.label_ == "DATE" and (term := _prison_term(ent, text))
    ]
    return _ranges_scaled(sorted(amounts, key=lambda a: a.start), text)


#: What joins the two ends of a range ("between 12 and 12.5 billion", "3 to 4 million").
_RANGE_JOIN = re.compile(r"\s*(?:and|to|or|-|–)\s*")


#: A range's first end written as a bare number ("between 12", "12").
_BARE_END = re.compile(r"(?:between\s+|from\s+)?\d[\d,]*(?:\.\d+)?", re.IGNORECASE)


def _ranges_scaled(amounts: list[Amount], text: str) -> list[Amount]:
    """The first end of a range that leaves its scale and unit to the second ("between 12 and
    12.5 billion euros") takes them: 12 billion euros, not 12."""
    for n, (first, second) in enumerate(itertools.pairwise(amounts)):
        if first.value is None or second.value is None or not _BARE_END.fullmatch(first.text):
            continue  # "12 percent to 412 million" is no range
        scale = _scale(second.text)
        if scale and _RANGE_JOIN.fullmatch(text, first.end, second.start):
            unit = first.unit or second.unit
            amounts[n] = dataclasses.replace(first, value=first.value * scale, unit=unit)
            amounts[n + 1] = dataclasses.replace(second, unit=unit)
    return amounts


def _scale(text: str) -> float | None:
    """The scale a number is written with ("12.5 billion": 1e9), if any."""
    words = set(re.findall(r"[a-z]+", text.lower()))
    return next((scale for word, scale in _SCALES.items() if word in words), None)


#: A length of time written as a count ("eight years", "nine-year", "18 months").
_DURATION = re.compile(r"(?P<number>[\w.,]+?)[- ](?P<unit>year|month)s?\b", re.IGNORECASE)
#: Before a duration: what makes it a sentence served ("sentenced X to", "jailed for").
_SENTENCED = re.compile(
    r"\b(?:sentenced|jailed|imprisoned|handed|given)\b[^.;:!?]{0,80}?\b(?:to|for)\s+$",
    re.IGNORECASE,
)
#: After a duration: "in prison", "behind bars", "prison sentence", "jail term".
_IN_PRISON = re.compile(r"\s+(?:in (?:prison|jail)|behind bars|(?:prison|jail)\b)", re.IGNORECASE)
#: Before a duration: a term asked for or risked, not one handed down.
_NOT_HANDED = re.compile(
    r"\b(?:asked|sought|seeking|demanded|requested|faces?|facing|risks?|could|maximum)\b"
    r"[^.;:!?]{0,40}$",
    re.IGNORECASE,
)


def _prison_term(ent: Span, text: str) -> Amount | None:
    """A prison sentence as a count of years or months ("sentenced him to eight years in
    prison", "his nine-year prison sentence"), so that two reports of one verdict can be seen
    to disagree on it; a term asked for or risked ("faces up to 20 years") is none. ``text`` is
    the parsed text."""
    duration = _DURATION.match(ent.text)  # the model's span may go on: "18 months on Monday"
    if duration is None:
        return None
    start, end = ent.start_char, ent.start_char + duration.end()
    before = text[max(0, start - 120) : start]
    if not (_SENTENCED.search(before) or _IN_PRISON.match(text, end)):
        return None
    if _NOT_HANDED.search(before[-60:]):
        return None
    value = parse_number(duration["number"])
    unit = f"{duration['unit'].lower()}s in prison"
    return Amount(start, end, text[start:end], value, unit) if value else None


def _untagged_numbers(doc: Doc) -> list[Token]:
    """Numbers the model tagged as nothing: in digits ("will cut 900 jobs"), unless they look
    like a year or a time of day, or a number word counting a noun ("Eleven people are still
    missing": a capitalised number word opening a sentence is often missed). Neither may go
    on a number before it."""
    return [
        t
        for t in doc
        if not t.ent_type  # the label's id: no text read for the tokens in entities
        and (
            (_DIGITS.fullmatch(t.text) and not _YEAR.fullmatch(t.text))
            or (t.lower_ in _WORDS and t.dep_ == "nummod")
        )
        and not (t.i > 0 and doc[t.i - 1].like_num)
    ]


_DIGITS = re.compile(r"\d{1,3}(?:,\d{3})*(?:\.\d+)?|\d+")
_YEAR = re.compile(r"1[89]\d\d|20\d\d")
_CLOCK = re.compile(r"\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?|\d{1,2}\.\d{2}\s*[ap]\.?m\.?", re.I)


def _whole(ent: Span) -> Span:
    """An entity with the number words that follow it: the model sometimes ends a number
    written in words early ("some two thousand | four hundred residents")."""
    end = ent.end
    doc = ent.doc
    while end < len(doc) and doc[end].like_num and not doc[end].ent_type_:
        end += 1
    return ent if end == ent.end else Span(doc, ent.start, end, label=ent.label)


def parse_number(text: str) -> float | None:
    """The value of "1,000", "4.5 million", "three", "two thousand four hundred", "a dozen";
    ``None`` if there is none."""
    lowered = text.lower()
    match = _NUMBER.search(lowered)
    if match is None:
        return _spelled(re.findall(r"[a-z]+", lowered))
    value = float(match.group().replace(",", ""))
    for word, scale in _SCALES.items():
        if re.search(rf"\b{word}\b", lowered):
            return value * scale
    return value


def _spelled(words: list[str]) -> float | None:
    """The value of a number written in words, scale by scale: "two thousand four hundred"
    is 2 x 1,000 + 4 x 100; "hundreds" alone is 100."""
    total, current, seen = 0.0, 0.0, False
    for word in words:
        if word in _WORDS:
            current += _WORDS[word]
        elif word == "hundred":
            current = (current or 1.0) * 100
        elif (scale := _SCALES.get(word) or _SCALES.get(word.rstrip("s"))) is not None:
            total += (current or 1.0) * scale  # "thousand", and "hundreds" or "thousands" alone
            current = 0.0
        else:
            continue
        seen = True
    return total + current if seen else None


def _unit(ent: Span) -> str | None:
    """What an amount counts: its currency, percent, or the noun it modifies."""
    for token in ent:
        currency = _CURRENCIES.get(token.text.lower()) or _CURRENCIES.get(token.text)
        if currency:
            return currency
    if ent.label_ == "PERCENT":
        return "%"
    # The number's own head first: the model's span may begin with a word that is not part
    # of the number ("by nightfall some 2,400 people": the span's root is "nightfall").
    number = next((t for t in reversed(ent) if t.like_num), ent.root)
    for token in dict.fromkeys((number, ent.root)):
        head = token.head
        if token.dep_ in {"nummod", "quantmod", "compound"} and head.pos_ in {"NOUN", "PROPN"}:
            tail = [t for t in head.rights if t.dep_ == "prep" and t.lower_ == "of"]
            if tail:
                objects = [t for t in tail[0].rights if t.dep_ == "pobj"]
                if objects:
                    return f"{head.text} of {objects[0].text}"
            return head.text
    # A part of a counted whole: "three of its five spillways" counts spillways.
    part_of = [t for t in number.rights if t.dep_ == "prep" and t.lower_ == "of"]
    wholes = [t for t in part_of[0].rights if t.dep_ == "pobj"] if part_of else []
    if wholes and wholes[0].pos_ == "NOUN":
        return wholes[0].text
    return None
