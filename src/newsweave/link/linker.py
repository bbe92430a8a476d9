"""Canonical entities across articles, built incrementally one article at a time.

Candidates come from an index (normalised names, surnames, sound keys of surnames, GeoNames
ids), never from comparing every pair, so the cost per article stays flat as the collection
grows. Ids are a hash of the kind and the first name an entity was seen under: stable across
runs over the same articles, and unchanged when a fuller name ("Volodymyr Zelensky" after
"Zelensky") later becomes the canonical one.
"""

from __future__ import annotations

import dataclasses
import hashlib
import math
from collections.abc import Iterable

from newsweave.lexicon.names import name_words, norm, phonetic
from newsweave.lexicon.titles import role_heads
from newsweave.link.clusters import clusters_of
from newsweave.link.cross_label import Known, other_label
from newsweave.link.rules import (
    CONTEXT_NEEDED,
    Cluster,
    Node,
    Verdict,
    grow,
    judge_other,
    judge_person,
)
from newsweave.places import known_place
from newsweave.records import ArticleAnalysis, Entity, LinkEvidence

_ID_PREFIX = {"PERSON": "per", "ORG": "org", "PLACE": "plc", "GROUP": "grp"}
_KIND_OF_PREFIX = {prefix: kind for kind, prefix in _ID_PREFIX.items()}
_CONTEXT_KEPT = 100  # co-occurring entities kept per entity when persisted


def kind_of(entity_id: str) -> str | None:
    """The kind (``PERSON``, ``ORG``, ``PLACE``, ``GROUP``) a canonical entity id says, or
    None for a key that is no linked entity's id."""
    prefix, underscore, _ = entity_id.partition("_")
    return _KIND_OF_PREFIX.get(prefix) if underscore else None


# One linking decision as the linker keeps it: ``LinkEvidence``'s fields in order. A tuple of
# strings and numbers, not the record: the garbage collector stops tracking such tuples, so its
# full passes do not grow with the number of linked articles.
_EvidenceRow = tuple[str, str, int, int, str, str, float, str]


def _row(evidence: LinkEvidence) -> _EvidenceRow:
    e = evidence
    return (e.entity, e.article, e.start, e.end, e.text, e.rule, e.score, e.detail)


