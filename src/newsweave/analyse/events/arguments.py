"""Who did it and to whom: an event's actor and target tokens in the parse.

The actor is the subject (or the ``by`` agent of a passive), else the subject shared with the
governing clause, a document's issuer, or for "it"/"they" in a reported clause the reporting
verb's subject. The target is the object (or the passive subject, the dative, the object of
"with", "against", "on", ...), and when that is no named party, the party inside the
complement or the object phrase; in a mutual event ("A and B met") each is the other's party.
"""

from __future__ import annotations

from spacy.tokens import Span as DocSpan
from spacy.tokens import Token

from newsweave.analyse.events.lexicon import (
    CAPTIVES,
    DOCUMENTS,
    GIVING,
    TOPIC_OBJECT_CODES,
    TRAVELLING,
)
from newsweave.analyse.events.mentions import NAMED_LABELS, Mentions, argument_span
from newsweave.analyse.events.tree import counted, prep_objects, subject
from newsweave.lexicon.grammar import NOMINAL_SUBJECTS, RELATIVE_PRONOUNS, SUBJECTS
from newsweave.lexicon.people import is_person_noun

__all__ = ["aimed_at", "arguments"]

_TARGET_PREPS = frozenset({"with", "against", "on", "upon", "at", "to"})
#: Prepositions whose object, inside an object phrase, is the party the event is aimed at.
_OBJECT_PARTY_PREPS = _TARGET_PREPS | {"of", "from", "between", "for"}
#: Dependency labels of a clause that shares its governor's subject: "vowed to attack",
#: "arrested and charged", "blocked roads, demanding ...", "staged a march to demand ...",
#: "is ready to host" (through the adjective).
_SHARING = frozenset({"xcomp", "conj", "advcl", "acomp"})
#: Pronouns that stand for the party a report is about: "Osterland said it will ...".
_REPORTED = frozenset({"it", "they"})
#: Categories whose "to" party is whom a grievance is told, and the prepositions of whom it is
#: about: "protested to the embassy over the arrests", "complained to the UN about Korvath".
_GRIEVANCES = frozenset({"ACCUSE", "PROTEST"})
_GRIEVANCE_PREPS = frozenset({"over", "about", "against", "at"})
#: Nouns of a stance "in" which one acts against a party: "in protest of", "in defiance of".
_STANCES = frozenset({"protest", "defiance", "opposition", "retaliation", "response"})
#: Categories whose passive subject, with no agent, is the actor: "the militias were disarmed".
_SELF_ACTING = frozenset({"RETREAT"})
#: Categories in which two coordinated subjects act on each other.
_MUTUAL = frozenset({"AGREE", "CONSULT", "COOPERATE"})


