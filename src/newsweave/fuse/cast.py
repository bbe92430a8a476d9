"""The cast of a story: its people and organisations, their roles, and what each said."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from newsweave.fuse.names import EntityOf, mention_key, same_person
from newsweave.fuse.speakers import SpeakerKeys
from newsweave.lexicon.names import norm
from newsweave.link import kind_of
from newsweave.records import ArticleAnalysis, CastMember, Statement

__all__ = ["cast"]

_KINDS = {"PERSON": "PERSON", "ORG": "ORG"}


@dataclass
class _Entry:
    key: str
    kind: str
    names: list[str] = field(default_factory=list)
    roles: dict[str, None] = field(default_factory=dict)
    articles: dict[str, None] = field(default_factory=dict)
    mentions: int = 0


def cast(
    analyses: Sequence[ArticleAnalysis],
    statements: Sequence[Statement],
    speakers: SpeakerKeys,
    *,
    entity_of: EntityOf | None = None,
) -> list[CastMember]:
    """People and organisations named in the story, most mentioned first.

    A person's mentions are grouped with the speaker key of their quotes when the names can be
    one person, so the cast lists each person once with their statements.
    """
    entries: dict[str, _Entry] = {}
    for analysis in analyses:
        art = analysis.article.id
        for m in analysis.entities:
            kind = _KINDS.get(m.label)
            if kind is None:
                continue
            key = mention_key(art, m, entity_of=entity_of)
            kind = kind_of(key) or kind  # a linked entity's kind wins over this mention's label
            if kind not in _KINDS:
                continue  # a place the model took for a person here ("Fenwick's mayor")
            if kind == "PERSON" and key.startswith("~"):
                key = _speaker_key(m.name or m.text, speakers) or key
            entry = entries.setdefault(key, _Entry(key, kind))
            entry.names.append(m.name or m.text)
            if m.role and m.role.lower() not in {r.lower() for r in entry.roles}:
                entry.roles[m.role] = None  # "Chief executive" opening a sentence is one role
            entry.articles[art] = None
            entry.mentions += 1
    said: dict[str, list[Statement]] = {}
    # A speaker the linker left unresolved ("~marine accident investigation branch") is the
    # member who bears that name in the story, so its statements are listed with it.
    named = {norm(n): e.key for e in entries.values() for n in e.names}
    for st in statements:
        if st.speaker:
            unresolved = st.speaker.startswith("~") and st.speaker not in entries
            owner = named.get(norm(speakers.names.get(st.speaker, ""))) if unresolved else None
            said.setdefault(owner or st.speaker, []).append(st)
    members = []
    for entry in entries.values():
        name = speakers.names.get(entry.key) or max(
            entry.names, key=lambda n: (len(n.split()), len(n))
        )
        mine = said.get(entry.key, [])
        members.append(
            CastMember(
                id=entry.key,
                name=name,
                kind=entry.kind,
                roles=tuple(entry.roles),
                mentions=entry.mentions,
                articles=tuple(entry.articles),
                quotes=sum(len(s.variants) for s in mine),
                statements=tuple(s.id for s in mine),
            )
        )
    members.sort(key=lambda c: (-c.mentions, -c.quotes, c.name))
    return members


def _speaker_key(name: str, speakers: SpeakerKeys) -> str | None:
    """The speaker key this written name belongs to, if it is one of the story's speakers."""
    folded = norm(name)
    for key, full in speakers.names.items():
        if key.startswith("~") and (norm(full) == folded or same_person(name, full)):
            return key
    return None
