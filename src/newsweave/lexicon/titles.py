"""Titles and roles written around names: "Velmoran President", "Defense Minister", "Mr.".

A small lexicon, not a model: news titles are a closed, slowly changing set, and a lexicon
keeps the split between a role and a name explainable.
"""

from __future__ import annotations

from newsweave.lexicon import word_set
from newsweave.lexicon.countries import is_demonym

__all__ = [
    "ABBREVIATED_TITLES",
    "HONORIFICS",
    "LEADER_HEADS",
    "TITLE_HEADS",
    "TITLE_MODIFIERS",
    "is_head",
    "is_name_title",
    "is_title_word",
    "role_demonyms",
    "role_heads",
    "singular",
]


#: Words that head a title ("President Reiden", "the British prime minister").
TITLE_HEADS = word_set(
    """
    president presidents minister ministers chancellor chancellors secretary secretaries
    senator senators governor governors mayor mayors king queen pope prince princess emperor
    premier premiers leader leaders general generals judge judges justice ambassador
    ambassadors spokesman spokeswoman spokesperson chairman chairwoman chair ceo director
    commissioner sheriff coach envoy aide adviser advisor lawmaker congressman congresswoman
    representative speaker attorney prosecutor officer detective sergeant lieutenant colonel
    captain commander chief admiral bishop archbishop cardinal rabbi imam reverend pastor
    father sister vice-president chief-of-staff pm mp mep boxer actor actress singer comedian
    comedienne rapper filmmaker quarterback qb linebacker receiver striker pitcher champion
    host anchor correspondent columnist author novelist playwright candidate executive executives
    manager managers lawyer lawyers councillor councillors councilor councilors councilman
    councilwoman alderman alderwoman assemblyman assemblywoman coroner magistrate inspector
    superintendent professor ombudsman auditor consul
        """
)

#: Words that qualify a title head ("Prime", "Foreign", "Defense", "Federal", "Deputy").
TITLE_MODIFIERS = word_set(
    """
    prime foreign defense defence interior finance home federal deputy vice acting former
    first state national security health justice trade economy economic energy education
    foreign-affairs senior top assistant associate executive managing general supreme chief
    district county city police fire army navy military defense-ministry press white house
    attorney lord lady grand crown head co-founder founder presiding
        """
)

#: Honorifics: stripped from names but not worth keeping as a role.
HONORIFICS = word_set(
    """
    mr mr. mrs mrs. ms ms. miss dr dr. sir dame prof prof. mx mx.
        """
)

#: Abbreviated titles that are roles in their own right.
ABBREVIATED_TITLES = {
    "sen.": "Senator",
    "rep.": "Representative",
    "gov.": "Governor",
    "gen.": "General",
    "lt.": "Lieutenant",
    "col.": "Colonel",
    "sgt.": "Sergeant",
    "capt.": "Captain",
    "adm.": "Admiral",
    "rev.": "Reverend",
    "pres.": "President",
    "det.": "Detective",
}

#: Generic heads that stand for any head of state or government ("the Russian leader").
LEADER_HEADS = frozenset({"leader", "president", "premier", "chancellor", "prime minister", "king"})

_PLURALS = {
    "ministers": "minister",
    "presidents": "president",
    "chancellors": "chancellor",
    "secretaries": "secretary",
    "senators": "senator",
    "governors": "governor",
    "premiers": "premier",
    "leaders": "leader",
    "mayors": "mayor",
    "generals": "general",
    "judges": "judge",
    "ambassadors": "ambassador",
}


def is_title_word(word: str) -> bool:
    """Whether ``word`` can be part of a title ("Prime", "Minister", "of", "Sen.")."""
    low = word.lower()
    return low in TITLE_HEADS or low in TITLE_MODIFIERS or low in ABBREVIATED_TITLES


def is_name_title(word: str) -> bool:
    """Whether a name written after ``word`` is cleaned of it: a title or role word, an
    honorific, or an abbreviated title with or without its dot ("Sen", "Sen.", "Mr")."""
    low = word.lower()
    bare = low.rstrip(".")
    return (
        is_title_word(low)
        or low in HONORIFICS
        or bare in HONORIFICS
        or bare + "." in ABBREVIATED_TITLES
    )


def is_head(word: str) -> bool:
    """Whether ``word`` heads a title (a role needs one; "Ukrainian" alone is not a role)."""
    low = word.lower()
    return low in TITLE_HEADS or low in ABBREVIATED_TITLES


def singular(word: str) -> str:
    """ "Ministers" -> "Minister" (keeping the capital), other words unchanged."""
    low = word.lower()
    if low not in _PLURALS:
        return word
    single = _PLURALS[low]
    return single.capitalize() if word[:1].isupper() else single


def role_heads(role: str) -> frozenset[str]:
    """The head words of a role, lower-cased and singular ("Prime Ministers" -> prime minister)."""
    words = [singular(w).lower() for w in role.replace(".", ". ").split()]
    heads = {ABBREVIATED_TITLES.get(w, w).lower() for w in words if is_head(w)}
    if "minister" in heads and "prime" in words:
        heads = (heads - {"minister"}) | {"prime minister"}
    return frozenset(heads)


def role_demonyms(role: str) -> frozenset[str]:
    """The nationality words of a role ("British Prime Minister" -> {"british"})."""
    return frozenset(w.lower() for w in role.split() if is_demonym(w))
