"""Whom an event is aimed at: the target its clause names, unless that is only a topic ("signed
the accord"), else a named party found around the verb.

The party is looked for inside the complement ("demanded that Korvath cancel ...", "refused to
allow Korvath ships to dock"), inside the object phrase (its owner, the doer of the deed it
names, its "of"/"from"/"between" party, the party of what it asks for), the verb's own "to"
party, what a protest is against (its purpose, "in protest of"), and what a complaint is about
rather than whom it is told to. In a mutual event ("A and B met", "A and B upgraded their
ties") each party is the other's.
"""

from __future__ import annotations

from spacy.tokens import Span as DocSpan
from spacy.tokens import Token

from newsweave.analyse.events.arguments import TARGET_PREPS
from newsweave.analyse.events.lexicon import (
    CAPTIVES,
    FORCES,
    GIVING,
    RECIPROCAL,
    TOPIC_OBJECT_CODES,
    TRAVELLING,
)
from newsweave.analyse.events.mentions import NAMED_LABELS, Mentions, argument_span
from newsweave.analyse.events.tree import prep_objects
from newsweave.lexicon.grammar import NOMINAL_SUBJECTS
from newsweave.lexicon.people import is_person_noun

__all__ = ["aimed_at"]

#: Prepositions whose object, inside an object phrase, is the party the event is aimed at.
_OBJECT_PARTY_PREPS = TARGET_PREPS | {"of", "from", "between", "for"}
#: Categories whose "to" party is whom a grievance is told, and the prepositions of whom it is
#: about: "protested to the embassy over the arrests", "complained to the UN about Korvath".
_GRIEVANCES = frozenset({"ACCUSE", "PROTEST"})
_GRIEVANCE_PREPS = frozenset({"over", "about", "against", "at"})
#: Nouns of a stance "in" which one acts against a party: "in protest of", "in defiance of".
_STANCES = frozenset({"protest", "defiance", "opposition", "retaliation", "response"})
#: Names that can be a party, and the prepositions of where an event happens.
_PARTY_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
_WHERE = frozenset({"in", "at", "near", "outside", "inside", "across", "throughout", "around"})
#: Categories whose object's owner is another party: "rejected the strikers' demands".
_OWNED_BY_OTHERS = frozenset({"REJECT", "CONCEDE", "ACCUSE"})
#: Entity labels of a proper noun that can still be a party: none, or a misread name.
_MISREAD = frozenset({"", "PRODUCT", "WORK_OF_ART"})
#: Clauses that tell of other events: coordinated, run on, relative, describing a noun.
_OTHER_CLAUSES = frozenset({"conj", "parataxis", "relcl", "acl"})
#: Categories whose object, when it is people, is the party met or worked with.
_WITH_PEOPLE = frozenset({"CONSULT", "COOPERATE"})
#: Categories in which two coordinated subjects act on each other.
_MUTUAL = frozenset({"AGREE", "CONSULT", "COOPERATE"})


