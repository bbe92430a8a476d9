"""Who a speaker mention refers to: names, short names, titles and pronouns.

The article introduces a person once in full ("Velmoran President Tomas Reiden") and then
calls them "Macron", "the French president" or "he". ``People`` remembers every full name with
the role written in front of it, in text order, and resolves later mentions to the full name
introduced most recently before them. NER slips ("Prime Ministers Starmer" as one PERSON,
"Zelenskyy" tagged ORG) are expected: names are cleaned of titles here and proper-noun subjects
count as names whatever their entity label.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cached_property

from spacy.attrs import IS_LOWER, ORTH
from spacy.strings import get_string_id
from spacy.symbols import PERSON, PROPN
from spacy.tokens import Doc, Token

from newsweave.analyse.entities.genders import given_names
from newsweave.lexicon.titles import is_name_title
from newsweave.records import EntityMention

#: Characters within which a fuller name is still the one a short name continues.
JUST_INTRODUCED = 400
_BRACKETS = re.compile(r"[\[\]()]")
#: How a name the model missed hangs on the words around it when it names someone.
_NAMED_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "appos", "conj"})
#: Labels the model gives a person's name by mistake ("Ivo Lind" tagged ORG), and none ("")
#: for a name it missed. Not a place's nor a people's: many of those open with a word the name
#: table counts as a given name ("Milo Sound").
_MISLABELLED = frozenset({"ORG", "PRODUCT", "WORK_OF_ART", ""})
#: Endings of nouns for what someone does: "treasurer", "moderator", "economist".
_AGENT_NOUN = re.compile(r"[a-z]{3}(?:er|or|ist|ian)$")
_POSSESSIVE = re.compile(r"[’']s?$")


@dataclass
class Person:
    """A full name seen in the article, where, and the role written with it."""

    start: int
    name: str
    role: str
    #: Whether the model labelled the name a person's; one it labelled otherwise or missed
    #: ("Ivo Lind" as an organisation) is only a fallback.
    sure: bool = True
    #: The token after the name: an age may be written there (`Karl Dorn, 45,`).
    end: int = -1


@dataclass
class People:
    """The people an article names, in text order, with lookups for later mentions."""

    persons: list[Person] = field(default_factory=list)

    @cached_property
    def names(self) -> frozenset[str]:
        """Every person's name as written in ``persons`` (read once they are all collected)."""
        return frozenset(p.name for p in self.persons)

    def full_name(self, name: str, before: int) -> str:
        """The full name a short ``name`` refers to: the last fuller one before, else the first."""
        words = name.lower().split()
        if not words:
            return name
        fuller = [
            p
            for p in self.persons
            if len(p.name.split()) > len(words) and p.name.lower().split()[-len(words) :] == words
        ]
        fuller = [p for p in fuller if p.sure] or fuller
        earlier = [p for p in fuller if p.start <= before]
        if earlier:
            return _bearer(earlier, before)
        return fuller[0].name if fuller else name

    def by_role(self, description: str, before: int) -> str | None:
        """The person last introduced with a role matching ``description`` ("prime minister")."""
        wanted = [w for w in description.lower().split() if w not in ("the", "a", "an")]
        if not wanted:
            return None
        found = None
        for person in self.persons:
            if person.start > before:
                break
            if not person.sure:
                continue
            role = person.role.split()
            # "the British prime minister" matches the role "British Prime Minister"; "the
            # coroner" a title the name kept ("Coroner Elsa Brandt").
            titled = wanted[-1] in person.name.lower().split()[:-1]
            if titled or (role and wanted[-1] == role[-1] and set(wanted) <= set(role)):
                found = person.name
        return found

    def by_age(self, doc: Doc, age: str, before: int) -> str | None:
        """The person last introduced before offset ``before`` with ``age`` after their name
        ("the 45-year-old"; ages are read only here, as descriptions by age are rare)."""
        found = [
            p.name
            for p in self.persons
            if p.start <= before and p.sure and _age_after(doc, p.end) == age
        ]
        return self.full_name(found[-1], before) if found else None

    def nearest(
        self, before: int, fits: Callable[[Person], bool] = lambda _: True, *, sure: bool = True
    ) -> Person | None:
        """The person named most recently before offset ``before`` that ``fits``, by full name
        (among the names the model labelled a person's, unless ``sure`` is False)."""
        starts = [p.start for p in self.persons]
        for person in reversed(self.persons[: bisect.bisect_left(starts, before)]):
            if sure and not person.sure:
                continue
            name = self.full_name(person.name, person.start)
            full = dataclasses.replace(person, name=name)
            if fits(full):
                return full
        return None

    def role_of(self, name: str) -> str:
        """The role last written with the person called ``name`` ("" when none was)."""
        return next((p.role for p in reversed(self.persons) if p.name == name and p.role), "")