class Linker:
    """Assigns canonical entity ids to the mentions of each article, as articles arrive.

    Example:
        >>> linker = Linker()
        >>> ids = linker.add(analysis)            # one id (or None) per analysis.entities
        >>> linked = apply_links(analysis, ids)   # the analysis with mention.entity filled
        >>> linker.entities(), linker.evidence(ids[0])
    """

    def __init__(self, *, surname_unique: bool = True) -> None:
        self._nodes: dict[str, Node] = {}
        # Tuples, not sets or records: the garbage collector stops tracking tuples of strings
        # and numbers, so its full passes do not grow with the number of linked articles.
        self._index: dict[str, tuple[str, ...]] = {}
        self._evidence: dict[str, list[_EvidenceRow]] = {}
        self._seen: set[str] = set()  # article ids already linked
        self._surname_unique = surname_unique

    # -- public API -------------------------------------------------------------------------

    def add(self, analysis: ArticleAnalysis) -> list[str | None]:
        """Link one article's mentions; returns an entity id (or ``None``) per mention.

        Adding an article already linked (same ``article.id``) changes nothing and returns
        the ids its mentions resolve to now, so re-runs are harmless.
        """
        update = analysis.article.id not in self._seen
        self._seen.add(analysis.article.id)
        clusters = clusters_of(analysis.entities, analysis.article.text)
        ids: list[str | None] = [None] * len(analysis.entities)
        linked: list[str] = []
        # Places, organisations and full names first: they give context to bare surnames (and
        # to one-word organisations and groups, which may be a surname the model mislabelled).
        for c in sorted(clusters, key=_order):
            verdict = self._best(c, linked)
            if not update:
                node = verdict.node if verdict else None
            else:
                node = verdict.node if verdict else self._create(c)
                self._absorb(node, c, analysis)
                self._explain(node, c, verdict, analysis)
            if node is None:
                continue
            if node.id not in linked:
                linked.append(node.id)
            for i in c.mentions:
                ids[i] = node.id
        if update:
            self._note_context(linked)
        return ids

    def entities(self) -> list[Entity]:
        """Every canonical entity, as records ready to store or export."""
        return [self._entity(n) for n in self._nodes.values()]

    def entity(self, entity_id: str) -> Entity | None:
        """One canonical entity by id, or ``None``."""
        node = self._nodes.get(entity_id)
        return self._entity(node) if node else None

    def evidence(self, entity_id: str) -> list[LinkEvidence]:
        """Every decision that put mentions into ``entity_id``, oldest first."""
        return [LinkEvidence(*row) for row in self._evidence.get(entity_id, ())]

    @classmethod
    def from_entities(
        cls, entities: Iterable[Entity], evidence: Iterable[LinkEvidence] = (), **options: bool
    ) -> Linker:
        """Rebuild a linker from stored entities (and, optionally, their evidence)."""
        linker = cls(**options)
        for e in entities:
            attrs = dict(e.attributes)
            names = dict(attrs.pop("names", {e.name: 1}))
            node = Node(
                e.id,
                e.kind,
                names,
                aliases=dict.fromkeys(e.aliases),
                roles=dict.fromkeys(e.roles),
                context=dict(attrs.pop("context", {})),
                mentions=int(attrs.pop("mentions", 0)),
                articles=int(attrs.pop("articles", 0)),
                attributes=attrs,
            )
            for role in e.roles:
                node.role_heads = grow(node.role_heads, role_heads(role))
            for name in names:
                linker._index_name(node, name)
            if "geonames_id" in attrs and node.kind == "PLACE":
                linker._index_key(f"g:{attrs['geonames_id']}", node.id)
            linker._nodes[node.id] = node
        for ev in evidence:
            linker._evidence.setdefault(ev.entity, []).append(_row(ev))
            linker._seen.add(ev.article)
        return linker

    # -- matching ---------------------------------------------------------------------------

    def _best(self, c: Cluster, linked: list[str]) -> Verdict | None:
        keys = [f"n:{c.kind}:{c.key}", c.key] if c.key.startswith("g:") else [f"n:{c.kind}:{c.key}"]
        if c.kind == "PERSON":
            keys += [f"s:{c.surname}", f"p:{c.phonetic}"]
            if len(c.surname) >= 6:  # shorter ones: too many names share their letters
                keys.append(_letters_key(c.surname))
        # Sorted, so that ties are broken the same way on every run (ids stay stable).
        candidates = sorted({i for k in keys for i in self._index.get(k, ())})
        nodes = [self._nodes[i] for i in candidates if self._nodes[i].kind == c.kind]
        surname_holders = [n for n in nodes if c.surname in n.surnames]
        verdicts = []
        for node in nodes:
            context = self._shared_context(node, linked)
            if c.kind == "PERSON":
                unique = self._surname_unique and len(surname_holders) == 1
                verdict = judge_person(c, node, context, unique=unique)
            else:
                verdict = judge_other(c, node, context)
            if verdict is not None:
                verdicts.append(verdict)
        if not verdicts and c.kind == "ORG":
            verdicts = self._by_short_name(c, linked)
        if not verdicts:
            known = Known(
                self._nodes, self._index, linked, lambda node: self._shared_context(node, linked)
            )
            return other_label(c, known)
        return max(verdicts, key=lambda v: (v.score, v.node.mentions), default=None)

    def _by_short_name(self, c: Cluster, linked: list[str]) -> list[Verdict]:
        """ "Orvane" and "Orvane Laboratories" of two articles: a one-word organisation is the
        one organisation whose longer name it opens, and a longer name opening with a known
        one-word organisation is that one, when the article shares context with it (a
        collection may hold "Garrow" the carmaker and only "Garrow Foundation" so far); never
        when the word is a well-known place ("Boston" beside "Boston Scientific") or opens two
        organisations' names ("Garrow Motors", "Garrow Foundation")."""
        words = c.key.split()
        if not words or known_place(words[0]):
            return []
        opened = self._index.get(f"f:ORG:{words[0]}", ())
        if len(words) == 1:
            found = opened
        else:  # the known one-word organisation, while no longer name opens with it
            found = () if opened else self._index.get(f"n:ORG:{words[0]}", ())
        if len(found) != 1:
            return []
        node = self._nodes[found[0]]
        context = self._shared_context(node, linked)
        if context < CONTEXT_NEEDED:
            return []
        how = "opens the name of" if len(words) == 1 else "is opened by"
        detail = (
            f"{c.name!r} {how} {_canonical(node.names)!r}, the only such organisation; "
            f"shared context {context:.2f}"
        )
        return [Verdict(node, "organisation-short-name", 0.9, detail)]

    def _shared_context(self, node: Node, linked: list[str]) -> float:
        """Weight of the entities this article shares with ``node``'s past articles.

        An entity seen in many articles (a country, a news agency) says little: each shared
        entity weighs 1 / log2(2 + its article count).
        """
        total = 0.0
        for other in linked:
            if other in node.context and other != node.id:
                total += 1 / math.log2(2 + self._nodes[other].articles)
        return total

    # -- updating ---------------------------------------------------------------------------

    def _explain(
        self, node: Node, c: Cluster, verdict: Verdict | None, analysis: ArticleAnalysis
    ) -> None:
        """Keep the evidence for putting cluster ``c`` into ``node``."""
        first = analysis.entities[c.mentions[0]]
        best = max((analysis.entities[i] for i in c.mentions), key=lambda m: len(m.text))
        evidence = LinkEvidence(
            entity=node.id,
            article=analysis.article.id,
            start=best.start,
            end=best.end,
            text=best.text,
            rule=verdict.rule if verdict else "new-entity",
            score=round(verdict.score, 3) if verdict else 1.0,
            detail=(verdict.detail if verdict else f"first seen as {c.name!r}")
            + f"; {len(c.mentions)} mention(s) from offset {first.start}",
        )
        self._evidence.setdefault(node.id, []).append(_row(evidence))

    def _create(self, c: Cluster) -> Node:
        base = (
            f"{_ID_PREFIX[c.kind]}_" + hashlib.sha1(f"{c.kind}|{c.key}".encode()).hexdigest()[:10]
        )
        entity_id, n = base, 1
        while entity_id in self._nodes:
            n += 1
            entity_id = f"{base}-{n}"
        node = Node(entity_id, c.kind, {})
        if c.place:
            node.attributes.update(_place_attributes(c.place))
        if c.located_in:
            written, place = c.located_in
            node.attributes["located_in"] = {"written": written, **_place_attributes(place)}
        if c.key.startswith("g:"):
            self._index_key(c.key, entity_id)
        self._nodes[entity_id] = node
        return node

    def _absorb(self, node: Node, c: Cluster, analysis: ArticleAnalysis) -> None:
        if c.name not in node.names:
            self._index_name(node, c.name)
        node.names[c.name] = node.names.get(c.name, 0) + len(c.mentions)
        for i in c.mentions:
            m = analysis.entities[i]
            node.aliases.setdefault(m.text, None)
            if m.role and not m.text.lower().startswith("the "):
                node.aliases.setdefault(f"{m.role} {m.text}", None)
        known = {role.lower() for role in node.roles}
        for role in c.roles:  # "Chief executive" opening a sentence is the "chief executive"
            if role.lower() not in known:
                node.roles[role] = None
                known.add(role.lower())
        node.role_heads = grow(node.role_heads, c.role_heads)
        node.mentions += len(c.mentions)
        node.articles += 1

    def _index_name(self, node: Node, name: str) -> None:
        self._index_key(f"n:{node.kind}:{norm(name)}", node.id)
        if node.kind == "ORG" and len(words := norm(name).split()) > 1:
            self._index_key(f"f:ORG:{words[0]}", node.id)  # what a short name may open
        if node.kind != "PERSON":
            return
        words = name_words(name)
        if not words:
            return
        if len(words) > 1:
            node.givens = grow(node.givens, words[:1])
            node.forenames = grow(node.forenames, words[:-1])
        node.surnames = grow(node.surnames, words[-1:])
        node.phonetics = grow(node.phonetics, [phonetic(words[-1])])
        self._index_key(f"s:{words[-1]}", node.id)
        self._index_key(f"p:{phonetic(words[-1])}", node.id)
        if len(words[-1]) >= 6:
            self._index_key(_letters_key(words[-1]), node.id)

    def _index_key(self, key: str, entity_id: str) -> None:
        known = self._index.get(key, ())
        if entity_id not in known:
            self._index[key] = (*known, entity_id)

    def _note_context(self, linked: list[str]) -> None:
        for a in linked:
            context = self._nodes[a].context
            for b in linked:
                if a != b:
                    context[b] = context.get(b, 0) + 1

    def _entity(self, node: Node) -> Entity:
        attributes = dict(node.attributes)
        top = sorted(node.context.items(), key=lambda kv: -kv[1])[:_CONTEXT_KEPT]
        attributes.update(
            {
                "names": dict(node.names),
                "mentions": node.mentions,
                "articles": node.articles,
                "context": dict(top),
            }
        )
        name = node.attributes.get("geonames_name") or _canonical(node.names)
        return Entity(
            node.id, str(name), node.kind, tuple(node.aliases), tuple(node.roles), attributes
        )


