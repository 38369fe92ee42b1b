"""The rich-text tree and the four renderers, which clean the text as they write it."""

from __future__ import annotations

import markupsafe
import pytest
from hypothesis import given
from hypothesis import strategies as st

from citekit.errors import OptionError, StyleError
from citekit.render import render, render_list
from citekit.render.tree import NBSP, Emph, emph, join, link, nocase, seq

TREE = seq(
    "Smith & <Jones> ", emph("Journal_1"), ", С.", NBSP, "5. ", link("https://doi.org/10.1/a&b")
)


def test_text() -> None:
    assert render(TREE, "text") == "Smith & <Jones> Journal_1, С. 5. https://doi.org/10.1/a&b"


def test_html_escapes_and_links() -> None:
    assert render(TREE, "html") == (
        "Smith &amp; &lt;Jones&gt; <i>Journal_1</i>, С.&nbsp;5. "
        '<a href="https://doi.org/10.1/a&amp;b">https://doi.org/10.1/a&amp;b</a>'
    )


@given(st.text(alphabet=st.sampled_from("&<>\"'ab \u00a0Я"), max_size=12) | st.text(max_size=30))
def test_html_escapes_exactly_as_markupsafe(text: str) -> None:
    # the writer skips markupsafe for text with nothing to escape: it must change nothing
    from citekit.render.html import _escape

    assert _escape(text) == str(markupsafe.escape(text))


@given(st.lists(st.text(alphabet=st.sampled_from(" .?a\u00a0"), max_size=4), max_size=6))
def test_text_and_html_tidy_the_same_way(pieces: list[str]) -> None:
    # plain text swaps a non-breaking space for a space early, where HTML writes &nbsp; last:
    # the rules about periods and spaces must not see the difference
    tree = seq(*pieces)
    assert render(tree, "text") == render(tree, "html").replace("&nbsp;", " ")


def test_markdown_escapes() -> None:
    assert render(TREE, "markdown") == (
        "Smith \\& \\<Jones\\> *Journal\\_1*, С.&nbsp;5. <https://doi.org/10.1/a&b>"
    )


def test_latex_escapes() -> None:
    assert render(seq(TREE, " ", nocase("USA")), "latex") == (
        "Smith \\& <Jones> \\emph{Journal\\_1}, С.~5. \\url{https://doi.org/10.1/a&b} {USA}"
    )


@pytest.mark.parametrize(
    "url", ["javascript:alert(1)", "data:text/html,<b>", "vbscript:x", "//x.org"]
)
@pytest.mark.parametrize("to", ["html", "markdown", "latex"])
def test_only_http_urls_become_links(url: str, to: str) -> None:
    out = render(link(url), to)
    assert "href" not in out
    assert "](" not in out
    assert "\\url" not in out


def test_link_text_differs_from_url() -> None:
    node = link("https://x.org/a", "the page")
    assert render(node, "html") == '<a href="https://x.org/a">the page</a>'
    assert render(node, "markdown") == "[the page](https://x.org/a)"
    assert render(node, "latex") == "\\href{https://x.org/a}{the page}"


@pytest.mark.parametrize(
    ("parts", "expected"),
    [
        (("changes?", ". ", "Next"), "changes? Next"),
        (("Wow!", ".", ""), "Wow!"),
        (("V.O.", ". Title"), "V.O. Title"),
        (("Wait…", ". x"), "Wait… x"),
        (("To be continued", "..."), "To be continued..."),
        (("A ", " B"), "A B"),
        (("x\u202ey", "\x00z\n"), "xyz "),
    ],
)
def test_tidy(parts: tuple[str, ...], expected: str) -> None:
    assert render(seq(*parts)) == expected


def test_tidy_works_across_nested_nodes() -> None:
    assert render(seq(emph("Is it?"), seq(". ", "Yes"))) == "Is it? Yes"


def test_join_skips_missing_parts() -> None:
    assert join(["a", None, "", "b"], ", ").children == ("a", ", ", "b")


def test_unknown_format() -> None:
    with pytest.raises(OptionError, match="unknown output format 'pdf'"):
        render(TREE, "pdf")


def test_lists() -> None:
    entries = [("1.", seq("A")), ("2.", seq("B <b>"))]
    assert render_list(entries, "text") == "1. A\n2. B <b>"
    assert render_list(entries, "html") == (
        '<ol class="citekit-bibliography"><li>A</li><li>B &lt;b&gt;</li></ol>'
    )
    assert (
        render_list([(None, seq("A"))], "html")
        == '<ul class="citekit-bibliography"><li>A</li></ul>'
    )


@pytest.mark.parametrize("to", ["html", "markdown", "latex"])
def test_emphasis_left_empty_is_not_written(to: str) -> None:
    assert render(seq("Is it?", emph("."), " Yes"), to) == "Is it? Yes"


def test_cleaning_sees_raw_text_in_every_format() -> None:
    tree = seq(emph("A & B?"), ". ", link("https://x.org/\u202ea"))
    assert render(tree, "html") == (
        '<i>A &amp; B?</i> <a href="https://x.org/a">https://x.org/a</a>'
    )
    assert render(tree, "latex") == "\\emph{A \\& B?} \\url{https://x.org/a}"


def test_link_left_without_text_is_not_written() -> None:
    assert render(seq("Is it?", link("https://x.org", "."), " b"), "html") == "Is it? b"


def test_nodes_are_truthy_even_when_empty() -> None:
    # the builders drop children by truth: only None and "" may be falsy
    for node in (seq(), emph(), nocase(), link("https://x.org"), NBSP):
        assert node


def test_subclassed_nodes_render_and_foreign_objects_are_refused() -> None:
    class Title(str):
        pass

    class Italic(Emph):
        __slots__ = ()

    assert render(seq(Title("A"), Italic(("B",))), "html") == "A<i>B</i>"
    with pytest.raises(StyleError, match="not rich text"):
        render(seq("A", 42), "html")  # type: ignore[arg-type]


def test_a_non_breaking_space_inside_a_string_is_written_as_each_format_writes_it() -> None:
    node = seq(f"С.{NBSP}5{NBSP}&{NBSP}6", ".")
    assert render(node, "text") == "С. 5 & 6."
    assert render(node, "html") == "С.&nbsp;5&nbsp;&amp;&nbsp;6."
    assert render(node, "markdown") == "С.&nbsp;5&nbsp;\\&&nbsp;6."
    assert render(node, "latex") == "С.~5~\\&~6."


def test_a_non_breaking_space_counts_as_a_space_and_survives_control_characters() -> None:
    assert render(seq(f"a{NBSP}", " b"), "html") == "a&nbsp;b"  # no second space after it
    assert render(seq(f"a\x1b{NBSP}\u202eb"), "html") == "a&nbsp;b"
    assert render(seq("changes?", f".{NBSP}– next"), "html") == "changes?&nbsp;– next"