def _bearer(earlier: list[Person], before: int) -> str:
    """Which of the fuller names before offset ``before`` a short name stands for: the last one
    when it was just introduced, else the one the article has named most (the first of them on
    a tie): relatives share a surname, and the bare surname is the person the article is about
    ("Ivo Lind" rather than "Mara Lind", his wife, named once a few paragraphs up)."""
    last = earlier[-1]
    if before - last.start <= JUST_INTRODUCED:
        return last.name
    counts = Counter(p.name for p in earlier)
    return max(dict.fromkeys(p.name for p in earlier), key=counts.__getitem__)


def clean_name(text: str) -> str:
    """A person's name without titles, brackets or a possessive ending."""
    words = [_POSSESSIVE.sub("", w) for w in _BRACKETS.sub(" ", text).split()]
    while words and (words[0].lower() == "the" or is_name_title(words[0])):
        words.pop(0)
    words = [w for w in words if w]
    # A title inside the name: `Osterby Mayor Ivo Lind`, `Velmoran President Tomas Reiden`,
    # or a role the title list lacks, written as one (`Treasurer Greta Moll`).
    titles = [k for k, w in enumerate(words[:-2]) if _title_like(w, words[k + 1])]
    if titles:
        words = words[titles[-1] + 1 :]
    return " ".join(words)


def _title_cleaned_off(text: str, name: str) -> str:
    """The words ``clean_name`` took off the front of ``text`` to leave ``name``, in lower case."""
    at = text.find(name)
    words = text[:at].lower().split() if at > 0 else []
    return " ".join(w for w in words if w != "the")


def _title_like(word: str, following: str) -> bool:
    """A capitalised title, or an agent noun that is no given name before one that is
    (`Treasurer Greta`, `Moderator Ivo`; not `Taylor`, nor `Labor Relations`)."""
    if not word[:1].isupper():
        return False
    if is_name_title(word):
        return True
    names = given_names()
    low = word.lower()
    return bool(_AGENT_NOUN.search(low)) and low not in names and following.lower() in names


def collect_people(doc: Doc, entities: Sequence[EntityMention], inside: Sequence[bool]) -> People:
    """Every PERSON mention outside quotes, cleaned, with the role words written before it;
    also a name the model labelled otherwise, or missed, that reads as a person's."""
    people = People()
    lower_words: set[int] | None = None
    for mention in (*entities, *_unlabelled_subjects(doc, entities)):
        named = mention.label == "PERSON"
        if not named and mention.label in _MISLABELLED and _name_like(mention.text.split()):
            if lower_words is None:  # read the article's lower-case words only when needed
                lower_words = _lower_case_words(doc)
            # Not a word the article also writes in lower case ("Hope Street").
            named = get_string_id(mention.text.split()[0].lower()) not in lower_words
        if not named or mention.text[:1].islower():
            continue  # not a person, or a description ("the prime minister"), not a name
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None or inside[span.start]:
            continue
        end = span.end
        while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].is_title:
            end += 1  # NER cut the name short: "Tomas" of "Tomas Rigg"
        for part in re.split(r",| and ", doc[span.start : end].text):
            name = clean_name(part)
            if name:
                # The title before the name, else the one the entity step found around it
                # ("Osterland's prime minister, Lena Falk,"), else the one cleaned off it
                # ("Coroner Elsa Brandt").
                role = role_before(doc, span.start) or (mention.role or "").lower()
                role = role or _title_cleaned_off(part, name)
                sure = mention.label == "PERSON"
                people.persons.append(Person(mention.start, name, role, sure, end))
    people.persons.sort(key=lambda p: p.start)
    return people


