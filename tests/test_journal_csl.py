"""The journal formats as CSL files for Zotero (``styles/*.csl``, issue #20).

Each file is rendered with citeproc-js under node (the processor Zotero runs; one node
process per style and batch) and with citekit's CSL engine (``csl:NAME``), and every line is
compared with citekit's native style: equal, or a difference listed in ``KNOWN`` with its
reason (docs/styles/zotero.md has the same list). A new, unlisted difference fails, and so
does a listed one on the corpus that no longer happens.

The records are what an author's Zotero holds: the CSL-JSON item without Juris-M ``multi``
fields. For the English line the record is the English description (CSL cannot
transliterate or translate): Latin names, the English title or its transliteration, the
journal's English title, the original title in ``original-title``.
"""

from __future__ import annotations

import os
import re
import subprocess
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

import citekit
from citekit.io.csljson import item_to_reference, reference_to_item
from citekit.model import NewspaperArticle, PeriodicalPart, Person, Reference, WebArticle
from citekit.names import latin_form
from citekit.script import has_cyrillic, is_cyrillic
from citekit.styles.forms import english_text, work_language
from citekit.styles.ordering import russian_list_key
from citekit.styles.terms import english_place
from citekit.translit import transliterate
from citeproc_js import CITEPROC_JS, LOCALES, NODE, SCRIPT, needs_citeproc_js, run_citeproc_js
from strategies import journal_references

ROOT = Path(__file__).resolve().parents[1]
STYLES = ROOT / "csl-styles"
CORPUS = ROOT.parent / "shared" / "corpus" / "japanese-studies-2025-3.json"
needs_corpus = pytest.mark.skipif(not CORPUS.is_file(), reason="../shared/corpus is absent")


@dataclass(frozen=True)
class Case:
    native: str
    english: bool = False
    numbered: bool = False


CASES = {
    "elpub-en": Case("elpub", english=True),
    "elpub-ru": Case("elpub-ru"),
    "gost-r-7-0-100-2018": Case("gost", numbered=True),
    "gost-r-7-0-100-2018-alphabetical": Case("gost", numbered=True),
}
GOST = {"gost-r-7-0-100-2018", "gost-r-7-0-100-2018-alphabetical"}
ENGINES = ("citeproc-js", "citekit")


# -- the known differences --------------------------------------------------------------------

MONTHS = "January February March April May June July August September October November December"
GENITIVE = "января февраля марта апреля мая июня июля августа сентября октября ноября декабря"
_MONTH = dict(zip(MONTHS.split(), GENITIVE.split(), strict=True))


def _latin_source(ref: Reference) -> bool:
    title = ref.title.original if ref.title else ""
    return bool(title) and not is_cyrillic(title)


def _russian_terms(line: str) -> str:
    """A Latin-script source's GOST line with the Russian terms the CSL file prints."""
    line = re.sub(r"– Vol\. ", "– Т. ", line)
    line = re.sub(r"(– |, )no\. ", r"\1№ ", line)
    line = re.sub(r"– P\. ", "– С. ", line)
    line = line.replace("[et al.]", "[и др.]").replace("[S. l.]", "[Б. м.]")
    line = line.replace(" / edited by ", " / под редакцией ")
    line = re.sub(rf"– ({'|'.join(_MONTH)}) (\d+)\.", lambda m: f"– {m[2]} {_MONTH[m[1]]}.", line)
    return re.sub(rf"– ({'|'.join(_MONTH)})\.", lambda m: f"– {_MONTH[m[1]]}.", line)


def _heading(person: Person) -> str:
    family, _, initials, _, _ = person.as_written
    return f"{family}, {' '.join(initials)}" if initials else family


def _month_without_day(ref: Reference) -> bool:
    return ref.issued is not None and ref.issued.month is not None and ref.issued.day is None


def _prints_day_month(ref: Reference) -> bool:
    """Where the GOST files print the issue's day and month (the native style likewise)."""
    if isinstance(ref, WebArticle | NewspaperArticle):
        return True
    return isinstance(ref, PeriodicalPart) and not ref.volume and not ref.issue


