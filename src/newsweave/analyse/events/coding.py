"""Which PLOVER category a verb reports: through its object (a light verb's noun, goods
handed over, a protest stopped, a relation cut, a restriction eased), as a nominal event
("riots erupted"), through its particle ("call for"), or by its lemma alone, for some verbs
only when they act on people ("released the hostages", not "released a report"). The word lists
are in ``lexicon.py``."""

from __future__ import annotations

from spacy import symbols
from spacy.tokens import Token

from newsweave.analyse.events.lexicon import (
    ABANDONING,
    ARRIVING,
    ATTACKING,
    BACKWARDS,
    BANNING,
    BEATING,
    BODIES,
    CAPTIVES,
    CODES,
    COMMITMENTS,
    COMPELLING,
    COMPLEMENT_CODES,
    COMPOUND_CODES,
    CROWDS,
    DECLARING,
    DEPARTING,
    DESTROYING,
    EASING,
    ENLISTING,
    EQUIPMENT,
    EVACUATING,
    EXPELLING,
    EXPLODING,
    FIGHTERS,
    FIGHTING,
    FIRED_AT,
    FIRING,
    FLEEING,
    FORCES,
    GIVING,
    GOODS,
    GROUPS,
    HITTING,
    INTENDING,
    JOINT,
    LEAVING,
    LIGHT_DEFAULTS,
    LIGHT_VERBS,
    MEASURES,
    MILITARY_TARGETS,
    MOVING,
    NOT_ON_PEOPLE,
    NOUN_CODES,
    OBLIGING,
    OCCURRING,
    ON_PEOPLE,
    OWNING,
    PARTICIPATING,
    PARTICLE_CODES,
    PEACEKEEPING,
    POLITICAL_LIFE,
    POSITIONS,
    PREVENTING,
    PROPERTY,
    QUITTING,
    RAISING,
    RECEIVING,
    REDUCING,
    RELATIONS,
    RESTRICTIONS,
    RESULTING,
    SAYING,
    STRIKING,
    SUSPENDING,
    TAKING,
    TAKING_PART,
    TRAINING,
    TRAVELLING,
    UNDERGOING,
    UNDERGONE,
    VERB_NOUN_CODES,
    VERB_PREP_NOUN_CODES,
    VISITING,
    VISITORS,
    WANTING,
    WARNING,
    WAYS,
    WEAPONS,
    WORKERS,
)
from newsweave.analyse.events.tree import counted, prep_objects, subject
from newsweave.lexicon.grammar import FIRST_PERSON, PERSONAL_PRONOUNS, RELATIVE_PRONOUNS
from newsweave.lexicon.people import is_person_noun

__all__ = ["carried_by_head", "coded", "noun_code", "raises"]

#: Inflections and the stems they come from, for verbs the lemmatizer misreads ("staged" as
#: "stag", "raping" as "rap", "fining" as "fin").
_ENDINGS = (
    ("ied", "y"),
    ("ed", "e"),
    ("ed", ""),
    ("d", ""),
    ("es", ""),
    ("s", ""),
    ("ing", "e"),
    ("ing", ""),
)
#: Past forms of lexicon verbs the lemmatizer leaves as they are ("forgave").
_IRREGULAR = {"forgave": "forgive", "forgiven": "forgive", "overran": "overrun", "slew": "slay"}
#: The verbs of the verb-and-noun phrases.
_PHRASE_VERBS = frozenset(
    [verb.split()[0] for verb, _ in VERB_NOUN_CODES] + [verb for verb, _, _ in VERB_PREP_NOUN_CODES]
)
#: Adverbs that are a phrasal verb's particle when misread ("pulling back", "pulled out").
_ADVERBS = frozenset({"back", "out", "down", "off", "up", "aside"})
#: Prepositions of the party one fights: "fought with the rebels", "battled against troops".
_AGAINST = frozenset({"with", "against"})
#: Categories of speech acts whose clause ("demanded that the army withdraw") is no event.
_SPEECH_ACTS = frozenset({"REQUEST", "THREATEN", "ACCUSE", "REJECT"})
#: Entity labels of a party that can be held and freed, and the pronouns that stand for people.
_PARTY_LABELS = frozenset({"PERSON", "NORP", "ORG", "GPE"})
_PEOPLE_PRONOUNS = PERSONAL_PRONOUNS | FIRST_PERSON | {"they", "them"}
_RELATIVES = RELATIVE_PRONOUNS | {"whom"}
#: Verbs of ceasing, and what ceasing to do cuts relations ("stopped providing aid", "halted
#: cooperating with the inquiry": SANCTION, CAMEO 16).
CEASING = frozenset(["stop", "halt", "cease", "suspend", "end", "quit", "discontinue"])
_HELPING = frozenset({"AID", "COOPERATE", "CONSULT", "SUPPORT"})
#: Nouns of the stance in which an act is done: "in protest at", "in support of".
_STANCE_CODES = {"protest": "PROTEST", "support": "SUPPORT", "solidarity": "SUPPORT"}
#: What goes off in an attack: "a car bomb exploded", "a roadside bomb went off".
_EXPLOSIVES = frozenset({"bomb", "bombs", "device", "shell", "shells", "mine", "grenade", "ied"})
#: Prepositions of what an act is for: "came under fire over its record" (criticism).
_REASONS = frozenset({"over", "for"})
#: Nouns of being on the receiving end: "was the target of an attack by rebels".
_VICTIMS = frozenset({"target", "victim", "object", "subject"})
#: Verbs of sending forces somewhere, protection when the forces keep the peace.
_DEPLOYING = frozenset({"deploy", "station", "dispatch"})
#: Categories that become a protest when done "in protest" (CAMEO 14: a refusal to work, a
#: resignation); a sanction done in protest ("recalled its envoy in protest") stays one.
_PROTESTABLE = frozenset({"REJECT", "CONCEDE"})
#: Who occupies a building in protest rather than by force: "students occupied the
#: university".
_PROTESTERS = CROWDS | WORKERS | {"student", "students", "activist", "activists"}
#: Spans of time: "attacked the town for two hours" tells how long, not what for.
_SPANS = frozenset(
    """hour hours day days night nights week weeks weekend month months year years time
    period minute minutes""".split()  # noqa: SIM905
)
_KNOWN_VERBS = frozenset(
    [*CODES, *LIGHT_VERBS, *LIGHT_DEFAULTS, *PREVENTING, *REDUCING, *EASING, *GIVING, *STRIKING]
    + [*QUITTING, *TRAINING, *MOVING, *SAYING, *WANTING, *ATTACKING, *TAKING]
    + [*FLEEING, *ENLISTING, *HITTING, *VISITING, *DEPARTING, *DECLARING, *RECEIVING]
    + [*DESTROYING, *BEATING, *CEASING, "work", *FIRING, *EXPLODING, *SUSPENDING, *UNDERGONE]
    + ["return"]
    + [*PARTICIPATING, *(phrase.split()[0] for phrase in OCCURRING)]
    + [verb for verb, _ in PARTICLE_CODES]
    + [verb for verb, _ in VERB_NOUN_CODES]
    + [verb for verb, _, _ in VERB_PREP_NOUN_CODES]
)