def arguments(
    verb: Token, noun: Token | None, particle: Token | None = None, *, code: str | None = None
) -> tuple[Token | None, Token | None]:
    """The actor and target tokens of ``verb`` (either may be missing); ``code``, the event's
    category, tells whether a passive subject is the one who acts ("were disarmed")."""
    actor, target = subject(verb), None
    for child in verb.children:
        if child.dep_ == "nsubjpass" and child != noun:
            target = child
        elif child.dep_ == "agent":
            actor = next((c for c in child.children if c.dep_ == "pobj"), actor)
        elif child.dep_ == "dobj" and target is None and not _holds(child, noun):
            # not "part" in "took part in"; not a second object after the event noun ("held
            # talks with X on Monday, the first delegation to ...": a misparsed apposition)
            second = noun is not None and noun.dep_ == "dobj" and noun.head == verb
            target = child if child != particle and not second else None
        elif child.dep_ == "dative" and target is None:  # "granted asylum to the officers"
            target = next((c for c in child.children if c.dep_ == "pobj"), child)
    if (
        actor is None
        and target is not None
        and target.dep_ == "nsubjpass"
        and (noun is not None or code in _SELF_ACTING)
    ):
        # "forces were engaged in ethnic cleansing", "the militias have been disarmed": who
        # undergoes a retreat is the one who retreats
        actor, target = target, None
    if target is None:
        # the event noun's own party first: "riots against the tax ... with no end in sight"
        holders = ([noun] if noun is not None else []) + [verb]
        target = next(
            (
                pobj
                for pobj in prep_objects(holders, _TARGET_PREPS)
                if pobj.ent_type_ not in ("DATE", "TIME")
            ),
            None,
        )
    if verb.dep_ == "relcl":
        # "the diplomats who negotiated ...": the diplomats; "residents who were evacuated"
        actor = verb.head if actor is not None and actor.lower_ in RELATIVE_PRONOUNS else actor
        target = verb.head if target is not None and target.lower_ in RELATIVE_PRONOUNS else target
    if noun is not None and actor == noun:
        actor = _owner(noun)  # "Velmoran riots erupted": the riots are Velmora's
    if verb.dep_ == "acl" and actor is None:
        actor = _issuer(verb)
    head = verb
    # "vowed to attack", "arrested and charged", "blocked roads, demanding ...": the governing
    # verb's subject. Not for a verb with a subject of its own ("..., and no one was
    # detained": nobody named did it).
    own_subject = any(c.dep_ in SUBJECTS for c in verb.children)
    while actor is None and not own_subject and head.dep_ in _SHARING and head.head != head:
        coordinated = head.dep_ == "conj"
        head = head.head
        actor = subject(head)
        undergoer = _passive_subject(head) if coordinated and actor is None else None
        if undergoer is not None and _active(verb):
            actor = undergoer  # "was indicted and will resign": who was indicted resigns
        elif undergoer is not None and target is None:
            target = undergoer  # "were arrested and deported": both done to them
    if actor is not None and actor.lower_ in _REPORTED:
        actor = _reporter(head) or actor
    return counted(actor), counted(target)


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
        and not any(c.dep_ == "xcomp" for c in verb.children)  # "urged workers to ..."
    ):
        target = None  # "signed the accord": what was agreed, not with whom
    if target is None or not _is_named(target, mentions, chunks):
        # "demanded that Korvath cancel ...", "refused to meet the envoy", "vetoed a Senate
        # resolution", "demanded autonomy from the Velmoran government": the party is inside
        # the complement or the object phrase, a topic object's too.
        target = _party(verb, code, written, mentions, chunks) or target
    if code in _GRIEVANCES and target is not None and target.head.lower_ == "to":
        # "complained to the UN over Velmoran raids": the UN hears it, Velmora is its party
        about = prep_objects([verb], _GRIEVANCE_PREPS)
        target = next((t for t in about if _party_named(t, mentions, chunks)), target)
    mutual = target is None and code in _MUTUAL
    if actor is not None and (mutual or _reciprocal(target)):
        # "Macron and Scholz met", "Russia and Ukraine signed a deal", "Osterland and Korvath
        # restored their ties": each is the other's party (not in "he or she agrees": one
        # person, either one).
        joined = any(c.dep_ == "cc" and c.lower_ in ("and", "&") for c in actor.children)
        partner = next((c for c in actor.children if c.dep_ == "conj"), None)
        target = partner if joined and partner is not None else None if mutual else target
    return target


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
        c.dep_ in ("compound", "amod", "poss")
        and (
            c.ent_type_ in NAMED_LABELS or (c.dep_ == "poss" and _party_named(c, mentions, chunks))
        )
        for c in token.children
    )
    people = token.lemma_.lower() in CAPTIVES or is_person_noun(token.lemma_.lower())
    return by_name or people or _is_named(token, mentions, chunks)


def _is_named(token: Token, mentions: Mentions, chunks: dict[int, DocSpan]) -> bool:
    """Whether ``token`` is a named party: a name the entity step found, or a proper noun it
    missed ("extradited the suspect Tarek Ossmann": a PROPN head)."""
    missed = token.pos_ == "PROPN" and not token.ent_type_  # not "Monday", "March"
    return missed or mentions.named(argument_span(token, mentions, chunks))


def _passive_subject(verb: Token) -> Token | None:
    """The passive subject of ``verb``: "the minister" in "the minister was indicted"."""
    return next((c for c in verb.children if c.dep_ == "nsubjpass"), None)


def _active(verb: Token) -> bool:
    """Whether a coordinated verb is in the active voice: "will resign", "resigned", not a bare
    participle sharing its head's "was" ("was arrested and deported")."""
    return verb.tag_ != "VBN" or any(c.dep_ == "aux" for c in verb.children)


def _beneficiary(verb: Token) -> frozenset[str]:
    """ "for" when ``verb`` hands something over: "provided aid for Korvath" names who gets it
    (elsewhere "for" is mostly a purpose or a time: "for talks", "for two years")."""
    return frozenset({"for"}) if verb.lemma_.lower() in GIVING else frozenset()


def _holds(token: Token, noun: Token | None) -> bool:
    """Whether ``token`` is the event noun or holds it: "a wave of arrests", "took part in"."""
    return noun is not None and (token == noun or token.is_ancestor(noun))


