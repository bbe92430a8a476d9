"""The sentence embedder the dossier compares claims and quotes with.

``newsweave.embed.embed`` is the default: unit-length vectors, so a dot product is a cosine.
Tests pass their own (a bag of words), so the fusion logic runs without the model.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
import numpy.typing as npt

__all__ = ["Embedder"]

Matrix = npt.NDArray[np.float32]
Embedder = Callable[[Sequence[str]], Matrix]