#: The parts of speech an event is reported with: a verb, "is under" (AUX), "critical" (ADJ),
#: as ``Token.pos`` ids (reading ``pos_`` of every token costs a string lookup each).
_EVENT_TAGS = frozenset({symbols.VERB, symbols.AUX, symbols.ADJ})


def coded(verb: Token) -> tuple[str, Token | None, Token | None] | None:
    """``(code, deciding particle, light-verb noun)`` when ``verb`` reports an event."""
    if verb.pos not in _EVENT_TAGS:
        return None  # most tokens: asked of every one, so the cheapest test first
    if verb.pos_ == "ADJ" and verb.dep_ == "acomp":
        return _stance(verb)  # "was critical of Korvath"
    undergoing = verb.lemma_.lower() in UNDERGOING and verb.pos_ in ("AUX", "VERB")
    if undergoing and (under := _under(verb)) is not None:
        return under  # "came under attack", "is under investigation"
    if verb.pos_ != "VERB" or verb.dep_ in ("amod", "compound"):
        return None
    lemma = _lemma(verb)
    # walking a token's children costs the span of its subtree: once per verb
    children = list(verb.children)
    if lemma in INTENDING and any(c.dep_ == "xcomp" and coded(c) for c in children):
        return None  # "pledged to attack": the attack is the event, intended
    objects = [c for c in children if c.dep_ in ("dobj", "nsubjpass")]
    if lemma in PREVENTING and any(noun_code(o) == "PROTEST" for o in objects):
        return "COERCE", None, objects[0]  # "police broke up the demonstration"
    if lemma == "block" and any(o.lemma_.lower() in WAYS for o in objects):
        return "PROTEST", None, objects[0]  # "farmers blocked the roads"
    moving = lemma in MOVING
    forces = moving and any(_object_words(o) & FORCES for o in objects)
    peacekeeping = forces and any(_object_words(o) & PEACEKEEPING for o in objects)
    if lemma in MOVING and forces and not peacekeeping and _moved_back(verb, lemma):
        return "RETREAT", None, objects[0]  # "ordered its troops back to barracks"
    if lemma in MOVING and forces and not peacekeeping and _moved_toward(verb):
        return "MOBILIZE", None, objects[0]  # "ordered troops to the border"
    if lemma in RECEIVING:
        for child in objects:  # "received 5 million dollars from Korvath"
            if _given(child) == "AID" and prep_objects([verb], frozenset({"from"})):
                return "AID", None, child
    if (undergone := _undergone(lemma, objects)) is not None:
        return undergone  # "the plan drew criticism from Velmora"
    if lemma in GIVING:
        # "provided Korvath with wheat": what is handed over may be the "with" object
        for child in objects + prep_objects([verb], frozenset({"with"})):
            if (code := _given(child)) is not None:
                # "contributed 500 soldiers to the peacekeeping force": protection; "gave
                # Velmora 30 tanks": arms to own
                owned = lemma in OWNING and _object_words(child) & EQUIPMENT
                aid = _keeps_peace(verb, child) or owned
                return ("AID" if aid else code), None, child
    if lemma in _PHRASE_VERBS and (by_noun := _verb_noun(children, lemma)) is not None:
        return by_noun  # "workers staged a strike", "opened fire", "went on strike"
    if lemma in LIGHT_VERBS:
        for child in map(_measured, _with_conjuncts(objects)):
            if (code := noun_code(child)) is not None:
                return code, None, child
    nominal = _nominal(verb, lemma)
    if nominal is not None:
        return nominal
    if lemma in EVACUATING and any(_object_words(o) & FORCES for o in objects):
        return "RETREAT", None, objects[0]  # "evacuated its troops": forces pulled back
    if lemma in EXPELLING and objects:
        individuals = any(_individual(o) or _individual(counted(o) or o) for o in objects)
        relations = any(_object_words(o) & RELATIONS for o in objects)
        return ("COERCE" if individuals and not relations else "SANCTION"), None, None
    if lemma in LEAVING and (left := _left(verb)) is not None:
        return left  # "withdrew from the talks", "pulled out of the treaty"
    if lemma in QUITTING:
        for child in objects:  # "quit the talks", "left the alliance"
            if (quit_code := _what_is_left(child)) is not None:
                return quit_code, None, child
    by_subject = (
        lemma in FLEEING
        or lemma in DEPARTING
        or lemma in HITTING
        or lemma in EXPLODING
        or lemma == "strike"
    )
    who = subject(verb) if by_subject else None
    who_words = _object_words(who) if who is not None else set()
    if lemma in FLEEING and who_words & (FORCES | FIGHTERS):
        return "RETREAT", None, None  # "rebel fighters fled the town"
    if lemma in DEPARTING and _leaves_ground(objects, who_words):
        return "RETREAT", None, None  # "the last troops left the town"
    if lemma == "strike" and who_words & WORKERS and not objects:
        return "PROTEST", None, None  # "teachers struck for higher pay"
    if lemma in DESTROYING and any(_object_words(o) & MILITARY_TARGETS for o in objects):
        return "ASSAULT", None, None  # "destroyed rebel positions"
    if lemma in DESTROYING and any(_object_words(o) & PROPERTY for o in objects):
        return "COERCE", None, None  # "destroyed the homes of suspected rebels"
    if lemma in CEASING and any(_helps(c) for c in children if c.dep_ == "xcomp"):
        return "SANCTION", None, None  # "stopped providing aid to Velmora": aid cut
    if lemma in BEATING and any(o.lemma_.lower() in CROWDS for o in objects):
        return "COERCE", None, None  # "police beat protesters": violent repression
    if lemma in BEATING and lemma != "charge" and any(map(_beaten, objects)):
        return "ASSAULT", None, None  # "soldiers had beaten several villagers"
    if lemma in NOT_ON_PEOPLE and any(map(_people, objects)):
        return None  # "dismissed the interior minister": no rejection
    if lemma == "give" and _ultimatum(objects, children):
        return "THREATEN", None, None  # "gave the government a week to meet its demands"
    if lemma in DECLARING and any(t.lower_ == "grata" for t in verb.subtree):
        return "SANCTION", None, None  # "declared two diplomats persona non grata"
    if lemma in ENLISTING and any(_object_words(o) & (FORCES | FIGHTERS) for o in objects):
        return "MOBILIZE", None, None  # "drafted thousands of reservists"
    if lemma in HITTING and objects and who_words & (WEAPONS | FORCES):
        return "ASSAULT", None, None  # "artillery shells hit the district"
    fired = lemma in FIRING and any(_object_words(o) & WEAPONS for o in objects)
    if fired and prep_objects([verb], FIRED_AT):
        return "ASSAULT", None, None  # "fired missiles at Korvath cities"
    if lemma in EXPLODING and _bomb_went_off(verb, lemma, who_words):
        return "ASSAULT", None, None  # "a car bomb exploded outside the consulate"
    if lemma == "return" and _handed_back(verb, objects):
        return "CONCEDE", None, None  # "returned the seized boats to Korvath" (CAMEO 084)
    if lemma in _DEPLOYING and any(_object_words(o) & PEACEKEEPING for o in objects):
        return "AID", None, None  # "deployed peacekeepers to Velmora": protection (CAMEO 074)
    if lemma in SUSPENDING and any(map(_people, objects)) and _from_a_body(verb):
        return "SANCTION", None, None  # "suspended Korvath from the trade bloc"
    if lemma in TRAINING and any(_object_words(o) & FORCES or _people(o) for o in objects):
        return "COOPERATE", None, None  # "trained Velmoran police officers"
    if lemma in REDUCING or lemma in EASING:
        for child in objects:
            words = _object_words(child)
            if lemma in REDUCING and words & RELATIONS:
                return "SANCTION", None, child
            eased = [RESTRICTIONS[w] for w in words if w in RESTRICTIONS]
            if lemma in EASING and eased:
                return eased[0], None, child
    for child in children:
        if child.dep_ in ("prt", "prep") or (child.dep_ == "advmod" and child.lower_ in _ADVERBS):
            # "began pulling back": "back" read as an adverb
            code = PARTICLE_CODES.get((lemma, child.lower_))
            if code is not None:
                return code, child, None
    if lemma in STRIKING and any(map(_struck, objects)):
        return "ASSAULT", None, None  # "jets struck rebel positions"
    if lemma == "strike" and objects and _who_words(verb) & (WEAPONS | FORCES):
        return "ASSAULT", None, None  # "Korvath jets ... struck a radar station"
    if lemma == "say" and _said_no(verb, children):
        return "REJECT", None, None  # "said no to the demands"
    if lemma in SAYING and any(map(_obliged, (c for c in children if c.dep_ == "ccomp"))):
        return "REQUEST", None, None  # "said Osterland must withdraw its troops"
    if lemma in SAYING and any(map(_blamed, (c for c in children if c.dep_ == "ccomp"))):
        return "ACCUSE", None, None  # "said Osterland was behind the bombing"
    if lemma in VISITING and _visit(verb):
        return "CONSULT", None, None  # "the president will travel to Osterland"
    if lemma in WANTING and _wants_of_another(children):
        return "REQUEST", None, None  # "wants Korvath to pay compensation"
    if lemma in ATTACKING and _says_what_for(verb):
        return "ACCUSE", None, None  # "attacked the government over its handling"
    if lemma == "occupy" and objects and _who_words(verb) & _PROTESTERS:
        return "PROTEST", None, None  # "students occupied the university": a sit-in
    if lemma in TAKING and any(o.ent_type_ in ("GPE", "LOC", "FAC") for o in objects):
        return "ASSAULT", None, None  # "seized the town": territory taken by force
    if lemma in TAKING and any(_object_words(o) & MILITARY_TARGETS for o in objects):
        return "ASSAULT", None, None
    for child in children:  # "told the army to leave", "charged that troops crossed"
        if (code := COMPLEMENT_CODES.get((lemma, child.dep_))) is not None:
            return code, None, None
    if lemma in ABANDONING and any(_object_words(o) & POSITIONS for o in objects):
        return "RETREAT", None, None  # "abandoned its positions"
    if lemma in FIGHTING and any(map(_fought, objects + prep_objects([verb], _AGAINST))):
        return "ASSAULT", None, None  # "fought the rebels", not "fought corruption"
    compelling = lemma in COMPELLING
    envoys = compelling and any(_object_words(o) & RELATIONS for o in objects)
    if lemma in COMPELLING and envoys and _compels_to_uncoded(verb):
        return "SANCTION", None, None  # "ordered the diplomats to leave": an expulsion
    if lemma in COMPELLING and objects and _compels_to_uncoded(verb):
        return "COERCE", None, None  # "ordered the paper to close": made to, not asked
    if lemma in BANNING and any(
        _people(o) or _object_words(o) & (GROUPS | POLITICAL_LIFE) for o in objects
    ):
        return "COERCE", None, None  # "banned opposition candidates": people restricted
    if lemma in WARNING and not _warns_of_something(verb):
        return None  # "the company had warned the town on Monday": a notice, no threat
    if lemma in ON_PEOPLE:
        acted_on = _acted_on(verb, objects)
        # "hosted the talks": a meeting is hosted too
        if acted_on and not any(_people(o) or noun_code(o) == "CONSULT" for o in acted_on):
            return None  # "the dam released water", "will host the athletics championship"
    if lemma == "raid" and any(_object_words(o) & (MILITARY_TARGETS | FIGHTERS) for o in objects):
        return "ASSAULT", None, None  # "raided a rebel camp": an attack, not a police raid
    code = CODES.get(lemma) or LIGHT_DEFAULTS.get(lemma)
    if code == "MOBILIZE" and any(c.dep_ == "advmod" and c.lower_ in JOINT for c in children):
        code = "COOPERATE"  # "will jointly patrol the border": military cooperation
    if lemma == "work" and any(c.dep_ == "advmod" and c.lower_ in JOINT for c in children):
        code = "COOPERATE"  # "are working together to fight smuggling"
    if code in _PROTESTABLE and _done_in_protest(children):
        code = "PROTEST"  # "refused to unload the ships in protest", "resigned in protest"
    if code is None and (stance := _in_protest(children)) is not None:
        # "dumped potatoes in protest at low prices", "spoke in support of the plan"
        return _STANCE_CODES[stance.lemma_.lower()], stance.head, stance
    return (code, None, None) if code is not None else None


