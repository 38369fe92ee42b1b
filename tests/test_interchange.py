"""Interchange: writers and readers give back every field the model holds, or say what they lose."""

from __future__ import annotations

import subprocess
import sys
import warnings
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings

import citekit
from citekit.errors import DataLossWarning, ValidationError
from citekit.io import loads
from citekit.model import JournalArticle, Person, Reference, Title
from conftest import EXAMPLE
from strategies import every_reference


def _title_languages_follow(ref: Reference) -> Reference:
    """CSL-JSON has one language per item: give each title the item's (the reader does)."""
    changes = {}
    for field in attrs.fields(type(ref)):
        value = getattr(ref, field.name)
        if isinstance(value, Title):
            changes[field.name] = attrs.evolve(value, lang=ref.language)
    return attrs.evolve(ref, **changes)


@settings(max_examples=300, deadline=None)
@given(ref=every_reference)
def test_csl_json_round_trip(ref: Reference) -> None:
    ref = _title_languages_follow(ref)
    with warnings.catch_warnings():
        warnings.simplefilter("error", DataLossWarning)
        text = citekit.dump([ref], "csl-json")
    assert loads(text, "csl-json") == [ref]


def test_corpus_round_trip(example_refs) -> None:  # type: ignore[no-untyped-def]
    text = citekit.dump(example_refs, "csl-json")
    assert loads(text, "csl-json") == example_refs


def test_what_cannot_be_written_is_named() -> None:
    ref = JournalArticle(
        id="x",
        language="ru",
        title=Title("Title", lang="en"),
        authors=[
            Person("Б", "В", forms={"ru-Latn": Person("B", "V", forms={"en": Person("Bee")})})
        ],
    )
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", DataLossWarning)
        citekit.dump([ref], "csl-json")
    messages = sorted(str(w.message) for w in caught)
    assert messages == [
        "x: author: not written to csl-json: the ru-Latn form of a name has forms of its own",
        "x: title: not written to csl-json: its language (en) differs from the item's",
    ]


