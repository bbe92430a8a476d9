"""Sentence embeddings: shape, normalisation, cache, and that meaning is what is compared."""

from __future__ import annotations

import numpy as np
import pytest

from newsweave.embed import DIMENSION, embed


def test_rows_are_normalised_and_empty_text_is_zero() -> None:
    vectors = embed(["A storm closed the harbour on Monday.", ""])
    assert vectors.shape == (2, DIMENSION)
    assert vectors.dtype == np.float32
    assert np.linalg.norm(vectors[0]) == pytest.approx(1.0, abs=1e-4)
    assert not vectors[1].any()


def test_cached_and_fresh_vectors_agree() -> None:
    text = "The council voted to rebuild the bridge over the canal."
    first = embed([text])
    again = embed([text, "Something else entirely about cheese."])
    assert np.allclose(first[0], again[0])


@pytest.mark.parametrize(
    ("text", "near", "far"),
    [
        (
            "An earthquake shook the coastal city at dawn.",
            "A strong quake hit the seaside town early in the morning.",
            "The parliament approved the new budget.",
        ),
        (
            "Firefighters fought the blaze at the chemical plant all night.",
            "The factory fire kept fire crews busy until morning.",
            "The striker scored twice in the cup final.",
        ),
    ],
)
def test_paraphrases_are_closer_than_unrelated_sentences(text: str, near: str, far: str) -> None:
    a, b, c = embed([text, near, far])
    assert float(a @ b) > float(a @ c) + 0.2
