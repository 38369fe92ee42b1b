"""English references of every kind with every field set, built by hand over model/kinds.py.

Used by tests/test_apa_differential.py to compare citekit's ``apa`` with citeproc-js running
the official apa.csl. The set is fixed (no randomness): the same references in the same order
on every run, so a difference found once is found every time.

Each kind gets a reference with every field of its class filled with a plain English value,
then the variants that reach the branches one full record cannot: no authors (the title moves
to the author position), editors in the author position, a group author that is also the
publisher, no date with a retrieval date, a journal article with an article number and no
pages, a translated reprint, a content designed to change. Every reference has a year of its
own (and a surname list that differs where two share one), so that neither processor adds
year suffixes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import attrs

from citekit.model import PartialDate, Person, Title
from citekit.model.kinds import KINDS, Kind
from citekit.model.reference import Reference

AUTHORS = (
    Person("Smith", "Jane Anne"),
    Person("Lee", "Su-Jin"),
    Person("King", "Martin Luther", suffix="Jr."),
)
EDITORS = (Person("Brown", "Ann"), Person("Green", "Paul R."))
TRANSLATORS = (Person("Weaver", "Helen"),)
GROUP = Person(literal="World Health Organization")

# Each field's value by name; a field whose name is not here is reported by the test.
VALUES: dict[str, object] = {
    "title": Title("Sleep and memory in adolescence", lang="en"),
    "authors": AUTHORS,
    "editors": EDITORS,
    "translators": TRANSLATORS,
    "accessed": PartialDate(2024, 5, 8),
    "language": "en",
    "doi": "10.1234/abcd.5678",
    "url": "https://example.org/works/1",
    "note": "Paper presented in a special session",
    "changing": False,
    "container_title": Title("Journal of Sleep Research", lang="en"),
    "volume": "12",
    "issue": "3",
    "pages": "101-115",
    "issn": "0028-0836",
    "article_number": "e0123",
    "section": "B",
    "publisher": "Academic Press",
    "place": "New York",
    "edition": "2",
    "collection_title": Title("Methods in Sleep Research", lang="en"),
    "collection_number": "7",
    "number_of_pages": "320",
    "number_of_volumes": "4",
    "isbn": "978-3-16-148410-0",
    "number": "TR-42",
    "genre": "Technical report",
    "medium": "Audiobook",
    "event_title": "Annual Meeting of the Sleep Society",
    "event_place": "Boston",
    "authority": "International Organization for Standardization",
    "jurisdiction": "US",
    "submitted": PartialDate(2019, 6, 1),
    "archive": "National Archives",
    "archive_location": "Box 12, Folder 3",
}
SKIPPED = frozenset({"id", "extra", "issued"})  # set per reference below

# Fields left unset where APA 7 has no element for them in that kind's reference (so that
# apa.csl's guesses do not drown the comparison); docs/styles/apa.md lists them with the reason.
NO_ELEMENT: dict[str, frozenset[str]] = {
    "PeriodicalPart": frozenset({"editors"}),  # an article's editors are the journal's (§9.25)
    "WebArticle": frozenset({"editors", "publisher"}),  # author, date, title, site, URL (§10.16)
    "Report": frozenset({"editors"}),
    "Thesis": frozenset({"editors", "edition", "volume"}),  # §10.6
    "Standard": frozenset({"editors"}),
    "Patent": frozenset({"editors", "genre"}),  # a patent is its number (APA Style: patents)
    "Manuscript": frozenset({"editors"}),
    "Legislation": frozenset({"editors"}),
}

# A container's title in the host's own words, where "Journal of …" would read oddly.
CONTAINERS = {
    "chapter": "Handbook of Sleep Research",
    "entry": "Encyclopedia of Sleep",
    "entry-dictionary": "Dictionary of Psychology",
    "entry-encyclopedia": "Encyclopedia of Sleep",
    "conference-paper": "Proceedings of the Annual Meeting of the Sleep Society",
    "magazine-article": "Scientific American",
    "newspaper-article": "The New York Times",
    "web-article": "Sleep Foundation",
    "legislation": "Federal Register",
    "bill": "Congressional Record",
    "regulation": "Federal Register",
    "treaty": "United Nations Treaty Series",
    "legal-case": "Federal Reporter",
}
GENRES = {
    "thesis": "Doctoral dissertation",
    "standard": "International standard",
    "manuscript": "Unpublished manuscript",
}


def _full(kind: Kind) -> dict[str, Any]:
    values: dict[str, Any] = {}
    unset = set().union(
        *(NO_ELEMENT.get(base.__name__, ()) for base in kind.shape.__mro__)  # type: ignore[arg-type]
    )
    for name in kind.fields:
        if name in SKIPPED or name in unset:
            continue
        values[name] = VALUES[name]
    if kind.name in CONTAINERS and "container_title" in values:
        values["container_title"] = Title(CONTAINERS[kind.name], lang="en")
    if kind.name in GENRES and "genre" in values:
        values["genre"] = GENRES[kind.name]
    return values


def _variants(kind: Kind) -> Iterator[tuple[str, dict[str, Any]]]:
    """(variant name, values) for ``kind``: the full record, then the branches."""
    full = _full(kind)
    yield "full", full
    yield "no-author", {**full, "authors": (), "editors": ()}
    if "editors" in full:
        yield "edited", {**full, "authors": ()}
    group = {"publisher": GROUP.literal} if "publisher" in full else {}
    yield "group", {**full, "authors": (GROUP,), **group}
    # an author of its own: two undated works by one author would get n.d.-a, n.d.-b
    undated_author = Person(kind.name.title().replace("-", ""), "Ann")
    yield "undated", {k: v for k, v in full.items() if k != "doi"} | {"authors": (undated_author,)}
    yield "changing", {**full, "doi": None, "changing": True, "authors": AUTHORS[1:2]}
    if "article_number" in full:
        yield "article-number", {**full, "pages": None, "authors": AUTHORS[2:]}
    if "translators" in full:
        yield (
            "reprint",
            {**full, "authors": AUTHORS[:2], "extra": {"original-date": {"date-parts": [[1966]]}}},
        )
    if "event_title" in full:  # a paper given at a conference and not published (§10.5)
        yield (
            "presentation",
            {
                "title": full["title"],
                "authors": AUTHORS[:1],
                "event_title": full["event_title"],
                "event_place": full["event_place"],
            },
        )
    yield "minimal", {"title": full["title"], "authors": AUTHORS[:1]}


def _dated(variant: str, values: dict[str, Any], year: int) -> dict[str, Any]:
    if variant == "undated":
        values = {k: v for k, v in values.items() if k != "submitted"}
        return {**values, "issued": None}
    issued = PartialDate(year, 3, 14)
    if values.get("submitted") is not None:
        values = {**values, "submitted": PartialDate(year - 1, 6, 1)}
    if values.get("accessed") is not None:
        values = {**values, "accessed": PartialDate(2025, 5, 8)}
    return {**values, "issued": issued}


def references(keep: Callable[[Kind], bool] = lambda kind: True) -> list[Reference]:
    """Every kind's references, in the order of the kinds table; ids ``KIND-VARIANT``.

    >>> refs = references()
    >>> refs[0].id, refs[0].kind, refs[0].issued.year
    ('journal-article-full', 'journal-article', 1600)
    """
    found: list[Reference] = []
    for kind in KINDS:
        if not keep(kind):
            continue
        for variant, values in _variants(kind):
            values = _dated(variant, values, 1600 + len(found))
            found.append(kind.cls(id=f"{kind.name}-{variant}", **values))
    return found


def unset_fields(refs: list[Reference]) -> dict[str, set[str]]:
    """Kind name → the fields of that kind no reference in ``refs`` sets, other than those
    :data:`NO_ELEMENT` leaves out (empty: every field is covered)."""
    unset: dict[str, set[str]] = {}
    for kind in KINDS:
        mine = [r for r in refs if r.kind == kind.name]
        left_out = set().union(*(NO_ELEMENT.get(b.__name__, ()) for b in kind.shape.__mro__))
        unset[kind.name] = {
            f.name
            for f in attrs.fields(kind.shape)
            if f.name not in ("id", "extra", "changing")
            and f.name not in left_out
            and all(getattr(r, f.name) in (None, ()) for r in mine)
        }
    return unset
