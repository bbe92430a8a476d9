"""Reporting verbs, and who speaks through them: subject, relayed speaker and channel.

A cue is the verb that introduces what someone said ("said", "wrote", "told reporters",
"quoted ... as saying"). Its grammatical subject is the speaker, except in relays ("Osterlund Radio
quoted the prime minister as saying": the object speaks, the subject is the channel) and in
"according to X" (X speaks). Verbs that share a subject with another verb ("confirmed ... and
said", "added, noting") borrow that verb's subject.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy import symbols
from spacy.tokens import Doc, Token

from newsweave.lexicon import word_set
from newsweave.lexicon.grammar import NOMINAL_SUBJECTS, RELATIVE_PRONOUNS
from newsweave.lexicon.people import is_person_noun

#: Verbs that report speech or writing.
SPEECH_VERBS = word_set(
    """
    say tell add continue state write note explain insist argue claim warn announce declare
    confirm deny acknowledge admit reply respond answer ask suggest recall remark observe comment
    conclude stress emphasize emphasise repeat reiterate tweet post testify quote assert contend
    maintain predict promise vow pledge urge describe accuse charge complain lament joke quip
    boast concede report recount exclaim whisper shout yell proclaim mention caution allege
    echo counter retort pronounce demand plead write tout praise blast slam criticize criticise
    dismiss mock call label brand hint signal indicate reveal disclose estimate concur affirm
    accord read interject opine exhort
    """
)
#: Reporting verbs that frame a quotation ("called it "a disgrace"", "described as "a fresh
#: start"") but never report a clause: a clause the parser hangs on them is not what was said.
QUOTATION_ONLY = word_set(
    """
    describe call label brand praise blast slam criticize criticise dismiss mock tout echo
    pronounce read
    """
)
#: Verbs that report speech only with their particle: "shot back", "pointed out", "chimed in".
PHRASAL_CUES = {
    "shoot": "back",
    "fire": "back",
    "hit": "back",
    "snap": "back",
    "point": "out",
    "chime": "in",
    "weigh": "in",
    "cut": "in",
    "lash": "out",
}
#: Verbs of thinking and knowing that also introduce reported content ("he believes that").
THOUGHT_VERBS = word_set(
    """
    believe think feel hope fear worry know expect find show agree doubt guess suspect
    assume realize realise understand learn decide recognize recognise consider
    """
)
CUE_VERBS = SPEECH_VERBS | THOUGHT_VERBS
#: Nouns that make a prepositional phrase a channel: "in a post on X", "in an interview".
CHANNEL_NOUNS = word_set(
    """
    post statement interview tweet letter release briefing conference speech video message
    remarks email op-ed column podcast broadcast appearance address
    """
)
SOCIAL = frozenset({"x", "twitter", "facebook", "instagram", "telegram", "truth", "tiktok"})
#: Nouns for an utterance: whom it came from speaks (`"Never," came the reply from Ana Pop`).
UTTERANCE_NOUNS = word_set(
    """
    reply response answer retort rejoinder shout cry chant yell scream roar call plea
    """
)
#: Nouns for a body of people that can answer or shout (`came the reply from the campaign`).
GROUP_NOUNS = word_set(
    """
    crowd audience public campaign office team panel committee board council company agency
    ministry department government administration party union
    """
)


#: Dashes that end a wire dateline (`OSTERBY (Wire) —`), and how many tokens it may run.
_DATELINE_DASHES = frozenset({"-", "–", "—", "--"})
DATELINE_WORDS = 12


@dataclass(frozen=True)
class Attribution:
    """A cue verb with the token that names its speaker and the span of its channel."""

    cue: Token
    speaker: Token | None
    channel: tuple[int, int] | None  # token range
    name: str | None = None  # the speaker's name when the entity step already gave it


#: Past forms of speech verbs ("stated", "added", "replied"; "said" is left out: it is also a
#: given name).
_PAST_FORMS = frozenset(
    {"told", "wrote", "spoke"}
    | {form for verb in SPEECH_VERBS for form in (verb + "d", verb + "ed", verb[:-1] + "ied")}
)


#: Present and past forms of speech verbs, with the irregular ones.
_FORMS = (
    _PAST_FORMS
    | {"said", "says", "read", "reads", "writes", "tells"}
    | {verb + "s" for verb in SPEECH_VERBS}
    | {verb + "es" for verb in SPEECH_VERBS}
)


def spoken_form(word: str) -> bool:
    """A present or past form of a speech verb ("states", "read"), however it was tagged."""
    return word.lower() in _FORMS


def spoken_past(word: str) -> bool:
    """A past form of a speech verb ("Stated", "Added", "Replied"), however it was tagged."""
    return word.lower() in _PAST_FORMS


#: ``Token.pos`` ids of verbs and auxiliaries.
_VERBAL = frozenset({symbols.VERB, symbols.AUX})


def is_cue(token: Token) -> bool:
    """A verb whose lemma reports speech or thought, or a phrase that does ("shot back", "as
    Ruiz put it")."""
    if token.pos not in _VERBAL:  # asked of every token: the id, not the text, first
        return False
    lemma = token.lemma_.lower()
    if lemma in CUE_VERBS:
        return True
    if lemma in PHRASAL_CUES:
        return any(c.lower_ == PHRASAL_CUES[lemma] for c in token.children)
    # "As the minister put it, ...": "put it" with "as" is a reporting phrase.
    return lemma == "put" and {"as", "it"} <= {c.lower_ for c in token.children}


def attribute(cue: Token, inside: Sequence[bool] = ()) -> Attribution:
    """The speaker and channel of a cue verb, following relays and shared subjects.

    Words inside quotation marks (``inside[i]``) are never the speaker.
    """
    lemma = cue.lemma_.lower()
    if lemma == "accord":  # "according to X", "according to a statement from X"
        source = _according_to(cue)
        return Attribution(cue, (source and uttered_by(source)) or source, None)
    agent = _agent(cue)
    if agent is not None:
        return Attribution(cue, agent, None)  # "she was asked by host Ola Brandt, "...""
    subject = _subject(cue, inside)
    if subject is not None:
        subject = uttered_by(subject) or subject
    channel = _channel(cue)
    relayed = _relayed(cue)
    if relayed is not None:
        # "Osterlund Radio quoted the fire chief as saying": the channel is the subject.
        return Attribution(cue, relayed, _token_range(subject) if subject is not None else channel)
    return Attribution(cue, subject, channel)


_OBJECTS = frozenset(["him", "her", "them"])  # `a letter from them`: no count of people


def uttered_by(words: Token) -> Token | None:
    """Whom an utterance or a message came from: X of `came the reply from X`, `a letter from
    X said` (`hundreds of dockers` for `the chant from hundreds of dockers`); not a place
    (`a cry from the back of the hall`)."""
    lemma = words.lemma_.lower()
    if words.pos_ != "NOUN" or lemma not in UTTERANCE_NOUNS | CHANNEL_NOUNS:
        return None
    hosts = (words, words.head) if words.dep_ in NOMINAL_SUBJECTS else (words,)
    for host in hosts:
        for prep in host.children:
            if prep.dep_ != "prep" or prep.lower_ != "from":
                continue
            owner = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if owner is not None and owner.pos_ in ("NUM", "PRON") and owner.lower_ not in _OBJECTS:
                # `hundreds of dockers`: the people counted
                of = next(
                    (c for c in owner.children if c.dep_ == "prep" and c.lower_ == "of"), None
                )
                owner = next((c for c in of.children if c.dep_ == "pobj"), None) if of else None
            if owner is not None and _can_speak(owner):
                return owner
    return None


def _can_speak(token: Token) -> bool:
    """A name, a person's or a group's noun, or someone's office or campaign: who an utterance
    can come from, unlike a place in a room (`the back of the hall`)."""
    if token.pos_ == "PROPN" or token.ent_type_ in ("PERSON", "ORG", "NORP"):
        return True
    if token.pos_ != "NOUN":
        return False
    lemma = token.lemma_.lower()
    owned = any(c.dep_ == "poss" for c in token.children)
    return owned or is_person_noun(lemma) or lemma in GROUP_NOUNS or token.tag_ == "NNS"


def _agent(cue: Token) -> Token | None:
    """Who speaks through a passive cue: X of "was asked by X" (its subject is the listener)."""
    if cue.lemma_.lower() == "quote" or not any(
        c.dep_ in ("nsubjpass", "auxpass") for c in cue.children
    ):
        return None  # "X was quoted by the Courier as saying": X speaks (``_relayed``)
    for child in cue.children:
        if child.dep_ == "agent":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


def _according_to(cue: Token) -> Token | None:
    """X of "according to X": the object of "to", or (when the parser read "according to
    engineer Tomas Berg" as a verb phrase) the last word of the first name or noun after it."""
    words = [t for t in cue.subtree if t.i > cue.i + 1]
    objects = [t for t in words if t.dep_ == "pobj" and t.head.i == cue.i + 1]
    if objects:
        return objects[0]
    names = [t for t in words if t.pos_ == "PROPN"]
    if names:
        run = names[0]
        while run.i + 1 < len(cue.doc) and cue.doc[run.i + 1].pos_ == "PROPN":
            run = cue.doc[run.i + 1]
        return run
    return next((t for t in words if t.pos_ == "NOUN"), None)


def _subject(verb: Token, inside: Sequence[bool]) -> Token | None:
    """The verb's subject, or that of the reporting verb it is coordinated with or serves."""
    if is_cue(verb) and (inverted := _inverted_name(verb)) is not None:
        return inverted  # "The vote, said Ana Pop, was close": the name after the verb
    current = verb
    for _ in range(5):
        subjects = [
            c
            for c in current.children
            if c.dep_ in NOMINAL_SUBJECTS and not (inside and inside[c.i])
        ]
        if subjects:
            # The subject nearest on the left: "1:50 p.m. <new paragraph> Smith said" has two.
            left = [c for c in subjects if c.i < current.i]
            child = left[-1] if left else subjects[0]
            if child.lower_ in RELATIVE_PRONOUNS and current.dep_ == "relcl":
                return _named(current.head)  # "Zelenskyy, who suggested ...": the antecedent
            return _past_when(child, current)
        if current is verb and is_cue(verb):
            named = _name_before(verb)
            if named is not None:
                return named
        head = current.head
        if current.dep_ == "conj" and head.dep_ == "ccomp" and is_cue(head.head):
            # "X said A, and promised that B", the parser hanging "promised" on A's verb: the
            # second reporting verb shares the subject of the first, not of A.
            current = head.head
            continue
        if current.tag_ == "VBG" and current.dep_ == "pcomp" and head.pos_ in ("ADP", "SCONJ"):
            current = head.head  # "he began by saying", "upon saying": the subject of "began"
            continue
        if current.dep_ == "acl" and (issuer := _issuer(head)) is not None:
            current = issuer  # "she issued a statement saying": the subject of "issued"
            continue
        if current.dep_ == "advcl" and _infinitive(current) and head.pos_ in ("VERB", "AUX"):
            current = head  # "she interrupted him to announce": what for, with her subject
            continue
        if current.dep_ == "xcomp" and (controller := _controller(current)) is not None:
            current = controller  # "she went on to say": the subject of "went"
            continue
        if current.tag_ == "VBG" and current.dep_ == "advcl" and head.pos_ in ("VERB", "AUX"):
            # "Trump returned the favour, telling reporters": a participle shares the subject
            # of the verb it hangs on (or of the reporting verb above it).
            current = _participle_host(current, inside) if is_cue(verb) else head
            continue
        if head.i == current.i and current is verb and is_cue(verb):
            return _opening_subject(verb)  # `Ruiz, playing the mayor, explained: "..."`
        if head is current or (current.dep_ != "conj" and not is_cue(head)):
            return None  # only coordinated verbs share a subject with any verb
        if (inside and inside[head.i] and not inside[current.i]) or _paragraphs_apart(
            head, current
        ):
            # `"... and took notes," read the statement`: the parser ran the sentence before
            # on, into the quote or over the paragraph break; no subject of theirs speaks, but
            # the one that opens the cue's own paragraph may.
            return _opening_subject(verb) if current is verb and is_cue(verb) else None
        if current.dep_ in ("conj", "advcl", "xcomp", "pcomp", "prep"):
            current = head
        else:
            return None
    return None


def _opening_subject(verb: Token) -> Token | None:
    """The noun phrase opening the sentence (or paragraph) of a cue left without a subject,
    set off from the cue by commas: `Ruiz, in a letter to the board on Monday, wrote, "..."`
    with the cue hung on the paragraph before, or with the name hung on a verb of its own."""
    doc = verb.doc
    start = verb.i
    while start > verb.sent.start and "\n" not in doc[start - 1].text_with_ws:
        start -= 1
    end = start
    while end < verb.i and doc[end].pos_ in ("DET", "ADJ", "NOUN", "PROPN"):
        end += 1
    if end == start or doc[verb.i - 1].text != "," or doc[end].text != ",":
        return None
    head = doc[end - 1]
    return head if head.pos_ in ("NOUN", "PROPN") else None


def _inverted_name(verb: Token) -> Token | None:
    """The name right after a reporting verb set off by a comma (or a closing quotation mark)
    and followed by a comma or the end of the sentence: "..., said Ana Pop, ..." (the parser
    may take the words before the comma for its subject)."""
    doc = verb.doc
    before = doc[verb.i - 1].text if verb.i else ""
    if before not in (",", '"', "”") or verb.lemma_.lower() not in SPEECH_VERBS:
        return None
    i = verb.i + 1
    while i < len(doc) and doc[i].pos_ == "PROPN":
        i += 1
    if i == verb.i + 1 or (i < len(doc) and doc[i].text not in (",", ".", ";")):
        return None
    name = doc[i - 1]
    if name.ent_type_ in ("DATE", "TIME"):
        return None  # when it was said: `..., Ana Pop, the town's mayor, said Monday.`
    # Not whom it was told to: "..., told Radio Osterby."
    return None if name.dep_ in ("dobj", "dative", "iobj") else name


def _past_when(subject: Token, verb: Token) -> Token:
    """The speaker the parser hung on a time or a dateline it took for the subject
    ("Saturday at the harbour fair Mayor Ana Pop said", "11:05 a.m. / Pop's aide says"): the first
    noun set beside it before the verb."""
    if (after := _after_dateline(subject, verb)) is not None:
        return after
    dateline = subject.is_upper and subject.ent_type_ == "GPE"
    if subject.ent_type_ not in ("DATE", "TIME") and not dateline:
        return subject
    beside = [
        t
        for t in subject.subtree
        if t.dep_ == "appos"
        and t.pos_ in ("PROPN", "NOUN")
        and t.i < verb.i
        and t.ent_type_ not in ("DATE", "TIME")
    ]
    return beside[0] if beside else subject


def _after_dateline(subject: Token, verb: Token) -> Token | None:
    """The speaker after a wire dateline the parser took for the subject (`OSTERBY, May 3
    (Wire) - Ana Pop, the port's director, said`): the noun phrase after a dash that ends the
    paragraph's first words, hung back across the dash."""
    doc = verb.doc
    dash = next((t for t in doc[subject.i : verb.i] if t.text in _DATELINE_DASHES), None)
    if dash is None or not dash.whitespace_:
        return None
    # Back to the paragraph's start, but no further than a dateline reaches: a walk to the
    # start of a long paragraph for every subject would read the paragraph again and again.
    start = subject.i
    while start > 0 and dash.i - start <= DATELINE_WORDS:
        if "\n" in doc[start - 1].text_with_ws:
            break
        start -= 1
    if dash.i - start > DATELINE_WORDS:
        return None
    # A dateline's shape: a place in capitals opens it, or the agency's bracket ends it (not
    # `Sen. Ana Pop (U-Osterby)` nor `Pop - a teacher - said`).
    if not (doc[start].is_upper and len(doc[start]) > 1) and doc[dash.i - 1].text != ")":
        return None
    if any(t.pos_ in ("VERB", "AUX") for t in doc[start : dash.i]):
        return None  # a clause of its own before the dash, not a dateline
    after = [
        t
        for t in doc[dash.i + 1 : verb.i]
        if t.head.i <= dash.i and t.pos_ in ("NOUN", "PROPN") and t.dep_ in ("conj", "appos")
    ]
    return after[0] if after else None


def _issuer(noun: Token) -> Token | None:
    """The verb that sent out the statement a reporting participle hangs on: "issued" of
    "issued a statement saying", also when the parser hung the participle on the addressee
    ("sent a letter to members saying")."""
    verb = noun.head
    if noun.dep_ == "pobj" and verb.dep_ in ("dative", "prep"):
        verb = verb.head
        sent = any(c.dep_ == "dobj" and c.lemma_.lower() in CHANNEL_NOUNS for c in verb.children)
        return verb if sent and verb.pos_ == "VERB" else None
    channel = noun.lemma_.lower() in CHANNEL_NOUNS and noun.dep_ == "dobj"
    return verb if channel and verb.pos_ == "VERB" else None


def _named(noun: Token) -> Token:
    """The name a description stands beside: "Ruiz" of "Ruiz, a nurse who wrote ..."."""
    head = noun.head
    if noun.dep_ == "appos" and noun.pos_ == "NOUN" and head.pos_ == "PROPN" and head.i < noun.i:
        return head
    return noun


def _paragraphs_apart(a: Token, b: Token) -> bool:
    """Whether a line break lies between two tokens (they are in different paragraphs)."""
    low, high = sorted((a.i, b.i))
    return any("\n" in t.text_with_ws for t in a.doc[low:high])


def _participle_host(participle: Token, inside: Sequence[bool]) -> Token:
    """The verb whose subject a reporting participle takes.

    The parser hangs it on the nearest verb, which may be one the writer reports ("Ruiz wrote
    that the crews would have to wait, adding ...": the reporting verb's subject speaks) or one
    inside the quotation it introduces ("Ruiz seemed ready to go on, telling the crowd, "Some
    people get ..."": the verb of the sentence before the quote).
    """
    head = participle.head
    if inside and inside[head.i]:
        root = participle.sent.root
        quoted = inside[root.i]
        return root if root.i < participle.i and not quoted and root.pos_ == "VERB" else head
    clause = head
    for _ in range(3):
        if clause.dep_ not in ("ccomp", "xcomp"):
            break
        reporter = clause.head
        if clause.dep_ == "ccomp" and is_cue(reporter) and not (inside and inside[reporter.i]):
            return reporter
        clause = reporter
    return head


def _infinitive(verb: Token) -> bool:
    """A "to" infinitive: "to announce"."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _controller(verb: Token) -> Token | None:
    """The verb whose subject an infinitive shares: "went on to say", "appeared to add",
    "seemed (to be) ready to tell". Not when that verb has an object, who is then the one told
    to speak ("urged the mayor to say")."""
    head = verb.head
    if head.pos_ == "ADJ" and head.dep_ == "acomp" and head.head.dep_ == "xcomp":
        head = head.head.head
    if head.pos_ != "VERB" or any(c.dep_ in ("dobj", "dative") for c in head.children):
        return None
    return head


def _name_before(verb: Token) -> Token | None:
    """A name right before a subjectless cue, which the parser hung elsewhere.

    `In a statement to the paper, her adviser, Jo Bloggs, said: "..."` parses "Jo Bloggs" as an
    apposition of "the paper".
    """
    before = verb.doc[verb.i - 1] if verb.i else None
    if (
        before is not None
        and before.dep_ == "compound"
        and before.head.i == verb.i
        and before.pos_ == "PROPN"
    ):
        return before  # `"...," Quist joked`: the parser made the name part of the verb
    if before is not None and (described := _described_before(before)) is not None:
        return described
    i = verb.i - 1
    while i >= 0 and verb.doc[i].text == ",":
        i -= 1
    if i < 0 or (i == verb.i - 1 and not _ends_sentence(verb)):
        return None  # "..., chief executive Jo Bloggs said.": no comma, but the end
    token = verb.doc[i]
    return token if token.pos_ == "PROPN" and token.dep_ == "appos" else None


def _ends_sentence(verb: Token) -> bool:
    """Whether only punctuation follows ``verb`` in its sentence."""
    return all(t.is_punct or t.is_space for t in verb.doc[verb.i + 1 : verb.sent.end])


def _described_before(last: Token) -> Token | None:
    """The noun a relative clause ending at ``last`` describes, when the parser made it an
    apposition of something else: `..., an official who spoke on condition of anonymity said`.
    """
    for token in (last, *last.ancestors):
        if token.dep_ == "relcl":
            head = token.head
            ends_here = token.right_edge.i == last.i
            named = head.dep_ == "appos" and head.pos_ in ("NOUN", "PROPN")
            return head if ends_here and named else None
    return None


def _relayed(cue: Token) -> Token | None:
    """The quoted person in "X quoted Y as saying" (or "Y was quoted as saying")."""
    head = cue
    if cue.lemma_.lower() == "say" and cue.dep_ == "pcomp" and cue.head.lower_ == "as":
        head = cue.head.head
    if head.lemma_.lower() != "quote":
        return None
    for child in head.children:
        if child.dep_ == "dobj":
            return child
        if child.dep_ == "nsubjpass":
            return child
    return None


def _channel(cue: Token) -> tuple[int, int] | None:
    """Where it was said: the listener of "told", or "in a post on X", "on X"."""
    for child in cue.children:
        if child.dep_ in ("dobj", "dative") and cue.lemma_.lower() == "tell":
            return _token_range(child)
        if child.dep_ == "prep":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if any(o.lemma_.lower() in CHANNEL_NOUNS or o.lower_ in SOCIAL for o in objects):
                return (child.i, child.right_edge.i + 1)
    return None


def _token_range(token: Token) -> tuple[int, int]:
    """The token range of a noun phrase, without relative clauses or appositions after it."""
    end = token.i + 1
    for child in token.children:
        if child.i > token.i and child.dep_ in ("compound", "flat", "prep", "pobj", "amod"):
            end = max(end, child.right_edge.i + 1)
        elif child.i > token.i:
            break
    return (token.left_edge.i, end)


#: Words on the left of a speaker's head word that belong to the mention; a measure phrase too
#: ("the 34-year-old": "34-year" hangs on "old").
MENTION_MODIFIERS = frozenset(
    {"compound", "amod", "det", "poss", "nmod", "nummod", "flat", "case", "npadvmod"}
)


def mention_range(token: Token) -> tuple[int, int]:
    """Token range of a speaker mention: the head noun with the words modifying it on the left."""
    start = token.i
    for child in token.lefts:
        if child.dep_ in MENTION_MODIFIERS:
            start = min(start, child.left_edge.i)
    return (start, token.i + 1)


def sentence_cues(doc: Doc, start: int, end: int, inside: list[bool]) -> list[Token]:
    """Cue verbs among tokens ``start..end`` that are not inside quotation marks."""
    return [t for t in doc[start:end] if not inside[t.i] and is_cue(t)]
