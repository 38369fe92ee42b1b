"""How close ``citekit.load`` of CSL-JSON can come to ``json.load`` with this model (issue #18).

    python benchmarks/model_floor.py                    # 100,000 generated items, best of 3
    python benchmarks/model_floor.py --size 20000 --repeat 5
    python benchmarks/model_floor.py --size 20000 --instructions   # counted by callgrind
    python benchmarks/model_floor.py --size 20000 --in-process     # one process, steadier

Whole processes read the same file, each timed in CPU seconds (user + system), the jobs taken
in turn ``--repeat`` times and the best of each kept:

- ``json.load``: decoding alone, as ``benchmarks/run.py`` times it;
- the floor, interpreted: ``json.load`` and then the objects ``citekit.load`` returns, built
  with no check at all (``floor_build.py``), the collector paused as citekit pauses it;
- the floor, compiled: the same module compiled with mypyc (skipped, saying why, where mypyc
  is not installed), which is the cheapest this construction can be made from Python;
- the compiled floor decoding as citekit decodes (``io.csljson._parse``: a JSON object with a
  key twice is refused, where ``json.load`` keeps the last value without a word), and then
  also folding each text as the model stores it (``script.folded``): what the first two of
  citekit's checks add to the floor;
- ``citekit.load``, whichever build is installed (an editable install runs the sources).

With ``--instructions`` each process runs once under valgrind's callgrind and its instructions
are counted instead: a count does not move with the load of a shared machine, where CPU
seconds move by tens of percent, though an instruction of json's C decoder does more than
one of the interpreter's.

With ``--in-process`` the same work runs in this one process, the jobs in turn, best of
``--repeat``: steadier than whole processes, and without what a whole process adds (starting
Python, importing citekit, and for ``json.load`` the collector walking a heap that grows to
millions of objects, which citekit pauses while it reads; before each job the heap is
collected, and json's decoding runs with the collector on, as ``json.load`` does).

The floor divided by ``json.load`` is the least any reader returning these attrs objects can
reach, whatever it checks; ``citekit.load`` divided by the floor is what its checks cost.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import generate
from instructions import counted
from jobs import READ_CITEKIT, READ_JSON, run_process
from run import build, machine

HERE = Path(__file__).resolve().parent

FLOOR = """
import sys, json, gc
sys.path.insert(0, sys.argv[2])
import citekit.io
from citekit.io.csljson import _parse
from floor_build import build
gc.disable()
text = open(sys.argv[1], encoding='utf-8').read()
items = _parse(text) if 'refuse' in sys.argv[3] else json.loads(text)
build(items, 'fold' in sys.argv[3])
"""


def compile_floor(directory: Path) -> str:
    """``floor_build.py`` compiled with mypyc into ``directory``; '' when it cannot be."""
    try:
        import mypyc  # noqa: F401
    except ImportError:
        return "mypyc is not installed (pip install mypy)"
    shutil.copy(HERE / "floor_build.py", directory)
    result = subprocess.run(
        [sys.executable, "-m", "mypyc", "floor_build.py"],
        cwd=directory,
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        return "mypyc failed: " + (result.stderr or result.stdout).strip().splitlines()[-1]
    return ""


IN_PROCESS = {
    "json.load": ("json", False),
    "floor: model unchecked, compiled": ("floor", False),
    "floor, decoded by citekit (duplicate keys refused)": ("floor", True),
    "citekit.load": ("citekit", True),
}


def in_process(text: str, compiled: Path, repeat: int) -> dict[str, float]:
    """CPU seconds of each job of :data:`IN_PROCESS` in this process, the best of ``repeat``
    rounds, the jobs taken in turn."""
    import gc
    import time

    sys.path.insert(0, str(compiled))
    from citekit.io.csljson import _parse, read_csl_json
    from floor_build import build as floor_build

    def run(kind: str, refuse: bool) -> float:
        gc.collect()
        if kind != "json":
            gc.disable()  # as citekit.load pauses it (citekit.collector)
        start = time.process_time()
        if kind == "json":
            result: object = json.loads(text)
        elif kind == "floor":
            result = floor_build(_parse(text) if refuse else json.loads(text))
        else:
            result = read_csl_json(text)
        cpu = time.process_time() - start
        gc.enable()
        del result
        return cpu

    best: dict[str, float] = {}
    for _ in range(repeat):
        for name, (kind, refuse) in IN_PROCESS.items():
            best[name] = min(run(kind, refuse), best.get(name, float("inf")))
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3, help="runs of each process (best kept)")
    parser.add_argument("--instructions", action="store_true", help="count with callgrind")
    parser.add_argument("--in-process", action="store_true", help="time the jobs in one process")
    args = parser.parse_args()
    if args.instructions and shutil.which("valgrind") is None:
        sys.exit("valgrind is not installed (Debian: apt-get install valgrind); nothing measured")
    with tempfile.TemporaryDirectory() as tmp:
        directory = Path(tmp)
        path = directory / "items.json"
        path.write_text(json.dumps(generate(args.size), ensure_ascii=False), encoding="utf-8")
        compiled = directory / "compiled"
        compiled.mkdir()
        why_not = compile_floor(compiled)
        python, file = sys.executable, str(path)
        floor = None if why_not else [python, "-c", FLOOR, file, str(compiled)]
        jobs: list[tuple[str, list[str] | None]] = [
            ("json.load", [python, "-c", READ_JSON, file]),
            ("floor: model unchecked, interpreted", [python, "-c", FLOOR, file, str(HERE), ""]),
            ("floor: model unchecked, compiled", floor and [*floor, ""]),
            ("floor, decoded by citekit (duplicate keys refused)", floor and [*floor, "refuse"]),
            ("the same, and each text folded", floor and [*floor, "refuse fold"]),
            ("citekit.load", [python, "-c", READ_CITEKIT, file]),
        ]
        print(f"{args.size:,} generated CSL-JSON items; {machine()}; citekit {build()}")
        flags = "--instructions" if args.instructions else f"--repeat {args.repeat}"
        flags += " --in-process" if args.in_process else ""
        unit = "instructions, millions" if args.instructions else "CPU s"
        print(f"command: python benchmarks/model_floor.py --size {args.size} {flags}")
        print()
        print(f"| job | {unit} | ÷ json.load |")
        print("|---|---:|---:|")
        if args.in_process:
            if why_not:
                sys.exit(f"the compiled floor is needed in process: {why_not}")
            costs = in_process(path.read_text(encoding="utf-8"), compiled, args.repeat)
            for name, cost in costs.items():
                print(f"| {name} | {cost:.3f} | {cost / costs['json.load']:.2f} |")
            return
        runnable = [(name, command) for name, command in jobs if command is not None]
        costs = {}
        for _ in range(1 if args.instructions else args.repeat):
            for name, job in runnable:  # interleaved: a drift of the machine hits all alike
                if args.instructions:
                    cost = counted(job) / 1e6
                else:
                    cost = run_process(job, 1, timeout=3600)[0]
                costs[name] = min(cost, costs.get(name, cost))
        base = costs["json.load"]
        for name, command in jobs:
            if command is None:
                print(f"| {name} | skipped: {why_not} | |")
                continue
            shown = f"{costs[name]:,.0f}" if args.instructions else f"{costs[name]:.2f}"
            print(f"| {name} | {shown} | {costs[name] / base:.2f} |")


if __name__ == "__main__":
    main()
