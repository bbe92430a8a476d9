"""Who did it and to whom: an event's actor and target tokens in the parse.

The actor is the subject (or the ``by`` agent of a passive; the passive subject of a retreat:
"the militias were disarmed"), else the subject shared with the governing clause (through a
coordination, also its passive subject: "was charged and will resign"), a document's issuer,
or for "it"/"they" in a reported clause the reporting verb's subject. The target is the object
(or the passive subject, the dative, the object of "with", "against", "on", ...); whom the
event is aimed at when that is no named party is decided in ``targets``.
"""

from __future__ import annotations

from spacy.tokens import Token

from newsweave.analyse.events.coding import noun_code, raises
from newsweave.analyse.events.lexicon import (
    CAPTIVES,
    DOCUMENTS,
    FORCES,
    RECEIVING,
    STANCES,
    TOPIC_OBJECT_CODES,
    UNDERGOING,
    UNDERGONE,
)
from newsweave.analyse.events.mentions import NAMED_LABELS
from newsweave.analyse.events.tree import counted, prep_objects, subject
from newsweave.lexicon.grammar import RELATIVE_PRONOUNS, SUBJECTS
from newsweave.lexicon.people import is_person_noun

__all__ = ["TARGET_PREPS", "arguments"]

#: Prepositions whose object is the party a verb acts on: "met with", "fired on".
TARGET_PREPS = frozenset({"with", "against", "on", "upon", "at", "to"})
#: Dependency labels of a clause that shares its governor's subject: "vowed to attack",
#: "arrested and charged", "blocked roads, demanding ...", "staged a march to demand ...",
#: "is ready to host" (through the adjective); a reported clause with no subject of its own is
#: a misparse of the main verb ("Gunmen believed to be rebels shot and killed ...").
_SHARING = frozenset({"xcomp", "conj", "advcl", "acomp", "ccomp"})
#: Pronouns that stand for the party a report is about: "Osterland said it will ...", "the
#: office said its inquiry was continuing" (a nominal event's owner), "Marek said he would
#: ..." (the speaker; "we" in a quotation is the person quoted, in ``mentions``).
_REPORTED = frozenset({"it", "they", "its", "their", "he", "she", "his", "her"})
#: Possessive pronouns of a party's own: "the army said its forces had ...".
_POSSESSIVE = frozenset({"its", "their", "his", "her", "our", "my"})
#: Categories whose passive subject, with no agent, is the actor: "the militias were disarmed".
_SELF_ACTING = frozenset({"RETREAT"})


