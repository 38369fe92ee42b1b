"""Issue #17, readers: a bad field costs that field, not the reference or the file; a field
name the format does not know is kept and named, with the nearest known one; --strict makes
both errors; structural problems stay errors."""

from __future__ import annotations

import subprocess
import sys
import warnings
from pathlib import Path

import pytest

import citekit
from citekit.errors import (
    DataLossWarning,
    FieldWarning,
    ParseError,
    UnknownFieldWarning,
    ValidationError,
)
from citekit.io import loads
from citekit.io.problems import nearest

BAD_ISBN_JSON = """[
 {"id": "a", "type": "book",
  "title": "Capital",
  "ISBN": "978-0-00-000000-1",
  "author": [{"family": "Marx", "given": "Karl"}]},
 {"id": "b", "type": "book", "title": "Other"}
]
"""
MISSPELT_JSON = """[
 {"id": "a", "type": "book", "title": "Capital",
  "autor": [{"family": "Marx", "given": "Karl"}],
  "isued": {"date-parts": [[1867]]}}
]
"""
BAD_DATE_RIS = "TY  - JOUR\nTI  - Title\nAU  - Smith, J.\nY2  - 2025/13/45\nER  - \n"
MISSPELT_BIB = "@book{k,\n  title = {T},\n  yaer = {2020},\n  author = {Smith, J.}\n}\n"


def _caught(text: str, fmt: str, file: str = "f") -> tuple[list[citekit.Reference], list[str]]:
    """The references read, and the field warnings, as text."""
    with warnings.catch_warnings(record=True) as log:
        warnings.simplefilter("always", DataLossWarning)
        refs = loads(text, fmt, file=file)
    return list(refs), [str(w.message) for w in log if issubclass(w.category, FieldWarning)]


def _run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "citekit.cli", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        check=False,
    )


# -- a bad field costs the field ------------------------------------------------------------


def test_a_bad_isbn_costs_the_isbn_with_the_line_of_the_field() -> None:
    refs, seen = _caught(BAD_ISBN_JSON, "csl-json", "a.json")
    assert [r.id for r in refs] == ["a", "b"]
    assert refs[0].isbn is None  # type: ignore[attr-defined]
    assert refs[0].authors[0].family == "Marx"  # the rest is kept
    assert seen == [
        "a.json:4: a: ISBN: not read: not a valid ISBN: '978-0-00-000000-1'; "
        "check the digits (the last one is a checksum)"
    ]


def test_strict_makes_the_bad_field_the_references_error() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error", FieldWarning)
        with pytest.raises(ValidationError) as info:
            loads(BAD_ISBN_JSON, "csl-json", file="a.json")
    assert (info.value.line, info.value.ref_id, info.value.field) == (4, "a", "ISBN")
    errors: list[Exception] = []
    with warnings.catch_warnings():
        warnings.simplefilter("error", FieldWarning)
        refs = loads(BAD_ISBN_JSON, "csl-json", file="a.json", on_error=errors.append)
    assert [r.id for r in refs] == ["b"]
    assert len(errors) == 1


def test_a_ris_date_that_stays_malformed_costs_the_y2_tag() -> None:
    refs, seen = _caught(BAD_DATE_RIS, "ris", "a.ris")
    assert len(refs) == 1
    assert refs[0].accessed is None
    assert refs[0].title is not None
    assert refs[0].authors[0].family == "Smith"
    assert seen == ["a.ris:4: ris-1: Y2.month: not read: not a month: 13; use 1 to 12"]


def test_a_bad_name_costs_that_name_only() -> None:
    text = '[{"id": "a", "type": "book", "author": [{"family": "A"}, {"given": "B"}, {"family": "C"}]}]'
    refs, seen = _caught(text, "csl-json")
    assert [p.family for p in refs[0].authors] == ["A", "C"]
    assert seen == [
        "f:1: a: author[1].family: not read: a name needs a family name, or a literal for an "
        "organisation"
    ]
    ris = "TY  - BOOK\nTI  - T\nAU  - A, B\nAU  - ,X\nAU  - C, D\nER  - \n"
    refs, seen = _caught(ris, "ris")
    assert [p.family for p in refs[0].authors] == ["A", "C"]
    assert seen[0].startswith("f:4: ris-1: AU[1].family: not read:")


