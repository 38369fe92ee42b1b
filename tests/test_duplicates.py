"""A reference given twice in one run is listed and cited once, with a warning naming both
places; two different works under one id are both kept, and the warning says so."""

from __future__ import annotations

import json
import subprocess
import sys
import warnings
from pathlib import Path

import pytest

import citekit
from citekit.io.duplicates import DuplicateReferenceWarning, unique
from citekit.model import Book, JournalArticle, Person


def _item(ref_id: str, doi: str | None = None, title: str = "Dogs", **more: object) -> dict:
    item = {
        "id": ref_id,
        "type": "article-journal",
        "title": title,
        "author": [{"family": "Smith", "given": "John"}],
        "issued": {"date-parts": [[1992]]},
        "container-title": "J",
        **more,
    }
    if doi:
        item["DOI"] = doi
    return item


def _write(path: Path, items: list[dict]) -> Path:
    """One item a line: item N starts on line N + 1."""
    path.write_text("[\n" + ",\n".join(json.dumps(i) for i in items) + "\n]\n", encoding="utf-8")
    return path


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "citekit", *args], capture_output=True, text=True, check=False
    )


def test_the_same_doi_in_two_files_is_listed_once(tmp_path: Path) -> None:
    a = _write(tmp_path / "a.json", [_item("smith1992", "10.1/X")])
    cats = _item("other", "10.9/y", "Cats", issued={"date-parts": [[1993]]})
    b = _write(tmp_path / "b.json", [cats, _item("s92", "10.1/x")])
    run = _cli("bibliography", "--style", "apa", str(a), str(b))
    assert run.returncode == 0
    assert run.stdout.count("Smith, J. (1992)") == 1
    assert "1992a" not in run.stdout
    assert "1992b" not in run.stdout
    assert run.stdout.count("Dogs") == 1
    assert (
        f"citekit: warning: {b}:3: s92: the same reference as {a}:2 "
        "(same DOI 10.1/x, there smith1992); kept once (the first)"
    ) in run.stderr


def test_the_same_id_and_work_in_two_files_is_cited_once(tmp_path: Path) -> None:
    a = _write(tmp_path / "a.json", [_item("smith1992")])
    b = _write(tmp_path / "b.json", [_item("smith1992")])
    run = _cli("cite", "--style", "apa", str(a), str(b))
    assert run.returncode == 0
    assert run.stdout == "(Smith, 1992)\n"
    assert f"{b}:2: smith1992: the same reference as {a}:2 (same id)" in run.stderr


def test_different_works_under_one_id_are_both_kept_and_said(tmp_path: Path) -> None:
    a = _write(tmp_path / "a.json", [_item("smith1992", title="Dogs")])
    b = _write(tmp_path / "b.json", [_item("smith1992", title="Cats")])
    run = _cli("format", "--style", "apa", str(a), str(b))
    assert run.returncode == 0
    assert len(run.stdout.splitlines()) == 2
    assert "(same id, but another title); a different work: both kept" in run.stderr


def test_the_same_doi_twice_in_one_file(tmp_path: Path) -> None:
    path = _write(tmp_path / "one.json", [_item("a", "10.1/x"), _item("b", "10.1/X")])
    with pytest.warns(DuplicateReferenceWarning, match=r"one.json:\d+: b: the same reference"):
        refs = citekit.load(path)
    assert [r.id for r in refs] == ["a"]


def test_load_takes_several_sources(tmp_path: Path) -> None:
    a = _write(tmp_path / "a.json", [_item("smith1992", "10.1/x")])
    bib = tmp_path / "b.bib"
    bib.write_text(
        "@article{smith1992b,\n  author = {Smith, John},\n  title = {Dogs},\n"
        "  journal = {J},\n  year = {1992},\n  doi = {10.1/X}\n}\n",
        encoding="utf-8",
    )
    with pytest.warns(DuplicateReferenceWarning) as seen:
        refs = citekit.load([a, bib])
    assert [r.id for r in refs] == ["smith1992"]
    assert str(seen[0].message).startswith(f"{bib}:1: smith1992b: the same reference as {a}:")
    assert citekit.cite(refs[0], "apa", context=refs) == "(Smith, 1992)"


def test_nothing_said_without_duplicates(tmp_path: Path) -> None:
    a = _write(tmp_path / "a.json", [_item("a", "10.1/x")])
    b = _write(tmp_path / "b.json", [_item("b", "10.1/y", "Cats")])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert len(citekit.load([a, b])) == 2


def test_unique_keeps_the_first_copy_in_its_place() -> None:
    first = JournalArticle(id="x", title="T", doi="10.1/a", pages="1-2")
    other = Book(id="y", title="U")
    later = JournalArticle(id="z", title="T", doi="10.1/A", pages="1-3")
    with pytest.warns(DuplicateReferenceWarning, match="<input>: z: .* kept once"):
        kept = unique([(None, [first, other, later])])
    assert kept == [first, other]


def test_same_id_without_doi_same_title_and_year_is_one_work() -> None:
    a = Book(id="k", title="Капитал", authors=[Person("Маркс", "К.")], issued=1867)
    b = Book(id="k", title="капитал ", issued=1867, publisher="Pub")
    with pytest.warns(DuplicateReferenceWarning, match=r"\(same id\); kept once"):
        assert unique([("a.yaml", [a]), ("b.yaml", [b])]) == [a]


def test_lines_in_ris_and_yaml(tmp_path: Path) -> None:
    ris = tmp_path / "a.ris"
    ris.write_text(
        "TY  - BOOK\nTI  - Other\nER  - \n\nTY  - JOUR\nID  - k1\nTI  - Dogs\nDO  - 10.1/x\nER  - \n",
        encoding="utf-8",
    )
    yaml = tmp_path / "b.yaml"
    yaml.write_text(
        "- id: other\n  type: book\n  title: Cats\n- id: k2\n  type: journal-article\n"
        "  title: Dogs\n  doi: 10.1/X\n",
        encoding="utf-8",
    )
    with pytest.warns(DuplicateReferenceWarning) as seen:
        refs = citekit.load([ris, yaml])
    assert [r.id for r in refs] == ["ris-1", "k1", "other"]
    assert str(seen[0].message).startswith(
        f"{yaml}:4: k2: the same reference as {ris}:5 (same DOI 10.1/X, there k1)"
    )