def _under(verb: Token) -> tuple[str, Token | None, Token | None] | None:
    """What its subject is under: "came under attack" (ASSAULT), "is under investigation"
    (ACCUSE), "remains under arrest" (COERCE); not "under pressure" or "under way"."""
    for noun in prep_objects([verb], frozenset({"under"})):
        code = noun_code(noun)
        if code == "ASSAULT" and prep_objects([verb], _REASONS):
            # "came under fire over its rights record": words, not shots
            return "ACCUSE", noun.head, noun
        if code in ("ASSAULT", "ACCUSE", "COERCE", "SANCTION"):
            return code, noun.head, noun
    if verb.lemma_.lower() == "be" and (there := _there_is(verb)) is not None:
        return there  # "there were clashes between police and rebels"
    # "the convoy was the target of an attack by rebels": the attack, done to the convoy
    for role in (c for c in verb.children if c.dep_ == "attr" and c.lower_ in _VICTIMS):
        for deed in prep_objects([role], frozenset({"of"})):
            if (code := noun_code(deed)) is not None:
                return code, deed.head, deed
    # "Korvath is in talks with Velmora", "has been at war with Velmora since 1994"
    for noun in prep_objects([verb], frozenset({"in", "at"})):
        code = "ASSAULT" if noun.lemma_.lower() == "war" else noun_code(noun)
        with_party = prep_objects([noun, verb], frozenset({"with"}))
        if code in ("CONSULT", "ASSAULT") and with_party and not noun.ent_type_:
            return code, noun.head, noun
    # "troops were on high alert", "the minister is in Velmora for talks", "on a visit"
    for noun in prep_objects([verb], frozenset({"on", "for"})):
        code = noun_code(_measured(noun))
        if code in ("MOBILIZE", "CONSULT"):
            return code, noun.head, noun
    return None


