"""The CSL test suite against citekit's CSL engine and against citeproc-py alone, one run.

    python tools/csl_suite.py fetch             # the fixtures, from Debian (once)
    python tools/csl_suite.py run               # pass counts of both engines
    python tools/csl_suite.py run --update      # record citekit's passes (the pass-list)

The fixtures are the CSL test suite's "human" files as Debian ships them inside the
source of haskell-citeproc 0.6.0.1 (``test/csl/``, 853 files, pinned by SHA-256); GitHub
is out of reach here and no other registry carries them. They are kept out of the
repository, in ``.cache/csl-test-suite/``; ``tests/test_csl_suite.py`` runs them when
they are there. docs/styles/csl.md has the figures and what the runner does.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import re
import signal
import sys
import tarfile
import urllib.request
import warnings
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / ".cache" / "csl-test-suite"
PASS_LIST = ROOT / "tests" / "data" / "csl-suite-passing.txt"
SOURCE = "pool/main/h/haskell-citeproc/haskell-citeproc_0.6.0.1.orig.tar.gz"
MIRRORS = (
    "https://deb.debian.org/debian/",
    "http://deb.debian.org/debian/",
    "https://snapshot.debian.org/archive/debian/20250520T000000Z/",
)
SHA256 = "0c2f0090d7e71069e26a8416e26170842d11ba3b2508fd21d0201c35b0b6aa04"
SECONDS = 10
"""A fixture that runs longer than this fails (citeproc-py can loop on disambiguation)."""

SKIPPED_MODES = {"bibliography-header": "CSL-M/citeproc-js bibliography header"}
"""Modes no CSL 1.0 processor API here offers; citeproc-py's own runner skips them too."""

_SECTION = re.compile(r">>=+ ([A-Z-]+) =+>>\n(.*?)\n<<=+ \1 =+<<", re.S)


def fetch(target: Path = FIXTURES) -> int:
    """Download Debian's source of haskell-citeproc, check it, keep ``test/csl/*.txt``."""
    data = None
    for mirror in MIRRORS:
        try:
            with urllib.request.urlopen(mirror + SOURCE, timeout=60) as response:
                data = response.read()
            break
        except OSError as exc:
            print(f"{mirror}: {exc}", file=sys.stderr)
    if data is None:
        raise SystemExit("no mirror answered; the suite cannot run here")
    digest = hashlib.sha256(data).hexdigest()
    if digest != SHA256:
        raise SystemExit(f"checksum mismatch: {digest}")
    target.mkdir(parents=True, exist_ok=True)
    count = 0
    with tarfile.open(fileobj=io.BytesIO(data)) as archive:
        for member in archive.getmembers():
            parts = Path(member.name).parts
            if member.isfile() and parts[-3:-1] == ("test", "csl") and member.name.endswith(".txt"):
                handle = archive.extractfile(member)
                assert handle is not None
                (target / parts[-1]).write_bytes(handle.read())
                count += 1
    print(f"{count} fixtures in {target}")
    return count


def parse(path: Path) -> dict[str, Any]:
    """A fixture's sections: ``mode``, ``result``, ``csl`` as text; the others as JSON."""
    text = path.read_text(encoding="utf-8")
    sections = {name.lower(): body for name, body in _SECTION.findall(text)}
    fixture: dict[str, Any] = {
        "mode": sections.get("mode", "").strip(),
        "result": sections.get("result", ""),
        "csl": sections.get("csl", ""),
    }
    for name in ("input", "citation-items", "citations", "bibentries", "bibsection"):
        if name in sections:
            fixture[name] = json.loads(sections[name])
    for i, item in enumerate(fixture.get("input", [])):
        item.setdefault("id", i)  # as citeproc-py's runner does
        item["id"] = str(item["id"])
        item.setdefault("type", "book")
    return fixture


def skip_reason(fixture: dict[str, Any]) -> str | None:
    """Why a fixture is not run, or None."""
    if fixture["mode"] in SKIPPED_MODES:
        return SKIPPED_MODES[fixture["mode"]]
    if "bibsection" in fixture:
        return "bibliography sections (citeproc-js API)"
    if fixture["mode"] not in ("citation", "bibliography", "bibliography-nosort"):
        return f"unknown mode {fixture['mode']!r}"
    return None


def _citations(fixture: dict[str, Any]) -> tuple[list[list[dict[str, Any]]], bool]:
    """The citations to make, and whether they are numbered ``..[0]``/``>>[1]``."""
    if "citation-items" in fixture:
        return [list(c) for c in fixture["citation-items"]], False
    if "citations" in fixture:
        return [list(c[0]["citationItems"]) for c in fixture["citations"]], True
    if "bibentries" in fixture:
        return [[{"id": str(key)} for key in fixture["bibentries"][-1]]], False
    return [[{"id": item["id"]} for item in fixture["input"]]], False


def _shape(fixture: dict[str, Any], entries: list[str], texts: list[str], numbered: bool) -> str:
    """The output as the suite writes it (citeproc-js's HTML)."""
    if fixture["mode"] == "citation":
        if numbered:
            last = len(texts) - 1
            lines = [f"{'>>' if i == last else '..'}[{i}] {t}" for i, t in enumerate(texts)]
        else:
            lines = texts
    else:
        body = [f'  <div class="csl-entry">{entry}</div>' for entry in entries]
        lines = ['<div class="csl-bib-body">', *body, "</div>"]
    return "\n".join(lines).replace("&amp;", "&#38;")