def _with_month(ref: Reference, line: str) -> str:
    """The Russian month in the genitive after the host's year: ``– 1931. – февраля.``"""
    assert ref.issued is not None
    assert ref.issued.month is not None
    month = GENITIVE.split()[ref.issued.month - 1]
    head, host = line.split(" // ", 1)
    year = f"– {ref.issued.year}."
    return f"{head} // {host.replace(year, f'{year} – {month}.', 1)}"


@dataclass(frozen=True)
class Known:
    """A listed difference: which styles and engines, the reason, when it applies, and how the
    native line becomes the CSL line (so that only this difference is excused)."""

    styles: frozenset[str]
    reason: str
    applies: Callable[[Reference], bool]
    rewrite: Callable[[Reference, str], str]
    engines: frozenset[str] = field(default=frozenset(ENGINES))


def _quotes(style: str) -> Callable[[Reference, str], str]:
    outer = ("“", "”") if style == "elpub-en" else ("«", "»")
    return lambda ref, line: re.sub(r"‘([^‘’]*)’", rf"{outer[0]}\1{outer[1]}", line)


def _record_imprint(ref: Reference, line: str) -> str:
    """The native English line with the record's own place and publisher, as CSL prints them."""
    for value, written in (
        (getattr(ref, "place", None), english_place),
        (getattr(ref, "publisher", None), transliterate),
    ):
        if value:
            latin = written(value)
            # the apostrophe of a soft sign may already be typographic (another listed rewrite)
            for form in (latin, latin.replace("'", "’")):
                line = line.replace(form, value, 1)
    return line


KNOWN: dict[str, Known] = {
    "typographic-apostrophe": Known(
        frozenset(CASES),
        "both CSL processors typeset a straight apostrophe in field text as ’ (Japan’s); "
        "citekit's native styles and the journal keep the record's character (Japan's)",
        lambda ref: True,
        lambda ref, line: re.sub(r"(?<=[\w’\"'])'", "’", line),
    ),
    "gost-month-without-day": Known(
        frozenset(GOST),
        "a Cyrillic source dated by year and month only: citekit prints no day and month "
        "(GOST gives a dated issue as `16 апреля`); CSL cannot test whether the day is known, "
        "so the files print the month alone (`– 1931. – февраля.`)",
        lambda ref: _month_without_day(ref) and _prints_day_month(ref) and not _latin_source(ref),
        _with_month,
    ),
    "english-imprint": Known(
        frozenset({"elpub-en"}),
        "a Cyrillic place or publisher: the native English line writes the place in English and "
        "the publisher transliterated (`Moscow: Gnozis`); CSL can do neither, so the file prints "
        "the record's own (`Москва: Гнозис`): the record for the English line should hold them",
        lambda ref: any(has_cyrillic(getattr(ref, f, None) or "") for f in ("place", "publisher")),
        _record_imprint,
    ),
    "access-date-without-day": Known(
        frozenset(CASES),
        "an access date without its day: citekit writes it as ISO 8601 (2025-04), the CSL "
        "files as the date parts they have, day.month.year style (04.2025); CSL cannot test "
        "whether the day is known",
        lambda ref: getattr(ref, "accessed", None) is not None and ref.accessed.day is None,  # type: ignore[attr-defined]
        lambda ref, line: re.sub(
            r"(дата обращения: |accessed )(\d{4})-(\d{2})\)", r"\1\3.\2)", line
        ),
    ),
    **{
        f"field-quotes-{style}": Known(
            frozenset({style}),
            "citekit's CSL engine reads ‘…’ in field text as quotation marks and writes the "
            "locale's (“…” in English, «…» in Russian); citeproc-js, like the native style, "
            "keeps them",
            lambda ref: True,
            _quotes(style),
            engines=frozenset({"citekit"}),
        )
        for style in CASES
    },
    "gost-latin-terms": Known(
        frozenset(GOST),
        "GOST describes a Latin-script source in its language (Vol., no., P., [et al.], "
        "[S. l.], April 6); CSL 1.0.2 cannot choose terms by the item's language, so the file "
        "prints the Russian ones (Т., №, С., [и др.], [Б. м.], 6 апреля)",
        _latin_source,
        lambda ref, line: _russian_terms(line),
    ),
    "gost-heading-four-or-more": Known(
        frozenset(GOST),
        "GOST gives no heading to a work of four or more authors (it starts with the title); "
        "CSL cannot count names in a condition, so the file puts the first author in the "
        "heading",
        lambda ref: len(ref.authors) > 3,
        lambda ref, line: f"{_heading(ref.authors[0])} {line}",
    ),
}

