"""The MiniLM graphs: exported whole, and giving what the torch modules they come from give."""

from __future__ import annotations

import os
import time
from pathlib import Path

import numpy as np
import pytest

from newsweave import minilm
from newsweave.cache import STALE_AFTER
from newsweave.embed import EMBEDDER
from newsweave.fuse.reader import READER

SENTENCES = [
    "The council voted to rebuild the bridge.",
    "Rescue teams searched the flooded valley through the night, and by morning they had "
    "reached the last of the villages cut off by the river.",
    "Prices rose.",
]
PAIRS = [
    ("The ferry line will cut the crossing to two hours.", "The crossing will take two hours."),
    ("Police closed the port on Friday.", "The striker scored twice in the final."),
]


def _torch_outputs(graph: minilm.Graph, inputs: list) -> np.ndarray:
    """What the torch module the graph is exported from gives for ``inputs``, padded as one
    batch (the graph runs them in batches of its own)."""
    import torch
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_file(str(minilm.model_dir() / "tokenizer.json"))
    tokenizer.enable_padding()
    encoded = tokenizer.encode_batch(inputs)
    feeds = {
        "input_ids": [e.ids for e in encoded],
        "attention_mask": [e.attention_mask for e in encoded],
        "token_type_ids": [e.type_ids for e in encoded],
    }
    with torch.inference_mode():
        out = graph.module().eval()(*(torch.tensor(feeds[name]) for name in graph.inputs))
    return out.numpy()


@pytest.mark.parametrize(("graph", "inputs"), [(EMBEDDER, SENTENCES), (READER, PAIRS)])
def test_graph_gives_what_its_torch_module_gives(graph: minilm.Graph, inputs: list) -> None:
    expected = _torch_outputs(graph, inputs)
    got = minilm.run(graph, inputs, max_tokens=256, batch_size=2)
    assert got.shape == expected.shape
    assert np.allclose(got, expected, atol=1e-5)


def test_build_writes_the_whole_graph_into_the_cache_dir_and_replaces_older_ones(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEWSWEAVE_CACHE_DIR", str(tmp_path))
    older = tmp_path / "minilm-embedder-000000000000.onnx"
    older.write_bytes(b"an older export")
    unused = time.time() - STALE_AFTER - 60
    os.utime(older, (unused, unused))
    (tmp_path / "minilm-reader-000000000000.onnx").write_bytes(b"another graph")
    path = minilm.build(EMBEDDER)
    assert path.parent == tmp_path
    assert path.name.startswith("minilm-embedder-") and path.suffix == ".onnx"
    assert path.stat().st_size > 50_000_000  # the weights are in it
    assert path.stat().st_mode & 0o777 == 0o644
    # no partial file left, the older embedder gone, the other graph kept
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        [path.name, "minilm-reader-000000000000.onnx"]
    )


def test_batches_keep_texts_of_similar_length_together() -> None:
    lengths = [30, 10, 11, 12, 100, 13, 31]
    batches = minilm._batches(lengths, 3)
    assert batches == [
        [1, 2, 3],
        [5],
        [0, 6],
        [4],
    ]  # 13 would make a fourth row; 30 > 1.25 x 13 + 4
    assert sorted(i for b in batches for i in b) == list(range(len(lengths)))
