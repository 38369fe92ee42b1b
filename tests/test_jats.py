"""JATS: the hand-written article reads as the corpus does, prints the same lines in every
style, goes back to JATS and in again with nothing lost, and hostile XML is refused cleanly."""

from __future__ import annotations

import os
import subprocess
import sys
import warnings
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from lxml import etree

import citekit
from citekit.errors import DataLossWarning, ParseError, ValidationError
from citekit.io import dump, load, loads
from citekit.io.jats import read_jats
from citekit.io.jats_writer import write_jats
from citekit.io.xmlsafe import text_of
from citekit.model import Reference
from conftest import EXAMPLE
from strategies import every_reference

DATA = Path(__file__).parent / "data"
ARTICLE = DATA / "japanese-studies-2025-3.jats.xml"

# What JATS 1.2 allows in an <element-citation> that citekit writes (a subset of the DTD's
# element-citation model, which is any of these, in any order).
CITATION_CHILDREN = {
    "person-group", "article-title", "chapter-title", "trans-title", "source", "trans-source",
    "edition", "series", "conf-name", "conf-loc", "publisher-loc", "publisher-name", "year",
    "month", "day", "season", "volume", "issue", "fpage", "lpage", "page-range", "elocation-id",
    "size", "isbn", "issn", "version", "pub-id", "ext-link", "uri", "date-in-citation", "comment",
}  # fmt: skip
NAME_PARTS = {"surname", "given-names", "suffix"}
NO_SCHEMA = (
    "no package in the registries carries the JATS DTD or XSD (searched: PyPI jats, epijats, "
    "jatsgenerator, jatsutils, docmaptools, elifecrossref; npm jats-xml fetches it at run "
    "time; Debian has none), and tests download nothing: set CITEKIT_JATS_SCHEMA to a local "
    "JATS-archivearticle1.dtd or .xsd to validate; the structural check below still runs"
)


def _as_in_the_corpus(ref: Reference) -> Reference:
    """The article less what its JATS adds to the corpus: its author's English name
    (name-alternatives) and its journal's ISSN."""
    authors = tuple(attrs.evolve(p, forms={}) for p in ref.authors)
    if ref.id == "kistanov2025":
        ref = attrs.evolve(ref, issn=None)
    return attrs.evolve(ref, authors=authors)


@pytest.fixture(scope="module")
def article_refs() -> list[Reference]:
    with warnings.catch_warnings():
        warnings.simplefilter("error", DataLossWarning)  # the article reads without a loss
        return load(ARTICLE)


def test_the_article_reads_as_the_corpus(article_refs: list[Reference]) -> None:
    corpus = load(EXAMPLE)
    assert [r.id for r in article_refs] == [r.id for r in corpus]
    assert article_refs[0].authors[0].forms["en"].family == "Kistanov"
    assert article_refs[0].issn == "2500-2872"
    assert [_as_in_the_corpus(r) for r in article_refs] == corpus


@pytest.mark.parametrize("style", ["elpub", "elpub-ru", "references", "gost", "apa"])
def test_jats_prints_the_lines_the_csl_json_prints(
    article_refs: list[Reference], style: str
) -> None:
    corpus = load(EXAMPLE)
    assert [citekit.format(r, style) for r in article_refs] == [
        citekit.format(r, style) for r in corpus
    ]


CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def test_the_journal_s_own_lines(article_refs: list[Reference]) -> None:
    """The article's "For citation" line and its References list, as the journal prints them
    (the shared corpus's expected lines)."""
    if not CORPUS.is_dir():
        pytest.skip("the shared corpus (../shared/corpus) is not beside the repository")
    elpub = (CORPUS / "japanese-studies-2025-3.elpub.expected").read_text("utf-8").splitlines()
    listed = (CORPUS / "japanese-studies-2025-3.references.expected").read_text("utf-8")
    assert citekit.format(article_refs[0], "elpub") == elpub[0]
    assert [citekit.format(r, "references") for r in article_refs[1:]] == listed.splitlines()


@pytest.mark.parametrize("article", [False, True])
def test_jats_round_trip_loses_nothing(article_refs: list[Reference], article: bool) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error", DataLossWarning)
        text = dump(article_refs, "jats", style="gost", article=article)
        assert loads(text, "jats") == article_refs