def _owner(noun: Token) -> Token | None:
    """Whose a nominal event is: its possessor ("Korvath's crackdown") or a named modifier
    ("Velmoran riots", "Osterland police raids")."""
    for child in noun.children:
        if child.dep_ == "poss" or (
            child.dep_ in ("compound", "amod") and child.ent_type_ in NAMED_LABELS
        ):
            return child
    return None


def _issuer(verb: Token) -> Token | None:
    """Who issued the document a participle describes: "issued a statement demanding ..."
    (the statement's issuer demands). Only documents: "protesters demanding reforms" or
    "those investigating" are left alone."""
    noun = verb.head
    if verb.tag_ != "VBG" or noun.lemma_.lower() not in DOCUMENTS:
        return None
    return subject(noun.head) if noun.dep_ in ("dobj", "nsubjpass") else None


def _reporter(clause: Token) -> Token | None:
    """Who "it" or "they" stands for in a clause reported by someone: "Osterland said it will
    ...", "the rebels announced they would ..." (the subject of the reporting verb)."""
    if clause.dep_ != "ccomp":
        return None
    reporter = subject(clause.head)
    return reporter if reporter is not None and reporter.pos_ != "PRON" else None


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
        candidates += prep_objects([verb], _TARGET_PREPS)
    candidates += prep_objects([verb], _beneficiary(verb))  # "sent food for Korvath"
    if code in ("REQUEST", "SANCTION"):  # "withdrew its ambassador from Korvath"
        candidates += prep_objects([verb], frozenset({"from"}))
    if code == "PROTEST":
        candidates += _purpose_parties(verb, object_token)
    if code in ("CONCEDE", "RETREAT"):
        candidates += prep_objects(verb.subtree, frozenset({"in", "from"}))
    if verb.lemma_.lower() in TRAVELLING:  # "arrived in Velmora on a visit"
        candidates += prep_objects([verb], frozenset({"in", "to"}))
    return next((t for t in candidates if _party_named(t, mentions, chunks)), None)


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
            candidates += prep_objects(around, _TARGET_PREPS | {"from"})
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
            candidates += objects + prep_objects([child], _TARGET_PREPS | _beneficiary(child))
            candidates += prep_objects(held, _OBJECT_PARTY_PREPS)
    return candidates


def _object_parties(noun: Token) -> list[Token]:
    """Parties inside an object phrase: its owner ("a Senate resolution", "Korvath's
    crackdown"), who did what it names ("the march staged by students", "crimes by the
    militia": acting on a deed is aimed at its doer), then its "of"/"to"/"from"/"between"
    parties ("a meeting of the port council", "autonomy from Velmoran authorities")."""
    candidates = [c for c in noun.children if c.dep_ in ("poss", "compound")]
    clauses = [c for c in noun.children if c.dep_ == "acl"]
    candidates += [p for a in clauses for g in a.children if g.dep_ == "agent" for p in g.children]
    candidates += prep_objects([noun], frozenset({"by"}))
    candidates += prep_objects([noun], _OBJECT_PARTY_PREPS)
    # "an invitation to visit Korvath", "a call to attend a meeting of the Velmoran council":
    # the party of what the noun asks or offers
    for clause in clauses:
        objects = [c for c in clause.children if c.dep_ == "dobj"]
        candidates += objects + prep_objects([clause, *objects], _TARGET_PREPS | {"of"})
    return candidates


def _purpose_parties(verb: Token, noun: Token | None) -> list[Token]:
    """What a protest is against: the party of its purpose ("marched to protest against the
    Velmoran decision", "to demand reforms from the council", "demanding that Korvath ...")
    or of its "in protest of" / "in defiance of" phrase."""
    candidates: list[Token] = []
    for clause in verb.children:
        if clause.dep_ in ("advcl", "xcomp") and clause.pos_ == "VERB":
            candidates += [c for c in clause.children if c.dep_ == "dobj"]
            candidates += prep_objects([clause], _TARGET_PREPS | {"from", "by", "of"})
            for obj in (c for c in clause.children if c.dep_ == "dobj"):
                candidates += _object_parties(obj)
    holders = [verb] + ([noun] if noun is not None else [])  # "a hunger strike in protest of"
    for stance in prep_objects(holders, frozenset({"in"})):
        if stance.lemma_.lower() in _STANCES:
            for party in prep_objects([stance], frozenset({"of", "against", "at", "to"})):
                candidates += [party, *_object_parties(party)]
    return candidates
