"""The broken-input matrix: each file gets exactly this message, exit 1, and no traceback."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import citekit
import citekit.io
from citekit.errors import FieldWarning, ParseError
from citekit.model.kinds import BIBTEX_TYPES as BIBTEX_TYPE_TABLE
from citekit.model.kinds import CSL_TYPES, REFERENCE_TYPES
from citekit.model.kinds import RIS_TYPES as RIS_TYPE_TABLE

BROKEN = Path(__file__).parent / "broken"
# the types each reader knows, in the order of its message: the kinds table's (model/kinds.py)
SUPPORTED = ", ".join(CSL_TYPES)
BIBTEX_TYPES = ", ".join(BIBTEX_TYPE_TABLE)
RIS_TYPES = ", ".join(RIS_TYPE_TABLE)
EXPECTED = {
    "bad_indentation.yaml": "bad_indentation.yaml:3: not valid YAML: mapping values are not "
    "allowed here",
    "duplicate_key.yaml": "duplicate_key.yaml:4: the key 'title' appears twice in one mapping; "
    "keep one of them",
    "unknown_type.yaml": "unknown_type.yaml:1: a: type: type 'novel' is not one of: "
    + ", ".join(REFERENCE_TYPES),
    "bad_date.ris": "bad_date.ris:3: ris-1: DA.day: 2025-02 has no day 30",
    "no_type_line.ris": "no_type_line.ris:1: no RIS record found; a RIS record starts with a "
    "line 'TY  - JOUR'",
    "unknown_type.ris": f"unknown_type.ris:5: TY: record type NOVEL is not supported; use one "
    f"of: {RIS_TYPES}",
    "bad_month.bib": "bad_month.bib:4: a: month: not a month: 13; use 1 to 12",
    "duplicate_key.bib": "duplicate_key.bib:3: the key 'a' is used again (first at line 1); "
    "keys must be unique",
    "unclosed_brace.bib": "unclosed_brace.bib:2: not valid BibTeX: a value's brace or quote is left open up to the next entry or "
    "the end of the file",
    "unknown_type.bib": f"unknown_type.bib:1: a: type: entry type @novel is not supported; "
    f"use one of: {BIBTEX_TYPES}",
    "bad_date.json": "bad_date.json:3: a: issued.month: not a month: 13; use 1 to 12",
    "bad_doi.json": "bad_doi.json:2: a: DOI: not a DOI: 'not a doi'; a DOI looks like "
    "10.1234/abc (with or without https://doi.org/)",
    "bad_ipv6_url.json": "bad_ipv6_url.json:2: a: URL: not a web address: 'http://[::1/x'; "
    "give a full http:// or https:// URL, "
    'with spaces and "<>{}|\\^` written as %XX',
    "bad_isbn_checksum.json": "bad_isbn_checksum.json:2: a: ISBN: not a valid ISBN: "
    "'978-3-16-148410-9'; check the digits (the last one is a checksum)",
    "binary_garbage.json": "binary_garbage.json:1: not UTF-8 text (byte 0x89); save the file as UTF-8",
    "deep_nesting.json": "deep_nesting.json:1: the JSON is nested too deeply to be references",
    "duplicate_id.json": "duplicate_id.json:3: a: id: the id is used again (first at line 2); "
    "ids must be unique",
    "duplicate_key.json": "duplicate_key.json:2: the key 'title' appears twice in one object; "
    "keep one of them",
    "empty_file.json": "empty_file.json:1: the file is empty; a CSL-JSON file holds a list of "
    "items: [{…}, …]",
    "javascript_url.json": "javascript_url.json:2: a: URL: not a web address: "
    "'javascript:alert(1)'; give a full http:// or https:// URL, "
    'with spaces and "<>{}|\\^` written as %XX',
    "name_without_family.json": "name_without_family.json:1: a: author[0].family: a name needs "
    "a family name, or a literal for an organisation",
    "not_an_object.json": "not_an_object.json:1: an item must be a JSON object, got str",
    "retrieved_before_published.json": "retrieved_before_published.json:3: a: accessed: "
    "retrieved 2025-05-01, before it was published (2025-05-29); check both dates",
    "reversed_pages.json": "reversed_pages.json:2: a: page: the page range '25-3' ends before it starts",
    "title_not_text.json": "title_not_text.json:2: a: title: expected text, got float",
    "unclosed_brace.json": "unclosed_brace.json:3: not valid JSON: Expecting ',' delimiter",
    "unknown_type.json": f"unknown_type.json:1: a: type: item type 'novel' is not supported; "
    f"use one of: {SUPPORTED}",
    "wrong_encoding_cp1251.json": "wrong_encoding_cp1251.json:1: not UTF-8 text (byte 0xc2); "
    "save the file as UTF-8",
    # issue #15: bombs, silent losses and tracebacks
    "macro_bomb.bib": "macro_bomb.bib:14: @string m13: 131,072 characters in one field; "
    "citekit reads up to 100,000",
    "alias_bomb.yaml": "alias_bomb.yaml:6: an alias (*a): citekit reads no YAML aliases; "
    "write the value out",
    "record_without_er.ris": "record_without_er.ris:1: the record has no end: line 4 starts "
    "another before its 'ER  - ' line",
    "impossible_year.ris": "impossible_year.ris:3: ris-1: PY.month: not a month: 13; use 1 to 12",
    "superscript_year.bib": "superscript_year.bib:1: a: year: not a year: '²'",
    "long_number.json": "long_number.json:1: a number of 4,400 digits; citekit reads numbers of "
    "up to 100",
    "name_multi_key_text.json": "name_multi_key_text.json:1: a: author[0].multi._key: a name's "
    "multi._key must be an object of tag: name",
    "list_as_key.yaml": "list_as_key.yaml:4: a key must be text, not list (['a', 'b']); quote it",
}


FIELD_LEVEL = {
    "bad_date.ris", "bad_month.bib", "bad_date.json", "bad_doi.json", "bad_ipv6_url.json",
    "bad_isbn_checksum.json", "javascript_url.json", "name_without_family.json",
    "retrieved_before_published.json", "reversed_pages.json", "title_not_text.json",
    "impossible_year.ris", "superscript_year.bib", "name_multi_key_text.json",
}  # fmt: skip
"""The files whose one problem is a field's (issue #17): the field is left out with a warning
at its own line and the reference kept; under --strict, EXPECTED is their error."""


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "citekit.cli", *args],
        cwd=BROKEN,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        check=False,
    )


def test_every_broken_file_has_an_expectation() -> None:
    assert {p.name for p in BROKEN.iterdir()} == set(EXPECTED)
    assert set(EXPECTED) >= FIELD_LEVEL


@pytest.mark.parametrize("name", sorted(EXPECTED))
@pytest.mark.parametrize("command", ["format", "check"])
def test_broken_file(name: str, command: str) -> None:
    result = _run(command, name, *(["--strict"] if name in FIELD_LEVEL else []))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    if command == "format":
        assert result.stderr == f"citekit: {EXPECTED[name]}\n"
        assert result.stdout == ""
    else:
        assert result.stdout.splitlines()[0] == EXPECTED[name]


@pytest.mark.parametrize("name", sorted(FIELD_LEVEL))
@pytest.mark.parametrize("command", ["format", "check"])
def test_a_bad_field_costs_only_that_field(name: str, command: str) -> None:
    result = _run(command, name)
    assert result.returncode == 0
    assert "Traceback" not in result.stderr
    place, ref_id, field, message = EXPECTED[name].split(": ", 3)
    warning = f"warning: {place}: {ref_id}: {field}: not read: {message}"
    if command == "format":
        assert result.stderr == f"citekit: {warning}\n"
        assert result.stdout.strip()  # the reference is still formatted
    else:
        assert result.stdout.splitlines()[0] == warning


def test_check_lists_every_problem_and_keeps_going(tmp_path: Path) -> None:
    path = tmp_path / "mixed.json"
    path.write_text(
        '[\n{"id": "ok", "type": "book", "title": "Fine"},\n'
        '{"id": "b", "type": "book", "issued": "2025-02-30"},\n'
        '{"id": "c", "type": "novel"}\n]',
        encoding="utf-8",
    )
    problems = citekit.check(path)
    assert [(p.severity, p.error.ref_id) for p in problems] == [("warning", "b"), ("error", "c")]
    assert str(problems[0]) == f"warning: {path}:3: b: issued.day: not read: 2025-02 has no day 30"
    read: list[str] = []
    with pytest.warns(FieldWarning):  # b's date costs b its date, not b (issue #17)
        refs = citekit.load(path, on_error=lambda e: read.append(e.ref_id or ""))
    assert [r.id for r in refs] == ["ok", "b"]
    assert read == ["c"]
    strict = citekit.check(path, strict=True)
    assert [(p.severity, p.error.ref_id) for p in strict] == [("error", "b"), ("error", "c")]


def test_check_warns_for_the_chosen_style(tmp_path: Path) -> None:
    path = tmp_path / "w.json"
    path.write_text(
        '[{"id": "kistanov2025", "type": "webpage", "title": "T", "issued": "2025",'
        ' "accessed": "2025-05-01"}]',
        encoding="utf-8",
    )
    result = subprocess.run(
        [sys.executable, "-m", "citekit.cli", "check", str(path), "--style", "gost"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert result.returncode == 0  # warnings alone are not errors
    assert result.stdout == f"warning: {path}: kistanov2025: no URL, so no access date is printed\n"
    assert result.stderr == "citekit check: 0 errors, 1 warnings\n"


def test_huge_file_loads_whole(tmp_path: Path) -> None:
    # 50,000 items; line numbers are counted incrementally, so this stays linear.
    items = [{"id": f"r{n}", "type": "book", "title": f"Title {n}"} for n in range(50_000)]
    items.append({"id": "last", "type": "book", "issued": "2025-02-30"})
    path = tmp_path / "huge.json"
    path.write_text(json.dumps(items, indent=1), encoding="utf-8")
    problems = citekit.check(path, strict=True)  # the line of "issued", three after the item's
    assert [str(p) for p in problems] == [f"{path}:250005: last: issued.day: 2025-02 has no day 30"]


def test_file_over_the_limit_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(citekit.io, "MAX_BYTES", 1024)
    path = tmp_path / "big.json"
    path.write_text("[" + ",".join(['{"id": "x", "type": "book"}'] * 100) + "]", encoding="utf-8")
    with pytest.raises(ParseError, match="citekit reads files of up to 1,024: split it"):
        citekit.load(path)