def test_written_jats_has_mixed_citations_in_the_chosen_style(
    article_refs: list[Reference],
) -> None:
    root = etree.fromstring(dump(article_refs, "jats", style="apa").encode())
    mixed = [text_of(e) for e in root.iter("mixed-citation")]
    assert mixed == [citekit.format(r, "apa") for r in article_refs]
    # the style's italics and links are tagged
    kaspe = next(e for e in root.iter("mixed-citation") if "Kaspe" in text_of(e))
    assert [e.tag for e in kaspe] == ["italic", "italic", "uri"]
    assert kaspe[0].text == "Rossiya v global'noi politike"
    bare = etree.fromstring(dump(article_refs, "jats", style=None).encode())
    assert not list(bare.iter("mixed-citation"))
    assert not list(bare.iter("citation-alternatives"))


def _structure_problems(root: etree._Element) -> list[str]:
    """What a JATS ref-list must be, checked without the DTD."""
    problems = []
    refs = list(root.iter("ref"))
    ids = [ref.get("id") for ref in refs]
    if len(set(ids)) != len(ids) or None in ids:
        problems.append(f"ref ids missing or repeated: {ids}")
    for ref in refs:
        for citation in ref.iter("element-citation"):
            if not citation.get("publication-type"):
                problems.append(f"{ref.get('id')}: no publication-type")
            for child in citation:
                if child.tag not in CITATION_CHILDREN:
                    problems.append(f"{ref.get('id')}: <{child.tag}> in element-citation")
        for name in ref.iter("name"):
            parts = [child.tag for child in name]
            if "surname" not in parts or set(parts) - NAME_PARTS:
                problems.append(f"{ref.get('id')}: name parts {parts}")
        for link in ref.iter("ext-link"):
            if not link.get("{http://www.w3.org/1999/xlink}href"):
                problems.append(f"{ref.get('id')}: ext-link without xlink:href")
    return problems


def test_written_jats_is_well_formed_and_structured(article_refs: list[Reference]) -> None:
    for article in (False, True):
        root = etree.fromstring(dump(article_refs, "jats", article=article).encode())
        assert _structure_problems(root) == []
    assert _structure_problems(etree.parse(str(ARTICLE)).getroot()) == []


def test_written_jats_validates_against_the_jats_schema(article_refs: list[Reference]) -> None:
    schema_path = os.environ.get("CITEKIT_JATS_SCHEMA")
    if not schema_path:
        pytest.skip(NO_SCHEMA)
    path = Path(schema_path)
    if path.suffix == ".xsd":
        validator: etree._Validator = etree.XMLSchema(etree.parse(str(path)))
    else:
        validator = etree.DTD(str(path))
    documents = [
        dump(article_refs, "jats", style="gost"),
        dump(load(EXAMPLE), "jats", style=None),
        ARTICLE.read_text("utf-8"),
    ]
    for document in documents:
        assert validator.validate(etree.fromstring(document.encode())), validator.error_log
    written = etree.fromstring(dump(article_refs, "jats", article=True).encode())
    if not validator.validate(written):
        # The Publishing tag set wants a <journal-id>, which a reference does not hold; the
        # Archiving tag set, which citekit declares, does not.
        errors = [error.message for error in validator.error_log]
        assert all("journal-id+" in message for message in errors), errors


@settings(max_examples=200, deadline=None)
@given(ref=every_reference)
def test_what_is_written_reads_back_or_the_loss_is_told(ref: Reference) -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        text = dump([ref], "jats", style=None)
        back = loads(text, "jats")
    told = [w for w in caught if issubclass(w.category, DataLossWarning)]
    if not told:
        assert back == [_languages_follow(ref)]


def _languages_follow(ref: Reference) -> Reference:
    """A citation has one xml:lang: its titles take the reference's (CSL-JSON's rule too)."""
    changes = {}
    for field in attrs.fields(type(ref)):
        value = getattr(ref, field.name)
        if isinstance(value, citekit.model.Title):
            changes[field.name] = attrs.evolve(value, lang=ref.language)
    return attrs.evolve(ref, **changes)


