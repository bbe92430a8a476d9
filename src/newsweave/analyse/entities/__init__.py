"""Named entities: people, organisations, places and groups, with clean names and roles.

The model's spans are repaired (brackets, punctuation, titles swallowed into names), roles are
split from names ("Velmoran President" Tomas Reiden), short names take the full name written
in the article, and descriptions ("the British prime minister") become mentions of the person
who holds that role. Everything is one article at a time and linear in its length.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from newsweave.analyse.entities.clean import Draft, clean_span
from newsweave.analyse.entities.descriptions import (
    describing_nouns,
    find_described,
    find_descriptions,
    organisation_nouns,
)
from newsweave.analyse.entities.labels import (
    add_abbreviated_containers,
    add_datelines,
    add_places_after_prepositions,
    add_untagged_demonyms,
    relabel_organisations,
    relabel_outlet,
    split_places_and_containers,
    unify_labels,
)
from newsweave.analyse.entities.names import (
    add_repeated_names,
    add_titled_names,
    fill_roles,
    resolve_names,
    trim_headline_words,
)
from newsweave.analyse.entities.runons import split_run_ons
from newsweave.analyse.parsed import parsed_text
from newsweave.lexicon.titles import is_title_word
from newsweave.records import Article, EntityMention

__all__ = ["NAME_LABELS", "find_entities"]

#: Labels that name something; numbers and dates are handled by amounts and times.
NAME_LABELS = frozenset(
    {"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW"}
)


#: The labels of places.
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


def find_entities(doc: Doc, article: Article) -> list[EntityMention]:
    """Entity mentions with clean spans, names and roles (see the module docstring)."""
    text = parsed_text(doc, article)
    drafts = []
    starts = frozenset(s.start for s in doc.sents) if doc.has_annotation("SENT_START") else None
    for ent in doc.ents:
        if ent.label_ not in NAME_LABELS:
            continue
        for part in _lines(ent):
            draft = clean_span(doc, part, text=text, sentence_starts=starts or frozenset())
            if draft is not None and not _title_fragment(text, draft) and _named(text, draft):
                drafts.extend(_split_pairs(text, draft))
    drafts = add_titled_names(doc, drafts)
    fill_roles(doc, drafts)
    trim_headline_words(text, drafts)
    relabel_organisations(text, drafts)
    drafts = split_run_ons(text, drafts)
    drafts = split_places_and_containers(text, drafts)
    drafts = add_datelines(text, drafts)
    drafts = add_places_after_prepositions(text, drafts)
    drafts = add_abbreviated_containers(text, drafts)
    drafts = add_untagged_demonyms(text, drafts)
    unify_labels(text, drafts)
    relabel_outlet(text, drafts, article.outlet)
    drafts = add_repeated_names(doc, drafts, text)
    resolve_names(text, drafts)
    drafts += find_descriptions(doc, drafts)
    drafts += find_described(doc, drafts, describing_nouns(doc, drafts))
    drafts += find_described(doc, drafts, organisation_nouns(doc, drafts), label="ORG")
    return [
        EntityMention(d.start, d.end, text[d.start : d.end], d.label, name=d.name, role=d.role)
        for d in _without_overlaps(drafts)
    ]


def _lines(ent: Span) -> list[Span]:
    """The parts of a model span on each side of a line break, each with the span's label.

    Headlines run into the lines around them ("Talks end\\n\\nForeign Minister Marta Szabo"): each
    line's part is cleaned on its own, so the name on the next line is not lost.
    """
    breaks = [t.i for t in ent if "\n" in t.text]
    if not breaks:
        return [ent]
    parts, start = [], ent.start
    for b in [*breaks, ent.end]:
        if b > start:
            parts.append(Span(ent.doc, start, b, label=ent.label_))
        start = b + 1
    return parts


def _split_pairs(text: str, draft: Draft) -> list[Draft]:
    """ "Varga and Lindqvist" tagged as one person: two drafts, one per name."""
    if draft.label != "PERSON":
        return [draft]
    at = text.find(" and ", draft.start, draft.end)
    if at < 0 or not text[at + 5 : at + 6].isupper():
        return [draft]
    first = Draft(draft.start, at, "PERSON", role=draft.role, given=draft.given)
    return [first, Draft(at + 5, draft.end, "PERSON")]


def _named(text: str, draft: Draft) -> bool:
    """Whether a place draft is written as a name: "meth" or "red states" tagged as places
    have no capital letter."""
    written = text[draft.start : draft.end]
    return draft.label not in _PLACE_LABELS or any(c.isupper() for c in written)


def _title_fragment(text: str, draft: Draft) -> bool:
    """ "State" in "Secretary of State", "Defense" in "Defense Minister": part of a title."""
    if draft.label == "PERSON":
        return False
    words = text[draft.start : draft.end].split()
    if not all(is_title_word(w) for w in words):
        return False
    before = text[max(0, draft.start - 4) : draft.start].lower()
    after = text[draft.end : draft.end + 30].split()
    return before.endswith("of ") or bool(after and is_title_word(after[0]))


def _without_overlaps(drafts: list[Draft]) -> list[Draft]:
    """Drafts in text order; where two overlap, the person (then the longer) is kept."""
    ranked = sorted(drafts, key=lambda d: (d.label != "PERSON", d.start - d.end))
    taken: list[tuple[int, int]] = []
    kept = []
    for d in ranked:
        if all(d.end <= s or d.start >= e for s, e in taken):
            taken.append((d.start, d.end))
            kept.append(d)
    return sorted(kept, key=lambda d: d.start)
