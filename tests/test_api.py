"""The public functions as a program calls them: what they accept, refuse and show."""

from __future__ import annotations

import json
import warnings
from pathlib import Path

import pytest

import citekit
from citekit.errors import DataLossWarning, OptionError
from conftest import EXAMPLE

ITEMS = json.loads(EXAMPLE.read_text(encoding="utf-8"))


def test_a_csl_json_item_formats_as_its_loaded_reference() -> None:
    loaded = citekit.load(EXAMPLE)
    for style in ("elpub", "gost", "apa"):
        assert citekit.format(ITEMS[0], style) == citekit.format(loaded[0], style)
    assert citekit.format_many(ITEMS[:3], "gost") == citekit.format_many(loaded[:3], "gost")
    assert citekit.bibliography(ITEMS, "references") == citekit.bibliography(loaded, "references")
    assert citekit.cite(ITEMS[0], "apa") == "(Kistanov, 2025)"


@pytest.mark.parametrize("wrong", [["a list"], 42, None, "examples/x.json", Path("x.json")])
def test_anything_else_is_refused_saying_what_to_pass(wrong: object) -> None:
    with pytest.raises(OptionError, match="expected a citekit Reference or a CSL-JSON item"):
        citekit.format(wrong, "elpub")  # type: ignore[arg-type]


def test_a_file_name_is_pointed_to_load() -> None:
    with pytest.raises(OptionError, match=r"read it with citekit\.load"):
        citekit.format("examples/japanese-studies-2025-3.json")  # type: ignore[arg-type]


def test_a_bad_item_names_its_field() -> None:
    with pytest.raises(citekit.ValidationError, match="issued"):
        citekit.format({"id": "x", "type": "book", "issued": "2025-02-30"})


def test_loads_reads_text_in_every_format() -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    assert citekit.loads(text, "csl-json") == citekit.load(EXAMPLE)
    bib = citekit.loads("@book{b1, title={T}, year={2020}}", "bibtex", file="inline.bib")
    assert [ref.id for ref in bib] == ["b1"]
    with pytest.raises(citekit.ParseError, match=r"^inline\.json:"):
        citekit.loads("[{", "csl-json", file="inline.json")


def test_a_loaded_list_shows_itself_briefly() -> None:
    refs = citekit.load(EXAMPLE)
    assert isinstance(refs, list)
    assert repr(refs) == "<12 references: kistanov2025, kaspe2025, kistanov2024, …, smith2024>"
    assert repr(citekit.loads("[]", "csl-json")) == "<0 references>"
    html = refs._repr_html_()
    assert html.startswith('<ol class="citekit-bibliography">')
    assert html.count("<li>") == 12
    assert type(refs[:2]) is list  # slices are plain lists


def test_dump_warnings_point_at_the_callers_line() -> None:
    refs = citekit.load(EXAMPLE)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        citekit.dump(refs, "ris")
    losses = [w for w in caught if issubclass(w.category, DataLossWarning)]
    assert losses
    assert {Path(w.filename).name for w in losses} == {"test_api.py"}
