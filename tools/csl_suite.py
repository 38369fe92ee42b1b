"""The CSL test suite against citekit's CSL processor and against citeproc-py, one run.

    python tools/csl_suite.py run               # pass counts of both engines
    python tools/csl_suite.py run --update      # record citekit's passes (the pass-list)
    python tools/csl_suite.py run --only citekit
    python tools/csl_suite.py show NAME         # one fixture's output under both engines

The fixtures are the 845 "human" files of the CSL test suite, read from
``../shared/csl-test-suite/`` next to the repository's root (its README says which commit);
nothing is downloaded. ``tests/test_csl_suite.py`` holds citekit's processor to the
pass-list when they are there. docs/styles/csl.md has the figures and what the runner does.
"""

from __future__ import annotations

import argparse
import io
import json
import re
import signal
import time
import warnings
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT.parent / "shared" / "csl-test-suite"
PASS_LIST = ROOT / "tests" / "data" / "csl-suite-passing.txt"
SECONDS = 10
"""A fixture that runs longer than this fails (citeproc-py can loop on disambiguation)."""

EMPTY_CITE = "[CSL STYLE ERROR: reference with no printed form.]"

SKIPPED_MODES = {"bibliography-header": "CSL-M/citeproc-js bibliography header"}
"""Modes no CSL 1.0 processor API here offers; citeproc-py's own runner skips them too."""

_SECTION = re.compile(r">>=+ ([A-Z-]+) =+(?:>>)?\n(.*?)\n<<=+ \1 =+(?:<<)?", re.S)


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


def _notes(fixture: dict[str, Any], upto: int | None = None) -> list[int | None]:
    """The note number of each citation of a ``CITATIONS`` section, in document order: the
    last insertion's lists say where the others are now (their notes may have moved)."""
    _citation, before, after = fixture["citations"][:upto][-1]
    moved = {entry[0]: entry[1] for entry in [*before, *after] if len(entry) > 1}
    return [
        moved.get(c.get("citationID"), c.get("properties", {}).get("noteIndex"))
        for c in _document(fixture, upto)
    ]


def _document(fixture: dict[str, Any], upto: int | None = None) -> list[dict[str, Any]]:
    """A ``CITATIONS`` section's citations in the order of the document (after the first
    ``upto`` insertions): each says which citations come before and after it."""
    order: list[str] = []
    by_id: dict[str, dict[str, Any]] = {}
    for citation, before, after in fixture["citations"][:upto]:
        cid = citation.get("citationID") or f"#{len(by_id)}"
        by_id[cid] = citation
        order = [b[0] for b in before] + [cid] + [a[0] for a in after]
    return [by_id[c] for c in order if c in by_id]


def _citations(fixture: dict[str, Any]) -> tuple[list[list[dict[str, Any]]], bool]:
    """The citations to make, and whether they are numbered ``..[0]``/``>>[1]``."""
    if "citations" in fixture:
        return [list(c["citationItems"]) for c in _document(fixture)], True
    if "citation-items" in fixture:
        return [list(c) for c in fixture["citation-items"]], False
    if "bibentries" in fixture:
        return [[{"id": str(key)} for key in fixture["bibentries"][-1]]], False
    return [[{"id": item["id"]} for item in fixture["input"]]], False


def _shape(fixture: dict[str, Any], entries: list[str], texts: list[str], numbered: bool) -> str:
    """The output as the suite writes it (citeproc-js's HTML)."""
    if fixture["mode"] == "citation":
        if numbered:
            changed = fixture.get("changed") or [len(texts) - 1]
            lines = [f"{'>>' if i in changed else '..'}[{i}] {t}" for i, t in enumerate(texts)]
        else:
            lines = texts
    else:
        body = [f'  <div class="csl-entry">{entry}</div>' for entry in entries]
        lines = ['<div class="csl-bib-body">', *body, "</div>"]
    return "\n".join(lines)


Engine = Callable[[dict[str, Any], list[list[dict[str, Any]]]], tuple[list[str], list[str]]]


