"""Where outlets that report the same fact disagree: a number, a date, who said it, or a place.

A number disagrees when two sources count the same thing ("prisoners", "workers") and no value
of one is a value of the other; a date disagrees when two sources each date the fact to exactly
one day written out in full ("March 12") and the days differ, or, when none gives a day, to
one year written as such ("in 2024" / "since 2023"). Relative dates ("on Wednesday") are left
alone, their resolution may be a guess; so are weeks and months: "last week" and "this week"
in two aligned sentences usually date different parts of them. Who said it
disagrees when two sources each report the fact as said or announced by one named person and
the persons differ ("the minister announced talks" beside "the secretary of state announced
talks"). A place disagrees only when two sources give one superlative to different places
("X was the worst hit" beside "the worst damage was in Y").
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence

from newsweave.fuse.sources import Sources
from newsweave.fuse.timeline import Dated
from newsweave.fuse.units import Unit
from newsweave.records import Amount, ArticleAnalysis, Evidence, Side, Speaker

__all__ = ["find_conflict"]

_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_YEAR = re.compile(r"^\d{4}$")
_RELATIVE_GAP = 0.01  # values closer than this are one value written two ways
#: After an amount, words that make it a difference between two counts, not a count.
_MARGIN = re.compile(
    r"(?:\s+[\w'’-]+){0,2}?\s+(?:short of|more than|fewer than|less than|ahead of|behind)\b"
)
#: After an amount, words that make it a bar to reach, not what was reached.
_THRESHOLD = re.compile(
    r"(?:\s+[\w'’-]+)?\s+(?:threshold|needed|required|necessary|minimum|hurdle|quorum)\b"
)
#: Before an amount, words that make it the value before the change the claim tells of ("rose
#: to 63 percent from 54 percent", "up from 54 percent").
_BEFORE_NOW = re.compile(
    r"(?:\b(?:up|down)\s+from|\bto\s+[^,;.]{1,30}?\s+from|\bcompared\s+(?:with|to))"
    r"\s+(?:the\s+)?(?:(?:about|some|around|roughly|nearly|almost)\s+)?$",
    re.IGNORECASE,
)
_SHARED_WORDS = 0.5  # two people's units with this share of words in common say one thing
_PLACES = frozenset(["GPE", "LOC", "FAC"])
#: What may hold a superlative: a place, or a name the model took for something else
#: (a small village is often read as a person).
_HOLDERS = _PLACES | {"PERSON", "ORG"}
#: "the worst", "the largest", "the most damaged": one holder only ("most evacuees" is a share).
_SUPERLATIVE = re.compile(
    r"\bthe\s+(?:(?:most|least)\s+[a-z]+|worst|best|[a-z]{3,}est)\b", re.IGNORECASE
)
#: Words ending in "est" that are no superlative.
_NOT_SUPERLATIVE = frozenset(
    [
        "arrest",
        "attest",
        "conquest",
        "contest",
        "digest",
        "earnest",
        "forest",
        "harvest",
        "honest",
        "inquest",
        "interest",
        "invest",
        "manifest",
        "midwest",
        "modest",
        "northwest",
        "protest",
        "request",
        "southwest",
        "suggest",
        "unrest",
    ]
)


def find_conflict(
    members: Sequence[Unit],
    analyses: Mapping[str, ArticleAnalysis],
    sources: Sources,
    times: Mapping[str, Sequence[Dated]],
) -> tuple[str, tuple[Side, ...]] | None:
    """What the sources of one fact disagree on, with each side, or None when they agree.

    Args:
        members: the fact's units, from several articles.
        analyses: the story's analyses by article id (for their amounts).
        sources: independence keys and outlet names.
        times: each article's resolved time expressions as ``(start, end, value)``.
    """
    numbers = _number_sides(members, analyses, sources)
    if numbers:
        return "number", numbers
    dates = _date_sides(members, analyses, sources, times)
    if dates:
        return "date", dates
    people = _speaker_sides(members, analyses, sources)
    if people:
        return "actor", people
    places = _place_sides(members, analyses, sources)
    if places:
        return "place", places
    return None


def _number_sides(
    members: Sequence[Unit], analyses: Mapping[str, ArticleAnalysis], sources: Sources
) -> tuple[Side, ...]:
    counts = list(_counts(members, analyses))
    exact: dict[str, list[float]] = defaultdict(list)
    for noun, _, _, _, (low, high) in counts:
        if low == high:
            exact[noun].append(low)
    # unit noun -> value -> (label as written, [(unit, amount span)])
    found: dict[str, dict[float, tuple[str, list[Evidence]]]] = defaultdict(dict)
    nouns: dict[str, set[str]] = defaultdict(set)  # the nouns counted under each key
    for noun, amount, befell, unit, (low, high) in counts:
        counted = _noun(amount.unit) if amount.unit else ""
        nouns[noun].add("" if counted in _ANYONE else counted)
        if low < high and any(low <= v <= high for v in exact[noun]):
            continue  # "more than 3,000 transfers" agrees with "3,100 transfers"
        value = _same_value(found[noun], amount.value or 0.0)
        label = _label(amount)
        if befell:
            label = f"{label} {befell}"  # "four killed" beside "14 workers killed"
        entry = found[noun].setdefault(value, (label, []))
        entry[1].append(_evidence(unit, analyses[unit.article], sources))
    for key, values in found.items():
        if len(nouns[key] - {""}) > 1 and "" not in nouns[key]:
            # "Four skiers died" beside "five climbers died": the dead of two events may be
            # told in one story; one of them counted without a noun ("killing four of them")
            # is the same dead told another way.
            continue
        by_source: dict[str, set[float]] = defaultdict(set)
        for value, (_, evidence) in values.items():
            for ev in evidence:
                by_source[sources.source(ev.article)].add(value)
        # A value only given by sources that also give a shared one counts something else
        # ("85 workers on the night shift" beside "14 workers killed").
        shared = {v for v in values if sum(v in vs for vs in by_source.values()) > 1}
        kept = {
            v
            for v in values
            if v in shared or any(vs & {v} and not vs & shared for vs in by_source.values())
        }
        sets = [vs & kept for vs in by_source.values() if vs & kept]
        if len(sets) > 1 and _disjoint(sets):
            return _sides({f"{v}": values[v] for v in sorted(kept)}, sources)
    return ()


#: Nouns that count anyone, as good as none: "nine people were hurt" counts the hurt that
#: another outlet calls "eleven passengers".
_ANYONE = frozenset(["people", "person", "other", "individual", "resident"])


def _counts(
    members: Sequence[Unit], analyses: Mapping[str, ArticleAnalysis]
) -> Iterator[tuple[str, Amount, str | None, Unit, tuple[float, float]]]:
    """Each count in the units: what it counts (its noun, or "killed" / "injured"), the amount,
    what befell those counted, its unit and the values it allows."""
    for unit in members:
        article = analyses[unit.article]
        text = article.article.text
        for amount in article.amounts:
            if amount.value is None or not unit.start <= amount.start < unit.end:
                continue
            if _MARGIN.match(text, amount.end):
                continue  # "three votes short of the 63": a difference, not the count
            if _THRESHOLD.match(text, amount.end) or _BEFORE_NOW.search(
                text, max(unit.start, amount.start - 40), amount.start
            ):
                continue  # "below the 5 percent threshold", "up from 54 percent": not the count
            befell = _casualties(text, amount.start, amount.end, unit.start)
            noun = befell or (amount.unit and _noun(amount.unit))
            if noun:
                yield noun, amount, befell, unit, _allowed(text, amount)


#: Words that make a count a bound: "more than 3,000" is any number above 3,000, "up to 3,000"
#: any below it, "nearly 3,000" a little under it.
_BOUND_WORDS = (
    r"(?P<least>more than|over|at least|upwards of|in excess of|above|no fewer than|no less than)"
    r"|(?P<most>fewer than|less than|under|up to|at most|no more than|below|as many as)"
    r"|(?P<near>nearly|almost|close to|just under)"
)
_BOUND_INSIDE = re.compile(rf"(?:{_BOUND_WORDS})\s", re.IGNORECASE)  # in the amount's text
_BOUND_BEFORE = re.compile(rf"\b(?:{_BOUND_WORDS})\s+$", re.IGNORECASE)  # right before it


#: A count written as a plural of its scale: "thousands", "tens of thousands", "hundreds of
#: thousands", "dozens".
_VAGUE = re.compile(
    r"^(?:(?P<tens>tens)\s+of\s+|(?P<hundreds>hundreds)\s+of\s+)?"
    r"(?P<scale>dozens|hundreds|thousands|millions)\b",
    re.IGNORECASE,
)
_VAGUE_SCALES = {"dozens": 12.0, "hundreds": 100.0, "thousands": 1e3, "millions": 1e6}


def _allowed(text: str, amount: Amount) -> tuple[float, float]:
    """The values a count allows: 3,000 for "3,000" (and "about 3,000": outlets round alike),
    every value above it for "more than 3,000", the tenth below it for "nearly 3,000"."""
    value = amount.value or 0.0
    if vague := _VAGUE.search(amount.text):
        # "thousands": 2,000 to 10,000; "tens of thousands": 10,000 to 100,000.
        scale = (1e2 if vague["hundreds"] else 1.0) * _VAGUE_SCALES[vague["scale"].lower()]
        return (10 if vague["tens"] else 2) * scale, (100 if vague["tens"] else 10) * scale
    bound = _BOUND_INSIDE.match(amount.text) or _BOUND_BEFORE.search(
        text, max(0, amount.start - 24), amount.start
    )
    if bound is None:
        return value, value
    if bound["least"]:
        return value, float("inf")
    if bound["most"]:
        return 0.0, value
    return 0.9 * value, value


#: What befell the people a count counts: "killing four of them", "the fire killed 14",
#: "five members of the club were killed", "Four skiers died", "injuring two", "a death toll
#: of 12", "the number of people killed has risen to 27". Outlets count the dead and the hurt
#: with different nouns ("members", "people") or none ("killing four of them"), so these
#: counts are compared across nouns when one of them has none.
_CASUALTY_BEFORE = re.compile(
    r"\b(?:(?P<dead>kill(?:ed|ing|s)?)|"
    r"(?P<hurt>injur(?:ed|ing|es|e)|wound(?:ed|ing|s)?))\s+"
    r"(?:(?:at least|about|some|nearly|almost|around|roughly|more than|up to|over)\s+)?$",
    re.IGNORECASE,
)
#: A toll that the count is the value of, a few words before it.
_TOLL = re.compile(
    r"\b(?:(?P<dead>death toll|number of (?:the )?(?:dead|deaths|fatalities|victims|"
    r"people (?:killed|who died|dead)))|"
    r"(?P<hurt>number of (?:the )?(?:injured|wounded|people (?:injured|hurt|wounded))))\b"
    r"[^.;:!?]{0,70}?\s(?:of|to|at|reached|hit|passed|topped|is|was|stands at|stood at)\s+"
    r"(?:(?:at least|about|some|nearly|almost|around|roughly|more than|over)\s+)?$",
    re.IGNORECASE,
)
_CASUALTY_AFTER = re.compile(
    r"^(?:\s+[\w'’-]+){0,8}?\s+(?:(?:were|was|are|is|have been|had been|has been)\s+)?"
    r"(?:(?P<dead>killed|died|dead)|(?P<hurt>injured|hurt|wounded|"
    r"(?:suffered|sustained|received|had|treated for)\s+(?:[\w-]+\s+)?injur(?:ies|y)))\b",
    re.IGNORECASE,
)
#: Where a count's own clause ends: after it, the next verb tells of another count.
_CLAUSE_END = re.compile(r"[,;.:]|\s(?:and|but|while|whereas)\s")


def _casualties(text: str, start: int, end: int, lower: int) -> str | None:
    """ "killed" or "injured" when the count at ``text[start:end]`` counts the dead or the
    hurt, else None (``lower``: where the count's unit of text begins)."""
    found = _CASUALTY_BEFORE.search(text, max(lower, start - 40), start)
    if found is None:
        found = _TOLL.search(text, max(lower, start - 120), start)
    if found is None:
        stop = _CLAUSE_END.search(text, end, end + 80)
        found = _CASUALTY_AFTER.match(text[end : stop.start() if stop else end + 80])
    if found is None:
        return None
    return "killed" if found["dead"] else "injured"


def _date_sides(
    members: Sequence[Unit],
    analyses: Mapping[str, ArticleAnalysis],
    sources: Sources,
    times: Mapping[str, Sequence[Dated]],
) -> tuple[Side, ...]:
    """Sides that date the fact to different days, or else to different years written as
    such ("appointed in 2024" / "minister since 2023")."""
    return _calendar_sides(members, analyses, sources, times, _DAY) or _calendar_sides(
        members, analyses, sources, times, _YEAR
    )


def _calendar_sides(
    members: Sequence[Unit],
    analyses: Mapping[str, ArticleAnalysis],
    sources: Sources,
    times: Mapping[str, Sequence[Dated]],
    form: re.Pattern[str],
) -> tuple[Side, ...]:
    days: dict[str, tuple[str, list[Evidence]]] = {}
    by_source: dict[str, set[str]] = defaultdict(set)
    for unit in members:
        # Written in full, and the unit's only one: a unit that also says "next year" beside
        # "in 2028" dates two things, and which is the fact's is not known.
        dated = [
            (v, written)
            for s, _, v, written in times.get(unit.article, ())
            if unit.start <= s < unit.end and form.match(v)
        ]
        values = {v for v, _ in dated}
        if len(values) != 1 or not any(written for _, written in dated):
            continue
        (value,) = values
        by_source[sources.source(unit.article)].add(value)
        days.setdefault(value, (value, []))[1].append(
            _evidence(unit, analyses[unit.article], sources)
        )
    if len(days) > 1 and _disjoint(list(by_source.values())):
        return _sides(days, sources)
    return ()


def _speaker_sides(
    members: Sequence[Unit], analyses: Mapping[str, ArticleAnalysis], sources: Sources
) -> tuple[Side, ...]:
    speakers: dict[str, tuple[str, list[Evidence]]] = {}
    said_by: dict[str, list[Unit]] = {}
    by_source: dict[str, set[str]] = defaultdict(set)
    for unit in members:
        article = analyses[unit.article]
        named = {
            (q.speaker.entity or q.speaker.name or "", q.speaker.name or "")
            for q in article.quotes
            if q.start < unit.end  # the cheap test first: a long article has many quotes
            and unit.start < q.end
            and q.kind == "indirect"
            and q.speaker is not None
            and q.speaker.name
            and _is_person(q.speaker, article)
        }
        if len(named) != 1:
            continue
        ((key, name),) = named
        said_by.setdefault(key, []).append(unit)
        by_source[sources.source(unit.article)].add(key)
        speakers.setdefault(key, (name, []))[1].append(_evidence(unit, article, sources))
    if len(speakers) > 1 and _disjoint(list(by_source.values())) and _same_words(said_by):
        return _sides(speakers, sources)
    return ()


def _place_sides(
    members: Sequence[Unit], analyses: Mapping[str, ArticleAnalysis], sources: Sources
) -> tuple[Side, ...]:
    """Two sources that give one superlative ("the worst hit", "the largest") to different
    named places: only one can hold it. Each side is the name closest to the superlative; the
    sources must name no place in common (places nest: "in the city" beside "in its port
    district"). Places are not compared otherwise: two aligned sentences often name
    different parts of one area."""
    places: dict[str, tuple[str, list[Evidence]]] = {}
    by_source: dict[str, set[str]] = defaultdict(set)
    superlatives: list[set[str]] = []
    is_place = False
    for unit in members:
        article = analyses[unit.article]
        text = article.article.text
        found = [
            m
            for m in _SUPERLATIVE.finditer(text, unit.start, unit.end)
            if m.group().split()[-1].lower() not in _NOT_SUPERLATIVE
        ]
        named = [
            m
            for m in article.entities
            if m.label in _HOLDERS and unit.start <= m.start and m.end <= unit.end
        ]
        if not found or not named:
            continue
        closest = min(named, key=lambda m: abs(m.start - found[0].start()))
        is_place = is_place or any(m.label in _PLACES for m in named)
        superlatives.append({" ".join(m.group().lower().split()[1:]) for m in found})
        # Words, not whole names: "Kelby" and "Kelby Harbour" are one holder.
        by_source[sources.source(unit.article)] |= {
            w for m in named for w in m.text.lower().split()
        }
        entry = places.setdefault(closest.text.lower(), (closest.text, []))
        entry[1].append(_evidence(unit, article, sources))
    if (
        len(places) > 1
        and is_place
        and set.intersection(*superlatives)
        and _disjoint(list(by_source.values()))
    ):
        return _sides(places, sources)
    return ()


def _same_words(said_by: Mapping[str, list[Unit]]) -> bool:
    """Whether two people's units say mostly the same words: then only who said it differs
    (two people saying different things in one fact is a wrong join, not a dispute)."""
    groups = list(said_by.values())
    return any(
        len(a.words & b.words) >= _SHARED_WORDS * min(len(a.words), len(b.words))
        for i, units in enumerate(groups)
        for others in groups[i + 1 :]
        for a in units
        for b in others
    )


def _is_person(speaker: Speaker, article: ArticleAnalysis) -> bool:
    """Whether a speaker is a person: named as one, or "he" / "she" resolved to one."""
    if speaker.text.lower() in ("he", "she"):
        return True
    return any(
        m.label == "PERSON" and m.start < speaker.end and speaker.start < m.end
        for m in article.entities
    )


def _disjoint(value_sets: list[set[float]] | list[set[str]]) -> bool:
    """Whether some two sources share no value at all."""
    sets: list[set[object]] = [set(s) for s in value_sets]
    return any(not (a & b) for i, a in enumerate(sets) for b in sets[i + 1 :])


def _sides(groups: Mapping[str, tuple[str, list[Evidence]]], sources: Sources) -> tuple[Side, ...]:
    sides = []
    for label, evidence in groups.values():
        outlets = tuple(dict.fromkeys(sources.outlet(e.article) for e in evidence))
        sides.append(Side(label, outlets, tuple(evidence)))
    return tuple(sides)


def _evidence(unit: Unit, article: ArticleAnalysis, sources: Sources) -> Evidence:
    text = article.article.text[unit.start : unit.end]
    return Evidence(unit.article, unit.start, unit.end, text, sources.outlet(unit.article))


#: A unit the amount's text already writes out in words ("8.2 percent" of "%").
_WRITTEN_UNIT = re.compile(r"\bper\s?cent\b|\bpercentage points?\b", re.IGNORECASE)


def _label(amount: Amount) -> str:
    """An amount as a side of a disagreement: its text and what it counts ("1,200 prisoners";
    "nine-year" of "years in prison" is "nine years in prison")."""
    if not amount.unit or amount.unit in amount.text or _WRITTEN_UNIT.search(amount.text):
        return amount.text
    first, _, rest = amount.unit.partition(" ")
    written = re.fullmatch(rf"(.+?)[- ]{re.escape(first.rstrip('s'))}s?", amount.text)
    if written and rest:
        return f"{written[1]} {amount.unit}"
    return f"{amount.text} {amount.unit}"


def _noun(unit: str) -> str:
    """The counted noun, folded: "prisoners of war" -> "prisoner", "workers" -> "worker"."""
    head = unit.lower().split(" of ")[0].split()[-1]
    return head[:-1] if head.endswith("s") and not head.endswith("ss") else head


def _same_value(values: Mapping[float, object], value: float) -> float:
    for known in values:
        if abs(known - value) <= _RELATIVE_GAP * max(abs(known), abs(value)):
            return known
    return value