def aimed_at(
    verb: Token,
    code: str,
    actor: Token | None,
    target: Token | None,
    *,
    mentions: Mentions,
    chunks: dict[int, DocSpan],
    noun: Token | None = None,
) -> Token | None:
    """The party an event of ``code`` is aimed at, given the target its clause names: not a
    topic object, else a named party inside the complement or the object phrase (or the event
    noun's phrase: "stopped the march staged by students"), else in a mutual event the actor's
    coordinated partner."""
    written = target if target is not None else noun
    if (
        target is not None
        and target.dep_ in ("dobj", "nsubjpass")
        and code in TOPIC_OBJECT_CODES
        and not _is_named(target, mentions, chunks)
        # "met the rebel leaders", "trained Velmoran soldiers": whom one meets or trains is
        # a party (who is freed is not the one a concession is made to: "pardoned two
        # journalists")
        and not (code in _WITH_PEOPLE and target.dep_ == "dobj" and _people_or_forces(target))
        and not any(c.dep_ == "xcomp" for c in verb.children)  # "urged workers to ..."
    ):
        target = None  # "signed the accord": what was agreed, not with whom
    asked = target is not None and target.dep_ == "dobj" and _complemented(verb)
    if not asked and (target is None or not _is_named(target, mentions, chunks)):
        # "demanded that Korvath cancel ...", "refused to meet the envoy", "vetoed a Senate
        # resolution", "demanded autonomy from the Velmoran government": the party is inside
        # the complement or the object phrase, a topic object's too.
        target = _party(verb, code, written, mentions, chunks) or target
    if (
        code == "PROTEST"
        and target is not None
        and target.head.lower_ == "at"
        and not _party_named(target, mentions, chunks)
    ):
        target = None  # "struck at the docks": where, not against whom (the place, in extract)
    if code in _GRIEVANCES and target is not None and target.head.lower_ == "to":
        # "complained to the UN over Velmoran raids": the UN hears it, Velmora is its party
        about = prep_objects([verb], _GRIEVANCE_PREPS)
        target = next((t for t in about if _party_named(t, mentions, chunks)), target)
    mutual = target is None and (code in _MUTUAL or verb.lemma_.lower() in RECIPROCAL)
    # "Korvath and Velmora held talks on the islands", "... agreed on a new border", "the
    # rebels and the army clashed near the border": what they agreed on or where they
    # clashed is no party; each of them is the other's
    topic = (
        target is not None
        and (code in _MUTUAL or verb.lemma_.lower() in RECIPROCAL)
        and target.head.lower_ != "with"  # "held talks with the council's leaders"
        and not _party_named(target, mentions, chunks)
    )
    if actor is not None and (mutual or topic or _reciprocal(target)):
        # "Macron and Scholz met", "Russia and Ukraine signed a deal", "Osterland and Korvath
        # upgraded their ties": each is the other's party (not in "he or she agrees": one
        # person, either one).
        partner = _partner(actor)
        target = partner if partner is not None else None if mutual else target
    if target is None and actor is not None and not mutual and code != "PROTEST":
        # a protest naming no party is aimed at its place (``extract``); an event with no
        # actor keeps no target found this way (a verb misread, "Aid from Korvath reached")
        target = _named_in_clause(verb, actor)
    return target


def _complemented(verb: Token) -> bool:
    """Whether ``verb`` has a complement its object is to carry out: "asked the government to
    find the missing sailors" (the government is asked, the sailors are no party to it)."""
    return any(c.dep_ == "xcomp" for c in verb.children)


def _partner(actor: Token) -> Token | None:
    """The other party of coordinated subjects: "Korvath and Velmora", "Velmoran and Korvath
    soldiers" (two parties naming one noun), "the leaders of Korvath and Velmora"; none for
    "he or she"."""
    holders = [actor, *(c for c in actor.children if c.dep_ in ("amod", "compound", "nmod"))]
    holders += prep_objects([actor], frozenset({"of"}))  # "the leaders of Korvath and Velmora"
    for holder in holders:
        partner = next((c for c in holder.children if c.dep_ == "conj"), None)
        # "Korvath and Velmora"; "Korvath, Velmora and Osterland" (the "and" on the last)
        joined = any(
            c.dep_ == "cc" and c.lower_ in ("and", "&")
            for c in [*holder.children, *(partner.children if partner is not None else ())]
        )
        if joined and partner is not None:
            return partner
    return None


def _clause(verb: Token) -> list[Token]:
    """The tokens of ``verb``'s own clause and its complements, not of a clause joined to it
    ("declined to attend and appointed his aide, ...": the appointment is another event)."""
    found, stack = [], [verb]
    while stack:
        token = stack.pop()
        found.append(token)
        stack += [
            c
            for c in token.children
            if not (c.dep_ in _OTHER_CLAUSES and c.pos_ in ("VERB", "AUX"))
        ]
    return found


def _named_in_clause(verb: Token, actor: Token | None) -> Token | None:
    """A party named in the event's clause, outside its actor, when no construction gave one:
    "threatened to launch an offensive in its war with Korvath". Not a place the event
    happens in ("arrested two men in Lenby"), a time, or the actor's own phrase."""
    own = set(actor.subtree) if actor is not None else set()
    for token in sorted(_clause(verb), key=lambda t: t.i):
        if token in own or token.ent_type_ not in _PARTY_LABELS or token.ent_iob_ != "B":
            continue
        holder = token
        while holder.dep_ in ("compound", "amod", "poss", "nmod", "conj", "appos"):
            holder = holder.head
        if holder.dep_ == "pobj" and holder.head.lower_ in _WHERE:
            continue
        if holder.i > verb.i or holder.head != verb:
            return token
    return None


def _reciprocal(target: Token | None) -> bool:
    """Whether an object is the subjects' shared thing or each other: "their ties", "each
    other", "one another"."""
    if target is None:
        return False
    words = {target.lower_} | {c.lower_ for c in target.children}
    if words in ({"each", "other"}, {"one", "another"}):
        return True
    return any(c.dep_ == "poss" and c.lower_ == "their" for c in target.children)