def _there_is(verb: Token) -> tuple[str, Token | None, Token | None] | None:
    """The event an existential "there is" states: "there were clashes between police and
    rebels", "there has been heavy fighting in Dara" (not "there was a meeting room")."""
    if not any(c.dep_ == "expl" for c in verb.children):
        return None
    for noun in (c for c in verb.children if c.dep_ in ("attr", "nsubj")):
        if (code := noun_code(noun)) is not None and _between_parties(noun):
            return code, None, noun
    return None


def _between_parties(noun: Token) -> bool:
    """Whether an event noun names a party it is done by, to or between: "clashes between
    police and rebels", "an attack on the Velmoran embassy", "Korvath raids"; not "a ban on
    smoking" or "a fire at the factory"."""
    parties = prep_objects([noun], frozenset({"between", "by", "on", "against", "with"}))
    parties += [c for c in noun.children if c.dep_ in ("poss", "compound", "amod")]
    return any(_people(p) or _object_words(p) & (FORCES | FIGHTERS) for p in parties)


def _undergone(lemma: str, objects: list[Token]) -> tuple[str, Token | None, Token | None] | None:
    """The event noun its subject draws, faces, wins or receives: "the plan drew criticism
    from Velmora", "the minister faced protests by farmers", "won the backing of Korvath"."""
    if lemma not in UNDERGONE:
        return None
    for noun in (o for o in objects if o.dep_ == "dobj"):
        if noun.lemma_.lower() == "call" and not prep_objects([noun], frozenset({"for"})):
            return "CONSULT", None, noun  # "received a call from the president": a phone call
        if (code := noun_code(noun)) is not None:
            return code, None, noun
    return None