Engine = Callable[[dict[str, Any], list[list[dict[str, Any]]]], tuple[list[str], list[str]]]


def citekit_engine(fixture: dict[str, Any], citations: list[list[dict[str, Any]]]) -> Any:
    """citekit's CSL engine: :meth:`citekit.styles.csl.CslStyle.render` on the items."""
    import tempfile

    from citekit.styles.csl import CslStyle, _parsed

    with tempfile.NamedTemporaryFile("w", suffix=".csl", encoding="utf-8", delete=False) as f:
        f.write(fixture["csl"])
    try:
        style = CslStyle("csl:fixture", Path(f.name))
        return style.render(fixture["input"], style.options(), citations)
    finally:
        _parsed.cache_clear()
        Path(f.name).unlink()


def citeproc_py_engine(fixture: dict[str, Any], citations: list[list[dict[str, Any]]]) -> Any:
    """citeproc-py alone, driven as its own test runner drives it."""
    from citeproc import CitationStylesBibliography, CitationStylesStyle, formatter
    from citeproc.source.json import CiteProcJSON

    from citekit.styles.csl import _citation

    style = CitationStylesStyle(io.BytesIO(fixture["csl"].encode("utf-8")), validate=False)
    bibliography = CitationStylesBibliography(style, CiteProcJSON(fixture["input"]), formatter.html)
    cited = [_citation(c) for c in citations]
    for citation in cited:
        bibliography.register(citation)
    if style.has_bibliography():
        bibliography.sort()
    texts = [str(bibliography.cite(c, lambda _: None)) for c in cited]
    entries = [str(e) for e in bibliography.bibliography()] if style.has_bibliography() else []
    return entries, texts


ENGINES: dict[str, Engine] = {"citekit": citekit_engine, "citeproc-py": citeproc_py_engine}


@contextmanager
def _time_limit(seconds: int) -> Iterator[None]:
    def stop(*_: object) -> None:
        raise TimeoutError(f"longer than {seconds} s")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def run_fixture(path: Path, engine: Engine) -> tuple[str, str]:
    """``("pass"|"fail"|"error"|"skip", detail)`` for one fixture."""
    fixture = parse(path)
    reason = skip_reason(fixture)
    if reason:
        return "skip", reason
    citations, numbered = _citations(fixture)
    try:
        with _time_limit(SECONDS), warnings.catch_warnings():
            warnings.simplefilter("ignore")
            entries, texts = engine(fixture, citations)
        output = _shape(fixture, entries, texts, numbered)
    except Exception as exc:  # the suite counts a crash as a failure, and so do we
        return "error", f"{type(exc).__name__}: {exc}"
    if output == fixture["result"]:
        return "pass", ""
    return "fail", output


def run_all(engine: str, fixtures: Path = FIXTURES) -> dict[str, tuple[str, str]]:
    """Every fixture's outcome under ``engine``, by fixture name."""
    return {
        path.stem: run_fixture(path, ENGINES[engine]) for path in sorted(fixtures.glob("*.txt"))
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("fetch", help="download the fixtures into .cache/csl-test-suite")
    run = sub.add_parser("run", help="run both engines and print the pass counts")
    run.add_argument("--update", action="store_true", help="rewrite citekit's pass-list")
    run.add_argument("--show", metavar="NAME", help="print one fixture's output and result")
    args = parser.parse_args()
    if args.command == "fetch":
        fetch()
        return
    if not FIXTURES.is_dir():
        raise SystemExit("no fixtures: run `python tools/csl_suite.py fetch` first")
    if args.show:
        fixture = parse(FIXTURES / f"{args.show}.txt")
        for name, engine in ENGINES.items():
            print(f"== {name}: {run_fixture(FIXTURES / f'{args.show}.txt', engine)}")
        print(f"== expected\n{fixture['result']}")
        return
    outcomes = {name: run_all(name) for name in ENGINES}
    for name, results in outcomes.items():
        counts = Counter(status for status, _ in results.values())
        ran = len(results) - counts["skip"]
        print(f"{name:<12} {counts['pass']:>4} of {ran} pass ({counts['skip']} skipped, "
              f"{counts['error']} errors)")  # fmt: skip
    ours = {n for n, (status, _) in outcomes["citekit"].items() if status == "pass"}
    theirs = {n for n, (status, _) in outcomes["citeproc-py"].items() if status == "pass"}
    print(f"citekit passes and citeproc-py fails: {len(ours - theirs)}")
    for name in sorted(ours - theirs):
        print(f"  + {name}")
    print(f"citeproc-py passes and citekit fails: {len(theirs - ours)}")
    for name in sorted(theirs - ours):
        print(f"  - {name}")
    if args.update:
        PASS_LIST.write_text("".join(f"{n}\n" for n in sorted(ours)), encoding="utf-8")
        print(f"wrote {PASS_LIST} ({len(ours)} fixtures)")


if __name__ == "__main__":
    main()
