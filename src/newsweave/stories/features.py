"""What the story clusterer compares: light features computed from one article's analysis.

Terms come from the article text with a lowercase word pattern, a small stop list and a crude
plural folding, so the clusterer does not depend on the language pipeline and costs a few
microseconds per word. Entity keys are the canonical entity id when linking has run, else the
mention's normal form (``lexicon.names.norm``).
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field

from newsweave.lexicon.names import norm
from newsweave.records import ArticleAnalysis, EntityMention

__all__ = ["ArticleFeatures", "details", "entity_key", "features", "lead_text", "terms"]

_WORD = re.compile(r"[a-z0-9]+(?:['.-][a-z0-9]+)*")
_FULL_DATE = re.compile(r"\d{4}-\d\d-\d\d")
_URL = re.compile(r"\S*(?:https?:|www\.)\S*")

#: Function words and newswire boilerplate: frequent everywhere, they only add noise.
_STOP_TEXT = """
    a about above after again against all also am an and any are as at be because been before
    being below between both but by can could did do does doing down during each few for from
    further had has have having he her here hers herself him himself his how i if in into is it
    its itself just me more most my myself no nor not now of off on once only or other our ours
    out over own same she should so some such than that the their theirs them themselves then
    there these they this those through to too under until up very was we were what when where
    which while who whom why will with would you your yours yourself said says say told according
    one two new year years last first people also like get got may might must since still us
    mr mrs ms http https www com html htm php asp index news article story"""
STOP_WORDS = frozenset(_STOP_TEXT.split())

_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_DETAIL_LABELS = frozenset({"PERSON", "GPE", "LOC", "FAC"})
_DIGIT = re.compile(r"\d")
#: Bare numbers up to 31 are mostly days of the month and clock times: shared by chance.
_DAY_OR_HOUR = re.compile(r"0?\d|[12]\d|3[01]")
_ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "PRODUCT"})


@dataclass(frozen=True)
class ArticleFeatures:
    """The comparable parts of one article."""

    key: str
    id: str
    published: str | None
    date_inferred: bool
    outlet: str | None
    title: str
    lead: str  # title and first sentence: what is embedded
    terms: dict[str, int]
    entities: dict[str, int]
    places: frozenset[str]
    details: dict[str, int] = field(default_factory=dict)  # see ``details``


def terms(text: str) -> Counter[str]:
    """Content words of ``text`` and pairs of adjacent content words ("gulf aden" is not,
    "harry winston" is), lowercased, plurals folded, stop words and URLs removed."""
    counts: Counter[str] = Counter()
    previous = ""
    for word in _WORD.findall(_URL.sub(" ", text.lower())):
        if len(word) < 2 or word in STOP_WORDS:
            previous = ""
            continue
        word = _fold(word)
        counts[sys.intern(word)] += 1
        if previous:
            counts[sys.intern(previous + " " + word)] += 1
        previous = word
    return counts


def _fold(word: str) -> str:
    if word.endswith("'s"):
        word = word[:-2]
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def entity_key(mention: EntityMention) -> str:
    """The canonical id when linked, else the normalised written name ("donald trump")."""
    if mention.entity:
        return mention.entity
    return "~" + norm(mention.name or mention.text)


def details(analysis: ArticleAnalysis, counts: Mapping[str, int]) -> dict[str, int]:
    """What tells one event from a similar one: its numbers, people and places.

    Two earthquakes in the same region, or two offers to the same player, share their topic
    words and most names; the magnitude, the toll, the sums, the years, the town and the people
    involved differ. Numbers are the words of ``counts`` holding a digit ("6.1", "160",
    "2008", "ms08-078"), keyed ``#``, except bare numbers up to 31; people and places are
    entity keys.
    """
    found: Counter[str] = Counter()
    for word, count in counts.items():
        if " " not in word and _DIGIT.search(word) and not _DAY_OR_HOUR.fullmatch(word):
            found[sys.intern("#" + word)] += count
    for mention in analysis.entities:
        if mention.label in _DETAIL_LABELS:
            key = entity_key(mention)
            if len(key) >= 3:
                found[sys.intern(key)] += 1
    return dict(found)


def lead_text(analysis: ArticleAnalysis, *, max_chars: int = 400) -> str:
    """The title (if any) and the first sentence: what best says what the article is about."""
    article = analysis.article
    body = _URL.sub(" ", article.text)
    if analysis.sentences:
        first = next(
            (
                s.text
                for s in analysis.sentences
                if not _URL.search(s.text) and len(s.text.split()) >= 5
            ),
            analysis.sentences[0].text,
        )
    else:
        first = body.strip().split("\n")[0]
    parts = [article.title.strip()] if article.title else []
    if first and (not parts or first.strip() != parts[0]):
        parts.append(first.strip())
    return " ".join(" ".join(parts).split())[:max_chars]


def dateline(analysis: ArticleAnalysis, *, within: int = 400) -> str | None:
    """A full date written in the article's opening (its dateline), when it has no other.

    Only a complete date (YYYY-MM-DD) near the top counts: dates further down are as often
    about the past ("the 2004 tsunami") as about the day of writing.
    """
    for time in analysis.times:
        if time.start < within and time.value and _FULL_DATE.fullmatch(time.value):
            return time.value
    return None


def features(analysis: ArticleAnalysis, *, max_terms: int = 400) -> ArticleFeatures:
    """The features of one analysed article (terms capped to the most frequent ``max_terms``)."""
    article = analysis.article
    text = f"{article.title}\n{article.text}" if article.title else article.text
    counts = terms(text)
    entities: Counter[str] = Counter()
    places = set()
    for mention in analysis.entities:
        if mention.label not in _ENTITY_LABELS:
            continue
        key = entity_key(mention)
        if len(key) < 3:
            continue
        entities[sys.intern(key)] += 1
        if mention.label in _PLACE_LABELS:
            places.add(key)
    lead = lead_text(analysis)
    title = (article.title or lead).strip()
    # An inferred date (from the pipeline or the dateline) is a hint, not a fact: see cluster.
    inferred = article.published_inferred or not article.published
    published = article.published or dateline(analysis)
    return ArticleFeatures(
        key=article.key,
        id=article.id,
        published=published,
        date_inferred=inferred and published is not None,
        outlet=article.outlet,
        title=title,
        lead=lead,
        terms=dict(counts.most_common(max_terms)),
        entities=dict(entities),
        places=frozenset(places),
        details=details(analysis, counts),
    )
