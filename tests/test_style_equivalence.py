"""The built-in styles' output, pinned: every hand-written or template style formats a fixed set
of references (the seeded benchmark corpus, enriched with the fields the corpus lacks, the
examples, the golden inputs) in every output format and with several options, and the digests
must equal those stored in tests/data/style-snapshot.json.

Rewriting a style (as a template, say) must not change a byte of what it prints; a change of
output that is meant must update the snapshot, in the same commit, with

    python tests/test_style_equivalence.py --update

and the failure names the style, the options, the format and the first reference that differs
(``--dump FILE`` writes every line, to compare two versions with diff).
"""

from __future__ import annotations

import hashlib
import json
import random
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

import citekit  # noqa: E402
from citekit.io.csljson import item_to_reference  # noqa: E402
from citekit.model import Reference  # noqa: E402
from citekit.render import FORMATS, render  # noqa: E402
from citekit.styles.registry import get_style  # noqa: E402
from corpus import generate  # noqa: E402

SNAPSHOT = ROOT / "tests" / "data" / "style-snapshot.json"
CHUNK = 100  # references per digest: a failure points at a hundred, then at the first

# the styles written in Python (not the CSL ones, which the CSL suite pins), each with options
STYLES: dict[str, list[dict[str, Any]]] = {
    "elpub": [{}, {"max_authors": 2, "translit": "ala-lc"}],
    "elpub-ru": [{}, {"max_authors": 1}],
    "references": [{}, {"max_authors": 3, "translit": "ala-lc"}],
    "apa": [{}, {"max_authors": 2}],
    "gost-2018": [{}, {"content_type": False, "all_authors": True, "translit": "ala-lc"}],
    "gost-2008": [{}, {"dashes": True, "all_authors": True}],
}

_EDITORS = [{"family": "Юдин", "given": "Юрий"}, {"family": "Hart", "given": "Anna"}]


def _enriched(item: dict[str, Any], rng: random.Random) -> dict[str, Any]:
    """The corpus item with, at random, the fields the styles print that it lacks."""
    extra: dict[str, Any] = {}
    if rng.random() < 0.3:
        extra["editor"] = rng.sample(_EDITORS, rng.randint(1, 2))
    if rng.random() < 0.3:
        extra["edition"] = rng.choice(["2", "3rd", "2-е изд., испр.", "Revised"])
    if rng.random() < 0.3:
        extra["collection-title"] = rng.choice(["Asie.Visions", "Труды института"])
        if rng.random() < 0.5:
            extra["collection-number"] = str(rng.randint(1, 200))
    if rng.random() < 0.2:
        extra["number-of-pages"] = str(rng.randint(50, 600))
    if rng.random() < 0.3:
        extra["URL"] = f"https://example.org/{item['id']}"
        if rng.random() < 0.5:
            extra["accessed"] = {"date-parts": [[2026, rng.randint(1, 12), rng.randint(1, 28)]]}
    if rng.random() < 0.15:
        extra["DOI"] = f"10.1234/{item['id']}"
    if rng.random() < 0.1:
        extra["author"] = []
    if rng.random() < 0.1:
        extra["author"] = [
            {"family": f"Автор{n}", "given": "Иван"} for n in range(rng.randint(4, 9))
        ]
    if rng.random() < 0.1:
        extra["language"] = rng.choice(["de", "ja", "uk", ""])
    if rng.random() < 0.1:
        extra["title"] = item["title"].rstrip(".") + rng.choice(["?", "!", "."])
    # what the styles print since the templates were cut: genre and medium, date ranges,
    # seasons and circa
    if rng.random() < 0.1:
        extra["genre"] = rng.choice(["Monograph", "учебное пособие", "Working paper"])
    if rng.random() < 0.1:
        extra["medium"] = rng.choice(["Audiobook", "Текст : электронный"])
    if rng.random() < 0.1:
        extra["issued"] = {"raw": rng.choice(["2020/2021", "ca. 2019", "Spring 2020", "May 2020"])}
    return {**item, **extra}


