"""Issue #15: every output format, fed a hostile value in every field, checked by its real
consumer: html5lib for HTML, a CommonMark parser for Markdown, pdflatex and bibtex for LaTeX
and BibTeX, citekit's own readers for RIS, CSL-JSON and YAML (written, read back, equal
unless a loss was reported)."""

from __future__ import annotations

import contextlib
import html
import re
import warnings
from urllib.parse import unquote

import html5lib
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from pybtex.database import parse_string

import citekit
from citekit.errors import CitekitError, DataLossWarning
from citekit.io import WRITERS, dump, loads
from citekit.model import Reference
from hostile import hostile_lists, hostile_references
from tex import compile_latex, needs_tex

STYLES = [
    "elpub", "elpub-ru", "references", "gost", "gost-2008", "gost-2018", "apa", "bibtex",
    "csl:apa",
]  # fmt: skip
SLOW = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
COMMONMARK = MarkdownIt("commonmark")


def _format(ref: Reference, style: str, to: str) -> str | None:
    try:
        return citekit.format(ref, style, to=to)
    except CitekitError:
        return None


def _html_shape(fragment: str) -> tuple[list[tuple[str, tuple[tuple[str, str], ...]]], str]:
    """The elements (name, attributes) and the text of an HTML fragment, as a browser sees it."""
    tree = html5lib.parseFragment(fragment, treebuilder="etree", namespaceHTMLElements=False)
    elements = [
        (node.tag, tuple(sorted((k, unquote(v)) for k, v in node.attrib.items())))
        for node in tree.iter()
        if isinstance(node.tag, str) and node.tag != "DOCUMENT_FRAGMENT"
    ]
    text = " ".join("".join(tree.itertext()).split())
    return elements, text


@SLOW
@given(ref=hostile_references("r"), style=st.sampled_from(STYLES))
def test_html_holds_only_citekits_markup(ref: Reference, style: str) -> None:
    out = _format(ref, style, "html")
    if out is None:
        return
    elements, _ = _html_shape(out)
    for name, attributes in elements:
        assert name in ("i", "a"), out
        if name == "a":
            ((attribute, href),) = attributes
            assert attribute == "href"
            assert href.startswith(("http://", "https://")), out


@SLOW
@given(ref=hostile_references("r"), style=st.sampled_from(STYLES))
def test_markdown_reads_as_the_same_text_and_markup_as_html(ref: Reference, style: str) -> None:
    markdown, page = _format(ref, style, "markdown"), _format(ref, style, "html")
    if markdown is None or page is None:
        return
    tokens = [t for block in COMMONMARK.parse(markdown) for t in [block, *(block.children or [])]]
    assert not [t for t in tokens if t.type in ("html_inline", "html_block", "image")], markdown
    assert [t.type for t in COMMONMARK.parse(markdown)] == [
        "paragraph_open",
        "inline",
        "paragraph_close",
    ], markdown
    rendered = COMMONMARK.renderInline(markdown).replace("<em>", "<i>").replace("</em>", "</i>")
    md_elements, md_text = _html_shape(rendered)
    html_elements, html_text = _html_shape(page)
    assert unquote(md_text) == unquote(html_text), markdown  # autolinks show URLs decoded
    assert md_elements == html_elements, markdown


@SLOW
@given(refs=hostile_lists(3))
def test_csl_json_and_yaml_round_trip_losslessly(refs: list[Reference]) -> None:
    for fmt in ("csl-json", "yaml", "citekit-json"):
        with warnings.catch_warnings():
            warnings.simplefilter("error", DataLossWarning)
            text = dump(refs, fmt)
        assert loads(text, fmt) == refs, fmt


def _written(refs: list[Reference], fmt: str) -> tuple[str, set[str]]:
    lost: set[str] = set()
    text = WRITERS[fmt](refs, lose=lambda ref, _field, _why: lost.add(ref.id))
    return text, lost


@SLOW
@given(refs=hostile_lists(3))
def test_ris_has_one_record_per_reference_and_reads_back(refs: list[Reference]) -> None:
    text, lost = _written(refs, "ris")
    tags = [line[:2] for line in text.splitlines() if line[2:5] == "  -"]
    assert tags.count("TY") == tags.count("ER") == len(refs)
    back = loads(text, "ris")
    assert [r.id for r in back] == [r.id for r in refs]
    for ref, read in zip(refs, back, strict=True):
        if ref.id not in lost:
            assert read == ref


