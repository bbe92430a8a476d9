"""Fine-tune the close reader of the same-claim decision (``newsweave.fuse.reader``) on MSRP.

Usage: .venv/bin/python scripts/train_reader.py --corpus ../shared/corpus/msrp [--epochs 3]

Deterministic (fixed seed, deterministic kernels, two threads): trains the adapters and the
head on the training part only (``newsweave.evaluate.pairs.split_pairs``), each pair in a
random one of its two orders per epoch, and writes ``fuse/models/same_claim_reader.safetensors``.
About ten minutes on two cores.
"""

from __future__ import annotations

import argparse
import random
import time
from pathlib import Path

import torch
from safetensors.torch import save_file

from newsweave.evaluate.pairs import read_pairs, split_pairs
from newsweave.fuse.reader import MAX_TOKENS, READER_PATH, build, trained_state


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, required=True)
    parser.add_argument("--epochs", type=int, default=3)
    parser.add_argument("--limit", type=int, default=None, help="train on the first N pairs")
    args = parser.parse_args()
    torch.manual_seed(0)
    torch.set_num_threads(2)
    torch.use_deterministic_algorithms(True)
    rng = random.Random(0)
    train, _ = split_pairs(read_pairs(args.corpus))
    train = train[: args.limit] if args.limit else train
    model, tokenizer = build()
    trainable = [p for p in model.parameters() if p.requires_grad]
    batch_size = 16
    steps = args.epochs * ((len(train) + batch_size - 1) // batch_size)
    optimiser = torch.optim.AdamW(trainable, lr=1e-3, weight_decay=0.01)
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimiser, lambda step: min(1.0, (step + 1) / (0.06 * steps)) * (1 - step / steps)
    )
    loss_of = torch.nn.BCEWithLogitsLoss()
    started = time.perf_counter()
    model.train()
    for epoch in range(args.epochs):
        order = list(range(len(train)))
        rng.shuffle(order)
        total = 0.0
        for at in range(0, len(order), batch_size):
            batch = [train[i] for i in order[at : at + batch_size]]
            firsts, seconds = [], []
            for r in batch:
                a, b = (r["a"], r["b"]) if rng.random() < 0.5 else (r["b"], r["a"])
                firsts.append(a)
                seconds.append(b)
            encoded = tokenizer(
                firsts,
                seconds,
                padding=True,
                truncation=True,
                max_length=MAX_TOKENS,
                return_tensors="pt",
            )
            labels = torch.tensor([float(r["label"]) for r in batch])
            loss = loss_of(model(**encoded), labels)
            loss.backward()
            optimiser.step()
            schedule.step()
            optimiser.zero_grad()
            total += float(loss.detach()) * len(batch)
        elapsed = time.perf_counter() - started
        print(f"epoch {epoch + 1}: loss {total / len(train):.4f} ({elapsed:.0f} s)", flush=True)
    READER_PATH.parent.mkdir(parents=True, exist_ok=True)
    save_file({k: v.contiguous() for k, v in trained_state(model).items()}, str(READER_PATH))
    print(f"wrote {READER_PATH} ({READER_PATH.stat().st_size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