def _obliged(clause: Token) -> bool:
    """Whether a reported clause says another party must or should act ("said Osterland must
    withdraw"), not the speaker itself ("said it must act", "said we should wait")."""
    if not any(c.dep_ == "aux" and c.lower_ in OBLIGING for c in clause.children):
        return False
    subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
    return bool(subjects) and all(_party(s) and s.pos_ != "PRON" for s in subjects)


def _party(token: Token) -> bool:
    """Whether ``token`` is a party that can be asked to act: people, a name (also one the
    entity step missed), a body."""
    misread = token.pos_ == "PROPN" and token.ent_type_ in ("", "PRODUCT", "WORK_OF_ART")
    return _people(token) or misread or token.lemma_.lower() in BODIES or token.lower_ in BODIES


def _blamed(clause: Token) -> bool:
    """Whether a reported clause lays an event at a party's door: "was behind the bombing",
    "was responsible for the attack"."""
    if clause.lemma_.lower() != "be" or not any(c.dep_ == "nsubj" for c in clause.children):
        return False
    behind = prep_objects([clause], frozenset({"behind"}))
    for adjective in (c for c in clause.children if c.dep_ == "acomp"):
        if adjective.lower_ in ("responsible", "guilty"):
            behind += prep_objects([adjective], frozenset({"for", "of"}))
    return any(noun_code(_measured(noun)) is not None for noun in behind)


def _visit(verb: Token) -> bool:
    """Whether a verb of travel is a visit: a leader or a delegation going to a country
    ("the president will travel to Osterland", "the envoy arrived in Velmora")."""
    who = subject(verb)
    # a title, not any name: "Ada Quell arrived in Lima" may be a private trip
    if who is None or not _object_words(who) & VISITORS:
        return False
    places = prep_objects([verb], frozenset({"to", "in"}))
    return any(p.ent_type_ in ("GPE", "LOC") or p.pos_ == "PROPN" for p in places)


def _keeps_peace(verb: Token, given: Token) -> bool:
    """Whether what is handed over goes to keep the peace: "peacekeeping troops", "troops
    for the peacekeeping force"."""
    places = prep_objects([verb, given], frozenset({"to", "for"}))
    return any(_object_words(t) & PEACEKEEPING for t in [given, *places])


def _wants_of_another(children: list[Token]) -> bool:
    """Whether a verb of wanting (``children``: its own) wants another party to act: "wants
    Korvath to pay" (an object and a complement, or a clause with its own subject), not
    "wants to join"."""
    objects = [c for c in children if c.dep_ == "dobj" and c.pos_ != "PRON"]
    for clause in (c for c in children if c.dep_ in ("xcomp", "ccomp")):
        own = [c for c in clause.children if c.dep_ == "nsubj" and _party(c)]
        own = [c for c in own if c.pos_ != "PRON"]
        if own or (objects and clause.dep_ == "xcomp"):
            return True
    return False


def _says_what_for(verb: Token) -> bool:
    """Whether an attack is in words: it says what for ("attacked the minister over the
    deal", "for his remarks"), not when ("for two hours", "over the weekend")."""
    for reason in prep_objects([verb], frozenset({"over", "for"})):
        if reason.ent_type_ in ("DATE", "TIME") or reason.like_num:
            continue
        if reason.lemma_.lower() in _SPANS:
            continue
        return True
    return False


def _said_no(verb: Token, children: list[Token]) -> bool:
    """Whether "said no" refuses a party or what it asks ("said no to Korvath's demands"),
    not "said no to a second helping"."""
    no = [c for c in children if c.dep_ in ("intj", "dobj") and c.lower_ == "no"]
    refused = prep_objects([verb, *no], frozenset({"to"}))  # "to" may hang on "no"
    return bool(no) and any(noun_code(t) is not None or _people(t) for t in refused)


def _who_words(verb: Token) -> set[str]:
    """The words saying who the subject of ``verb`` is ("students", "striking dockers")."""
    who = subject(verb)
    while who is None and verb.dep_ == "conj" and verb.head != verb:
        verb = verb.head  # "jets violated the airspace and struck a station"
        who = subject(verb)
    return _object_words(who) if who is not None else set()


def _done_in_protest(children: list[Token]) -> bool:
    """Whether a refusal or a resignation is done "in protest", on the verb or on the act
    refused ("refused to unload the ships in protest")."""
    acts = [c for c in children if c.dep_ == "xcomp"]
    found = _in_protest([*children, *(c for a in acts for c in a.children)])
    return found is not None and found.lemma_.lower() == "protest"


def _in_protest(children: list[Token]) -> Token | None:
    """The stance noun of an act done "in protest", "in support of" or "in solidarity with"
    ("dumped potatoes in protest at low prices", "came out in support of the plan";
    ``children``: the verb's): the act is a protest or support."""
    objects = [
        pobj
        for prep in children
        if prep.dep_ == "prep" and prep.lower_ == "in"
        for pobj in prep.children
        if pobj.dep_ == "pobj"
    ]
    return next((p for p in objects if p.lemma_.lower() in _STANCE_CODES), None)


def _stance(adjective: Token) -> tuple[str, Token | None, Token | None] | None:
    """The category of an adjective of stance with its preposition ("critical of",
    "supportive of"), read like a verb's particle."""
    for child in adjective.children:
        if child.dep_ == "prep":
            code = PARTICLE_CODES.get((adjective.lemma_.lower(), child.lower_))
            if code is not None:
                return code, child, None
    return None


