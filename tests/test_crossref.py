"""Crossref: works records read as references; the corpus written as a deposit's
<citation_list>, checked against the deposit schema when one is at hand, and structurally
always."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import warnings
from pathlib import Path

import pytest
from hypothesis import given, settings
from lxml import etree

import citekit
from citekit.errors import DataLossWarning, OptionError, ParseError
from citekit.io import dump, load, loads
from citekit.io.crossref import read_crossref
from citekit.io.crossref_deposit import CROSSREF_NAMESPACE, ORDER, write_citation_list
from citekit.model import Reference
from conftest import EXAMPLE
from strategies import every_reference

DATA = Path(__file__).parent / "data"
WORKS = DATA / "japanese-studies-2025-3.crossref.json"
NO_SCHEMA = (
    "no package in the registries carries Crossref's deposit schema (searched PyPI: "
    "crossref, crossrefapi, crossref-commons, elifecrossref; npm and Debian: none), and tests "
    "download nothing: set CITEKIT_CROSSREF_XSD to a local crossref5.3.1.xsd (with the files "
    "it imports beside it) to validate; the structural check below still runs"
)
JOURNAL_LINE = (
    "Kistanov V.O. Japan's foreign policy in the era of Trump 2.0: Will there be changes? "
    "Japanese Studies in Russia. 2025;(3):5-25. (In Russ.) "
    "https://doi.org/10.55105/2500-2872-2025-3-5-25"
)


def _read(text: str) -> list[Reference]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DataLossWarning)
        return loads(text, "crossref")


def test_a_works_response_reads_with_its_original_title_and_translation() -> None:
    with pytest.warns(DataLossWarning) as caught:
        article, kaspe = load(WORKS)  # found by its .crossref.json extension
    assert article.id == "kistanov2025"
    assert article.title.original.startswith("Внешняя политика Японии")
    assert article.title.translation("en").startswith("Japan's foreign policy")
    assert (article.issue, article.pages, article.issued.year, article.language) == (
        "3", "5-25", 2025, "ru"
    )  # fmt: skip
    assert article.url is None  # only the DOI's own link: the DOI says it
    assert article.issn == "2500-2872"
    # a Cyrillic title and container with a Latin second one: the English forms
    assert kaspe.title.translation("en").startswith("Empire on Self-Financing")
    assert kaspe.container_title.translation("en") == "Russia in Global Affairs"
    messages = [str(w.message) for w in caught]
    assert any("affiliations" in m for m in messages)
    assert any("2618-9844 not kept" in m for m in messages)
    assert all(m.startswith(str(WORKS)) for m in messages)


def test_the_crossref_record_prints_the_journal_s_line() -> None:
    article = _read(WORKS.read_text(encoding="utf-8"))[0]
    assert citekit.format(article, "elpub") == JOURNAL_LINE


@pytest.mark.parametrize("shape", ["response", "message", "work", "list", "items"])
def test_every_shape_of_a_works_file_reads(shape: str) -> None:
    work = json.loads(WORKS.read_text(encoding="utf-8"))["message"]["items"][0]
    documents = {
        "response": {"status": "ok", "message-type": "work", "message": work},
        "message": {"items": [work]},
        "work": work,
        "list": [work],
        "items": {"message-type": "work-list", "message": {"items": [work]}},
    }
    (ref,) = _read(json.dumps(documents[shape]))
    assert ref.doi == "10.55105/2500-2872-2025-3-5-25"


def test_people_types_and_bookkeeping() -> None:
    work = {
        "type": "book-chapter",
        "title": ["A chapter"],
        "container-title": ["A book"],
        "author": [{"name": "World Health Organization"}],
        "editor": [{"given": "Ed", "family": "Itor", "ORCID": "https://orcid.org/0000-0000"}],
        "translator": [{"given": "T.", "family": "Ranslator"}],
        "published-online": {"date-parts": [[2021, 3]]},
        "ISBN": ["978-5-00000-000-7"],
        "publisher-location": "Moscow",
        "edition-number": "2",
        "score": 12.5,
        "standards-body": {"name": "ISO"},
    }
    with pytest.warns(DataLossWarning) as caught:
        (ref,) = read_crossref(json.dumps(work), file="w.json")
    assert type(ref).__name__ == "Chapter"
    assert ref.authors[0].literal == "World Health Organization"
    assert (ref.editors[0].family, ref.translators[0].family) == ("Itor", "Ranslator")
    assert (ref.issued.year, ref.issued.month, ref.place, ref.edition) == (2021, 3, "Moscow", "2")
    messages = " | ".join(str(w.message) for w in caught)
    assert "ORCID" in messages
    assert "standards-body" in messages
    assert "score" not in messages


@pytest.mark.parametrize(
    ("crossref_type", "kind"),
    [("dataset", "dataset"), ("standard", "standard"), ("peer-review", "review")],
)
def test_every_crossref_type_is_read_as_its_own_kind(crossref_type: str, kind: str) -> None:
    work = {"type": crossref_type, "title": ["Data"], "DOI": "10.1000/d"}
    with warnings.catch_warnings():
        warnings.simplefilter("error", DataLossWarning)
        (ref,) = read_crossref(json.dumps(work))
    assert ref.kind == kind


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{", "not valid JSON"),
        ('{"message-type": "member", "message": {}}', "holds no works"),
        ('{"foo": 1}', "not a Crossref works record"),
        ("42", "expected a Crossref works response"),
        ("", "empty"),
        ("[" * 100_000 + "]" * 100_000, "nested too deeply|not a JSON object"),
    ],
)
def test_wrong_shapes_are_refused_cleanly(text: str, message: str) -> None:
    with pytest.raises(ParseError, match=message):
        read_crossref(text, file="bad.json")


def test_a_bad_value_costs_that_value() -> None:
    with pytest.warns(DataLossWarning, match="DOI"):
        (ref,) = read_crossref('{"type": "journal-article", "title": ["T"], "DOI": "nope"}')
    assert ref.title.original == "T"
    assert ref.doi is None


# -- the deposit's citation list ----------------------------------------------------------------


def _structure_problems(text: str) -> list[str]:
    root = etree.fromstring(text.encode())
    problems = []
    if root.tag != f"{{{CROSSREF_NAMESPACE}}}citation_list":
        problems.append(f"root is {root.tag}")
    keys = [c.get("key") for c in root]
    if len(set(keys)) != len(keys) or not all(k and len(k) <= 128 for k in keys):
        problems.append(f"keys: {keys}")
    for citation in root:
        tags = [etree.QName(child).localname for child in citation]
        if len(set(tags)) != len(tags) or set(tags) - set(ORDER):
            problems.append(f"{citation.get('key')}: {tags}")
        for child in citation:
            name, text = etree.QName(child).localname, "".join(child.itertext())
            if not text.strip():
                problems.append(f"{citation.get('key')}: empty {name}")
            if name == "cYear" and not re.fullmatch(r"\d{4}", text):
                problems.append(f"{citation.get('key')}: cYear {text}")
            if name == "doi" and not re.fullmatch(r"10\.\d{4,9}/.{1,200}", text):
                problems.append(f"{citation.get('key')}: doi {text}")
            if name in ("volume", "issue", "first_page") and len(text) > 32:
                problems.append(f"{citation.get('key')}: {name} longer than 32")
    return problems


def test_the_corpus_as_a_citation_list(example_refs: list[Reference]) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error", DataLossWarning)  # with a style, nothing is lost
        text = dump(example_refs, "crossref-deposit", style="elpub")
    assert _structure_problems(text) == []
    root = etree.fromstring(text.encode())
    ns = {"c": CROSSREF_NAMESPACE}
    assert [c.get("key") for c in root] == [r.id for r in example_refs]
    first = root[0]
    unstructured = first.find("c:unstructured_citation", namespaces=ns)
    assert "".join(unstructured.itertext()) == JOURNAL_LINE
    assert first.findtext("c:doi", namespaces=ns) == "10.55105/2500-2872-2025-3-5-25"
    assert first.findtext("c:author", namespaces=ns) == "Кистанов"
    assert first.findtext("c:journal_title", namespaces=ns) == "Японские исследования"
    pajon = root[-2]
    assert pajon.findtext("c:series_title", namespaces=ns) == "Asie.Visions"
    assert pajon.findtext("c:volume_title", namespaces=ns).startswith("The Indo-Pacific")


def test_unstructured_citations_keep_the_style_s_italics(example_refs: list[Reference]) -> None:
    text = dump(example_refs[-1:], "crossref-deposit", style="apa")
    unstructured = etree.fromstring(text.encode())[0][-1]
    assert [etree.QName(e).localname for e in unstructured] == ["i", "i"]
    assert unstructured[0].text == "Comparative Connections"


def test_the_citation_list_validates_against_the_deposit_schema(
    example_refs: list[Reference],
) -> None:
    path = os.environ.get("CITEKIT_CROSSREF_XSD")
    if not path:
        pytest.skip(NO_SCHEMA)
    schema = etree.XMLSchema(etree.parse(path))
    for style in ("elpub", "gost", None):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DataLossWarning)
            text = dump(example_refs, "crossref-deposit", style=style)
        assert schema.validate(etree.fromstring(text.encode())), schema.error_log


@settings(max_examples=200, deadline=None)
@given(ref=every_reference)
def test_every_reference_makes_a_well_formed_citation(ref: Reference) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DataLossWarning)
        text = dump([ref], "crossref-deposit", style="apa")
    assert _structure_problems(text) == []


def test_without_a_style_every_unstructured_value_is_named(
    example_refs: list[Reference],
) -> None:
    lost: list[tuple[str, str]] = []
    write_citation_list(example_refs, lose=lambda r, f, _: lost.append((r.id, f)), style=None)
    assert ("kaspe2025", "URL") in lost
    assert ("kaspe2025", "multi") in lost  # the English title has no structured element
    assert ("akimoto2022", "accessed") in lost


def test_unknown_style_and_option_are_refused(example_refs: list[Reference]) -> None:
    with pytest.raises(citekit.errors.UnknownStyleError):
        dump(example_refs, "crossref-deposit", style="nosuch")
    with pytest.raises(OptionError, match="takes no option"):
        dump(example_refs, "crossref-deposit", article=True)


def test_cli_writes_a_citation_list_and_reads_a_works_file() -> None:
    run = [sys.executable, "-m", "citekit.cli"]
    done = subprocess.run(
        [*run, "convert", str(EXAMPLE), "--to", "crossref-deposit", "--style", "gost"],
        capture_output=True, text=True, encoding="utf-8", check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert _structure_problems(done.stdout) == []
    read = subprocess.run(
        [*run, "format", str(WORKS), "--style", "elpub"],
        capture_output=True, text=True, encoding="utf-8", check=False,
    )  # fmt: skip
    assert read.returncode == 0, read.stderr
    assert read.stdout.splitlines()[0] == JOURNAL_LINE
    assert "citekit: warning:" in read.stderr
    assert "Traceback" not in read.stderr