# Which corpus lines differ, and why: (style, engine, item id) -> the KNOWN entries it needs.
_LATIN_ITEMS = ("akimoto2022", "cha2025", "gammon2025", "ichihara2025", "langel2025", "pajon2025")
CORPUS_DIFFERENCES: dict[tuple[str, str, str], set[str]] = {
    **{
        (style, engine, item): {"gost-latin-terms"}
        for style in GOST
        for engine in ENGINES
        for item in (*_LATIN_ITEMS, "smith2024")
    },
    **{
        ("elpub-en", engine, item): {"typographic-apostrophe"}
        for engine in ENGINES
        for item in ("kistanov2025", "kaspe2025", "kistanov2024", "trenin2025")
    },
    **{
        (style, "citekit", "langel2025"): {f"field-quotes-{style}"}
        | ({"gost-latin-terms"} if style in GOST else set())
        for style in CASES
    },
}


def explain(style: str, engine: str, ref: Reference, native: str) -> tuple[str, list[str]]:
    """The native line with every listed difference that applies made, and their names."""
    used = []
    for name, known in KNOWN.items():
        if style in known.styles and engine in known.engines and known.applies(ref):
            rewritten = known.rewrite(ref, native)
            if rewritten != native:
                used.append(name)
                native = rewritten
    return native, used


# -- the records and the two engines ---------------------------------------------------------


def _lost(ref: Reference, what: str, why: str) -> None:
    """Nothing the comparison needs is lost; what the writer drops is not printed by either."""


def record(ref: Reference, english: bool) -> dict[str, Any]:
    """The CSL-JSON item an author's Zotero holds for ``ref`` (for the English line: its
    English description, as docs/styles/zotero.md asks)."""
    item = reference_to_item(ref, _lost)
    item.pop("multi", None)
    if not english:
        return item
    for role in ("author", "editor"):
        people = getattr(ref, "authors" if role == "author" else "editors", ())
        if people:
            item[role] = [_latin_name(p) for p in people]
    if ref.title is not None:
        item["title"] = english_text(ref.title, "bsi")
        if work_language(ref) == "ru":
            item["original-title"] = ref.title.original
    container = getattr(ref, "container_title", None)
    if container is not None:
        item["container-title"] = english_text(container, "bsi")
    return item


def _latin_name(person: Person) -> dict[str, str]:
    if person.is_organisation:
        return {"literal": latin_form(person, "bsi").family}
    form = latin_form(person, "bsi")
    return {"family": form.family, "given": form.given or ""}


def citeproc_js(style: str, items: list[dict[str, Any]]) -> list[tuple[str, str]]:
    """(id, line) in bibliography order, from one node process; fails on any error."""
    return [(entry_id, line) for entry_id, line in run_journal_style(style, items)["entries"]]


def run_journal_style(style: str, items: list[dict[str, Any]]) -> dict[str, Any]:
    """citeproc-js's whole answer for one of the journal's CSL files."""
    return run_citeproc_js(STYLES / f"{style}.csl", items)


def citekit_csl(style: str, item: dict[str, Any]) -> str:
    return citekit.format(item_to_reference(item), f"csl:{style}")


_NUMBER = re.compile(r"^(\d+)\. ")