def _verb_noun(children: list[Token], lemma: str) -> tuple[str, Token | None, Token | None] | None:
    """The category of a verb and noun whose sense the verb decides: the noun as object
    ("staged a strike"), its complement ("found the general guilty", "held the mayor
    responsible": the adjective is one of the event's words, the object its target) or a
    preposition's object ("went on strike", "put troops on alert"); ``children``: the
    verb's."""
    objects = [
        c
        for c in children
        if c.dep_ in ("dobj", "nsubjpass", "oprd", "acomp")
        or (c.dep_ == "ccomp" and c.pos_ == "ADJ")  # "found the minister guilty"
    ]
    particles = [c for c in children if c.dep_ == "prt"]
    # "called off the strike" (CONCEDE) before "called a strike" (PROTEST)
    verbs = [f"{lemma} {p.lower_}" for p in particles] + [lemma]
    for noun in objects:
        words = [noun] + [c for c in noun.children if c.dep_ == "compound"]
        if (share := counted(noun)) is not None and share != noun:
            words.append(share)  # "wrote off 80 percent of the debt"
        for verb_words in verbs:
            for word in words:
                code = VERB_NOUN_CODES.get((verb_words, word.lemma_.lower()))
                if code is not None:  # "raised the alert level"
                    return code, particles[0] if " " in verb_words else None, word
        for adjective in (c for c in noun.children if c.dep_ == "amod"):
            if (code := VERB_NOUN_CODES.get((lemma, adjective.lemma_.lower()))) is not None:
                return code, adjective, None
    # "spoke by telephone": "by" may be read as a passive's agent
    for prep in (c for c in children if c.dep_ in ("prep", "agent")):
        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
            # "put its forces on a state of alert": the state is the alert
            for noun in [pobj, *prep_objects([pobj], frozenset({"of"}))]:
                phrase = (lemma, prep.lower_, noun.lemma_.lower())
                if (code := VERB_PREP_NOUN_CODES.get(phrase)) is not None:
                    return code, prep, noun
    return None


def _left(verb: Token) -> tuple[str, Token | None, Token | None] | None:
    """What leaving talks or an agreement is: halting the talks (SANCTION, "withdrew from
    the negotiations") or rejecting the agreement (REJECT, "pulled out of the treaty")."""
    # "pulled out of": "out" is read as a particle or as a preposition
    holders = [verb, *(c for c in verb.children if c.lower_ in ("out", "back", "away"))]
    for pobj in prep_objects(holders, frozenset({"from", "of"})):
        particle = pobj.head if pobj.head.head == verb else pobj.head.head
        if (code := _what_is_left(pobj)) is not None:
            return code, particle, pobj
    return None


def _what_is_left(noun: Token) -> str | None:
    """What leaving ``noun`` is: halting talks or relations (SANCTION), rejecting an
    agreement (REJECT)."""
    words = _object_words(noun)
    if words & RELATIONS:
        return "SANCTION"
    if words & COMMITMENTS:
        return "REJECT"
    return None


def _helps(clause: Token) -> bool:
    """Whether a complement is help or cooperation ("providing aid", "cooperating with")."""
    found = coded(clause)
    return found is not None and found[0] in _HELPING


def _ultimatum(objects: list[Token], children: list[Token]) -> bool:
    """Whether giving is an ultimatum: a span of time to do something ("gave the government a
    week to meet its demands")."""
    spans = [c for c in children if c.dep_ in ("dobj", "dative", "npadvmod")]
    if not any(o.lemma_.lower() in _SPANS for o in [*objects, *spans]):
        return False
    complements = [c for t in spans for c in t.children]
    return any(c.dep_ in ("xcomp", "advcl", "relcl", "acl") for c in [*complements, *children])


def _moved_toward(verb: Token) -> bool:
    """Whether forces are moved toward somewhere, not made to do something: "ordered troops to
    the border", not "ordered the army to attack"."""
    if any(c.dep_ in ("xcomp", "ccomp") for c in verb.children):
        return False
    return bool(prep_objects([verb], frozenset({"to", "into", "toward", "towards"})))


def _leaves_ground(objects: list[Token], who: set[str]) -> bool:
    """Whether leaving ``objects`` gives up ground: forces leaving a place ("the last troops
    left the town") or anyone leaving military positions ("evacuated its positions")."""
    for place in objects:
        words = _object_words(place)
        if words & POSITIONS:
            return True
        named = place.ent_type_ in ("GPE", "LOC") or place.pos_ == "PROPN"
        ground = named or words & MILITARY_TARGETS
        if ground and who & (FORCES | FIGHTERS):
            return True
    return False


def _moved_back(verb: Token, lemma: str) -> bool:
    """Whether forces are moved back ("pulled its tanks back", "sent the troops home",
    "removed its tanks from the zone"), not toward somewhere ("moved tanks to the border")."""
    if any(c.lower_ in BACKWARDS and c.dep_ in ("prt", "advmod") for c in verb.children):
        return True
    if prep_objects([verb], frozenset({"to", "into", "toward", "towards"})):
        return False
    return lemma in ("remove", "pull", "withdraw", "evacuate") and bool(
        prep_objects([verb], frozenset({"from"}))
    )


def _compels_to_uncoded(verb: Token) -> bool:
    """Whether a verb of compelling has a complement that is no event of its own: "ordered
    the paper to suspend publication" is coercion; in "ordered the army to attack" the attack
    is the event."""
    complements = [c for c in verb.children if c.dep_ in ("xcomp", "ccomp")]
    return bool(complements) and all(coded(c) is None for c in complements)


def _bomb_went_off(verb: Token, lemma: str, who: set[str]) -> bool:
    """Whether a bomb, a shell or a mine went off ("a car bomb exploded", "a roadside bomb
    went off"), not a gas tank or a boiler (a hazard, no attack)."""
    went_off = lemma != "go" or any(c.dep_ == "prt" and c.lower_ == "off" for c in verb.children)
    return went_off and bool(who & _EXPLOSIVES)