def citekit_engine(fixture: dict[str, Any], citations: list[list[dict[str, Any]]]) -> Any:
    """citekit's own CSL processor (:mod:`citekit.csl`), written out as the suite's HTML."""
    from citekit.csl import Processor, parse_style
    from citekit.csl.output import to_html

    style = parse_style(fixture["csl"], "fixture.csl")
    processor = Processor(style)
    notes = _notes(fixture) if "citations" in fixture else None
    if not any(k in fixture for k in ("citations", "citation-items", "bibentries")):
        # every item in one citation, in the order the processor registers them
        ids = processor.process(fixture["input"], None, bibliography=False).ids
        citations = [[{"id": key} for key in ids]]
    result = processor.process(fixture["input"], citations, notes)
    quotes = processor.quotes()
    pq = processor.locale.punctuation_in_quote
    entries = [to_html(e, pq, quotes) for e in result.bibliography]
    # citeproc-js prints this for a cite that prints nothing; the suite expects it
    texts = [to_html(t, pq, quotes) or EMPTY_CITE for t in result.citations]
    if "citations" in fixture and len(citations) > 1:
        # the suite marks with ">>" the citations the last insertion added or re-rendered
        last = fixture["citations"][-1][0].get("citationID")
        document = _document(fixture)
        kept = [i for i, c in enumerate(document) if c.get("citationID") != last]
        old_notes = _notes(fixture, -1)
        before = processor.process(fixture["input"], [citations[i] for i in kept], old_notes)
        old_texts = (to_html(t, pq, quotes) or EMPTY_CITE for t in before.citations)
        old = dict(zip(kept, old_texts, strict=False))
        changed = {i for i, t in enumerate(texts) if old.get(i) != t}
        fixture["changed"] = sorted(changed | _tainted(processor, before, result, kept))
    return entries, texts


def _tainted(processor: Any, before: Any, after: Any, kept: list[int]) -> set[int]:
    """The citations an edit re-renders although their text may read the same, as
    citeproc-js's ``processCitationCluster`` reports them (its test runner marks those
    ``>>``): each citation holding an item whose citation number moved (when citations
    print numbers), whose disambiguation changed, or (in a style that tests positions)
    whose first note moved; each citation in which a cite's position, first note or
    nearness changed; and, in a note style that tests ``disambiguate``, each citation of
    an item now cited once where it was cited more often, or the other way round."""
    from citekit.csl.parse import walk

    style = processor.style
    tests = {k for e in walk(style.root) if e.name in ("if", "else-if") for k in e.attrs}
    attrs = style.citation.attrs if style.citation is not None else {}
    by_position = "position" in tests or any(
        k in attrs and attrs[k] != attrs.get(k.replace("-subsequent", ""))
        for k in ("et-al-subsequent-min", "et-al-subsequent-use-first")
    )
    numeric = style.citation is not None and any(
        e.name == "text" and e.attrs.get("variable") == "citation-number"
        for e in _reachable(style, style.citation.layout)
    )
    by_count = by_position and style.attrs.get("class") == "note" and "disambiguate" in tests
    old_rows = dict(zip(kept, before.cites, strict=False))
    items: set[str] = set()
    out: set[int] = set()

    def counts(rows: Any) -> Counter[str]:
        return Counter(key for row in rows for key in {k for k, _ in row})

    old_counts, new_counts = counts(before.cites), counts(after.cites)
    for i, old_row in old_rows.items():
        new_row = after.cites[i]
        for (key, was), (_, now) in zip(old_row, new_row, strict=False):
            if numeric and was.citation_number != now.citation_number:
                items.add(key)
            if _disambiguation(was) != _disambiguation(now):
                items.add(key)
            if by_position:
                if was.first_note != now.first_note:
                    items.add(key)
                if (was.position, was.near_note) != (now.position, now.near_note):
                    out.add(i)
            if by_count and (old_counts[key] < 2) != (new_counts[key] < 2):
                items.add(key)
    out.update(i for i, row in enumerate(after.cites) if items & {k for k, _ in row})
    return out


def _disambiguation(state: Any) -> tuple[Any, ...]:
    return (
        state.disambiguate,
        state.et_al_use_first,
        sorted(state.givenname_level.items()),
        state.year_suffix,
    )