def _party_named(token: Token, mentions: Mentions, chunks: dict[int, DocSpan]) -> bool:
    """Whether ``token`` names a party: a name, people ("students"), or a noun named by its
    nationality, country or owner ("the Sudanese government", "the Velmoran government's
    decision")."""
    by_name = any(
        c.dep_ in ("compound", "amod", "poss", "nmod")
        and (_name_like(c) or (c.dep_ == "poss" and _party_named(c, mentions, chunks)))
        for c in token.children
    )
    people = token.lemma_.lower() in CAPTIVES or is_person_noun(token.lemma_.lower())
    return by_name or people or _is_named(token, mentions, chunks)


def _possessor(token: Token) -> bool:
    """Whether ``token`` owns its noun with "'s": "the kidnappers' demands" (not "its")."""
    return token.dep_ == "poss" and token.pos_ in ("NOUN", "PROPN")


def _people_or_forces(token: Token) -> bool:
    """Whether ``token`` names people or forces: "the rebel leaders", "Velmoran soldiers"."""
    return _people(token) or token.lemma_.lower() in FORCES


def _people(token: Token) -> bool:
    """Whether ``token`` names people: "the rebel leaders", "two Korvath sailors"."""
    return token.lemma_.lower() in CAPTIVES or is_person_noun(token.lemma_.lower())


def _name_like(token: Token) -> bool:
    """Whether ``token`` is a name: one the entity step found, or a proper noun it misread as a
    product or a work of art ("two Korvath sailors")."""
    return token.ent_type_ in NAMED_LABELS or (
        token.pos_ == "PROPN" and token.ent_type_ in _MISREAD
    )


def _owned_places(verb: Token) -> list[Token]:
    """Where an event happens, when the place is a party's own ("protested outside the Korvath
    embassy", "at Velmora's parliament"): the party it stands for, not the town."""
    return [
        place
        for place in prep_objects([verb], _WHERE)
        if not _name_like(place)
        and any(
            c.dep_ in ("compound", "amod", "poss", "nmod") and _name_like(c) for c in place.children
        )
    ]


def _is_named(token: Token, mentions: Mentions, chunks: dict[int, DocSpan]) -> bool:
    """Whether ``token`` is a named party: a name the entity step found, or a proper noun it
    missed ("extradited the suspect Tarek Ossmann": a PROPN head)."""
    # not "Monday", "March"; a name the entity step misread as a product or a work of art is
    # still a name ("threatened to invade Velmora")
    missed = token.pos_ == "PROPN" and token.ent_type_ in _MISREAD
    return missed or mentions.named(argument_span(token, mentions, chunks))


def _beneficiary(verb: Token) -> frozenset[str]:
    """ "for" when ``verb`` hands something over: "provided aid for Korvath" names who gets it
    (elsewhere "for" is mostly a purpose or a time: "for talks", "for two years")."""
    return frozenset({"for"}) if verb.lemma_.lower() in GIVING else frozenset()


def _party(
    verb: Token,
    code: str,
    object_token: Token | None,
    mentions: Mentions,
    chunks: dict[int, DocSpan],
) -> Token | None:
    """A named party the event is aimed at when its object is not one: the subject of what is
    demanded ("demanded that Korvath cancel"), the object of the verb it refuses or agrees to
    ("refused to meet the envoy"), the owner or the "to"/"against" party of its object ("a
    Senate resolution", "Korvath's crackdown", "a visit to Velmora"), or for an easing or a
    withdrawal the place it happens in ("lifted the curfew in Velmora")."""

    candidates = _complement_parties(verb, code)
    if object_token is not None:
        candidates += _object_parties(object_token)
        # "offered its ports to Korvath": the verb's own party, the object being a topic
        candidates += prep_objects([verb], TARGET_PREPS)
    candidates += prep_objects([verb], _beneficiary(verb))  # "sent food for Korvath"
    if code in ("REQUEST", "SANCTION"):  # "withdrew its ambassador from Korvath"
        candidates += prep_objects([verb], frozenset({"from"}))
    if code == "PROTEST":
        candidates += _purpose_parties(verb, object_token) + _owned_places(verb)
    if code in ("CONCEDE", "RETREAT"):
        candidates += prep_objects(verb.subtree, frozenset({"in", "from"}))
    if verb.lemma_.lower() in TRAVELLING:  # "arrived in Velmora on a visit"
        candidates += prep_objects([verb], frozenset({"in", "to"}))
    # the owner of what is refused, granted or criticised is a party even unnamed: "rejected
    # the kidnappers' demands" (not of what one repeats or keeps: "repeated the company's
    # pledge" is the speaker's own side)
    owned = code in _OWNED_BY_OTHERS
    named = (
        t for t in candidates if _party_named(t, mentions, chunks) or (owned and _possessor(t))
    )
    return next(named, None)