@SLOW
@given(refs=hostile_lists(3))
def test_bibtex_has_one_entry_per_reference_and_reads_back(refs: list[Reference]) -> None:
    text, lost = _written(refs, "bibtex")
    entries = parse_string(text, "bibtex").entries
    assert len(entries) == len(refs)
    for entry in entries.values():
        assert set(entry.fields) <= _ALLOWED_FIELDS | {"PMID", "note-extra"}, entry.fields
    assert "\\input" not in text.replace("\\textbackslash{}input", "")
    back = loads(text, "bibtex")
    for ref, read in zip(refs, back, strict=True):
        if ref.id not in lost:
            assert read == ref


_ALLOWED_FIELDS = {
    "title", "journal", "booktitle", "organization", "series", "year", "date", "urldate",
    "doi", "url", "note", "volume", "number", "issue", "pages", "publisher", "address",
    "edition", "isbn", "issn", "pagetotal", "volumes", "eventtitle", "venue", "eid", "medium",
    "seriesnumber", "institution", "school", "type", "langid", "entrysubtype", "title-en",
    "journal-en", "booktitle-en", "series-en", "organization-en", "translator",
}  # fmt: skip


# -- pdflatex and bibtex: few runs, many hostile entries in each ----------------------------


@needs_tex
@settings(max_examples=2, deadline=None, suppress_health_check=list(HealthCheck))
@given(refs=hostile_lists(12))
def test_latex_output_compiles_and_runs_nothing(tmp_path_factory, refs: list[Reference]) -> None:  # type: ignore[no-untyped-def]
    where = tmp_path_factory.mktemp("latex")
    (where / "secret.tex").write_text("\\typeout{SECRET-WAS-READ}\n")
    body = []
    # The bibtex style writes BibTeX source for every to= (the BibTeX writer's entry, not LaTeX
    # text); its consumer is the bibtex + pdflatex test below.
    for style in (s for s in STYLES if s != "bibtex"):
        for ref in refs:
            out = _format(ref, style, "latex")
            if out is not None:
                body.append(out + "\n\n\\footnote{" + out + "}\n")  # also inside an argument
        # the whole list too: an enumerate with the style's labels where it is numbered
        with contextlib.suppress(CitekitError):
            body.append(citekit.bibliography(refs, style, to="latex"))
    log = compile_latex(where, "\n\n".join(body))
    assert "SECRET-WAS-READ" not in log
    assert not re.search(r"^! ", log, re.MULTILINE), log[-3000:]


@needs_tex
@settings(max_examples=2, deadline=None, suppress_health_check=list(HealthCheck))
@given(refs=hostile_lists(12))
def test_bibtex_output_runs_through_bibtex_and_pdflatex(
    tmp_path_factory, refs: list[Reference]
) -> None:  # type: ignore[no-untyped-def]
    where = tmp_path_factory.mktemp("bibtex")
    (where / "secret.tex").write_text("\\typeout{SECRET-WAS-READ}\n")
    bib, _ = _written(refs, "bibtex")
    log = compile_latex(where, "\\nocite{*}", bib=bib)
    assert "SECRET-WAS-READ" not in log
    # bibtex cuts a string longer than its entry-string-size (500) wherever it falls, inside
    # a brace group or a command: the .bbl it then writes may not compile, whatever the .bib
    # held (docs/robustness.md); it says so, and only then may TeX stop
    if "you've exceeded" not in log:
        assert not re.search(r"^! ", log, re.MULTILINE), log[-3000:]
    assert html.escape("x") == "x"


@SLOW
@given(ref=hostile_references("r"), lang=st.sampled_from([None, "en"]))
def test_meta_tags_and_json_ld_hold_only_their_own_markup(ref: Reference, lang: str | None) -> None:
    import json

    from citekit.meta import json_ld, json_ld_tag, meta_tags

    try:
        tags, script, data = (
            meta_tags(ref, lang=lang),
            json_ld_tag(ref, lang=lang),
            json_ld(ref, lang=lang),
        )
    except CitekitError:
        return
    tree = html5lib.parseFragment(str(tags), treebuilder="etree", namespaceHTMLElements=False)
    elements = [
        node
        for node in tree.iter()
        if isinstance(node.tag, str) and node.tag != "DOCUMENT_FRAGMENT"
    ]
    assert all(node.tag == "meta" and set(node.attrib) == {"name", "content"} for node in elements)
    assert len(elements) == str(tags).count("<meta ")
    page = html5lib.parse(
        f"<!doctype html><head>{script}</head>", treebuilder="etree", namespaceHTMLElements=False
    )
    (found,) = [node for node in page.iter() if node.tag == "script"]
    assert json.loads(found.text) == json.loads(json.dumps(data))