def _place_attributes(place: dict[str, object]) -> dict[str, object]:
    """What an entity carries of its gazetteer entry."""
    kept = {k: place[k] for k in ("geonames_id", "lat", "lon", "country", "feature")}
    return {**kept, "geonames_name": place["name"]}


def _order(c: Cluster) -> tuple[bool, bool, bool, bool]:
    """Link order within an article: places, organisations and full names first (places
    before the rest: they are context for an organisation's short name); then bare surnames
    and one-word groups or organisations, which may be a surname the model mislabelled and
    need the full names as context."""
    one_word = " " not in c.key and not c.key.startswith("g:")
    bare = c.kind == "PERSON" and c.given is None
    late_other = c.kind not in ("PERSON", "PLACE") and one_word
    return (late_other or bare, bare, c.kind == "PERSON", c.kind != "PLACE")


def _letters_key(surname: str) -> str:
    """An index key shared by a surname and its misspelling with two letters swapped."""
    return "l:" + "".join(sorted(surname))


def _canonical(names: dict[str, int]) -> str:
    """The fullest name (given name and surname beat a bare surname, hyphenated or not:
    "Al-Rashidi"), then the most written."""
    return max(names, key=lambda n: (min(len(name_words(n)), len(n.split()), 2), names[n], len(n)))


def apply_links(analysis: ArticleAnalysis, ids: list[str | None]) -> ArticleAnalysis:
    """The analysis with each mention's ``entity`` set from ``ids`` (as returned by ``add``).

    Quote speakers are linked afterwards by ``newsweave.link.speakers.link_speakers``.
    """
    mentions = tuple(
        dataclasses.replace(m, entity=i) for m, i in zip(analysis.entities, ids, strict=True)
    )
    return dataclasses.replace(analysis, entities=mentions)