def test_formatting_around_tagged_parts_is_looked_through() -> None:
    text = """<ref id="f"><mixed-citation publication-type="book"><string-name><surname>Marx
      </surname></string-name>. <italic><source>Das <bold>Kapital</bold></source></italic>.
      <year>1867</year>.</mixed-citation></ref>"""
    with warnings.catch_warnings():
        warnings.simplefilter("error", DataLossWarning)
        (ref,) = read_jats(text)
    assert (ref.title.original, ref.issued.year) == ("Das Kapital", 1867)


def test_the_name_in_the_reference_s_language_is_the_name() -> None:
    text = """<ref id="n"><element-citation publication-type="book" xml:lang="ru">
      <person-group><name-alternatives>
        <name xml:lang="ru-Latn"><surname>Kistanov</surname></name>
        <name xml:lang="ru"><surname>Кистанов</surname></name>
      </name-alternatives></person-group><source>Книга</source></element-citation></ref>"""
    (ref,) = read_jats(text)
    assert ref.authors[0].family == "Кистанов"
    assert ref.authors[0].forms["ru-Latn"].family == "Kistanov"


def test_links_in_comments_and_written_access_dates() -> None:
    text = """<ref-list xmlns:xlink="http://www.w3.org/1999/xlink">
      <ref id="a"><element-citation publication-type="web"><article-title>GenBank</article-title>
        <comment>Available: <ext-link ext-link-type="uri"
          xlink:href="http://www.ncbi.nlm.nih.gov/Genbank/index.html">here</ext-link></comment>
        <date-in-citation>[accessed 4 November 2008]</date-in-citation></element-citation></ref>
      <ref id="b"><element-citation publication-type="journal"><article-title>T</article-title>
        <comment><ext-link xlink:href="http://dx.doi.org/10.1038/bjc.2011.489">doi:10.1038/bjc.2011.489</ext-link></comment>
        <date-in-citation content-type="access-date">cited 2012 Oct 15</date-in-citation>
      </element-citation></ref></ref-list>"""
    with warnings.catch_warnings():
        warnings.simplefilter("error", DataLossWarning)
        web, article = read_jats(text)
    assert web.url == "http://www.ncbi.nlm.nih.gov/Genbank/index.html"
    assert web.note is None
    assert (web.accessed.year, web.accessed.month, web.accessed.day) == (2008, 11, 4)
    assert article.doi == "10.1038/bjc.2011.489"
    assert article.url is None
    assert (article.accessed.year, article.accessed.month, article.accessed.day) == (2012, 10, 15)


def test_tagged_mixed_citations_are_read() -> None:
    text = """<ref-list><ref id="m1"><mixed-citation publication-type="journal">
      <string-name><surname>Smith</surname>, <given-names>J.</given-names></string-name>
      (<year>2020</year>). <article-title>On things</article-title>. <source>J. Things</source>,
      <volume>4</volume>(<issue>2</issue>), <fpage>1</fpage>–<lpage>9</lpage>.
      <pub-id pub-id-type="doi">10.1000/xyz</pub-id></mixed-citation></ref></ref-list>"""
    (ref,) = read_jats(text)
    assert (ref.authors[0].family, ref.issued.year, ref.title.original) == (
        "Smith",
        2020,
        "On things",
    )
    assert (ref.container_title.original, ref.volume, ref.issue, ref.pages, ref.doi) == (
        "J. Things", "4", "2", "1-9", "10.1000/xyz"
    )  # fmt: skip


def test_a_bad_field_costs_that_field_with_a_warning() -> None:
    text = """<ref-list>
      <ref id="b1"><element-citation publication-type="journal"><article-title>T</article-title>
        <source>S</source><year>2020</year><month>13</month>
        <pub-id pub-id-type="doi">not a doi</pub-id></element-citation></ref></ref-list>"""
    with pytest.warns(DataLossWarning) as caught:
        (ref,) = read_jats(text, file="refs.xml")
    assert ref.title.original == "T"
    assert ref.doi is None
    assert ref.issued is None
    messages = " | ".join(str(w.message) for w in caught)
    assert "refs.xml:2: b1: DOI" in messages
    assert "issued" in messages


def test_unknown_elements_and_et_al_are_named() -> None:
    text = """<ref id="e1"><element-citation publication-type="book"><person-group>
      <name><surname>A</surname></name><etal/></person-group><source>B</source>
      <patent>X</patent></element-citation></ref>"""
    with pytest.warns(DataLossWarning) as caught:
        read_jats(text)
    messages = " | ".join(str(w.message) for w in caught)
    assert "etal" in messages
    assert "patent" in messages