def _handed_back(verb: Token, objects: list[Token]) -> bool:
    """Whether something or someone is returned to a party ("returned the seized boats to
    Korvath", "returned the bodies of the soldiers to Velmora"), not fire or a call."""
    things = [o for o in objects if o.dep_ == "dobj" and o.lemma_.lower() not in ("fire", "call")]
    to = [c for c in verb.children if c.dep_ in ("prep", "dative") and c.lower_ == "to"]
    return bool(things) and any(_people(p) for t in to for p in t.children if p.dep_ == "pobj")


def _from_a_body(verb: Token) -> bool:
    """Whether a party is shut out "from" a body or its work: "suspended Korvath from the
    league" (not "barred the minister from leaving": a "from" clause, no body)."""
    return any(pobj.pos_ in ("NOUN", "PROPN") for pobj in prep_objects([verb], frozenset({"from"})))


def _warns_of_something(verb: Token) -> bool:
    """Whether a warning says what it warns of or against ("warned that ...", "warned of
    sanctions", "warned Korvath against ...", also when the parser hangs the "of" phrase on
    the one warned: "warned Korvath of serious consequences"): PLOVER codes such warnings as
    threats; a bare "the operator had warned the town on Monday" is a notice."""
    warned = [c for c in verb.children if c.dep_ == "dobj"]
    return any(
        child.dep_ in ("ccomp", "xcomp")
        or (child.dep_ == "prep" and child.lower_ in ("of", "about", "against"))
        for child in [*verb.children, *(c for o in warned for c in o.children)]
    )


def raises(verb: Token) -> bool:
    """Whether ``verb`` is a report in the passive whose infinitive is the event: "Korvath is
    alleged to have attacked a convoy", "the rebels are said to have seized the town" (the
    report names no one; its subject did the deed)."""
    if verb.lemma_.lower() not in RAISING:
        return False
    children = list(verb.children)
    return (
        any(c.dep_ == "auxpass" for c in children)
        and not any(c.dep_ == "agent" for c in children)
        and any(c.dep_ == "xcomp" and coded(c) is not None for c in children)
    )


def carried_by_head(verb: Token) -> bool:
    """ "agreed to sign", "refused to meet", "demanded that the army withdraw": the governing
    verb is the event (what was demanded, threatened or denied did not happen)."""
    if verb.dep_ == "xcomp" and raises(verb.head):
        return False  # "is alleged to have attacked": the attack
    if verb.dep_ == "xcomp":
        # "vowed to attack": the attack, stated as an intention (``modality``)
        return verb.head.lemma_.lower() not in INTENDING and coded(verb.head) is not None
    if verb.dep_ == "ccomp" and _restated(verb):
        # "Korvath accused Velmora of massing troops, a charge Velmora denied": the main
        # clause, read as the complement of the verb of a noun restating it, was done
        return False
    if verb.dep_ in ("ccomp", "acl") and not any(
        c.lower_ in ("whether", "if") for c in verb.children
    ):
        # not "asked whether he agrees": a question, no demand; "its demand that the army
        # withdraw": the demand, a noun, is the event
        head = coded(verb.head) if verb.head.pos_ == "VERB" else None
        code = head[0] if head is not None else noun_code(verb.head)
        return code in _SPEECH_ACTS
    return False


def _restated(clause: Token) -> bool:
    """Whether a clause before its verb is restated by that verb's object, written between
    them: "Korvath accused Velmora of ..., a charge Velmora denied" (not a quotation before
    "said": '"Korvath must withdraw," Marek said')."""
    head = clause.head
    return clause.i < head.i and any(
        c.dep_ == "dobj" and clause.i < c.i < head.i for c in head.children
    )


def noun_code(noun: Token) -> str | None:
    """The category a noun names: "talks", "a hunger strike" (PROTEST, not an air strike)."""
    lemma = noun.lemma_.lower()
    for child in noun.children:
        if child.dep_ in ("compound", "amod"):
            code = COMPOUND_CODES.get((child.lemma_.lower(), lemma))
            if code is not None:
                return code
    # the plural as written too: "hostilities" is read as "hostility", "funds" as "fund"
    code = NOUN_CODES.get(lemma) or NOUN_CODES.get(noun.lower_)
    if code == "COERCE" and lemma in ("raid", "raids"):
        # "raids on rebel bases": an attack, unlike a police raid on an office
        hit = prep_objects([noun], frozenset({"on", "against"}))
        if any(_object_words(t) & MILITARY_TARGETS for t in hit):
            return "ASSAULT"
    if code == "MOBILIZE" and any(c.lower_ in JOINT for c in noun.children):
        return "COOPERATE"  # "joint manoeuvres", "combined patrols": military cooperation
    return code


def _given(noun: Token) -> str | None:
    """What handing ``noun`` over is: aid ("gave 5 million dollars", "sent food"), a
    deployment ("sent troops"), or what a coded noun names ("provided assistance")."""
    words = _object_words(noun)
    if words & FORCES:
        return "MOBILIZE"
    if words & GOODS or (code := noun_code(_measured(noun))) == "AID":
        return "AID"  # "contributed 3 million dollars", "distributed relief"
    return code if code == "COOPERATE" else None  # "provided Korvath with intelligence"


def _measured(noun: Token) -> Token:
    """The noun a measure or a count stands for: "a wave of arrests" -> arrests, "five million
    dollars of aid" -> aid; other nouns stand for themselves."""
    counted = noun.lemma_.lower() in MEASURES or any(c.dep_ == "nummod" for c in noun.children)
    if counted or noun_code(noun) is None:
        # "40 million euros in emergency aid"
        for pobj in prep_objects([noun], frozenset({"of", "in"})):
            if noun_code(pobj) is not None:
                return pobj
    return noun


