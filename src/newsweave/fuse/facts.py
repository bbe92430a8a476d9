"""Facts: the story's claim units aligned across articles, each with its support.

Two units of two articles may state one claim when their sentence embeddings are close (the
compared text leaves out quotations and attributions, so that "the mayor said" does not make
all of a mayor's claims alike). A claim is stated once per article, so a fact takes at most
one unit of each article, links are taken best first, and a fact of three or more units
keeps a mean closeness across its articles: one weak link cannot pull in a sentence about
something else. A fact reported by two or more independent sources is ``corroborated``, by
one ``single-source``, and ``conflicting`` when its sources disagree on a number, a date or
who said it (see ``conflicts``). The thresholds were chosen on the claims corpus's first two
stories and our own examples, and checked on the corpus's third story (docs/evaluation.md,
"Claims").
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Hashable, Iterable, Iterator, Mapping, Sequence
from datetime import date

import numpy as np
from scipy import sparse

from newsweave.analyse.times.lexicon import MONTHS, WEEKDAYS
from newsweave.fuse.conflicts import find_conflict
from newsweave.fuse.groups import cohesive_groups
from newsweave.fuse.similarity import Embedder
from newsweave.fuse.sources import Sources
from newsweave.fuse.timeline import Dated, calendar_span, dates_within
from newsweave.fuse.units import Unit, capitalised, without
from newsweave.records import ArticleAnalysis, Evidence, Fact

__all__ = ["THRESHOLD", "align_facts", "link_units"]

#: The cosine from which two units of two articles may state one claim.
THRESHOLD = 0.52
#: The mean closeness a fact of three or more units keeps across its articles (0.40 and 0.45
#: score the same on the tune stories; 0.45 keeps four different claims about one army out
#: of one fact on our examples; 0.50 loses tune recall).
COHESION = 0.45
#: Each name two units share beyond ``COMMON_NAMES`` adds ``NAME_BONUS`` to their closeness.
COMMON_NAMES = 3
NAME_BONUS = 0.1
#: Two units that state one count ("about 300 officers were posted at the gates" / "sent 300
#: police officers to the gates") are that much closer: a count is a claim's most specific
#: word, which the sentence embedding weighs little. Chosen on the tune stories (0.1 to 0.2).
COUNT_BONUS = 0.15
#: Two units that share a name and are close only through it ("Mayor Ana Lobo visited the
#: site" / "Mayor Ana Lobo attended the service") state two claims: without the names they
#: share, their cosine is under ``NAMES_ONLY``. Chosen on the claims corpus's tune stories
#: (their true pairs keep 0.41 or more) and our examples (such pairs score 0.07-0.32).
NAMES_ONLY = 0.35
#: A unit of this many content words or fewer joins another only if the two share the stem
#: of one of them or a count (``_apart``). Chosen on our examples (a minister's "insisted the
#: late arrival had ..." and his "no sign of softening" were one fact); the tune stories score
#: the same, and the stems keep the reference articles' "declined to attend" / "would not be
#: in attendance".
SHORT = 4
#: Two units this close tell one claim in nearly the same words (wire copy and its rewrites):
#: the names they share cannot be all that makes them alike, so they are not read again. The
#: closest pair lowered on the tune stories and our examples was at 0.78.
SAME_WORDING = 0.85


def link_units(
    units: Sequence[Unit],
    embedder: Embedder,
    *,
    threshold: float = THRESHOLD,
    when: Sequence[Sequence[tuple[date, date]]] = (),
) -> list[list[int]]:
    """Groups of unit indices that state the same claim (each group in text order).

    Each unit is linked to its closest unit of every other article (when close enough), unless
    the two are dated far apart (``when``: each unit's calendar spans, if given); the
    closeness is computed a block of rows at a time, so that memory stays bounded when one
    article of the story is very long.
    """
    articles = sorted({u.article for u in units})
    if len(articles) < 2:  # claims align only across articles: spare the embedding
        return [[i] for i in range(len(units))]
    days = _own_days(units, when) if when else ()
    closeness = Closeness(units, embedder([u.text for u in units]), days=days)
    article_of = np.array([u.article for u in units])

    def blocks() -> Iterator[tuple[np.ndarray, np.ndarray]]:
        for article in articles:
            cols = np.flatnonzero(article_of == article)
            others = np.flatnonzero(article_of != article)
            for at in range(0, len(others), _ROWS_AT_ONCE):
                yield others[at : at + _ROWS_AT_ONCE], cols

    closeness.read_names(blocks(), embedder, threshold)

    def links() -> Iterator[tuple[float, int, int]]:
        for rows, cols in blocks():
            block = closeness(rows, cols)
            best = block.argmax(axis=1)
            score = block[np.arange(len(rows)), best]
            for n in np.flatnonzero(score >= threshold):
                i, j = int(rows[n]), int(cols[best[n]])
                dated = (when[i], when[j]) if when else ((), ())
                apart = _apart(units[i], units[j], *dated) or _reversed(units[i], units[j])
                if not (apart or (when and _far(*dated))):
                    yield float(score[n]), i, j

    one_unit_each = range(len(units))  # every unit its own passage: one per article and fact
    return cohesive_groups(
        list(article_of), links(), closeness, cohesion=COHESION, passages=one_unit_each
    )


_ROWS_AT_ONCE = 1024


#: Two units dated more than this many days apart tell of two happenings ("the last strike,
#: in 2014, lasted six days" / "the strike entered its second day on Tuesday"): outlets that
#: date one claim differently are a day or a year apart, not months.
FAR_APART = 31


#: Two units that date their claim to one day that no other claim of either article is dated
#: to ("inspectors will arrive on Monday" / "will send a team on Monday") are that much
#: closer: such a day is as specific as a count. A day an article gives to several of its
#: claims (the day of the event itself) adds nothing. Chosen on our own reports (0.1 joins
#: a reworded "on Monday" claim; no unit of the claims corpus's tune stories moved at 0.05-0.1,
#: at 0.15 without the one-claim condition recall fell).
DAY_BONUS = 0.1


def _own_days(
    units: Sequence[Unit], when: Sequence[Sequence[tuple[date, date]]]
) -> list[frozenset[date]]:
    """Each unit's days that no other unit of its article is dated to."""
    days = [frozenset(first for first, last in spans if first == last) for spans in when]
    per_article = Counter((u.article, day) for u, ds in zip(units, days, strict=True) for day in ds)
    return [
        frozenset(day for day in ds if per_article[u.article, day] == 1)
        for u, ds in zip(units, days, strict=True)
    ]


def _far(a: Sequence[tuple[date, date]], b: Sequence[tuple[date, date]]) -> bool:
    """Whether every calendar span of one unit is ``FAR_APART`` from every span of the other
    (False when either gives no date)."""
    return bool(a and b) and all(
        (max(x0, y0) - min(x1, y1)).days > FAR_APART for x0, x1 in a for y0, y1 in b
    )


def _dated(unit: Unit, text: str, times: Sequence[Dated]) -> tuple[tuple[date, date], ...]:
    """The calendar spans of what a unit dates, not of its telling ("officials said on
    Sunday"). ``times``: the article's, in text order (looked up by position: a very long
    article has thousands of units and of times)."""
    at = bisect.bisect_left(times, (unit.start,))
    upto = bisect.bisect_left(times, (unit.end,), lo=at)
    _, dated = dates_within(text[unit.start : unit.end], unit.start, times[at:upto])
    return tuple(span for value in dated if (span := calendar_span(value)) is not None)


def _apart(
    a: Unit,
    b: Unit,
    when_a: Sequence[tuple[date, date]] = (),
    when_b: Sequence[tuple[date, date]] = (),
) -> bool:
    """Whether one of two units is too short to be compared by its embedding, and the two
    share nothing they say (no word's stem, no count) or one denies and the other does not.
    In a few words the frame they share ("and insisted the delay meant nothing" / "has shown
    no sign of softening") weighs more in the embedding than what differs, and so does what
    they are about ("all production at the plant was suspended" / "production at its other
    plants was not affected"). A name both write does not count as shared: "It is operated by
    Keldon Ferries" says nothing that "Keldon Ferries cancelled its crossings" says; a date
    both give does ("Construction is due to begin next month" / "Work is scheduled to start
    in April", ``when_a`` and ``when_b``: their calendar spans)."""
    if min(len(a.words), len(b.words)) > SHORT:
        return False
    names = {w.lower() for w in capitalised(a.text) & capitalised(b.text)}
    shared = bool(
        _stems(a.words - names) & _stems(b.words - names)
        or a.counts & b.counts
        or set(when_a) & set(when_b)
    )
    return not shared or _denies(a.text) != _denies(b.text)


#: Verbs of a stop and of its undoing: "rail services were suspended" and "rail services
#: resumed on Tuesday" tell two happenings, however alike their words.
_STOPPED = frozenset(
    ["suspended", "halted", "closed", "shut", "cancelled", "canceled", "stopped", "suspend",
     "halt", "close", "stop", "blocked", "banned", "imposed"]
)  # fmt: skip
_UNDONE = frozenset(
    ["resumed", "reopened", "restored", "restarted", "resume", "reopen", "restore", "restart",
     "unblocked", "lifted", "lift"]
)  # fmt: skip


def _reversed(a: Unit, b: Unit) -> bool:
    """Whether one unit tells of a stop and the other of its undoing (and neither of both)."""
    stop_a, stop_b = bool(a.words & _STOPPED), bool(b.words & _STOPPED)
    undo_a, undo_b = bool(a.words & _UNDONE), bool(b.words & _UNDONE)
    return (stop_a and undo_b and not undo_a and not stop_b) or (
        stop_b and undo_a and not undo_b and not stop_a
    )


#: Words that deny what a clause states ("declined to attend" is "would not attend").
_DENIAL = frozenset(
    ["not", "no", "never", "nobody", "none", "nothing", "declined", "refused", "denied"]
)


def _denies(text: str) -> bool:
    lowered = text.lower().replace("’", "'")
    return "n't" in lowered or not _DENIAL.isdisjoint(re.findall(r"\w+", lowered))


def _stems(words: frozenset[str]) -> set[str]:
    """Words cut to their first five letters: "attend" and "attendance" meet. Days and
    months are left out: most claims of a story happen on its few days."""
    return {w[:5] for w in words if w not in _CALENDAR}


#: Names of days and months ("may", "march" and "sat" are also other words).
_CALENDAR = frozenset(w for w in (*WEEKDAYS, *MONTHS) if len(w) > 3) - {"march"}


class Closeness:
    """The cosine of units' embeddings, raised for units that name many of the same
    participants (a list of who met whom is worded as names, which the embedding weighs
    little; two or three shared names are common to claims about different things) and for
    units that state one count, and lowered for pairs close only through the names they
    share (``read_names``).

    A ``Similarity`` (``groups``): blocks of it are computed when asked."""

    def __init__(
        self, units: Sequence[Unit], vectors: np.ndarray, *, days: Sequence[frozenset[date]] = ()
    ) -> None:
        self.named = _incidence([u.entities for u in units])
        self.counted = _incidence([u.counts for u in units])
        self.dated = _incidence(days or [frozenset()] * len(units))
        self.vectors = vectors
        self.texts = [u.text for u in units]
        self.capitals = [capitalised(u.text) for u in units]
        self.lowered: dict[int, dict[int, float]] = {}  # unit -> unit -> closeness

    def __call__(self, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
        closeness = self._raw(rows, cols)
        if self.lowered:
            at = {int(c): m for m, c in enumerate(cols)}
            for n, row in enumerate(rows):
                for col, value in self.lowered.get(int(row), {}).items():
                    if col in at:
                        closeness[n, at[col]] = value
        return closeness

    def read_names(
        self, blocks: Iterable[tuple[np.ndarray, np.ndarray]], embedder: Embedder, threshold: float
    ) -> None:
        """Lower the closeness of the pairs in ``blocks`` that reach ``threshold`` and share
        a name (not lists of names) to their cosine without the words they share
        capitalised ("Mayor Ana Lobo visited the site" / "Mayor Ana Lobo attended the
        service"), when that is under ``NAMES_ONLY``: a name weighs much in a short sentence,
        so one person's or one company's different deeds look alike for it. All pairs are
        embedded at once: a batch costs far less than many small ones."""
        doubt: dict[tuple[int, int], frozenset[str]] = {}
        for rows, cols in blocks:
            closeness = self._raw(rows, cols)
            shared = (self.named[rows] @ self.named[cols].T).toarray()
            close = (closeness >= threshold) & (closeness < SAME_WORDING)
            close &= (shared >= 1) & (shared <= COMMON_NAMES)
            for n, m in zip(*np.nonzero(close), strict=True):
                i, j = sorted((int(rows[n]), int(cols[m])))
                if (i, j) not in doubt and (common := self.capitals[i] & self.capitals[j]):
                    doubt[i, j] = common
        if not doubt:
            return
        texts = [without(self.texts[k], common) for pair, common in doubt.items() for k in pair]
        vectors = embedder(texts)
        said = np.einsum("ij,ij->i", vectors[0::2], vectors[1::2])
        for (i, j), value in zip(doubt, said, strict=True):
            if value < NAMES_ONLY:
                self.lowered.setdefault(i, {})[j] = float(value)
                self.lowered.setdefault(j, {})[i] = float(value)

    def _raw(self, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
        cosine = self.vectors[rows] @ self.vectors[cols].T
        shared = (self.named[rows] @ self.named[cols].T).toarray()
        counted = (self.counted[rows] @ self.counted[cols].T).toarray() > 0
        dated = (self.dated[rows] @ self.dated[cols].T).toarray() > 0
        return np.asarray(
            cosine
            + NAME_BONUS * np.maximum(0.0, shared - COMMON_NAMES)
            + COUNT_BONUS * counted
            + DAY_BONUS * dated
        )


def _incidence(sets: Sequence[frozenset[Hashable]]) -> sparse.csr_matrix:
    """A 0/1 matrix of items (rows) by the values in their sets (columns): the product of
    two of its row blocks counts the values each pair shares."""
    columns: dict[Hashable, int] = {}
    rows, cols = [], []
    for row, values in enumerate(sets):
        for value in values:
            rows.append(row)
            cols.append(columns.setdefault(value, len(columns)))
    data = np.ones(len(rows), dtype=np.float32)
    return sparse.csr_matrix((data, (rows, cols)), shape=(len(sets), len(columns)))


def align_facts(
    units_by_article: Mapping[str, Sequence[Unit]],
    analyses: Mapping[str, ArticleAnalysis],
    sources: Sources,
    embedder: Embedder,
    *,
    times: Mapping[str, Sequence[Dated]],
    threshold: float = THRESHOLD,
) -> list[Fact]:
    """The story's facts, best supported first, with ids ``f1``, ``f2``, ...

    Args:
        units_by_article: each article's claim units, articles in story order.
        analyses: the analyses by article id.
        sources: independence keys and outlet names.
        embedder: sentence embeddings (``newsweave.embed.embed``).
        times: each article's resolved time expressions ``(start, end, value)``.
        threshold: the similarity above which two units state the same claim.
    """
    order = {a: n for n, a in enumerate(units_by_article)}
    units = [u for us in units_by_article.values() for u in us]
    facts = []
    ordered = {article: sorted(dated) for article, dated in times.items()}
    when = [_dated(u, analyses[u.article].article.text, ordered.get(u.article, [])) for u in units]
    for group in link_units(units, embedder, threshold=threshold, when=when):
        members = sorted((units[i] for i in group), key=lambda u: (order[u.article], u.start))
        facts.append(_fact(members, analyses, sources, times))
    facts.sort(key=lambda f: (-f.sources, order[f.evidence[0].article], f.evidence[0].start))
    return [_numbered(f, n) for n, f in enumerate(facts, 1)]


def _fact(
    members: list[Unit],
    analyses: Mapping[str, ArticleAnalysis],
    sources: Sources,
    times: Mapping[str, Sequence[Dated]],
) -> Fact:
    evidence = tuple(
        Evidence(
            u.article,
            u.start,
            u.end,
            analyses[u.article].article.text[u.start : u.end],
            sources.outlet(u.article),
        )
        for u in members
    )
    articles = [u.article for u in members]
    count = sources.count(articles)
    outlets = tuple(dict.fromkeys(sources.outlet(a) for a in articles))
    conflict = find_conflict(members, analyses, sources, times) if count > 1 else None
    if conflict is not None:
        # Name the fact by what is disputed: the first side's sentence.
        return Fact(
            conflict[1][0].evidence[0].text,
            "conflicting",
            outlets,
            evidence,
            sources=count,
            conflict=conflict[0],
            sides=conflict[1],
        )
    if count > 1:
        return Fact(evidence[0].text, "corroborated", outlets, evidence, sources=count)
    return Fact(evidence[0].text, "single-source", outlets, evidence, sources=count)


def _numbered(fact: Fact, n: int) -> Fact:
    from dataclasses import replace

    return replace(fact, id=f"f{n}")