def test_duplicate_ids_and_on_error() -> None:
    text = """<ref-list><ref id="d"><element-citation publication-type="book"><source>A</source>
      </element-citation></ref><ref id="d"><element-citation publication-type="book">
      <source>B</source></element-citation></ref></ref-list>"""
    with pytest.raises(ValidationError, match="used again"):
        read_jats(text)
    seen: list[Exception] = []
    assert [r.title.original for r in read_jats(text, on_error=seen.append)] == ["A"]
    assert len(seen) == 1


HOSTILE = {
    "external entity (XXE)": (
        '<?xml version="1.0"?>\n<!DOCTYPE ref-list [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n'
        "<ref-list><ref><element-citation><source>&x;</source></element-citation></ref>"
        "</ref-list>",
        "declares entities",
    ),
    "billion laughs": (
        '<!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
        '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>'
        "<ref-list>&d;</ref-list>",
        "declares entities",
    ),
    "external DTD over the network": (
        '<!DOCTYPE ref-list SYSTEM "http://127.0.0.1:9/evil.dtd"><ref-list>&evil;</ref-list>',
        "entity &evil; is not one citekit knows",
    ),
    "huge nesting": ("<ref-list>" + "<x>" * 50_000 + "</x>" * 50_000 + "</ref-list>", "depth"),
    "malformed": ("<ref-list>\n<ref id='a'>\n</ref-list>", "line 3|:3:"),
    "not JATS": ("<html><body/></html>", "expected a JATS"),
    "empty": ("  ", "empty"),
}


@pytest.mark.parametrize("case", HOSTILE, ids=list(HOSTILE))
def test_hostile_xml_is_refused_cleanly(case: str) -> None:
    text, message = HOSTILE[case]
    with pytest.raises(ParseError, match=message) as caught:
        read_jats(text, file="evil.xml")
    assert str(caught.value).startswith("evil.xml")


def _cli(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "citekit.cli", *args],
        capture_output=True,
        text=True,
        input=stdin,
        encoding="utf-8",
        check=False,
    )


def test_cli_converts_csl_json_to_jats_and_back(tmp_path: Path) -> None:
    out = tmp_path / "refs.xml"
    done = _cli("convert", str(EXAMPLE), "--to", "jats", "--style", "references", "-o", str(out))
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    assert load(out) == load(EXAMPLE)  # found by its extension
    back = _cli("convert", str(out), "--to", "csl-json")
    assert back.returncode == 0, back.stderr
    assert loads(back.stdout, "csl-json") == load(EXAMPLE)


def test_cli_reads_jats_from_stdin_and_refuses_a_hostile_file(tmp_path: Path) -> None:
    done = _cli("format", "-", "--from", "jats", "--style", "elpub", stdin=ARTICLE.read_text())
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[0].startswith("Kistanov V.O. Japan's foreign policy")
    evil = tmp_path / "evil.xml"
    evil.write_text(HOSTILE["external entity (XXE)"][0], encoding="utf-8")
    refused = _cli("convert", str(evil), "--to", "csl-json")
    assert refused.returncode == 1
    assert "evil.xml:1: the document declares entities" in refused.stderr
    assert "Traceback" not in refused.stderr


def test_cli_style_option_is_checked() -> None:
    done = _cli("convert", str(EXAMPLE), "--to", "ris", "--style", "apa")
    assert done.returncode == 2
    assert "takes no option style" in done.stderr
    unknown = _cli("convert", str(EXAMPLE), "--to", "jats", "--style", "nosuch")
    assert unknown.returncode == 2
    assert "unknown style" in unknown.stderr


def test_write_jats_reports_what_it_cannot_hold() -> None:
    ref = citekit.io.csljson.item_to_reference(
        {"id": "1bad id", "type": "book", "title": "T", "issued": {"date-parts": [[2020]],
         "circa": True}, "author": [{"family": "Gogh", "non-dropping-particle": "van"}]}
    )  # fmt: skip
    lost: list[tuple[str, str]] = []
    text = write_jats([ref], lose=lambda r, field, why: lost.append((field, why)), style=None)
    assert {field for field, _ in lost} == {"id", "issued", "name"}
    assert '<ref id="ref-1">' in text
    assert "<surname>van Gogh</surname>" in text
