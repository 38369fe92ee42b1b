"""The shipped corpus through four CSL styles: every item prints its year, ranges included,
the styles differ, and numbered styles number ``format``'s entries as their bibliography."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

import citekit

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "japanese-studies-2025-3.json"


STYLES = ["csl:chicago-author-date", "csl:ieee", "csl:vancouver", "csl:harvard-cite-them-right"]
NUMBERED = ["csl:ieee", "csl:vancouver"]


_YEARS = {
    item["id"]: str(item["issued"]["date-parts"][0][0])
    for item in json.loads(EXAMPLE.read_text(encoding="utf-8"))
}


def _year(ref: citekit.Reference) -> str:
    return _YEARS[ref.id]


@pytest.mark.parametrize("style", STYLES)
def test_every_item_prints_its_year(style: str, example_refs: list[citekit.Reference]) -> None:
    assert len(example_refs) == 12
    entries = [citekit.format(ref, style) for ref in example_refs]
    for ref, entry in zip(example_refs, entries, strict=True):
        assert _year(ref) in entry, (ref.id, entry)
    listed = citekit.bibliography(example_refs, style).splitlines()
    assert len(listed) == 12
    for ref in example_refs:
        assert any(_year(ref) in line for line in listed), ref.id


@pytest.mark.parametrize("style", STYLES)
def test_date_ranges_print_a_year(style: str, example_refs: list[citekit.Reference]) -> None:
    by_id = {ref.id: ref for ref in example_refs}
    # issued April-June 2025 and May-December 2024
    assert citekit.format(by_id["ichihara2025"], style).count("2025") >= 1
    assert "2024" in citekit.format(by_id["smith2024"], style)


def test_the_four_styles_differ(example_refs: list[citekit.Reference]) -> None:
    outputs = {style: citekit.bibliography(example_refs, style) for style in STYLES}
    assert len(set(outputs.values())) == len(STYLES)
    for ref in example_refs:
        entries = {citekit.format(ref, style) for style in STYLES}
        assert len(entries) == len(STYLES), ref.id


@pytest.mark.parametrize("style", NUMBERED)
def test_numbered_format_numbers_as_the_bibliography(
    style: str, example_refs: list[citekit.Reference]
) -> None:
    listed = citekit.bibliography(example_refs, style).splitlines()
    label = re.compile(r"^\[?(\d+)[\].]?\s")
    numbers = [int(m.group(1)) for m in map(label.match, listed) if m]
    assert numbers == list(range(1, 13))
    entries = citekit.format_many(example_refs, style)
    entry_numbers = sorted(int(m.group(1)) for m in map(label.match, entries) if m)
    assert entry_numbers == list(range(1, 13)), entries
    # the same entries, only in the order given
    assert sorted(entries) == sorted(listed)
    # alone, an entry is the first of its list
    assert citekit.format(example_refs[5], style).startswith(("[1]", "1."))


def test_numbered_format_on_the_command_line() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "citekit", "format", str(EXAMPLE), "--style", "csl:ieee"],
        capture_output=True,
        text=True,
        check=True,
    )
    labels = [line.split(" ", 1)[0] for line in result.stdout.splitlines()]
    assert labels == [f"[{n}]" for n in range(1, 13)]