def _age_after(doc: Doc, end: int) -> str:
    """The age set off after a name that ends before token ``end`` (`Karl Dorn, 45, was`), or
    ""."""
    if not 0 <= end < len(doc) - 2 or doc[end].text not in ",(":
        return ""
    age, after = doc[end + 1], doc[end + 2]
    closes = after.text in (",", ".", ";") if doc[end].text == "," else after.text == ")"
    return age.text if age.is_digit and len(age.text) <= 3 and closes else ""


def _unlabelled_subjects(doc: Doc, entities: Sequence[EntityMention]) -> list[EntityMention]:
    """Names the model found no person in, as the subjects or objects of their words (`Ivo
    Lind disagreed.`, `Ana Pop met Ivo Lind`), with no label."""
    # (A name the model cut short and labelled otherwise, "Velk" of "Ana Velk" as an
    # organisation, is read whole.)
    covered = {e.start for e in entities if e.label not in _MISLABELLED}
    found = []
    for token in doc:
        # (Integer labels first: reading every token's labels as text costs as much as the
        # rest of the step; a name the model tagged a person is among the entities already.)
        if token.pos != PROPN or token.ent_type == PERSON or not token.i:
            continue
        if doc[token.i - 1].pos != PROPN or token.dep_ not in _NAMED_DEPS:
            continue  # one word alone is no name of two or three
        run = name_tokens(token)
        words = [t.text for t in run]
        if not _name_like(words) or any(t.idx in covered for t in run):
            continue
        if not _title_cased_line(token):
            found.append(EntityMention(run[0].idx, token.idx + len(token), " ".join(words), ""))
    return found


def _lower_case_words(doc: Doc) -> set[int]:
    """The ids of the words the article writes in lower case."""
    table = doc.to_array([ORTH, IS_LOWER])
    return set(table[table[:, 1] == 1, 0].tolist())


def _title_cased_line(token: Token) -> bool:
    """Whether the token's sentence has no lower-case word (a headline, `Pop And Lind Are
    Back`, whose capitals say nothing about names)."""
    return not any(t.is_lower and t.is_alpha for t in token.sent)


def _name_like(words: list[str]) -> bool:
    """Two or three capitalised words opening with a given name that says its gender ("Ivo
    Lind" tagged ORG, whose "he" would otherwise find no one), the last not an organisation's
    ("Grace Hospital")."""
    # Imported here: the entity step's modules import this package's cue words.
    from newsweave.analyse.entities.labels import ORG_HEADS

    if not 2 <= len(words) <= 3:
        return False
    if not all(w[:1].isupper() and w[1:].islower() and w.isalpha() for w in words):
        return False
    return words[-1].lower() not in ORG_HEADS and words[0].lower() in given_names()


def role_before(doc: Doc, i: int) -> str:
    """Title-like words right before token ``i``: "British Prime Minister" before "Keir Starmer"."""
    words: list[str] = []
    j = i - 1
    while j >= 0 and len(words) < 6:
        token = doc[j]
        if token.is_punct or token.pos_ in ("DET", "ADP", "VERB", "AUX", "PRON", "CCONJ"):
            break
        # A common noun the name hangs on is a role too: "publicist Mira Tal".
        compound = token.pos_ == "NOUN" and token.dep_ == "compound" and token.head.i >= i
        if not (token.is_title or is_name_title(token.text) or token.is_upper or compound):
            break
        words.insert(0, token.lower_)
        j -= 1
    # The title words of a mention like "Prime Minister Keir Starmer" when NER left them out.
    return " ".join(words)


def mention_name(token: Token) -> str:
    """The cleaned name a proper-noun speaker token belongs to (its PERSON entity if any)."""
    doc = token.doc
    if token.ent_type_ == "PERSON":
        start = token.i
        while start > 0 and doc[start].ent_iob_ == "I":
            start -= 1
        return clean_name(doc[start : token.i + 1].text)
    run = name_tokens(token)
    return clean_name(doc[run[0].i : run[-1].i + 1].text)  # as written: "Anti-Corruption"


def name_tokens(token: Token) -> list[Token]:
    """The proper-noun run a subject token ends ("Emmanuel Macron" for "Macron")."""
    run = [token]
    j = token.i - 1
    while j >= 0 and token.doc[j].pos_ == "PROPN" and token.doc[j].head.i in (token.i, j + 1):
        run.insert(0, token.doc[j])
        j -= 1
    return run