def _complement_parties(verb: Token, code: str) -> list[Token]:
    """Parties inside what is demanded ("demanded that Korvath cancel ...") or inside the
    complement ("threatened to break off relations with Korvath", "refused to allow Velmoran
    ships to dock", "agreed to provide aid for Korvath")."""
    candidates: list[Token] = []
    for child in verb.children:
        if child.dep_ == "ccomp" and code == "REQUEST":
            # "demanded that Korvath cancel ...", "demanded that the post be taken from the
            # Velmoran minister"
            candidates += [c for c in child.children if c.dep_ in NOMINAL_SUBJECTS]
            around = [child, *(c for c in child.children if c.dep_ in ("advmod", "agent"))]
            candidates += prep_objects(around, TARGET_PREPS | {"from"})
            candidates += [p for a in around if a.dep_ == "agent" for p in a.children]
        if child.dep_ == "xcomp":
            objects = [c for c in child.children if c.dep_ in ("dobj", "dative")]
            objects += [
                s
                for c in child.children
                if c.dep_ in ("ccomp", "xcomp")
                for s in c.children
                if s.dep_ in NOMINAL_SUBJECTS
            ]
            held = objects + prep_objects(objects, frozenset({"of"}))
            # "offered to mediate between Korvath and Velmora": either party
            between = TARGET_PREPS | {"between"} | _beneficiary(child)
            candidates += objects + prep_objects([child], between)
            candidates += prep_objects(held, _OBJECT_PARTY_PREPS)
    return candidates


def _object_parties(noun: Token) -> list[Token]:
    """Parties inside an object phrase: its owner ("a Senate resolution", "Korvath's
    crackdown"), who did what it names ("the march staged by students", "crimes by the
    militia": acting on a deed is aimed at its doer), its "of"/"to"/"from"/"between" parties
    ("a meeting of the port council", "autonomy from Velmoran authorities"), and the party of
    what it asks or offers ("an invitation to visit Korvath")."""
    # "the Korvath foreign minister": the name is read as a compound or a noun modifier
    candidates = [c for c in noun.children if c.dep_ in ("poss", "compound", "nmod")]
    clauses = [c for c in noun.children if c.dep_ == "acl"]
    candidates += [p for a in clauses for g in a.children if g.dep_ == "agent" for p in g.children]
    candidates += prep_objects([noun], frozenset({"by"}))
    candidates += prep_objects([noun], _OBJECT_PARTY_PREPS)
    # "an invitation to visit Korvath", "a call to attend a meeting of the Velmoran council":
    # the party of what the noun asks or offers
    for clause in clauses:
        objects = [c for c in clause.children if c.dep_ == "dobj"]
        candidates += objects + prep_objects([clause, *objects], TARGET_PREPS | {"of"})
    return candidates


def _purpose_parties(verb: Token, noun: Token | None) -> list[Token]:
    """What a protest is against: the party of its purpose ("marched to protest against the
    Velmoran decision", "to demand reforms from the council") or of its "in protest of" / "in
    defiance of" phrase, on the verb or the event noun."""
    candidates: list[Token] = []
    for clause in verb.children:
        if clause.dep_ in ("advcl", "xcomp") and clause.pos_ == "VERB":
            candidates += [c for c in clause.children if c.dep_ == "dobj"]
            candidates += prep_objects([clause], TARGET_PREPS | {"from", "by", "of"})
            for obj in (c for c in clause.children if c.dep_ == "dobj"):
                candidates += _object_parties(obj)
    holders = [verb] + ([noun] if noun is not None else [])  # "a hunger strike in protest of"
    for stance in prep_objects(holders, frozenset({"in"})):
        if stance.lemma_.lower() in _STANCES:
            for party in prep_objects([stance], frozenset({"of", "against", "at", "to"})):
                candidates += [party, *_object_parties(party)]
    return candidates
