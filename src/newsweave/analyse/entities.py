"""Named entities: people, organisations, places and groups, with their offsets."""

from __future__ import annotations

from spacy.tokens import Doc

from newsweave.records import Article, EntityMention

#: Labels that name something; numbers and dates are handled by amounts and times.
NAME_LABELS = frozenset(
    {"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW"}
)


def find_entities(doc: Doc, article: Article) -> list[EntityMention]:
    """Entity mentions found by the model's NER, limited to names."""
    return [
        EntityMention(ent.start_char, ent.end_char, ent.text, ent.label_)
        for ent in doc.ents
        if ent.label_ in NAME_LABELS and ent.text.strip()
    ]