@pytest.mark.parametrize(
    ("fmt", "text", "warning", "attribute"),
    [
        (
            "bibtex",
            "@book{k,\n  title = {T},\n  isbn = {978-0-00-000000-1},\n}\n",
            "f:3: k: isbn: not read: not a valid ISBN",
            "isbn",
        ),
        (
            "bibtex",
            "@article{k,\n  title = {T},\n  pages = {25--3},\n}\n",
            "f:3: k: pages: not read: the page range '25-3' ends before it starts",
            "pages",
        ),
        (
            "bibtex",
            "@article{k,\n  title = {T},\n  date = {2025-02-30},\n}\n",
            "f:3: k: date.day: not read: 2025-02 has no day 30",
            "issued",
        ),
        (
            "ris",
            "TY  - JOUR\nTI  - T\nDO  - nonsense\nER  - \n",
            "f:3: ris-1: DO: not read: not a DOI",
            "doi",
        ),
        (
            "yaml",
            "- id: a\n  type: book\n  title: T\n  language: '!!'\n",
            "f:4: a: language: not read: not a language tag",
            "language",
        ),
        (
            "yaml",
            "- id: a\n  type: book\n  title: T\n  issued: 2025-13\n",
            "f:4: a: issued.month: not read: not a month: 13",
            "issued",
        ),
        (
            "csl-json",
            '[{"id": "a", "type": "book",\n "language": "!!"}]',
            "f:2: a: language: not read: not a language tag",
            "language",
        ),
        (
            "csl-json",
            '[{"id": "a", "type": "article-journal",\n "page": "25-3"}]',
            "f:2: a: page: not read: the page range '25-3' ends before it starts",
            "pages",
        ),
    ],
)
def test_every_reader_keeps_the_reference_without_the_bad_field(
    fmt: str, text: str, warning: str, attribute: str
) -> None:
    refs, seen = _caught(text, fmt)
    assert len(refs) == 1
    assert getattr(refs[0], attribute) is None
    assert len(seen) == 1, seen
    assert seen[0].startswith(warning), seen


def test_what_a_record_holds_beyond_the_model_is_no_field_problem() -> None:
    record = (
        '{"message": {"DOI": "10.1/a", "type": "book", "title": ["T"],'
        ' "author": [{"family": "F", "given": "G", "affiliation": [{"name": "U"}]}]}}'
    )
    with warnings.catch_warnings(record=True) as log:
        warnings.simplefilter("always", DataLossWarning)
        warnings.simplefilter("error", FieldWarning)  # --strict does not refuse it
        (ref,) = loads(record, "crossref", file="w.crossref.json")
    assert ref.authors[0].family == "F"
    assert ["affiliations" in str(w.message) for w in log] == [True]
    assert not issubclass(log[0].category, FieldWarning)


def test_crossref_records_warn_with_the_same_warning() -> None:
    record = '{"message": {"DOI": "10.1/a", "type": "book", "title": ["T"], "ISBN": ["123"]}}'
    with pytest.warns(FieldWarning, match="ISBN: not read"):
        (ref,) = loads(record, "crossref", file="w.crossref.json")
    assert ref.isbn is None  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("fmt", "text", "message"),
    [
        ("csl-json", '[{"id": "a", "type": "novel"}]', "item type 'novel' is not supported"),
        ("csl-json", '[{"id": "a"}]', "item type missing"),
        ("csl-json", "[42]", "must be a JSON object"),
        ("csl-json", "[{]", "not valid JSON"),
        ("bibtex", "@novel{a, title = {T}}", "entry type @novel"),
        ("ris", "TY  - NOVEL\nTI  - T\nER  - \n", "record type NOVEL"),
        ("yaml", "- id: a\n  type: novel\n", "type 'novel' is not one of"),
    ],
)
def test_structural_problems_stay_errors(fmt: str, text: str, message: str) -> None:
    with pytest.raises((ParseError, ValidationError), match=message):
        loads(text, fmt, file="f")
    errors: list[Exception] = []
    try:
        refs = loads(text, fmt, file="f", on_error=errors.append)
    except ParseError:  # bad syntax stops reading even when going on
        return
    assert refs == []  # the keep-going path is unchanged
    assert len(errors) == 1


def test_a_bound_stays_an_error() -> None:
    text = '[{"id": "a", "type": "book", "note": "' + "x" * 100_001 + '"}]'
    with pytest.raises(ValidationError, match="characters in one field"):
        loads(text, "csl-json", file="f")


# -- unknown fields -------------------------------------------------------------------------