def arguments(
    verb: Token, noun: Token | None, particle: Token | None = None, *, code: str | None = None
) -> tuple[Token | None, Token | None]:
    """The actor and target tokens of ``verb`` (either may be missing); ``code``, the event's
    category, tells whether a passive subject is the one who acts ("were disarmed")."""
    actor, target = subject(verb) or _name_before(verb), None
    for child in verb.children:
        if child.dep_ == "nsubjpass" and child != noun:
            target = child
        elif child.dep_ == "agent":
            # not the event noun of "spoke by telephone"
            actor = next((c for c in child.children if c.dep_ == "pobj" and c != noun), actor)
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
        and (noun is not None or code in _SELF_ACTING or verb.lemma_.lower() in STANCES)
    ):
        # "forces were engaged in ethnic cleansing", "the militias have been disarmed": who
        # undergoes a retreat is the one who retreats; "Korvath is opposed to": a stance
        actor, target = target, None
    if target is None and noun is None and particle is None:
        # "shot and killed a police officer", "attacked and seized the town": the object
        # written once, after the last of the verbs
        target = _shared_object(verb)
    if target is None and particle is not None and _aims(particle, noun, code):
        # the deciding preposition's own object: "stood by the families", "looked into
        # the deaths"; not what is called for, nor the noun of "engaged in fighting"
        target = next((c for c in particle.children if c.dep_ == "pobj"), None)
    if target is None:
        # the event noun's own party first: "riots against the tax ... with no end in sight"
        holders = ([noun] if noun is not None else []) + [verb]
        target = next(
            (
                pobj
                for pobj in prep_objects(holders, TARGET_PREPS)
                if pobj.ent_type_ not in ("DATE", "TIME") and pobj != noun
            ),
            None,
        )
    if verb.dep_ == "relcl":
        # "the diplomats who negotiated ...": the diplomats; "residents who were evacuated"
        actor = verb.head if actor is not None and actor.lower_ in RELATIVE_PRONOUNS else actor
        target = verb.head if target is not None and target.lower_ in RELATIVE_PRONOUNS else target
    if noun is not None and actor == noun:
        # "Velmoran riots erupted": the riots are Velmora's; "aid from Korvath arrived"
        actor = _owner(noun) or next(iter(prep_objects([noun], frozenset({"from"}))), None)
    if noun is not None and code != "AID" and _undergoes(verb, noun, particle):
        # "the convoy came under attack from rebels", "was the target of an attack by
        # rebels", "the plan drew criticism from Velmora": the subject undergoes it
        doers = prep_objects([noun, verb], frozenset({"by", "from"}))
        doers = doers or prep_objects([noun], frozenset({"of"}))  # "the backing of Korvath"
        actor, target = (doers[0] if doers else None), actor
    if code == "AID" and verb.lemma_.lower() in RECEIVING:
        # "Velmora received aid from Korvath": the giver acts, the receiver is the target
        givers = prep_objects([verb], frozenset({"from"}))
        actor, target = (givers[0] if givers else None), actor
    if noun is not None and actor is None and target is None:
        # "fighting between troops and rebels left 40 dead": each is the other's party
        # "fighting erupted between ...": the "between" phrase may hang on the verb
        between = prep_objects([noun, verb], frozenset({"between"}))
        if between:
            actor, target = between[0], next(iter(between[0].conjuncts), None)
    if actor is None and code == "ASSAULT":
        # "14 people were killed when Korvath warplanes bombed a market": who bombed
        actor = _done_when(verb)
    if verb.dep_ == "acl" and actor is None:
        actor = _issuer(verb) or _decider(verb) or _misread_main(verb)
    deed = actor if noun is None and actor is not None and noun_code(actor) else None
    doer = _doer(deed) if deed is not None else None
    if deed is not None and doer is not None:
        # "Korvath's attack on Osterland killed 30 people": the attack's owner did it (not
        # "the fire killed three workers": no one's, a hazard)
        actor = doer
        if target is None:
            target = next(iter(prep_objects([deed], frozenset({"on", "against"}))), None)
    head = verb
    # "vowed to attack", "arrested and charged", "blocked roads, demanding ...": the governing
    # verb's subject. Not for a verb with a subject of its own ("..., and no one was
    # detained": nobody named did it).
    own_subject = any(c.dep_ in SUBJECTS for c in verb.children)
    while actor is None and not own_subject and head.dep_ in _SHARING and head.head != head:
        coordinated = head.dep_ == "conj"
        raised = head.dep_ == "xcomp" and raises(head.head)
        head = head.head
        # "Korvath is alleged to have attacked ...": the report's subject did it
        actor = _passive_subject(head) if raised else subject(head)
        undergoer = _passive_subject(head) if coordinated and actor is None else None
        if undergoer is not None and _active(verb):
            actor = undergoer  # "was indicted and will resign": who was indicted resigns
        elif undergoer is not None and target is None:
            target = undergoer  # "were arrested and deported": both done to them
    if actor is not None and (actor.lower_ in _REPORTED or _own(actor)):
        # "Korvath said it will ...", "the army said its forces had killed ...", "Velmora's
        # minister said his country would not ...": the one reporting
        actor = _reporter(head) or actor
    if actor is not None:
        actor = _wielder(actor) or actor
    return counted(actor), counted(target)


def _done_when(verb: Token) -> Token | None:
    """The subject of a "when" clause telling how harm with no agent was done: "were killed
    when Korvath warplanes bombed a market" (the warplanes)."""
    if not any(c.dep_ == "auxpass" for c in verb.children):
        return None
    for clause in (c for c in verb.children if c.dep_ == "advcl"):
        if any(c.dep_ == "advmod" and c.lower_ == "when" for c in clause.children):
            doer = subject(clause)
            if doer is not None and doer.pos_ != "PRON" and _party(doer):
                return doer
    return None


