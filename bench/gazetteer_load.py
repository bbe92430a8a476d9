"""The gazetteer's cost to a process: opening its index and answering names, and building it.

Each figure comes from a fresh Python process, so nothing is warm but the disk cache:

- load: the index opened and the first names answered, in seconds, and the resident memory
  that added (MB);
- lookups: names answered per second, each name once (no answer cache);
- build (``--build``): writing the index from the packages' data into a temporary folder.

    python bench/gazetteer_load.py [--build]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile

_LOAD = """
import json, time

def rss_mb():
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmRSS")) / 1024

start = time.perf_counter()
import newsweave.places as places  # with what it imports: countryinfo, the name normaliser
imported = time.perf_counter() - start
from newsweave import gazetteer
gazetteer.ensure()
before = rss_mb()
start = time.perf_counter()
for name in ("Springfield", "Ontario", "Barrow County", "Georgia", "Kyiv"):
    places.candidates(name)
load = time.perf_counter() - start
added = rss_mb() - before
names = [p["name"] for p in gazetteer.of_feature("region")][:3000]
start = time.perf_counter()
for name in names:
    gazetteer._entries.__wrapped__(name.lower())
rate = len(names) / (time.perf_counter() - start)
print(json.dumps({"import_s": imported, "load_s": load, "added_mb": added,
                  "lookups_per_s": rate}))
"""

_BUILD = """
import json, resource, sys, time
from pathlib import Path
from newsweave import gazetteer
start = time.perf_counter()
path = gazetteer.build(Path(sys.argv[1]) / "index.sqlite")
print(json.dumps({"build_s": time.perf_counter() - start, "size_mb": path.stat().st_size / 1e6,
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def _run(code: str, *args: str) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, check=True
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--build", action="store_true", help="also time building the index")
    args = parser.parse_args()
    load = _run(_LOAD)
    print(f"import newsweave.places: {load['import_s']:.2f} s")
    print(f"load: index opened and first five names answered in {load['load_s']:.3f} s,")
    print(f"      {load['added_mb']:.1f} MB of resident memory added")
    print(f"lookups: {load['lookups_per_s']:,.0f} names per second (uncached)")
    if args.build:
        with tempfile.TemporaryDirectory() as folder:
            build = _run(_BUILD, folder)
        print(
            f"build: {build['build_s']:.1f} s, index {build['size_mb']:.0f} MB, "
            f"peak memory {build['peak_mb']:.0f} MB"
        )


if __name__ == "__main__":
    main()