def unnumbered(line: str) -> tuple[int | None, str]:
    found = _NUMBER.match(line)
    return (int(found[1]), line[found.end() :]) if found else (None, line)


def differences(style: str, refs: list[Reference]) -> dict[tuple[str, str], tuple[str, str]]:
    """(engine, id) -> (native line, CSL line) for every line that differs; the numbering of
    numbered styles is checked here and taken off."""
    case = CASES[style]
    items = [record(ref, case.english) for ref in refs]
    by_id = {ref.id: ref for ref in refs}
    native = {ref.id: citekit.format(ref, case.native) for ref in refs}
    lines: dict[str, list[tuple[str, str]]] = {
        "citeproc-js": citeproc_js(style, items),
        "citekit": [(item["id"], citekit_csl(style, item)) for item in items],
    }
    found = {}
    for engine, entries in lines.items():
        assert sorted(i for i, _ in entries) == sorted(by_id), engine
        for position, (ref_id, line) in enumerate(entries, start=1):
            number, text = unnumbered(line) if case.numbered else (None, line)
            if case.numbered:
                expected = position if engine == "citeproc-js" else 1
                assert number == expected, (engine, line)
            if text != native[ref_id]:
                found[engine, ref_id] = (native[ref_id], text)
    return found


# -- the files themselves --------------------------------------------------------------------


def test_the_four_files_are_there_with_their_info() -> None:
    from lxml import etree

    ns = {"c": "http://purl.org/net/xbiblio/csl"}
    for style in CASES:
        root = etree.parse(str(STYLES / f"{style}.csl")).getroot()
        assert root.get("version") == "1.0", style
        assert root.findtext("c:info/c:id", namespaces=ns) == f"urn:citekit:style:{style}"
        rights = root.find("c:info/c:rights", ns)
        assert rights is not None, style
        assert rights.get("license") == "http://creativecommons.org/licenses/by-sa/3.0/"
        assert root.find("c:info/c:link[@rel='documentation']", ns) is not None, style
        comments = [c.text for c in root.iter(etree.Comment)]
        assert any("CSL 1.0.2 cannot" in (c or "") for c in comments), style


CSL_RNG = os.environ.get("CITEKIT_CSL_RNG")


@pytest.mark.skipif(
    not CSL_RNG,
    reason="the CSL 1.0.2 schema is not in the repository: set CITEKIT_CSL_RNG to csl.rng, "
    "made from the schema repository's schemas/styles/csl.rnc with "
    "`trang -I rnc -O rng csl.rnc csl.rng`",
)
def test_the_four_files_are_valid_csl_1_0_2() -> None:
    from lxml import etree

    schema = etree.RelaxNG(etree.parse(str(CSL_RNG)))
    for style in CASES:
        valid = schema.validate(etree.parse(str(STYLES / f"{style}.csl")))
        assert valid, (style, str(schema.error_log))
    assert not schema.validate(
        etree.fromstring(b'<style xmlns="http://purl.org/net/xbiblio/csl"/>')
    )


def test_the_known_differences_are_documented() -> None:
    doc = (ROOT / "docs" / "styles" / "zotero.md").read_text(encoding="utf-8")
    for name in KNOWN:
        assert f"`{re.sub(r'^field-quotes-.*', 'field-quotes-<style>', name)}`" in doc, name


# -- the corpus ------------------------------------------------------------------------------


@needs_citeproc_js
@needs_corpus
@pytest.mark.parametrize("style", sorted(CASES))
def test_corpus_lines_equal_the_native_style_or_a_listed_difference(style: str) -> None:
    refs = list(citekit.load(CORPUS))
    found = differences(style, refs)
    by_id = {ref.id: ref for ref in refs}
    listed = {(e, i): names for (s, e, i), names in CORPUS_DIFFERENCES.items() if s == style}
    assert set(found) == set(listed), (
        "unlisted or vanished differences",
        {k: v for k, v in found.items() if k not in listed},
        sorted(set(listed) - set(found)),
    )
    for (engine, ref_id), (native, line) in found.items():
        explained, used = explain(style, engine, by_id[ref_id], native)
        assert set(used) == listed[engine, ref_id], (engine, ref_id)
        assert explained == line, (engine, ref_id)


