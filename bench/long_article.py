"""Long articles: `newsweave ingest` of one long article in a batch with good files.

For each length, a fresh process ingests a folder holding the examples of one story and an
article of that many characters (the examples' paragraphs over and over, each copy numbered),
into a new SQLite store. Prints the wall time, the peak memory of that process (max RSS) and
what was stored; the time should grow about linearly with the length and the memory stay
bounded (the model reads long articles in windows: `pipeline/windows.py`).

    .venv/bin/python bench/long_article.py                      # 250k, 500k, 1M, 2M
    .venv/bin/python bench/long_article.py --chars 100000 300000
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
STORY = ROOT / "examples" / "fire"
NEWSWEAVE = Path(sys.executable).with_name("newsweave")


def long_text(chars: int) -> str:
    """About ``chars`` characters of news prose: the examples' paragraphs, copies numbered."""
    paragraphs = [
        p.strip()
        for path in sorted(STORY.glob("*.txt"))
        for p in path.read_text(encoding="utf-8").split("\n\n")[1:]
        if p.strip()
    ]
    out: list[str] = []
    size, copy = 0, 0
    while size < chars:
        copy += 1
        for paragraph in paragraphs:
            piece = f"Part {copy}. {paragraph}"
            out.append(piece)
            size += len(piece) + 2
    return "\n\n".join(out)[:chars]


def measure(chars: int) -> dict[str, object]:
    with tempfile.TemporaryDirectory(prefix="newsweave-long-") as tmp:
        folder = Path(tmp) / "in"
        shutil.copytree(STORY, folder)
        header = "title: The long record\noutlet: The Bench Gazette\ndate: 2026-04-24\n\n"
        (folder / "long_record.txt").write_text(header + long_text(chars), encoding="utf-8")
        db = Path(tmp) / "long.db"
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        start = time.perf_counter()
        run = subprocess.run(
            [str(NEWSWEAVE), "--db", str(db), "ingest", str(folder)],
            capture_output=True,
            text=True,
            check=False,
        )
        seconds = time.perf_counter() - start
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        listed = subprocess.run(
            [str(NEWSWEAVE), "--db", str(db), "articles", "--json"],
            capture_output=True,
            text=True,
            check=False,
        )
        stored = len(json.loads(listed.stdout)) if listed.returncode == 0 else 0
    # ru_maxrss of children is the largest child so far: with growing lengths, this one's.
    return {
        "chars": chars,
        "seconds": round(seconds, 1),
        "peak_mb": round(max(peak, before) / 1024),
        "stored": stored,
        "exit": run.returncode,
        "error": run.stderr.strip().splitlines()[-1] if run.returncode else "",
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--chars", type=int, nargs="+", default=[250_000, 500_000, 1_000_000, 2_000_000]
    )
    args = parser.parse_args()
    print(f"{'characters':>12} {'seconds':>8} {'s per 100k':>10} {'peak MB':>8} stored exit")
    for chars in sorted(args.chars):
        r = measure(chars)
        rate = float(r["seconds"]) / chars * 100_000  # type: ignore[arg-type]
        print(
            f"{chars:>12,} {r['seconds']:>8} {rate:>10.1f} {r['peak_mb']:>8} "
            f"{r['stored']:>6} {r['exit']:>4} {r['error']}"
        )


if __name__ == "__main__":
    main()