def _reachable(style: Any, element: Any) -> list[Any]:
    """The elements under ``element`` and under the macros it calls, each macro once."""
    out, stack, seen = [], [element], set()
    while stack:
        node = stack.pop()
        out.append(node)
        stack.extend(node.children)
        macro = node.attrs.get("macro") if node.name == "text" else None
        if macro in style.macros and macro not in seen:
            seen.add(macro)
            stack.append(style.macros[macro])
    return out


def citeproc_py_engine(fixture: dict[str, Any], citations: list[list[dict[str, Any]]]) -> Any:
    """citeproc-py alone, driven as its own test runner drives it."""
    from citeproc import CitationStylesBibliography, CitationStylesStyle, formatter
    from citeproc.source.json import CiteProcJSON

    from citekit.styles.csl import _citation

    style = CitationStylesStyle(io.BytesIO(fixture["csl"].encode("utf-8")), validate=False)
    # citeproc-py fails on an item without a type; its own runner makes such items books
    items = [{"type": "book", **item} for item in fixture["input"]]
    bibliography = CitationStylesBibliography(style, CiteProcJSON(items), formatter.html)
    cited = [_citation(c) for c in citations]
    for citation in cited:
        bibliography.register(citation)
    if style.has_bibliography():
        bibliography.sort()
    texts = [str(bibliography.cite(c, lambda _: None)) for c in cited]
    entries = [str(e) for e in bibliography.bibliography()] if style.has_bibliography() else []
    return [e.replace("&amp;", "&#38;") for e in entries], [
        t.replace("&amp;", "&#38;") for t in texts
    ]


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
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    run = sub.add_parser("run", help="run the engines and print the pass counts")
    run.add_argument("--update", action="store_true", help="rewrite citekit's pass-list")
    run.add_argument("--only", choices=sorted(ENGINES), help="run one engine")
    run.add_argument("--failing", action="store_true", help="list citekit's failures")
    show = sub.add_parser("show", help="print one fixture's output under both engines")
    show.add_argument("name")
    args = parser.parse_args()
    if not FIXTURES.is_dir():
        raise SystemExit(f"no fixtures in {FIXTURES}")
    if args.command == "show":
        path = FIXTURES / f"{args.name}.txt"
        for name, engine in ENGINES.items():
            status, detail = run_fixture(path, engine)
            print(f"== {name}: {status}\n{detail}")
        print(f"== expected\n{parse(path)['result']}")
        return
    names = [args.only] if args.only else list(ENGINES)
    outcomes = {}
    for name in names:
        start = time.perf_counter()
        outcomes[name] = run_all(name)
        seconds = time.perf_counter() - start
        counts = Counter(status for status, _ in outcomes[name].values())
        ran = len(outcomes[name]) - counts["skip"]
        print(f"{name:<12} {counts['pass']:>4} of {ran} pass ({counts['skip']} skipped, "
              f"{counts['error']} errors) in {seconds:.1f} s")  # fmt: skip
    if "citekit" in outcomes and args.failing:
        for n, (status, detail) in sorted(outcomes["citekit"].items()):
            if status in ("fail", "error"):
                print(f"  {status}: {n}" + (f" {detail}" if status == "error" else ""))
    if len(outcomes) == 2:
        ours = {n for n, (status, _) in outcomes["citekit"].items() if status == "pass"}
        theirs = {n for n, (status, _) in outcomes["citeproc-py"].items() if status == "pass"}
        print(f"citekit passes and citeproc-py fails: {len(ours - theirs)}")
        print(f"citeproc-py passes and citekit fails: {len(theirs - ours)}")
        for name in sorted(theirs - ours):
            print(f"  - {name}")
    if args.update and "citekit" in outcomes:
        ours = {n for n, (status, _) in outcomes["citekit"].items() if status == "pass"}
        PASS_LIST.write_text("".join(f"{n}\n" for n in sorted(ours)), encoding="utf-8")
        print(f"wrote {PASS_LIST} ({len(ours)} fixtures)")


if __name__ == "__main__":
    main()