def test_misspelt_csl_fields_are_kept_and_named_with_the_nearest_name() -> None:
    refs, seen = _caught(MISSPELT_JSON, "csl-json", "a.json")
    assert refs[0].extra["autor"] == [{"family": "Marx", "given": "Karl"}]  # kept as-is
    assert seen == [
        "a.json:3: a: autor: unknown field, kept as-is; did you mean 'author'?",
        "a.json:4: a: isued: unknown field, kept as-is; did you mean 'issued'?",
    ]
    with pytest.warns(UnknownFieldWarning):
        loads(MISSPELT_JSON, "csl-json")


def test_a_misspelt_bibtex_field_is_named() -> None:
    refs, seen = _caught(MISSPELT_BIB, "bibtex", "a.bib")
    assert refs[0].extra["yaer"] == "2020"
    assert seen == ["a.bib:3: k: yaer: unknown field, kept as-is; did you mean 'year'?"]


def test_a_misspelt_yaml_key_is_named() -> None:
    text = "- id: a\n  type: book\n  title: T\n  autors: ['Smith, J.']\n"
    _, seen = _caught(text, "yaml")
    assert seen == ["f:4: a: autors: unknown field, kept as-is; did you mean 'authors'?"]


def test_an_unknown_field_far_from_any_name_has_no_suggestion() -> None:
    _, seen = _caught('[{"id": "a", "type": "book", "zzqx": 1}]', "csl-json")
    assert seen == ["f:1: a: zzqx: unknown field, kept as-is"]


@pytest.mark.parametrize(
    ("fmt", "text"),
    [
        # CSL 1.0.2 variables citekit does not model, and CSL-JSON's own fields
        (
            "csl-json",
            '[{"id": "a", "type": "book", "title-short": "S", "original-title": "O",'
            ' "original-author": [{"family": "X"}], "event-date": "2020", "PMID": "1",'
            ' "citation-key": "k", "journalAbbreviation": "J", "custom": {}, "note": "n",'
            ' "abstract": "A", "archive-place": "P", "division": "D", "references": "R"}]',
        ),
        # standard BibLaTeX fields, and the CSL names citekit's writer writes
        (
            "bibtex",
            "@book{k, title = {T}, abstract = {A}, keywords = {k}, subtitle = {S},"
            " crossref = {x}, shorttitle = {s}, eprint = {1}, eprinttype = {arxiv},"
            " origdate = {1900}, title-short = {S}, PMID = {1}}",
        ),
        # tags citekit does not model: kept as ris:XX
        ("ris", "TY  - BOOK\nTI  - T\nKW  - k\nAB  - A\nZZ  - z\nER  - \n"),
        # fields of another kind, and anything under extra
        ("yaml", "- id: a\n  type: book\n  pages: 5-7\n  extra: {autor: x}\n"),
    ],
)
def test_known_extras_are_not_warned_about(fmt: str, text: str) -> None:
    refs, seen = _caught(text, fmt)
    assert refs[0].extra  # kept
    assert seen == []


def test_nearest_ignores_case_and_gives_the_known_spelling() -> None:
    assert nearest("isbn", ["ISBN", "ISSN", "title"]) == "ISBN"
    assert nearest("qqqq", ["ISBN", "title"]) is None


# -- the API and check ------------------------------------------------------------------------


