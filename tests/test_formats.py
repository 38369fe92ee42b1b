"""Output formats as one interface (render/formats.py): every node in every format, list
framing, and third-party formats by registration or entry point."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from jinja2 import Environment
from markupsafe import escape

import citekit
from citekit.errors import OptionError
from citekit.jinja import install
from citekit.render import FORMATS, render, render_list
from citekit.render import formats as formats_module
from citekit.render.formats import Format, get_format, paragraphs, register_format
from citekit.render.tree import emph, seq, smallcaps, strong, sub, sup
from citekit.render.writer import OutputFormat
from plugin_dist import installed

NODES = seq(
    "H", sub("2"), "O, 2", sup("nd"), " ", strong("ed."), " ", smallcaps("Smith"), " ", emph("J")
)


@pytest.mark.parametrize(
    ("to", "expected"),
    [
        ("text", "H2O, 2nd ed. Smith J"),
        (
            "html",
            "H<sub>2</sub>O, 2<sup>nd</sup> <b>ed.</b> "
            '<span style="font-variant:small-caps;">Smith</span> <i>J</i>',
        ),
        ("markdown", "H<sub>2</sub>O, 2<sup>nd</sup> **ed.** Smith *J*"),
        (
            "latex",
            "H\\textsubscript{2}O, 2\\textsuperscript{nd} \\textbf{ed.} \\textsc{Smith} \\emph{J}",
        ),
    ],
)
def test_every_node_in_every_format(to: str, expected: str) -> None:
    assert render(NODES, to) == expected


def test_an_empty_mark_is_not_written_and_text_inside_is_escaped() -> None:
    assert render(seq("a", strong(""), sup("<x>")), "html") == "a<sup>&lt;x&gt;</sup>"


def test_each_format_frames_a_list() -> None:
    entries = [("1.", emph("A")), ("2.", "B")]
    assert render_list(entries, "html") == (
        '<ol class="citekit-bibliography"><li><i>A</i></li><li>B</li></ol>'
    )
    assert render_list([(None, "A"), (None, "B")], "html").startswith("<ul")
    assert render_list(entries, "text") == "1. A\n2. B"
    assert render_list(entries, "markdown") == "1. *A*\n\n2. B"
    assert render_list(entries, "latex") == (
        "\\begin{enumerate}\n\\item[{1.}] \\emph{A}\n\\item[{2.}] B\n\\end{enumerate}"
    )
    assert render_list([(None, "A"), (None, "B")], "latex") == "A\n\nB"


@pytest.fixture
def rst() -> Iterator[Format]:
    fmt = Format(
        "rst",
        OutputFormat(emph=("*", "*"), strong=("**", "**")),
        frame=paragraphs("\n\n"),
        description="reStructuredText",
    )
    register_format(fmt)
    try:
        yield fmt
    finally:
        formats_module.PLUGINS.unregister("rst")


def test_a_registered_format_is_used_everywhere(rst: Format, example_refs) -> None:  # type: ignore[no-untyped-def]
    assert "rst" in FORMATS
    assert citekit.format(example_refs[0], "apa", to="rst").startswith("Kistanov, V. O. (2025).")
    assert "*Yaponskie issledovaniya*" in citekit.format(example_refs[0], "apa", to="rst")
    assert citekit.bibliography(example_refs[:2], "gost", to="rst").count("\n\n") == 1
    with pytest.raises(OptionError, match="exists already"):
        register_format(rst)
    env = Environment(autoescape=True)
    install(env)
    rendered = env.filters["reference"](example_refs[0], "apa", to="rst")
    # only an HTML format is trusted as markup: any other is escaped as text
    assert rendered == escape(citekit.format(example_refs[0], "apa", to="rst"))
    assert "<i>" in env.filters["reference"](example_refs[0], "apa")


def test_an_unknown_format_lists_the_known_ones() -> None:
    with pytest.raises(OptionError, match="choose one of: text, html, markdown, latex"):
        get_format("rtf")


@pytest.fixture
def plugin_on_path(tmp_path: Path) -> Iterator[None]:
    """A tiny installed distribution that declares formats in the entry-point group."""
    source = """
        from citekit.render.formats import Format
        from citekit.render.writer import OutputFormat

        SHOUT = Format("test-shout", OutputFormat(escape=str.upper))
        BROKEN = object()
        """
    entries = {"test-shout": "SHOUT", "test-broken": "BROKEN"}
    plugins = formats_module.PLUGINS
    with installed(tmp_path, "citekit_test_formats", source, "citekit.formats", entries, plugins):
        yield


@pytest.mark.usefixtures("plugin_on_path")
def test_entry_point_formats(example_refs) -> None:  # type: ignore[no-untyped-def]
    assert "test-shout" in list(FORMATS)
    assert citekit.format(example_refs[0], "elpub", to="test-shout").startswith("KISTANOV V.O.")
    with pytest.raises(OptionError, match="does not give a citekit output Format"):
        get_format("test-broken")


def test_the_bibtex_style_writes_bibtex_for_every_format(example_refs) -> None:  # type: ignore[no-untyped-def]
    from pybtex.database import parse_string

    for ref in example_refs:
        text = citekit.format(ref, "bibtex")
        assert citekit.format(ref, "bibtex", to="latex") == text  # was @article\{…
        assert len(parse_string(text, "bibtex").entries) == 1
    hostile = citekit.format(example_refs[0], "bibtex", to="html")
    assert "<" not in hostile.replace("&lt;", "")  # escaped for display in a page


def test_a_numbered_markdown_list_is_a_commonmark_ordered_list(example_refs) -> None:  # type: ignore[no-untyped-def]
    from markdown_it import MarkdownIt

    page = MarkdownIt().render(citekit.bibliography(example_refs, "references", to="markdown"))
    assert page.startswith("<ol>\n")
    assert page.count("<li>") == 12
    assert "\\[" not in page  # the entries' own brackets are escaped, not shown as backslashes
