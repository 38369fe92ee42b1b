"""One entry per work when a run is given the same reference twice.

``citekit format a.json b.json`` and ``citekit.load(["a.json", "b.json"])`` read several
files into one list, and a file may hold a work twice under two ids. A reference is the same
as one read before it when it has the same ``id`` and is the same work, or when it has the
same DOI (compared case-insensitively, whatever its id). The FIRST copy is kept, in its
place; each later one is dropped with a :class:`DuplicateReferenceWarning` naming both
places (``b.json:4: smith2020: the same reference as a.json:1 (same DOI 10.1/x); kept
once``), so the work is listed and cited once (not ``1992a`` and ``1992b``).

Two different works under one id (different DOIs, or different titles or years) are not
merged: both are kept and the warning says so, since dropping either would lose a work.
(A file that repeats an id is refused by its reader, where the format has ids: CSL-JSON,
BibTeX, JATS.)

>>> from citekit.model import Book
>>> import warnings
>>> a, b = Book(id="a", doi="10.1/X"), Book(id="b", doi="10.1/x")
>>> with warnings.catch_warnings(record=True) as seen:
...     warnings.simplefilter("always")
...     kept = unique([("one.json", [a]), ("two.json", [b])])
>>> [ref.id for ref in kept]
['a']
>>> print(seen[0].message)
two.json: b: the same reference as one.json (same DOI 10.1/x, there a); kept once (the first)
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterable, Sequence
from pathlib import Path

from citekit.errors import CitekitError, DataLossWarning
from citekit.model.reference import Reference

__all__ = ["DuplicateReferenceWarning", "unique"]


class DuplicateReferenceWarning(DataLossWarning):
    """A reference given twice in one run: the later copy was dropped (or, for two different
    works under one id, both kept); the message names both places."""


_Seen = tuple[str | None, Reference]
"""Where a kept reference came from (its file's name) and the reference."""


def unique(sources: Iterable[tuple[str | None, Sequence[Reference]]]) -> list[Reference]:
    """The references of ``sources`` (each a file's name, or None, and what was read from it)
    in order, each work once: the first copy kept, each later one warned of and dropped."""
    kept: list[Reference] = []
    by_id: dict[str, _Seen] = {}
    by_doi: dict[str, _Seen] = {}
    lines: dict[str, dict[str, int]] = {}  # by file: each id's line, found when first needed
    for name, refs in sources:
        for ref in refs:
            doi = ref.doi.casefold() if ref.doi else None
            first = by_id.get(ref.id)
            if first is not None:
                why = _differs(first[1], ref)
                if why is None:
                    _warn(name, ref, first, "same id", "kept once (the first)", lines)
                    continue
                _warn(name, ref, first, f"same id, but {why}", "a different work: both kept", lines)
            elif doi is not None and doi in by_doi:
                _warn(name, ref, by_doi[doi], f"same DOI {ref.doi}", "kept once (the first)", lines)
                continue
            by_id.setdefault(ref.id, (name, ref))
            if doi is not None:
                by_doi.setdefault(doi, (name, ref))
            kept.append(ref)
    return kept


def _differs(first: Reference, later: Reference) -> str | None:
    """None when ``later`` is the same work as ``first``; else what sets them apart."""
    if first == later:
        return None
    if first.doi and later.doi:
        return None if first.doi.casefold() == later.doi.casefold() else "another DOI"
    if _title(first) != _title(later):
        return "another title"
    if (first.issued and first.issued.year) != (later.issued and later.issued.year):
        return "another year"
    if type(first) is not type(later):
        return "another kind of work"
    return None


def _title(ref: Reference) -> str:
    return " ".join(ref.title.original.casefold().split()) if ref.title else ""


def _warn(
    name: str | None,
    ref: Reference,
    first: _Seen,
    why: str,
    what: str,
    lines: dict[str, dict[str, int]],
) -> None:
    here = _place(name, ref, lines)
    there = _place(first[0], first[1], lines)
    if first[1].id != ref.id:
        why += f", there {first[1].id}"
    message = f"{here}: {ref.id}: the same reference as {there} ({why}); {what}"
    if what.startswith("a different work"):
        message = (
            f"{here}: {ref.id}: the id is also that of {there} ({why}); {what}: "
            "give one of them another id"
        )
    warnings.warn(DuplicateReferenceWarning(message), stacklevel=4)


def _place(name: str | None, ref: Reference, lines: dict[str, dict[str, int]]) -> str:
    """``file:line`` of ``ref`` (the line found again in the file), or the file alone."""
    if name is None:
        return "<input>"
    if name not in lines:
        lines[name] = _lines(name)
    line = lines[name].get(ref.id)
    return name if line is None else f"{name}:{line}"


_STARTS = (
    re.compile(r"^\s*@\w+\s*[{(]\s*([^,\s]+)\s*,", re.MULTILINE),  # BibTeX: the entry's line
    re.compile(r"^[-\s]*id:\s*['\"]?(.*?)['\"]?\s*$", re.MULTILINE),  # YAML: the id's line
)


def _lines(name: str) -> dict[str, int]:
    """The line each reference id of the file ``name`` starts on, as the readers' errors give
    it (read again, once per file, and only when the file has a duplicate); empty for a
    stream or a format whose ids are not in the text."""
    try:
        text = Path(name).read_text(encoding="utf-8-sig", errors="replace")
    except (OSError, ValueError):
        return {}
    found: dict[str, int] = {}
    if text.lstrip()[:1] in ("[", "{"):  # JSON: the line the item starts on
        from citekit.io.csljson import _items

        try:
            items = _items(text)
        except CitekitError:
            items = []
        for number, (line, item) in enumerate(items, 1):
            if isinstance(item, dict):
                found.setdefault(str(item.get("id") or f"item-{number}"), line)
        return found
    if re.search(r"^TY  -", text, re.MULTILINE):  # RIS: the record's TY line
        start = records = 0
        for number, row in enumerate(text.splitlines(), 1):
            if row.startswith("TY  -"):
                start, records = number, records + 1
                found.setdefault(f"ris-{records}", number)  # the id of a record without ID
            elif row.startswith("ID  -"):
                found.setdefault(row[5:].strip(), start or number)
        return found
    for pattern in _STARTS:
        for match in pattern.finditer(text):
            found.setdefault(match[1], text.count("\n", 0, match.start()) + 1)
    return found