def test_load_and_check_surface_the_warnings(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    path.write_text(BAD_ISBN_JSON, encoding="utf-8")
    with pytest.warns(FieldWarning, match=r"a.json:4: a: ISBN: not read"):
        refs = citekit.load(path)
    assert len(refs) == 2
    problems = citekit.check(path)
    assert [(p.severity, p.error.field, p.error.line) for p in problems] == [("warning", "ISBN", 4)]
    assert str(problems[0]).startswith(f"warning: {path}:4: a: ISBN: not read:")
    assert [p.severity for p in citekit.check(path, strict=True)] == ["error"]
    misspelt = tmp_path / "m.json"
    misspelt.write_text(MISSPELT_JSON, encoding="utf-8")
    assert [str(p) for p in citekit.check(misspelt, style="apa")][:2] == [
        f"warning: {misspelt}:3: a: autor: unknown field, kept as-is; did you mean 'author'?",
        f"warning: {misspelt}:4: a: isued: unknown field, kept as-is; did you mean 'issued'?",
    ]


def test_check_with_a_style_names_fields_the_style_leaves_out(tmp_path: Path) -> None:
    path = tmp_path / "b.json"
    path.write_text(
        '[{"id": "b", "type": "book", "title": "T", "ISBN": "978-3-16-148410-0",'
        ' "note": "a note", "publisher": "P"}]',
        encoding="utf-8",
    )
    shown = [str(p) for p in citekit.check(path, style="apa")]
    assert f"warning: {path}: b: isbn (978-3-16-148410-0) not printed: the apa style has no " \
        "place for it in a 'book'" in shown  # fmt: skip
    assert any("note (a note) not printed" in p for p in shown)
    assert not any("publisher" in p for p in shown)  # APA prints it


# -- the command line ----------------------------------------------------------------------


@pytest.mark.parametrize("command", ["format", "bibliography", "cite", "convert"])
def test_commands_warn_and_still_write(tmp_path: Path, command: str) -> None:
    (tmp_path / "a.json").write_text(BAD_ISBN_JSON, encoding="utf-8")
    extra = ["--to", "ris"] if command == "convert" else ["--style", "apa"]
    result = _run(command, "a.json", *extra, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Marx" in result.stdout
    assert result.stderr.startswith("citekit: warning: a.json:4: a: ISBN: not read: not a valid")
    strict = _run(command, "a.json", *extra, "--strict", cwd=tmp_path)
    assert strict.returncode == 1
    assert strict.stdout == ""
    assert strict.stderr.startswith("citekit: a.json:4: a: ISBN: not a valid ISBN")


def test_cli_for_every_case_of_the_issue(tmp_path: Path) -> None:
    (tmp_path / "a.ris").write_text(BAD_DATE_RIS, encoding="utf-8")
    (tmp_path / "m.json").write_text(MISSPELT_JSON, encoding="utf-8")
    (tmp_path / "y.bib").write_text(MISSPELT_BIB, encoding="utf-8")
    ris = _run("format", "a.ris", "--style", "apa", cwd=tmp_path)
    assert (ris.returncode, ris.stdout) == (0, "Smith, J. (n.d.). Title.\n")
    assert "a.ris:4: ris-1: Y2.month: not read" in ris.stderr
    misspelt = _run("format", "m.json", "--style", "apa", cwd=tmp_path)
    assert misspelt.returncode == 0
    assert misspelt.stderr.splitlines() == [
        "citekit: warning: m.json:3: a: autor: unknown field, kept as-is; did you mean 'author'?",
        "citekit: warning: m.json:4: a: isued: unknown field, kept as-is; did you mean 'issued'?",
    ]
    check = _run("check", "m.json", "y.bib", cwd=tmp_path)
    assert check.returncode == 0
    assert check.stdout.splitlines() == [
        "warning: m.json:3: a: autor: unknown field, kept as-is; did you mean 'author'?",
        "warning: m.json:4: a: isued: unknown field, kept as-is; did you mean 'issued'?",
        "warning: y.bib:3: k: yaer: unknown field, kept as-is; did you mean 'year'?",
    ]
    assert check.stderr == "citekit check: 0 errors, 3 warnings\n"
    strict = _run("check", "m.json", "y.bib", "--strict", cwd=tmp_path)
    assert strict.returncode == 1
    assert strict.stderr == "citekit check: 3 errors, 0 warnings\n"


def test_keep_going_is_unchanged_for_structural_errors(tmp_path: Path) -> None:
    (tmp_path / "a.json").write_text(
        '[\n{"id": "a", "type": "book", "title": "Good"},\n'
        '{"id": "b", "type": "novel"},\n'
        '{"id": "c", "type": "book", "title": "Kept", "ISBN": "978-0-00-000000-1"}\n]',
        encoding="utf-8",
    )
    result = _run("format", "a.json", "--style", "apa", "--keep-going", cwd=tmp_path)
    assert result.returncode == 1  # b's type is an error
    assert result.stdout == "Good. (n.d.).\nKept. (n.d.).\n"
    lines = result.stderr.splitlines()
    assert lines[0].startswith("citekit: a.json:3: b: type: item type 'novel' is not supported")
    assert lines[1].startswith("citekit: warning: a.json:4: c: ISBN: not read:")
    strict = _run("format", "a.json", "--style", "apa", "--keep-going", "--strict", cwd=tmp_path)
    assert strict.returncode == 1
    assert strict.stdout == "Good. (n.d.).\n"
    assert strict.stderr.splitlines()[1].startswith("citekit: a.json:4: c: ISBN: not a valid")