def references() -> list[Reference]:
    """The references the snapshot is taken over, always the same ones in the same order."""
    rng = random.Random(16)
    items = generate(300) + [_enriched(item, rng) for item in generate(900, seed=16)]
    refs = [item_to_reference(item) for item in items]
    # BibTeX's "and others" on every 37th reference with authors
    refs = [
        attrs.evolve(ref, extra={**ref.extra, "others": ["author"]})
        if n % 37 == 0 and ref.authors
        else ref
        for n, ref in enumerate(refs)
    ]
    refs += citekit.load(ROOT / "examples" / "japanese-studies-2025-3.json")
    for path in sorted((ROOT / "tests" / "golden").glob("*.json")):
        refs += citekit.load(path)
    refs += citekit.load(ROOT / "tests" / "data" / "apa-english.json")
    return refs


def _cases() -> Iterator[tuple[str, str, dict[str, Any]]]:
    for style_id, variants in STYLES.items():
        for options in variants:
            name = style_id + "".join(f" {k}={v}" for k, v in sorted(options.items()))
            yield name, style_id, options


def outputs(style_id: str, options: dict[str, Any], refs: list[Reference]) -> dict[str, list[str]]:
    """Per output format, each reference's entry, then the whole bibliography as one string."""
    style = get_style(style_id)
    chosen = style.options(**options)
    entries = [style.entry(ref, chosen) for ref in refs]
    found = {}
    for to in FORMATS:
        lines = [render(entry, to) for entry in entries]
        lines.append(citekit.bibliography(refs, style_id, to=to, **options))
        found[to] = lines
    return found


def _digest(lines: list[str]) -> str:
    return hashlib.sha256("\n\x00".join(lines).encode("utf-8")).hexdigest()[:16]


def snapshot(refs: list[Reference]) -> dict[str, list[str]]:
    """``"style options/format"`` → one digest per chunk of entries (the bibliography last)."""
    table = {}
    for name, style_id, options in _cases():
        for to, lines in outputs(style_id, options, refs).items():
            table[f"{name}/{to}"] = [
                _digest(lines[start : start + CHUNK]) for start in range(0, len(lines), CHUNK)
            ]
    return table


@pytest.fixture(scope="module")
def refs() -> list[Reference]:
    return references()


@pytest.mark.parametrize(("name", "style_id", "options"), list(_cases()))
def test_a_style_prints_what_the_snapshot_holds(
    refs: list[Reference], name: str, style_id: str, options: dict[str, Any]
) -> None:
    stored = json.loads(SNAPSHOT.read_text(encoding="utf-8"))
    for to, lines in outputs(style_id, options, refs).items():
        expected = stored[f"{name}/{to}"]
        got = [_digest(lines[start : start + CHUNK]) for start in range(0, len(lines), CHUNK)]
        if got != expected:
            chunk = next(n for n, (a, b) in enumerate(zip(got, expected, strict=True)) if a != b)
            start = chunk * CHUNK
            where = f"reference {refs[start].id} onwards" if start < len(refs) else "bibliography"
            pytest.fail(
                f"{name} as {to}: output differs in chunk {chunk} ({where}): {lines[start]}"
            )


def test_the_snapshot_covers_every_case() -> None:
    stored = json.loads(SNAPSHOT.read_text(encoding="utf-8"))
    assert sorted(stored) == sorted(f"{n}/{to}" for n, _, _ in _cases() for to in FORMATS)


if __name__ == "__main__":
    if sys.argv[1:2] == ["--dump"]:  # every line, to compare two versions with diff
        every = references()
        with open(sys.argv[2], "w", encoding="utf-8") as out:
            for name, style_id, options in _cases():
                for to, lines in outputs(style_id, options, every).items():
                    out.writelines(f"{name}/{to}: {line}\n" for line in lines)
        sys.exit()
    if sys.argv[1:] != ["--update"]:
        sys.exit(__doc__)
    table = snapshot(references())
    SNAPSHOT.write_text(json.dumps(table, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {SNAPSHOT} ({len(table)} cases)")
