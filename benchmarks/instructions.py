"""Reading counted in instructions: ``citekit.load`` against ``json.load`` (and pybtex's
``parse_file``), each under valgrind's callgrind, which counts every instruction a process
executes. The count does not move when other jobs share the machine, where CPU seconds move
by tens of percent, so it is the measure for a change of a few percent (issue #18).

    python benchmarks/instructions.py              # 2,000 generated references
    python benchmarks/instructions.py --size 500

Each reader runs in a fresh process that first imports what every run imports (citekit's
readers, json, pybtex); the same import alone is counted too, and what a reader adds to it is
its cost. Needs valgrind (Debian's package); without it the script says so and stops. About
a minute at 2,000 references. Instructions are not time (json's C decoder does more per
instruction than the interpreter), so the ratios here are not the CPU-time ratios of
``benchmarks/run.py``; they compare one build of citekit with another.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import generate
from jobs import write_inputs

PRELUDE = """
import json, sys
import citekit, citekit.io, citekit.io.csljson, citekit.io.bibtex
try:
    import pybtex.database
except ImportError:
    pybtex = None
"""

JOBS = {
    "import only": "",
    "json.load": "json.load(open(sys.argv[1], encoding='utf-8'))",
    "citekit.load (CSL-JSON)": "citekit.load(sys.argv[1])",
    "pybtex parse_file": "pybtex.database.parse_file(sys.argv[2], 'bibtex')",
    "citekit.load (BibTeX)": "citekit.load(sys.argv[2])",
}


def instructions(code: str, *args: str) -> int:
    """Instructions executed by ``python -c code args`` (callgrind's total)."""
    return counted([sys.executable, "-c", PRELUDE + code, *args])


def counted(command: list[str]) -> int:
    """Instructions the process ``command`` executes, as callgrind counts them."""
    result = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *command],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONHASHSEED": "0"},  # the same string hashes, the same count
    )
    match = re.search(r"refs:\s*([\d,]+)", result.stderr)
    if match is None:
        raise RuntimeError(f"callgrind printed no count:\n{result.stderr[-2000:]}")
    return int(match[1].replace(",", ""))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=2000, help="references (default 2,000)")
    options = parser.parse_args()
    if shutil.which("valgrind") is None:
        sys.exit("valgrind is not installed (Debian: apt-get install valgrind); nothing measured")
    import citekit
    from run import build

    with tempfile.TemporaryDirectory() as tmp:
        paths = write_inputs(generate(options.size), Path(tmp))
        files = (str(paths["csl-json"]), str(paths["bibtex"]))
        base = instructions("", *files)
        print(f"{options.size:,} references; citekit from {Path(citekit.__file__).parent}")
        print(f"citekit: {build()}")
        print("| job | instructions beyond the import, millions |")
        print("|---|---|")
        added: dict[str, int] = {}
        for name, code in JOBS.items():
            if not code:
                continue
            if "pybtex" in code and not _has_pybtex():
                print(f"| {name} | (pybtex is not installed) |")
                continue
            added[name] = instructions(code, *files) - base
            print(f"| {name} | {added[name] / 1e6:,.0f} |")
        print(f"import alone: {base / 1e6:,.0f} million")
        print(
            "citekit.load ÷ json.load, CSL-JSON: "
            f"{added['citekit.load (CSL-JSON)'] / added['json.load']:.2f}"
        )
        if "pybtex parse_file" in added:
            ratio = added["citekit.load (BibTeX)"] / added["pybtex parse_file"]
            print(f"citekit.load ÷ pybtex parse_file, BibTeX: {ratio:.2f}")
    print(json.dumps({"size": options.size, **added}))


def _has_pybtex() -> bool:
    try:
        import pybtex.database  # noqa: F401
    except ImportError:
        return False
    return True


if __name__ == "__main__":
    main()