@needs_citeproc_js
@needs_corpus
def test_the_english_line_of_the_seed_article_is_the_journals() -> None:
    expected = ROOT.parent / "shared" / "corpus" / "japanese-studies-2025-3.elpub.expected"
    seed = next(iter(citekit.load(CORPUS)))
    journal = expected.read_text(encoding="utf-8").splitlines()[0]
    [(_, line)] = citeproc_js("elpub-en", [record(seed, english=True)])
    assert line == KNOWN["typographic-apostrophe"].rewrite(seed, journal)
    assert line == citekit_csl("elpub-en", record(seed, english=True))


@needs_citeproc_js
@needs_corpus
def test_gost_lists_order_as_the_native_style() -> None:
    refs = list(citekit.load(CORPUS))
    entries = citeproc_js("gost-r-7-0-100-2018-alphabetical", [record(r, False) for r in refs])
    ordered = sorted(refs, key=russian_list_key)
    assert [i for i, _ in entries] == [r.id for r in ordered]
    assert entries[0][1].startswith("1. Каспе")  # Cyrillic first
    for style, order in (
        ("gost-r-7-0-100-2018-alphabetical", ordered),
        ("gost-r-7-0-100-2018", refs),
    ):
        lines = citekit.bibliography(refs, f"csl:{style}").splitlines()
        expected = [f"{n}. {_heading(r.authors[0])} " for n, r in enumerate(order, start=1)]
        assert [line[: len(e)] for line, e in zip(lines, expected, strict=True)] == expected


@needs_citeproc_js
@needs_corpus
@pytest.mark.parametrize("style", sorted(CASES))
def test_citations_are_the_bibliography_numbers(style: str) -> None:
    refs = list(citekit.load(CORPUS))
    out = run_journal_style(style, [record(r, CASES[style].english) for r in refs])
    position = {entry[0]: n for n, entry in enumerate(out["entries"], start=1)}
    assert out["citations"] == [f"[{position[r.id]}]" for r in refs]


@needs_citeproc_js
def test_citeproc_js_reports_a_broken_style(tmp_path: Path) -> None:
    broken = tmp_path / "broken.csl"
    broken.write_text("<style", encoding="utf-8")
    done = subprocess.run(
        [NODE or "node", str(SCRIPT), str(CITEPROC_JS), str(broken), str(LOCALES)],
        input="[]",
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode != 0


@needs_citeproc_js
def test_citekit_engine_keeps_hard_signs_apart() -> None:
    item = {
        "id": "hard",
        "type": "article-journal",
        "title": 'Ob"yom i ob"yavlenie',
        "container-title": "Zhurnal",
        "issued": {"date-parts": [[2020]]},
    }
    [(_, zotero)] = citeproc_js("elpub-en", [item])
    assert zotero == 'Ob"yom i ob"yavlenie. Zhurnal. 2020.'  # BSI's ъ inside words stays
    assert citekit_csl("elpub-en", item) == zotero


# -- generated references --------------------------------------------------------------------

GENERATED = 25


@needs_citeproc_js
@pytest.mark.parametrize("style", sorted(CASES))
@settings(
    max_examples=4,
    derandomize=True,
    deadline=None,
    phases=[Phase.generate],
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(
    refs=st.lists(
        journal_references(),
        min_size=GENERATED,
        max_size=GENERATED,
        unique_by=lambda r: r.id,  # type: ignore[attr-defined]
    )
)
def test_generated_references_equal_the_native_style_or_a_listed_difference(
    style: str, refs: list[Reference]
) -> None:
    found = differences(style, refs)
    by_id = {ref.id: ref for ref in refs}
    for (engine, ref_id), (native, line) in found.items():
        explained, _ = explain(style, engine, by_id[ref_id], native)
        assert explained == line, f"unlisted difference ({engine}):\n{native}\n{line}"
