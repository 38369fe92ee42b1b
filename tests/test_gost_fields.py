"""docs/styles/gost.md, "Field by field", against what citekit's ``gost`` prints (#17).

The doc's table names, for each element of GOST R 7.0.100-2018's description, the kinds it
applies to, what citekit prints (in backticks: text that must be in the line; "as stored": the
fields' own values must be in it) or "not printed" (the fields' values must not be in it), and
the fields it comes from (a remark in parentheses at the end of a cell is not checked). The
references are tests/gost_references.py: one per kind, every field of its class set. So the
doc cannot say a thing is printed that is not, or leave a field of a kind undescribed, and
the examples pasted in the doc are the lines citekit writes.
"""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass
from pathlib import Path

import attrs
import pytest

import citekit
from citekit.model import PartialDate, Person, Title
from citekit.model.reference import Reference
from gost_references import REFERENCES

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "styles" / "gost.md"
SECTION = "## Field by field"

GROUPS = {
    "*all*": frozenset(REFERENCES),
    "*books*": frozenset({"book", "map", "musical-score", "song", "motion-picture", "software"}),
    "*parts*": frozenset(
        {"journal-article", "newspaper-article", "chapter", "conference-paper", "web-article"}
    ),
}
"""The groups the doc's kinds column may name (its legend says the same)."""


@dataclass(frozen=True)
class Row:
    element: str
    clause: str
    kinds: frozenset[str]
    printed: str
    fields: tuple[str, ...]

    @property
    def not_printed(self) -> bool:
        return self.printed.startswith("not printed")

    @property
    def fragments(self) -> list[str]:
        """The quoted text that must be in the line; a closing remark in parentheses
        (``(GOST declines the names, `С. С. Сидорова` …)``) is not part of it."""
        said = re.sub(r" \((?:[^`()]|`[^`]*`)*\)$", "", self.printed)
        return re.findall(r"`([^`]+)`", said)


def _ticked(cell: str) -> list[str]:
    return re.findall(r"`([^`]+)`", cell)


def _section() -> str:
    text = DOC.read_text(encoding="utf-8")
    assert SECTION in text, f"{DOC} has no {SECTION!r} section"
    return text.split(SECTION, 1)[1].split("\n## ", 1)[0]


def rows() -> list[Row]:
    """The element table of the section."""
    found = []
    for line in _section().splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) != 5 or cells[0] in ("element", "") or set(cells[0]) <= {"-"}:
            continue
        element, clause, kinds_cell, printed, fields_cell = cells
        kinds = set(_ticked(kinds_cell))
        for group, members in GROUPS.items():
            if group in kinds_cell:
                kinds |= members
        unknown = kinds - set(REFERENCES)
        assert not unknown, (element, unknown)
        found.append(Row(element, clause, frozenset(kinds), printed, tuple(_ticked(fields_cell))))
    return found


def examples() -> dict[str, str]:
    """The pasted lines: ``- `kind`: line``."""
    found = {}
    for line in _section().splitlines():
        match = re.match(r"^- `([a-z-]+)`: (.+)$", line)
        if match:
            found[match[1]] = match[2]
    return found


def line(kind: str) -> str:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # check's notes on fields a style does not print
        return citekit.format(REFERENCES[kind], "gost")


def stored(ref: Reference, field: str) -> str | None:
    """A field's own text, where it is long enough to tell apart in a line (a volume "3" is
    not); names and dates are checked through the fragments the doc quotes."""
    value = getattr(ref, field)
    if isinstance(value, Title):
        value = value.original
    if isinstance(value, (PartialDate, bool, tuple, Person)) or value is None:
        return None
    text = str(value)
    return text if len(text) >= 4 else None


ROWS = rows()


def test_the_section_is_there_and_covers_every_kind() -> None:
    assert ROWS, "no element rows"
    assert set(examples()) == set(REFERENCES)
    covered = set().union(*(row.kinds for row in ROWS))
    assert covered == set(REFERENCES)


@pytest.mark.parametrize("kind", sorted(REFERENCES))
def test_the_pasted_example_is_citekits_line(kind: str) -> None:
    assert examples()[kind] == line(kind)


@pytest.mark.parametrize("kind", sorted(REFERENCES))
def test_every_field_of_the_kind_is_described(kind: str) -> None:
    fields = {f.name for f in attrs.fields(type(REFERENCES[kind]))} - {"id", "extra"}
    described = {f for row in ROWS if kind in row.kinds for f in row.fields}
    assert fields - described == set(), f"{kind}: fields the doc does not describe"
    unknown = {f for row in ROWS if kind in row.kinds for f in row.fields} - fields
    assert unknown == set(), f"{kind}: the doc names fields the kind does not have"


@pytest.mark.parametrize("row", ROWS, ids=[f"{r.element}-{r.clause}" for r in ROWS])
def test_each_element_is_printed_as_the_doc_says(row: Row) -> None:
    for kind in sorted(row.kinds):
        ref = REFERENCES[kind]
        text = line(kind)
        values = [v for f in row.fields if (v := stored(ref, f)) is not None]
        if row.not_printed:
            for value in values:
                assert value not in text, (row.element, kind, value)
            continue
        assert row.fragments or "as stored" in row.printed, row.element
        for fragment in row.fragments:
            assert fragment in text, (row.element, kind, fragment)
        if "as stored" in row.printed:
            for value in values:
                assert value in text, (row.element, kind, value)


def test_a_row_that_is_not_printed_says_why() -> None:
    for row in ROWS:
        if row.not_printed:
            assert len(row.printed) > len("not printed: ") + 10, row.element