def test_convert_command(tmp_path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "out.json"
    result = subprocess.run(
        [sys.executable, "-m", "citekit.cli", "convert", str(EXAMPLE), "--to", "csl-json",
         "-o", str(out)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert citekit.load(out) == citekit.load(EXAMPLE)
    bad = subprocess.run(
        [sys.executable, "-m", "citekit.cli", "convert", str(EXAMPLE), "--to", "docx"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert bad.returncode == 2  # a usage error: the formats are listed
    assert "invalid choice: 'docx' (choose from 'csl-json', 'bibtex'," in bad.stderr


@settings(max_examples=300, deadline=None)
@given(ref=every_reference)
def test_bibtex_round_trip(ref: Reference) -> None:
    ref = _title_languages_follow(ref)
    with warnings.catch_warnings():
        warnings.simplefilter("error", DataLossWarning)
        text = citekit.dump([ref], "bibtex")
    assert loads(text, "bibtex") == [ref], text


def test_bibtex_corpus_round_trip_and_through_csl_json(example_refs) -> None:  # type: ignore[no-untyped-def]
    bib = citekit.dump(example_refs, "bibtex")
    assert loads(bib, "bibtex") == example_refs
    via_json = loads(citekit.dump(loads(bib, "bibtex"), "csl-json"), "csl-json")
    assert loads(citekit.dump(via_json, "bibtex"), "bibtex") == example_refs


REAL_BIBTEX = r"""
@string{jsr = "Japanese Studies in Russia"}
@article{Kistanov2025,
  author    = {Kistanov, Valerii O. and {World Health Organization} and van der Berg, Jan},
  title     = {{USA} and Caf\'e {\"u}ber na\"ive 50\% \& more -- a study},
  journal   = jsr,
  year      = 2025,
  month     = apr,
  number    = {3},
  pages     = {5--25},
  doi       = {10.55105/2500-2872-2025-3-5-25},
  keywords  = {Japan; foreign policy},
}
@online{site,
  title = {Как оформить список}, organization = {Хабр}, date = {2025-04-16},
  urldate = {2025-05-08}, url = {https://habr.com/ru/articles/1/}, langid = {russian},
}
"""


def test_reading_real_bibtex() -> None:
    article, site = loads(REAL_BIBTEX, "bibtex")
    assert article.title is not None
    assert article.title.original == "USA and Café über naïve 50% & more – a study"
    assert article.container_title == Title("Japanese Studies in Russia")
    assert article.issued is not None
    assert article.issued.iso() == "2025-04"
    assert article.pages == "5-25"
    assert article.authors[1].is_organisation
    assert article.authors[2].particle == "van der"
    assert article.extra["keywords"] == "Japan; foreign policy"
    assert site.kind == "web-article"
    assert site.language == "ru"
    assert citekit.format(site, "gost") == (
        "Как оформить список. – Текст : электронный // Хабр : [сайт]. – 2025. – 16 апреля. "
        "– URL: https://habr.com/ru/articles/1/ (дата обращения: 08.05.2025)."
    )


def test_bibtex_errors_name_the_line(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "refs.bib"
    path.write_text(
        "@article{a,\n  title = {x},\n}\n\n@article{a,\n  title = {y},\n}\n", encoding="utf-8"
    )
    result = subprocess.run(
        [sys.executable, "-m", "citekit.cli", "format", str(path)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 1
    assert result.stderr == (
        f"citekit: {path}:5: the key 'a' is used again (first at line 1); keys must be unique\n"
    )
    path.write_text("@article{a,\n  title = {x},\n  year = {20x5},\n}\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "citekit.cli", "format", str(path), "--strict"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    # a bad year costs the year (issue #17); under --strict it is the entry's error, at its line
    assert result.stderr == f"citekit: {path}:3: a: year: not a year: '20x5'\n"
    path.write_text("@article{a,\n  title = {x\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "citekit.cli", "format", str(path)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 1
    assert result.stderr.startswith(f"citekit: {path}:2: not valid BibTeX")


def test_bibtex_style_keys(example_refs) -> None:  # type: ignore[no-untyped-def]
    same = [example_refs[0], attrs.evolve(example_refs[0], id="copy"), example_refs[2]]
    keys = [line.split(",", 1)[0] for line in citekit.bibliography(same, "bibtex").splitlines()]
    assert keys == ["@article{kistanov2025a", "@article{kistanov2025b", "@article{kistanov2024"]
    one = citekit.format(example_refs[0], "bibtex")
    assert "\n" not in one
    (back,) = loads(one, "bibtex")
    assert attrs.evolve(back, id=example_refs[0].id) == example_refs[0]
    untitled = JournalArticle(id="u", title="«Ёлки» и палки", issued=2020)
    assert citekit.format(untitled, "bibtex").startswith("@article{elki2020,")


@settings(max_examples=300, deadline=None)
@given(ref=every_reference)
def test_ris_round_trip_when_nothing_is_reported_lost(ref: Reference) -> None:
    ref = _title_languages_follow(ref)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", DataLossWarning)
        text = citekit.dump([ref], "ris")
    if caught:
        return  # what RIS cannot hold was named; the rest is checked by other examples
    assert loads(text, "ris") == [ref], text


def test_ris_names_what_it_loses(example_refs) -> None:  # type: ignore[no-untyped-def]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", DataLossWarning)
        text = citekit.dump(example_refs, "ris")
    assert sorted(str(w.message) for w in caught) == [
        "gammon2025: type: not written to ris: RIS has no tag for it",
        "kistanov2025: container_title: not written to ris: RIS keeps no en form of it",
    ]
    back = loads(text, "ris")
    assert [r.id for r in back] == [r.id for r in example_refs]
    assert back[1:6] == example_refs[1:6]  # kistanov2025 (0) and gammon2025 (6) lost one value


@settings(max_examples=300, deadline=None)
@given(ref=every_reference)
def test_yaml_and_citekit_json_round_trip(ref: Reference) -> None:
    for fmt in ("yaml", "citekit-json"):
        assert loads(citekit.dump([ref], fmt), fmt) == [ref]


def test_yaml_is_valid_against_the_published_schema(example_refs) -> None:  # type: ignore[no-untyped-def]
    import json
    from pathlib import Path

    import jsonschema
    import yaml

    schema = json.loads((Path(__file__).parent.parent / "docs/citekit.schema.json").read_text())
    data = yaml.safe_load(citekit.dump(example_refs, "yaml"))
    jsonschema.validate(data, schema)
    bad = [{"id": "x", "type": "journal-article", "title": {"original": "T", "colour": "red"}}]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, schema)


def test_yaml_by_hand() -> None:
    text = (
        "- id: a\n  type: book\n  title: Война и мир\n  language: ru\n"
        "  authors: ['Толстой, Лев Николаевич', 'Институт мировой литературы']\n"
        "  issued: 1869-01\n  publisher: Русский вестник\n  isbn: 978-3-16-148410-0\n"
    )
    (book,) = loads(text, "yaml")
    assert book.authors[1].is_organisation
    assert book.issued is not None
    assert book.issued.iso() == "1869-01"
    assert citekit.format(book, "gost").startswith("Толстой, Л. Н. Война и мир / Л. Н. Толстой")


def test_reading_leaves_the_garbage_collector_as_it_was(tmp_path: Path) -> None:
    import gc

    broken = tmp_path / "broken.json"
    broken.write_text('[{"id": "a", "type": "novel", "title": "T"}]', encoding="utf-8")
    assert gc.isenabled()
    citekit.load(EXAMPLE)
    assert gc.isenabled()
    with pytest.raises(citekit.CitekitError):
        citekit.load(broken)
    assert gc.isenabled()
    gc.disable()
    try:
        citekit.load(EXAMPLE)
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_bibtex_family_name_of_several_words_without_a_given_name() -> None:
    """Found by atheris: ``Gchard J.`` came back as given ``Gchard``, family ``J.``."""
    ref = JournalArticle(id="a", title="T", authors=[Person("Gchard J."), Person("Doe", "J")])
    text = citekit.dump([ref], "bibtex")
    assert "author = {Gchard J., and Doe, J}" in text
    assert loads(text, "bibtex") == [ref]


def test_bibtex_commands_are_special_characters() -> None:
    """Found by the pdflatex property test: bibtex's styles cut ``\\textasciicircum{}`` in a
    long name's label into an undefined ``\\textasc``; braced as a special character, a
    command is one letter to bibtex, and so is a square bracket's group."""
    ref = JournalArticle(id="a", title="x ^ y", authors=[Person("Sm]ith ^^5c", "J")])
    text = citekit.dump([ref], "bibtex")
    assert "{\\textasciicircum}" in text
    assert "{]}" in text
    assert "\\textasciicircum{}" not in text
    assert loads(text, "bibtex") == [ref]


def test_csl_json_does_not_call_citekits_own_extras_unknown() -> None:
    """A RIS tag kept as ``ris:KW`` and written to CSL-JSON is read back without an
    'unknown field' warning (found by atheris's round trips)."""
    refs = loads("TY  - JOUR\nTI  - A\nKW  - kw\nER  - \n", "ris")
    text = citekit.dump(refs, "csl-json")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert loads(text, "csl-json") == refs


def test_bibtex_family_name_with_lower_case_words_is_not_a_particle() -> None:
    """Found by atheris: ``South Korea in the Age of …`` came back as particle ``…in the Age
    of`` and family ``…``; the family's lower-case words are braced."""
    ref = JournalArticle(
        id="a",
        title="T",
        authors=[Person("South Korea in the Age of X"), Person("de la Cruz", "J")],
    )
    text = citekit.dump([ref], "bibtex")
    assert "South Korea {in} {the} Age {of} X, and {de} {la} Cruz, J" in text
    assert loads(text, "bibtex") == [ref]


def test_bibtex_names_brace_parentheses() -> None:
    """Found by the pdflatex property test: a name holding ``(`` split natbib's label
    ``Author(Year)``; a parenthesis in a name is braced, and read back as written."""
    ref = JournalArticle(id="a", title="T", authors=[Person("(9^J"), Person(literal="Org (UK)")])
    text = citekit.dump([ref], "bibtex")
    assert "author = {{(}9{\\textasciicircum}J and {Org {(}UK{)}}}" in text
    assert loads(text, "bibtex") == [ref]


def test_language_tags_keep_one_spelling_through_bibtex() -> None:
    """Found by atheris: a translation tagged ``enR`` came back from BibTeX (whose field
    names lose their case) as ``enr``. The model keeps each tag in BCP 47's case."""
    title = Title("Заглавие", lang="ru", translations={"enR": "Title", "en-us": "Title US"})
    assert list(title.translations) == ["enr", "en-US"]
    ref = JournalArticle(id="a", title=title, authors=[Person("Doe", "J")], language="ru")
    assert loads(citekit.dump([ref], "bibtex"), "bibtex") == [ref]
    assert Person("Иванов", forms={"RU-latn": Person("Ivanov")}).forms.keys() == {"ru-Latn"}


def test_the_works_language_keeps_one_spelling_through_bibtex() -> None:
    """Found by atheris on the compiled reader: a work in language ``Sen`` came back from
    BibTeX as ``sen``. The work's language and a title's are kept in BCP 47's case too."""
    title = Title("Japan and South Korea", lang="SEN")
    ref = JournalArticle(id="a", title=title, authors=[Person("Doe", "J")], language="Sen")
    assert (ref.language, ref.title.lang) == ("sen", "sen")
    assert Title("Peace", lang="EN-gb").lang == "en-GB"
    assert loads(citekit.dump([ref], "bibtex"), "bibtex") == [ref]
    item = '[{"id": "a", "type": "book", "title": "T", "language": "RU-latn"}]'
    [read] = loads(item, "csl-json")
    assert (read.language, read.title.lang) == ("ru-Latn", "ru-Latn")


def test_two_forms_under_one_tag_in_different_case_are_refused() -> None:
    with pytest.raises(ValidationError, match="different case"):
        Title("T", translations={"en": "A", "EN": "B"})
