"""Names set off beside a description, as the parser hangs them: shared by the speaker step
("The head of the rescue service, Jonas Hubel, said") and the event step (who "defended" it).
"""

from __future__ import annotations

from spacy.tokens import Token

from newsweave.lexicon.people import is_person_noun

__all__ = ["named_after_of"]


def named_after_of(token: Token) -> list[Token]:
    """A person's name set off after the "of" phrase of a description ("The head of the
    rescue service, Jonas Hubel, said"), which the parser hangs on the phrase's noun. When
    that noun is a person too ("a friend of the victim, Ana Ruiz,") the name may be theirs."""
    return [
        name
        for of in token.children
        if of.dep_ == "prep" and of.lower_ == "of"
        for noun in of.children
        if noun.dep_ == "pobj" and noun.pos_ == "NOUN" and not is_person_noun(noun.lower_)
        for name in noun.children
        if name.dep_ == "appos" and name.ent_type_ == "PERSON"
    ]
