"""Near-duplicates: wire copies and republications, found with MinHash LSH over word shingles.

A copy with a few words changed or a sentence dropped keeps most of its 4-word shingles
(Jaccard well above 0.6); two different reports of the same event share only quotes and
names (Jaccard below 0.15). The LSH index finds candidates in constant time; the estimated
Jaccard of the signatures confirms them.
"""

from __future__ import annotations

import re

import numpy as np
import numpy.typing as npt
from datasketch import MinHash, MinHashLSH

__all__ = ["DuplicateIndex", "jaccard", "shingles", "signature"]

_WORD = re.compile(r"\w+")

NUM_PERM = 64
SHINGLE = 4
#: LSH band threshold (finds candidates) and the Jaccard a candidate must reach.
LSH_THRESHOLD = 0.5
MIN_JACCARD = 0.6
SCHEME = "affine32"


def shingles(text: str, *, size: int = SHINGLE) -> set[str]:
    """Overlapping runs of ``size`` lowercase words (the whole text when it is shorter)."""
    words = _WORD.findall(text.lower())
    if len(words) <= size:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + size]) for i in range(len(words) - size + 1)}


def signature(text: str) -> npt.NDArray[np.uint64]:
    """The MinHash signature (``NUM_PERM`` hash values) of ``text``'s shingles."""
    sig = MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME)
    sig.update_batch([s.encode("utf-8") for s in shingles(text)])
    return np.asarray(sig.hashvalues, dtype=np.uint64)


def jaccard(a: npt.NDArray[np.uint64], b: npt.NDArray[np.uint64]) -> float:
    """The Jaccard similarity of two shingle sets, estimated from their signatures."""
    return float(np.count_nonzero(a == b)) / len(a)


class DuplicateIndex:
    """The signatures of every article seen, and an LSH index over them."""

    def __init__(self) -> None:
        self._lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
        self.signatures: dict[str, npt.NDArray[np.uint64]] = {}

    def __len__(self) -> int:
        return len(self.signatures)

    def add(self, key: str, sig: npt.NDArray[np.uint64]) -> list[str]:
        """Index ``sig`` under ``key``; return the keys of the indexed articles it copies."""
        if key in self.signatures:
            return []
        minhash = MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME, hashvalues=sig)
        found = [
            k for k in self._lsh.query(minhash) if jaccard(sig, self.signatures[k]) >= MIN_JACCARD
        ]
        self._lsh.insert(key, minhash)
        self.signatures[key] = sig
        return sorted(found)