def _nominal(verb: Token, lemma: str) -> tuple[str, Token | None, Token | None] | None:
    """A nominal event: a coded noun that is the subject of a verb of occurrence ("riots
    erupted", "the clashes are continuing", "fighting broke out") or the "in" object of a
    verb of taking part ("engaged in ethnic cleansing", "took part in the protests")."""
    phrases = {lemma}
    for child in verb.children:
        if child.dep_ in ("prt", "dobj"):
            phrases.add(f"{lemma} {child.lemma_.lower()}")
    if phrases & OCCURRING and not any(
        c.dep_ == "dobj" and c.lower_ != "place" for c in verb.children
    ):
        for child in verb.children:
            if child.dep_ == "nsubj" and (code := noun_code(child)) is not None:
                return code, None, child
    if lemma in ARRIVING:  # "aid from Korvath reached the town"
        for child in verb.children:
            if child.dep_ == "nsubj" and _given(child) == "AID":
                return "AID", None, child
    if lemma in RESULTING:  # "fighting left 40 dead"
        for child in verb.children:
            if child.dep_ == "nsubj" and (code := noun_code(child)) is not None:
                return code, None, child
    if lemma in TRAVELLING:  # "arrived on a visit", "flew in for talks"
        # "came to an agreement", "flew in for two days of talks"
        for pobj in prep_objects([verb], frozenset({"on", "for", "to", "at"})):
            if (code := noun_code(event := _measured(pobj))) is not None:
                return code, pobj.head, event
    if lemma in PARTICIPATING:
        part = next((c for c in verb.children if c.dep_ == "dobj" and c.lower_ == "part"), None)
        if lemma != "take" or part is not None:
            holders = [verb] + ([part] if part is not None else [])
            for pobj in prep_objects(holders, frozenset({"in"})):
                if (code := noun_code(pobj)) is not None:
                    return code, part or pobj.head, pobj
    return None


def _with_conjuncts(objects: list[Token]) -> list[Token]:
    """The objects and those coordinated with them: "launched artillery, mortar and rocket
    fire" has "fire" too."""
    return [t for o in objects for t in (o, *o.conjuncts) if t == o or t.i > o.i]


def _acted_on(verb: Token, objects: list[Token]) -> list[Token]:
    """What ``verb`` acts on: its object or passive subject, the noun it describes as a
    participle or a relative clause ("prisoners released on Monday", "hostages who were
    released"), else its coordinated head's object ("were arrested and later released");
    a count stands for what it counts ("dozens of prisoners")."""
    relative = verb.dep_ == "relcl"
    found = [verb.head if relative and o.lower_ in _RELATIVES else o for o in objects]
    if not found and verb.dep_ == "acl":
        found = [verb.head]
    if not found and verb.dep_ == "conj":
        found = [c for c in verb.head.children if c.dep_ in ("dobj", "nsubjpass")]
    return [t for t in map(counted, found) if t is not None]


def _people(token: Token) -> bool:
    """Whether ``token`` is people or a named party: a name ("Ada Vell", "Korvath"), "them",
    "the prisoners", "a journalist"."""
    lemma = token.lemma_.lower()
    return (
        token.ent_type_ in _PARTY_LABELS
        or token.lower_ in _PEOPLE_PRONOUNS
        or lemma in CAPTIVES
        or is_person_noun(lemma)
    )


def _beaten(token: Token) -> bool:
    """Whether those beaten are people held, caught or living somewhere ("villagers",
    "prisoners", "two journalists"), not a rival or a record ("beat the champions")."""
    held = counted(token)
    return held is not None and held.lemma_.lower() in CAPTIVES


def _struck(token: Token) -> bool:
    """Whether what is struck is a place, a party or a military target ("struck Velmora",
    "struck rebel positions"), not "struck a deal" or "struck a tone"."""
    return token.ent_type_ in _PARTY_LABELS | {"LOC", "FAC"} or bool(
        _object_words(token) & MILITARY_TARGETS
    )


def _fought(token: Token) -> bool:
    """Whether what is fought is people, forces or a party: "fought the rebels", "battled
    government troops", not "fought corruption"."""
    return _people(token) or bool(_object_words(token) & FORCES)


def _individual(token: Token) -> bool:
    """Whether ``token`` is people rather than a country or a body: "expelled two
    journalists", "expelled thousands of ethnic Velmorans" (people), not "expelled Korvath
    from the league"."""
    lemma = token.lemma_.lower()
    return (
        token.ent_type_ == "PERSON"
        or (token.ent_type_ == "NORP" and token.tag_ in ("NNS", "NNPS"))
        or token.lower_ in _PEOPLE_PRONOUNS
        or lemma in CAPTIVES
        or is_person_noun(lemma)
    )


def _lemma(verb: Token) -> str:
    """The verb's lemma, or a lexicon verb its inflected form comes from when the lemmatizer
    missed it ("staged" read as "stag", "raping" as "rap")."""
    lemma = verb.lemma_.lower()
    if lemma in _KNOWN_VERBS:
        return lemma
    word = verb.lower_
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    for ending, stem in _ENDINGS:
        if word.endswith(ending) and (guess := word[: -len(ending)] + stem) in _KNOWN_VERBS:
            return guess
    return lemma


def _object_words(noun: Token) -> set[str]:
    """The lemmas that say what an object is: "emergency measures", "a state of emergency"."""
    words = {noun.lemma_.lower(), noun.lower_}  # "bases" is read as "basis"
    for child in noun.children:
        if child.dep_ == "compound":
            words.add(child.lemma_.lower())
        elif child.dep_ == "prep" and child.lower_ == "of":
            words.update(c.lemma_.lower() for c in child.children if c.dep_ == "pobj")
        elif child.dep_ == "prep" and child.lower_ == "in" and noun.lemma_.lower() in TAKING_PART:
            # "its participation in the talks": the talks
            words.update(c.lemma_.lower() for c in child.children if c.dep_ == "pobj")
    return words