def _shared_object(verb: Token) -> Token | None:
    """The object of the verb written right after ``verb`` and "and", when ``verb`` has none of
    its own: "Gunmen shot and killed a police officer" (the object written once for both).
    Not a clause of its own: "declined to attend and appointed his aide" (no target)."""
    if any(c.dep_ in ("dobj", "nsubjpass", "dative", "prep", "xcomp") for c in verb.children):
        return None
    for joined in (c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB"):
        adjacent = joined.i == verb.i + 2 and verb.doc[verb.i + 1].dep_ == "cc"
        if adjacent and not any(c.dep_ in SUBJECTS for c in joined.children):
            return next((c for c in joined.children if c.dep_ == "dobj"), None)
    return None


def _undergoes(verb: Token, noun: Token, particle: Token | None) -> bool:
    """Whether the subject of ``verb`` is on the receiving end of the event ``noun`` names:
    "came under attack", "was the target of an attack", "drew criticism", "won the backing"."""
    lemma = verb.lemma_.lower()
    if lemma in UNDERGOING and particle is not None:
        return particle.lower_ == "under" or (particle.lower_ == "of" and noun.head == particle)
    return lemma in UNDERGONE and noun.head == verb and noun.dep_ == "dobj"


def _wielder(thing: Token) -> Token | None:
    """Who used the thing that did it, when a participle says so: "a missile fired by Korvath
    forces hit ...", "killed by mines laid by the rebels" (the one who fired or laid it). Not
    for people or a named party ("troops sent by Korvath attacked": the troops)."""
    if thing.ent_type_ or thing.pos_ != "NOUN" or _people(thing):
        return None
    for clause in thing.children:
        if clause.dep_ == "acl" and clause.tag_ == "VBN":
            agent = next((c for c in clause.children if c.dep_ == "agent"), None)
            # "a missile fired by Korvath forces", not "hackers angered by the publication"
            wielder = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
            if wielder is not None and _party(wielder):
                return wielder
    return None


def _party(token: Token) -> bool:
    """Whether ``token`` is people or a named party ("the rebels", "Korvath forces", plural
    doers), not a thing ("hackers angered by the publication")."""
    named = token.ent_type_ in NAMED_LABELS or any(
        c.ent_type_ in NAMED_LABELS for c in token.children
    )
    return named or _people(token) or token.tag_ in ("NNS", "NNPS")  # "by separatists"


def _people(token: Token) -> bool:
    """Whether ``token`` names people or armed forces: "soldiers", "the rebels", "police"."""
    lemma = token.lemma_.lower()
    return lemma in CAPTIVES or lemma in FORCES or is_person_noun(lemma)


def _own(token: Token) -> bool:
    """Whether ``token`` is a party's own, by a possessive pronoun: "its forces", "his
    country" (not a nominal event: "its inquiry" is the pronoun's)."""
    return noun_code(token) is None and any(
        c.dep_ == "poss" and c.lower_ in _POSSESSIVE for c in token.children
    )


def _aims(particle: Token, noun: Token | None, code: str | None) -> bool:
    """Whether the deciding preposition's object is whom the event is aimed at: "stood by
    the families", but not "called for a strike" (what is asked) or "took part in"."""
    return particle.dep_ == "prep" and noun is None and code not in TOPIC_OBJECT_CODES


def _passive_subject(verb: Token) -> Token | None:
    """The passive subject of ``verb``: "the minister" in "the minister was indicted"."""
    return next((c for c in verb.children if c.dep_ == "nsubjpass"), None)


def _active(verb: Token) -> bool:
    """Whether a coordinated verb is in the active voice: "will resign", "resigned", not a bare
    participle sharing its head's "was" ("was arrested and deported")."""
    return verb.tag_ != "VBN" or any(c.dep_ == "aux" for c in verb.children)


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


def _doer(deed: Token) -> Token | None:
    """Who did a deed named by a noun: its owner or its "by" party ("an attack by rebels")."""
    return _owner(deed) or next(iter(prep_objects([deed], frozenset({"by"}))), None)


def _issuer(verb: Token) -> Token | None:
    """Who issued the document a participle describes: "issued a statement demanding ..."
    (the statement's issuer demands). Only documents: "protesters demanding reforms" or
    "those investigating" are left alone."""
    noun = verb.head
    if verb.tag_ != "VBG" or noun.lemma_.lower() not in DOCUMENTS:
        return None
    return subject(noun.head) if noun.dep_ in ("dobj", "nsubjpass") else None


def _name_before(verb: Token) -> Token | None:
    """A name the parser hung on a finite verb with no subject as an adverbial: "Korvath
    massed tanks near the border" ("Korvath" read like "Monday"). Not a date or a time."""
    if verb.tag_ not in ("VBD", "VBZ", "VBP") or any(c.dep_ in SUBJECTS for c in verb.children):
        return None
    return next(
        (
            c
            for c in verb.lefts
            if c.dep_ == "npadvmod" and c.pos_ == "PROPN" and c.ent_type_ not in ("DATE", "TIME")
        ),
        None,
    )


def _misread_main(verb: Token) -> Token | None:
    """The subject of a main verb the parser read as a participle describing it, when the
    sentence then has no verb of its own: "An official Velmoran newspaper called Thursday on
    Korvath to withdraw" (the noun is the parse's root)."""
    noun = verb.head
    if noun.dep_ == "ROOT" and noun.pos_ in ("NOUN", "PROPN") and verb.tag_ in ("VBN", "VBD"):
        return noun
    return None


def _decider(verb: Token) -> Token | None:
    """Whose decision, plan or attempt an infinitive is: "Korvath's decision to expel the
    envoy", "the army's attempt to retake Dara" (the noun's owner acts)."""
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return None
    return next((c for c in verb.head.children if c.dep_ == "poss" and c.pos_ != "PRON"), None)


def _reporter(clause: Token) -> Token | None:
    """Who "it" or "they" stands for in a clause reported by someone: "Osterland said it will
    ...", "the rebels announced they would ..." (the subject of the reporting verb)."""
    if clause.dep_ != "ccomp":
        return None
    reporter = subject(clause.head)
    says = clause.head
    if reporter is None and says.dep_ in ("advcl", "pcomp", "xcomp") and says.tag_ == "VBG":
        # "Korvath was quoted as saying it would ...": the one quoted
        quoted = says.head if says.dep_ != "pcomp" else says.head.head
        reporter = subject(quoted) or _passive_subject(quoted)
    return reporter if reporter is not None and reporter.pos_ != "PRON" else None
