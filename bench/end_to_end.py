"""``newsweave analyze --json`` end to end next to bare spaCy on the same texts.

Both run as fresh processes, as a user runs them, so start-up counts: importing, loading the
models, reading the files, and for newsweave also linking, grouping into stories, the dossiers
and writing the JSON. Prints the words, the seconds and words per second of each, and their
ratio (bare spaCy's time over newsweave's: at least 0.8 is the target, issue #17). newsweave
runs as a user runs it, its analysis on one process per CPU, and once more with
``--workers 1``, one process like the bare parse.

The texts are news articles of 500-900 words from a corpus of ``../shared`` (read at run time,
written to a temporary folder with a ``date:``/``outlet:`` header when the article id gives
them):

    python bench/end_to_end.py --corpus ../shared/corpus/polnear --count 120
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
#: "outlet_2015-11-11_slug": the outlet and the day an article id gives.
_ID = re.compile(r"^(?P<outlet>[a-z]+)_(?P<date>\d{4}-\d{2}-\d{2})_")

BARE = """
import sys, pathlib
from newsweave import nlp
texts = [p.read_text(encoding="utf-8").split("\\n\\n", 1)[-1]
         for p in sorted(pathlib.Path(sys.argv[1]).glob("*.txt"))]
for _ in nlp.load().pipe(texts, batch_size=32):
    pass
"""


def write_texts(corpus: Path, count: int, low: int, high: int, folder: Path) -> int:
    """Write ``count`` articles of ``low``-``high`` words as files; returns their words."""
    records = [json.loads(line) for line in (corpus / "articles.jsonl").open(encoding="utf-8")]
    chosen = sorted(
        (r for r in records if low <= len(r["text"].split()) <= high), key=lambda r: r["id"]
    )[:count]
    if len(chosen) < count:
        sys.exit(f"{corpus}: only {len(chosen)} articles of {low}-{high} words")
    for n, record in enumerate(chosen):
        found = _ID.match(record["id"])
        header = f"outlet: {found['outlet']}\ndate: {found['date']}\n" if found else ""
        (folder / f"{n:03d}.txt").write_text(f"{header}\n{record['text']}", encoding="utf-8")
    return sum(len(r["text"].split()) for r in chosen)


def timed(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, cwd=ROOT)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared/corpus/polnear")
    parser.add_argument("--count", type=int, default=120, help="articles (default 120)")
    parser.add_argument("--min-words", type=int, default=500)
    parser.add_argument("--max-words", type=int, default=900)
    parser.add_argument("--rounds", type=int, default=1, help="best of this many rounds")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        words = write_texts(args.corpus, args.count, args.min_words, args.max_words, folder)
        bare = min(timed([sys.executable, "-c", BARE, tmp]) for _ in range(args.rounds))
        command = [str(BIN / "newsweave"), "analyze", tmp, "--json"]
        full = min(timed(command) for _ in range(args.rounds))
        alone = min(timed([*command, "--workers", "1"]) for _ in range(args.rounds))
    print(f"{args.count} articles, {words} words ({args.corpus.name})")
    print(f"bare nlp.pipe (fresh process)      {bare:7.1f} s  {words / bare:7.0f} words/s")
    print(f"newsweave analyze --json (fresh)   {full:7.1f} s  {words / full:7.0f} words/s")
    print(f"  the same with --workers 1        {alone:7.1f} s  {words / alone:7.0f} words/s")
    print(f"ratio {bare / full:.2f} (target >= 0.80); with one process {bare / alone:.2f}")


if __name__ == "__main__":
    main()
