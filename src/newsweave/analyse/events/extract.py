"""Events: who did what to whom, when and where, read from the dependency parse.

A verb of the PLOVER lexicon (``lexicon.py``) is an event. Its actor is the clause's subject (or
the ``by`` agent of a passive), its target the object (or the passive subject, or the object of
"with", "against", "on", ...), its place a place name governed by "in", "at", "near", ...,
and its date the resolved time expression of its sentence nearest to it. Names come from the
entity step, so arguments are the same spans the linker turns into canonical entities; "he" and
"she" stand for the person named last before them, and "I" and "we" inside a quotation for the
person quoted. "No one was detained" is an event denied, like "was not detained".
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from dataclasses import replace

from spacy.tokens import Doc, Token
from spacy.tokens import Span as DocSpan

from newsweave.analyse.events.lexicon import (
    CODES,
    COMPOUND_CODES,
    DOCUMENTS,
    EASING,
    FORCES,
    GIVING,
    GOODS,
    HAZARDS,
    LIGHT_DEFAULTS,
    LIGHT_VERBS,
    MEASURES,
    NOUN_CODES,
    OCCURRING,
    PARTICIPATING,
    PARTICLE_CODES,
    PREVENTING,
    QUANTITIES,
    REDUCING,
    RELATIONS,
    RESTRICTIONS,
    TOPIC_OBJECT_CODES,
    TRAVELLING,
    WAYS,
    WEAPONS,
)
from newsweave.analyse.times.offsets import calendar_date, offset_anchors
from newsweave.lexicon.grammar import (
    FIRST_PERSON,
    NOMINAL_SUBJECTS,
    PERSONAL_PRONOUNS,
    RELATIVE_PRONOUNS,
    SUBJECTS,
)
from newsweave.records import Article, EntityMention, Event, Quote, Sentence, Span, TimeRef
from newsweave.spans import at_offset

__all__ = ["event_time", "find_events"]

_TARGET_PREPS = frozenset({"with", "against", "on", "upon", "at", "to"})
_PLACE_PREPS = frozenset({"in", "at", "near", "outside", "inside", "across"})
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_NAMED_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})
#: Subjects that deny the event: "no one was detained", "nobody was hurt".
_NOBODY = frozenset({"nobody", "none", "noone"})
_MODALS = {"'ll": "will", "wo": "will", "ca": "can", "'d": "would"}
#: Modals that state an intention, and the categories an intention turns into AGREE or
#: THREATEN (RETREAT stays: "will withdraw" is a promise or a threat by its context).
_INTENT = frozenset({"will", "would", "shall"})
_COOPERATIVE = frozenset({"SUPPORT", "CONSULT", "AID", "COOPERATE", "CONCEDE"})
_HOSTILE = frozenset({"ASSAULT", "COERCE", "SANCTION", "MOBILIZE", "REJECT", "PROTEST"})
#: Categories of speech acts whose clause ("demanded that the army withdraw") is no event.
_SPEECH_ACTS = frozenset({"REQUEST", "THREATEN", "ACCUSE", "REJECT"})
_KNOWN_VERBS = frozenset(
    [*CODES, *LIGHT_VERBS, *LIGHT_DEFAULTS, *PREVENTING, *REDUCING, *EASING, *GIVING]
    + [*PARTICIPATING, *(phrase.split()[0] for phrase in OCCURRING)]
    + [verb for verb, _ in PARTICLE_CODES]
)
#: Dependency labels of a clause that shares its governor's subject: "vowed to attack",
#: "arrested and charged", "blocked roads, demanding ...", "staged a march to demand ...",
#: "is ready to host" (through the adjective).
_SHARING = frozenset({"xcomp", "conj", "advcl", "acomp"})
#: Pronouns that stand for the party a report is about: "Osterland said it will ...".
_REPORTED = frozenset({"it", "they"})
#: Categories in which two coordinated subjects act on each other.
_MUTUAL = frozenset({"AGREE", "CONSULT", "COOPERATE"})


def find_events(
    doc: Doc,
    article: Article,
    *,
    entities: Sequence[EntityMention],
    times: Sequence[TimeRef],
    quotes: Sequence[Quote] = (),
) -> list[Event]:
    """The article's coded events, in text order.

    Args:
        doc: the parsed article text.
        article: the article (its text is the doc's text).
        entities: the entity step's mentions, for argument spans and places.
        times: the time step's expressions, for each event's date.
        quotes: the quote step's quotations, so that "we" in a quote is the person quoted.
    """
    mentions = _Mentions(article.text, entities, quotes)
    chunks = {t.i: chunk for chunk in doc.noun_chunks for t in chunk}
    events = []
    for verb in doc:
        found = _coded(verb)
        if found is None or _carried_by_head(verb):
            continue
        event = _event(article.text, verb, *found, mentions=mentions, chunks=chunks)
        if event is not None:
            sentence = verb.sent
            sentence_span = Sentence(sentence.start_char, sentence.end_char, sentence.text)
            events.append(_dated(event, sentence_span, times))
    return events


def _event(
    text: str,
    verb: Token,
    code: str,
    particle: Token | None,
    noun: Token | None,
    *,
    mentions: _Mentions,
    chunks: dict[int, DocSpan],
) -> Event | None:
    """The event a coded verb reports, or None when it has neither actor nor target."""
    actor_token, target_token = _arguments(verb, noun, particle)
    if code == "ASSAULT" and _by_hazard(verb, actor_token):
        return None  # "the fire killed 14 workers": a disaster, not an attack
    if (
        target_token is not None
        and target_token.dep_ in ("dobj", "nsubjpass")
        and code in TOPIC_OBJECT_CODES
        and not mentions.named(_argument(target_token, mentions, chunks))
        and not any(c.dep_ == "xcomp" for c in verb.children)  # "urged workers to ..."
    ):
        target_token = None  # "signed the accord": what was agreed, not with whom
    if target_token is None or not mentions.named(_argument(target_token, mentions, chunks)):
        # "demanded that Korvath cancel ...", "refused to meet the envoy", "vetoed a Senate
        # resolution": the party is inside the complement or the object phrase.
        target_token = _party(verb, code, target_token, mentions, chunks) or target_token
    if target_token is None and actor_token is not None and code in _MUTUAL:
        # "Macron and Scholz met", "Russia and Ukraine signed a deal": each is the other's party
        # (not in "he or she agrees": one person, either one).
        joined = any(c.dep_ == "cc" and c.lower_ in ("and", "&") for c in actor_token.children)
        target_token = next((c for c in actor_token.children if c.dep_ == "conj"), None)
        target_token = target_token if joined else None
    if actor_token is None and target_token is None:
        return None
    words = [t for t in (verb, particle, noun) if t is not None]
    # The event's own words: a pronoun's span here, not the name it stands for.
    local = [
        s
        for s in (
            _argument(actor_token, mentions, chunks),
            _argument(target_token, mentions, chunks),
        )
        if s is not None
    ]
    negated = any(c.dep_ == "neg" for c in verb.children) or _denied(verb)
    modality = _modality(verb)
    code = _intended(code, modality, negated, conditional=_unless(verb))
    start = min([t.idx for t in words] + [s.start for s in local])
    end = max([t.idx + len(t) for t in words] + [s.end for s in local])
    return Event(
        start=start,
        end=end,
        text=text[start:end],
        action=" ".join(t.text for t in sorted(words, key=lambda t: t.i)),
        code=code,
        actor=_argument(actor_token, mentions, chunks, resolve=True),
        target=_argument(target_token, mentions, chunks, resolve=True),
        place=_place(verb, mentions),
        negated=negated,
        modality=modality,
    )


def _intended(code: str, modality: str | None, negated: bool, *, conditional: bool) -> str:
    """The category of an event stated as an intention ("will support", "would boycott"):
    PLOVER codes a promise of cooperation as AGREE, of a hostile act as THREATEN, and "will
    not support" as REJECT; an intention held over someone "unless" they act is a threat;
    what was done keeps its own category."""
    if modality not in _INTENT:
        return code
    if conditional:
        return "THREATEN"
    if negated:
        return "REJECT" if code in _COOPERATIVE or code == "AGREE" else code
    if code in _COOPERATIVE:
        return "AGREE"
    return "THREATEN" if code in _HOSTILE else code


def event_time(event: Event, sentences: Sequence[Sentence], times: Sequence[TimeRef]) -> Event:
    """``event`` with the date of its sentence's time expression nearest to it (or none).

    A narrative offset ("Three days later the ministers met") dates it by the day it lands on.

    A pure function of records, so an event is re-dated when its article's times are resolved
    again (an undated article dated from its story).
    """
    sentence = at_offset(sentences, event.start)
    return _dated(event, sentence, times) if sentence is not None else event


def _dated(event: Event, sentence: Sentence | None, times: Sequence[TimeRef]) -> Event:
    anchors = offset_anchors(times)
    candidates = [
        (t, when)
        for t in times
        if sentence is not None
        and sentence.start <= t.start < sentence.end
        and t.start not in anchors
        and (when := calendar_date(t)) is not None
    ]

    def distance(candidate: tuple[TimeRef, str]) -> int:
        t = candidate[0]
        return max(0, t.start - event.end, event.start - t.end)

    best = min(candidates, key=distance, default=None)
    value = best[1] if best is not None else None
    return event if event.time == value else replace(event, time=value)


def _coded(verb: Token) -> tuple[str, Token | None, Token | None] | None:
    """``(code, deciding particle, light-verb noun)`` when ``verb`` reports an event."""
    if verb.pos_ != "VERB" or verb.dep_ in ("amod", "compound"):
        return None
    lemma = _lemma(verb)
    objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    if lemma in PREVENTING and any(_noun_code(o) == "PROTEST" for o in objects):
        return "COERCE", None, objects[0]  # "police broke up the demonstration"
    if lemma == "block" and any(o.lemma_.lower() in WAYS for o in objects):
        return "PROTEST", None, objects[0]  # "farmers blocked the roads"
    if lemma in GIVING:
        for child in objects:
            if (code := _given(child)) is not None:
                return code, None, child
    if lemma in LIGHT_VERBS:
        for child in map(_measured, objects):
            if (code := _noun_code(child)) is not None:
                return code, None, child
    nominal = _nominal(verb, lemma)
    if nominal is not None:
        return nominal
    if lemma in REDUCING or lemma in EASING:
        for child in objects:
            words = _object_words(child)
            if lemma in REDUCING and words & RELATIONS:
                return "SANCTION", None, child
            eased = [RESTRICTIONS[w] for w in words if w in RESTRICTIONS]
            if lemma in EASING and eased:
                return eased[0], None, child
    for child in verb.children:
        if child.dep_ in ("prt", "prep"):
            code = PARTICLE_CODES.get((lemma, child.lower_))
            if code is not None:
                return code, child, None
    code = CODES.get(lemma) or LIGHT_DEFAULTS.get(lemma)
    return (code, None, None) if code is not None else None


def _given(noun: Token) -> str | None:
    """What handing ``noun`` over is: aid ("gave 5 million dollars", "sent food"), a
    deployment ("sent troops"), or what a coded noun names ("provided assistance")."""
    words = _object_words(noun)
    if words & FORCES:
        return "MOBILIZE"
    if words & GOODS:
        return "AID"
    return None


def _measured(noun: Token) -> Token:
    """The noun a measure or a count stands for: "a wave of arrests" -> arrests, "five million
    dollars of aid" -> aid; other nouns stand for themselves."""
    counted = noun.lemma_.lower() in MEASURES or any(c.dep_ == "nummod" for c in noun.children)
    if counted or _noun_code(noun) is None:
        for pobj in _prep_objects([noun], frozenset({"of"})):
            if _noun_code(pobj) is not None:
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
            if child.dep_ == "nsubj" and (code := _noun_code(child)) is not None:
                return code, None, child
    if lemma in TRAVELLING:  # "arrived on a visit", "flew in for talks"
        for pobj in _prep_objects([verb], frozenset({"on", "for"})):
            if (code := _noun_code(pobj)) is not None:
                return code, pobj.head, pobj
    if lemma in PARTICIPATING:
        part = next((c for c in verb.children if c.dep_ == "dobj" and c.lower_ == "part"), None)
        if lemma != "take" or part is not None:
            holders = [verb] + ([part] if part is not None else [])
            for pobj in _prep_objects(holders, frozenset({"in"})):
                if (code := _noun_code(pobj)) is not None:
                    return code, part or pobj.head, pobj
    return None


def _lemma(verb: Token) -> str:
    """The verb's lemma, or a lexicon verb its inflected form comes from when the lemmatizer
    missed it ("staged" read as "stag")."""
    lemma = verb.lemma_.lower()
    if lemma in _KNOWN_VERBS:
        return lemma
    word = verb.lower_
    for ending, stem in (("ied", "y"), ("ed", "e"), ("ed", ""), ("d", ""), ("es", ""), ("s", "")):
        if word.endswith(ending) and (guess := word[: -len(ending)] + stem) in _KNOWN_VERBS:
            return guess
    return lemma


def _noun_code(noun: Token) -> str | None:
    """The category a noun names: "talks", "a hunger strike" (PROTEST, not an air strike)."""
    lemma = noun.lemma_.lower()
    for child in noun.children:
        if child.dep_ in ("compound", "amod"):
            code = COMPOUND_CODES.get((child.lemma_.lower(), lemma))
            if code is not None:
                return code
    return NOUN_CODES.get(lemma)


def _object_words(noun: Token) -> set[str]:
    """The lemmas that say what an object is: "emergency measures", "a state of emergency"."""
    words = {noun.lemma_.lower()}
    for child in noun.children:
        if child.dep_ == "compound":
            words.add(child.lemma_.lower())
        elif child.dep_ == "prep" and child.lower_ == "of":
            words.update(c.lemma_.lower() for c in child.children if c.dep_ == "pobj")
    return words


def _carried_by_head(verb: Token) -> bool:
    """ "agreed to sign", "refused to meet", "demanded that the army withdraw": the governing
    verb is the event (what was demanded, threatened or denied did not happen)."""
    if verb.dep_ == "xcomp":
        return _coded(verb.head) is not None
    if verb.dep_ in ("ccomp", "acl") and not any(
        c.lower_ in ("whether", "if") for c in verb.children
    ):
        # not "asked whether he agrees": a question, no demand; "its demand that the army
        # withdraw": the demand, a noun, is the event
        head = _coded(verb.head) if verb.head.pos_ == "VERB" else None
        code = head[0] if head is not None else _noun_code(verb.head)
        return code in _SPEECH_ACTS
    return False


def _arguments(
    verb: Token, noun: Token | None, particle: Token | None = None
) -> tuple[Token | None, Token | None]:
    """The actor and target tokens of ``verb`` (either may be missing)."""
    actor, target = _subject(verb), None
    for child in verb.children:
        if child.dep_ == "nsubjpass" and child != noun:
            target = child
        elif child.dep_ == "agent":
            actor = next((c for c in child.children if c.dep_ == "pobj"), actor)
        elif child.dep_ == "dobj" and target is None and not _holds(child, noun):
            target = child if child != particle else None  # not "part" in "took part in"
        elif child.dep_ == "dative" and target is None:  # "granted asylum to the officers"
            target = next((c for c in child.children if c.dep_ == "pobj"), child)
    if actor is None and target is not None and target.dep_ == "nsubjpass" and noun is not None:
        actor, target = target, None  # "forces were engaged in ethnic cleansing"
    if target is None:
        # the event noun's own party first: "riots against the tax ... with no end in sight"
        holders = ([noun] if noun is not None else []) + [verb]
        target = next(
            (
                pobj
                for pobj in _prep_objects(holders, _TARGET_PREPS)
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
        head = head.head
        actor = _subject(head)
    if actor is not None and actor.lower_ in _REPORTED:
        actor = _reporter(head) or actor
    return _counted(actor), _counted(target)


def _holds(token: Token, noun: Token | None) -> bool:
    """Whether ``token`` is the event noun or holds it: "a wave of arrests", "took part in"."""
    return noun is not None and (token == noun or token.is_ancestor(noun))


def _owner(noun: Token) -> Token | None:
    """Whose a nominal event is: its possessor ("Korvath's crackdown") or a named modifier
    ("Velmoran riots", "Osterland police raids")."""
    for child in noun.children:
        if child.dep_ == "poss" or (
            child.dep_ in ("compound", "amod") and child.ent_type_ in _NAMED_LABELS
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
    return _subject(noun.head) if noun.dep_ in ("dobj", "nsubjpass") else None


def _reporter(clause: Token) -> Token | None:
    """Who "it" or "they" stands for in a clause reported by someone: "Osterland said it will
    ...", "the rebels announced they would ..." (the subject of the reporting verb)."""
    if clause.dep_ != "ccomp":
        return None
    reporter = _subject(clause.head)
    return reporter if reporter is not None and reporter.pos_ != "PRON" else None


def _counted(token: Token | None) -> Token | None:
    """The people a count stands for: "tens of thousands of students" -> students, "a group of
    refugees" -> refugees, "200 of the strikers" -> strikers."""
    while token is not None and (token.lemma_.lower() in QUANTITIES or token.pos_ == "NUM"):
        pobjs = _prep_objects([token], frozenset({"of"}))
        if not pobjs:
            break
        token = pobjs[0]
    return token


def _unless(verb: Token) -> bool:
    """Whether the verb holds an "unless ..." clause: "will withdraw unless talks resume"."""
    return any(
        child.dep_ == "advcl" and any(m.lower_ == "unless" for m in child.children)
        for child in verb.children
    )


def _party(
    verb: Token,
    code: str,
    object_token: Token | None,
    mentions: _Mentions,
    chunks: dict[int, DocSpan],
) -> Token | None:
    """A named party the event is aimed at when its object is not one: the subject of what is
    demanded ("demanded that Korvath cancel"), the object of the verb it refuses or agrees to
    ("refused to meet the envoy"), the owner or the "to"/"against" party of its object ("a
    Senate resolution", "Korvath's crackdown", "a visit to Velmora"), or for an easing or a
    withdrawal the place it happens in ("lifted the curfew in Velmora")."""

    def named(token: Token | None) -> Token | None:
        if token is None:
            return None
        # "the Sudanese government", "Ugandan opposition candidates": a party named by its
        # nationality or its country
        by_name = any(
            c.dep_ in ("compound", "amod", "poss") and c.ent_type_ in _NAMED_LABELS
            for c in token.children
        )
        return token if by_name or mentions.named(_argument(token, mentions, chunks)) else None

    candidates: list[Token | None] = []
    for child in verb.children:
        if child.dep_ == "ccomp" and code == "REQUEST":
            candidates += [c for c in child.children if c.dep_ in NOMINAL_SUBJECTS]
        if child.dep_ == "xcomp":  # "threatened to break off relations with Korvath"
            objects = [c for c in child.children if c.dep_ in ("dobj", "dative")]
            candidates += objects + _prep_objects([child, *objects], _TARGET_PREPS)
    if object_token is not None:
        candidates += [c for c in object_token.children if c.dep_ in ("poss", "compound")]
        # "a meeting of the Security Council", "autonomy from Serbian authorities"
        candidates += _prep_objects([object_token], _TARGET_PREPS | {"of", "from"})
    if code == "REQUEST":
        candidates += _prep_objects([verb], frozenset({"from"}))
    if code in ("CONCEDE", "RETREAT"):
        candidates += _prep_objects(verb.subtree, frozenset({"in", "from"}))
    if verb.lemma_.lower() in TRAVELLING:  # "arrived in Velmora on a visit"
        candidates += _prep_objects([verb], frozenset({"in", "to"}))
    return next((t for t in map(named, candidates) if t is not None), None)


def _prep_objects(heads: Iterable[Token], preps: frozenset[str]) -> list[Token]:
    """The objects of the ``preps`` phrases ("with", "against", ...) hanging on ``heads``."""
    return [
        pobj
        for head in heads
        for prep in head.children
        if prep.dep_ == "prep" and prep.lower_ in preps
        for pobj in prep.children
        if pobj.dep_ == "pobj"
    ]


def _denied(verb: Token) -> bool:
    """ "No one was detained", "nobody was hurt": the subject says it did not happen."""
    for child in verb.children:
        if child.dep_ in NOMINAL_SUBJECTS:
            no_one = child.lower_ == "one" and any(t.lower_ == "no" for t in child.lefts)
            if no_one or child.lower_ in _NOBODY:
                return True
    return False


def _subject(verb: Token) -> Token | None:
    """The subject nearest before the verb ("MARROWGATE — A fire ... killed": the fire)."""
    subjects = [c for c in verb.lefts if c.dep_ in ("nsubj", "csubj")]
    return subjects[-1] if subjects else None


def _by_hazard(verb: Token, actor: Token | None) -> bool:
    """Whether the harm came from a fire, flood, crash, ... rather than from someone: "a fire
    that broke out late on Monday killed ...", "killed in an avalanche", but not "a suicide
    blast killed ..." or "artillery fire killed ..."."""
    causes = [actor] if actor is not None else []
    causes += _prep_objects([verb], frozenset({"in", "by"}))
    for cause in causes:
        words = {t.lemma_.lower() for t in cause.subtree}
        if words & HAZARDS and not words & WEAPONS:
            return True
    return False


def _argument(
    token: Token | None,
    mentions: _Mentions,
    chunks: dict[int, DocSpan],
    *,
    resolve: bool = False,
) -> Span | None:
    """The span an argument token stands for: its name, else its noun phrase."""
    if token is None:
        return None
    if resolve and token.lower_ in PERSONAL_PRONOUNS:
        antecedent = mentions.person_before(token)
        if antecedent is not None:
            return antecedent
    if resolve and token.lower_ in FIRST_PERSON:
        speaker = mentions.speaker_of(token)
        if speaker is not None:
            return speaker
    named = mentions.at(token.idx)
    if named is not None:
        return named
    chunk = chunks.get(token.i)
    if chunk is not None:
        return Span(chunk.start_char, chunk.end_char, chunk.text)
    return Span(token.idx, token.idx + len(token), token.text)


def _place(verb: Token, mentions: _Mentions) -> Span | None:
    """The first place name in the clause governed by "in", "at", "near", ... ."""
    for prep in verb.subtree:
        if prep.dep_ == "prep" and prep.lower_ in _PLACE_PREPS:
            for pobj in prep.children:
                named = mentions.at(pobj.idx) if pobj.dep_ == "pobj" else None
                if named is not None and mentions.is_place(named):
                    return named
    return None


def _modality(verb: Token) -> str | None:
    """The verb's modal, or that of the clause it completes: "would be ready to host"."""
    while True:
        for child in verb.children:
            if child.dep_ == "aux" and child.tag_ == "MD":
                word = child.lower_
                return _MODALS.get(word, word)
        if verb.dep_ not in ("xcomp", "acomp") or verb.head == verb:
            return None
        verb = verb.head


class _Mentions:
    """The entity step's mentions, looked up by a character offset inside them."""

    def __init__(
        self, text: str, entities: Sequence[EntityMention], quotes: Sequence[Quote] = ()
    ) -> None:
        self.text = text
        self.entities = sorted(entities, key=lambda e: e.start)
        self.starts = [e.start for e in self.entities]
        self.labels = {(e.start, e.end): e.label for e in self.entities}
        self.quotes = [q for q in quotes if q.kind == "direct" and q.speaker is not None]

    def speaker_of(self, token: Token) -> Span | None:
        """The person a quotation holding ``token`` is attributed to: the speaker's name, or
        for "she said" the person named before it."""
        for quote in self.quotes:
            speaker = quote.speaker
            if speaker is None or not quote.start <= token.idx < quote.end:
                continue
            for e in self.entities:  # "spokeswoman Ines Kawecka": the name inside
                if e.label == "PERSON" and speaker.start <= e.start and e.end <= speaker.end:
                    return Span(e.start, e.end, e.text)
            written = token.doc.char_span(speaker.start, speaker.end)
            if written is not None and written.root.lower_ in PERSONAL_PRONOUNS:
                return self.person_before(written.root)
            return Span(speaker.start, speaker.end, speaker.text)
        return None

    def at(self, offset: int) -> Span | None:
        i = bisect.bisect_right(self.starts, offset) - 1
        if i >= 0 and offset < self.entities[i].end:
            e = self.entities[i]
            return Span(e.start, e.end, e.text)
        return None

    def named(self, span: Span | None) -> bool:
        return span is not None and self.labels.get((span.start, span.end)) in _NAMED_LABELS

    def is_place(self, span: Span) -> bool:
        return self.labels.get((span.start, span.end)) in _PLACE_LABELS

    def person_before(self, token: Token) -> Span | None:
        """The person named last before ``token``, in its paragraph or the sentence before."""
        sentence = token.sent
        earliest = sentence.start_char
        if sentence.start > 0:
            earliest = token.doc[sentence.start - 1].sent.start_char
        # A paragraph keeps its subject: "Arslanov said ... "...," he told journalists. He ..."
        earliest = min(earliest, self.text.rfind("\n", 0, token.idx) + 1)
        people = [
            e
            for e in self.entities
            if e.label == "PERSON" and earliest <= e.start and e.end <= token.idx
        ]
        return Span(people[-1].start, people[-1].end, people[-1].text) if people else None
