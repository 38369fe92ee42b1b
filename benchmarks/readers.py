"""Reader benchmark: the same generated references read from each input format.

    python benchmarks/readers.py                   # 1,000 / 10,000 / 100,000 references
    python benchmarks/readers.py --sizes 1000,10000

The corpus of benchmarks/run.py is built as references, written once in each format by
citekit's writers (CSL-JSON, BibTeX, RIS, YAML), and each file is read back with
``citekit.io.loads``; the best of ``--repeat`` runs is printed, in CPU seconds of the
process (steadier than wall time on a shared machine) and wall seconds, with each format's
CPU time as a multiple of CSL-JSON's. Every reader should cost time proportional to the file: the goal is
BibTeX within 3 times CSL-JSON at 100,000 references.
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from citekit.errors import DataLossWarning
from citekit.io import dump, loads
from citekit.io.csljson import item_to_reference
from corpus import generate

FORMATS = ["csl-json", "bibtex", "ris", "yaml"]


def _best(text: str, fmt: str, repeat: int) -> tuple[float, float, int]:
    best, wall, count = float("inf"), float("inf"), 0
    for _ in range(repeat):
        gc.collect()
        start, cpu = time.perf_counter(), time.process_time()
        count = len(loads(text, fmt, on_error=lambda _error: None))
        best = min(best, time.process_time() - cpu)
        wall = min(wall, time.perf_counter() - start)
    return best, wall, count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement (best kept)")
    parser.add_argument("--formats", default=",".join(FORMATS))
    args = parser.parse_args()
    formats = args.formats.split(",")
    print(
        f"{'refs':>8} {'format':>9} {'MB':>7} {'CPU':>9} {'wall':>9} {'refs/s':>9} {'× CSL-JSON':>10}"
    )
    for size in (int(s) for s in args.sizes.split(",")):
        refs = [item_to_reference(item) for item in generate(size)]
        base = None
        for fmt in formats:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", DataLossWarning)
                text = dump(refs, fmt)
            seconds, wall, count = _best(text, fmt, args.repeat if size < 100_000 else 1)
            base = base or seconds
            print(
                f"{size:>8,} {fmt:>9} {len(text.encode()) / 1e6:>7.1f} {seconds:>8.2f}s "
                f"{wall:>8.2f}s {count / seconds:>9,.0f} {seconds / base:>10.2f}",
                flush=True,
            )


if __name__ == "__main__":
    main()
