"""The CSL processor's short ways for common values (issue #19) print what its general ways
print: each is checked here against the general way on values it does not take."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from citekit.csl import Processor, parse_style
from citekit.csl.numbers import is_plural, page_range
from citekit.csl.output import Out, concat, plain, to_html

NS = 'xmlns="http://purl.org/net/xbiblio/csl" version="1.0"'
FORMS = [None, "expanded", "minimal", "minimal-two", "chicago", "chicago-15", "chicago-16"]
numbers = st.from_regex(r"[0-9]{1,5}", fullmatch=True)


@given(numbers, numbers, st.sampled_from(FORMS))
def test_a_plain_page_range_reads_as_the_spaced_one(low: str, high: str, form: str | None) -> None:
    # "117 - 129" goes through the patterns; "117-129" takes the short way
    assert page_range(f"{low}-{high}", form) == page_range(f"{low} - {high}", form)


@pytest.mark.parametrize(
    ("value", "form", "expected"),
    [
        ("117-129", None, "117\u2013129"),
        ("117-129", "minimal", "117\u201329"),
        ("321-28", "expanded", "321\u2013328"),
        ("129-117", "chicago", "129-117"),  # backwards: left as written
        ("0129-117", "minimal", "0129\u20130117"),
        ("\u0663-\u0665", None, "\u0663\u2013\u0665"),  # Arabic-Indic digits: the long way
    ],
)
def test_page_ranges(value: str, form: str | None, expected: str) -> None:
    assert page_range(value, form) == expected


@given(numbers, numbers)
def test_a_plain_range_is_plural_as_the_spaced_one(low: str, high: str) -> None:
    assert is_plural(f"{low}-{high}") is is_plural(f"{low} - {high}") is True


@given(numbers)
def test_one_number_is_not_plural(number: str) -> None:
    assert is_plural(number) is False


def _names(name: str, items: list[dict[str, Any]]) -> list[str]:
    style = parse_style(
        f'<style {NS}><citation><layout><text variable="title"/></layout></citation>'
        f'<bibliography><layout><names variable="author">{name}</names></layout>'
        "</bibliography></style>"
    )
    return [to_html(entry) for entry in Processor(style).process(items).bibliography]


AUTHORS = [
    [{"family": "Kistanov", "given": "Valery Olegovich"}],
    [{"family": "Юдин", "given": "Святослав"}, {"family": "Lee", "given": "Ann-Marie"}],
    [{"family": "Doe", "given": "J."}, {"family": "Roe"}, {"family": "d'Arc", "given": "Jeanne"}],
    [{"family": "van Gogh", "given": "Vincent"}, {"family": "Dumas", "given": "Alexandre, Jr."}],
    [{"family": "毛", "given": "泽东"}, {"family": "O\u2019Neil", "given": "Tip"}],
]


@pytest.mark.parametrize(
    "options",
    [
        "",
        'initialize-with=". "',
        'name-as-sort-order="all"',
        'name-as-sort-order="first" sort-separator=" "',
        'form="short"',
        'and="text" initialize-with="."',
    ],
)
def test_plain_names_print_as_through_name_parts(options: str) -> None:
    # an empty <name-part> sends every name the general way, formatting nothing
    items = [{"id": str(i), "type": "book", "author": a} for i, a in enumerate(AUTHORS)]
    short = _names(f"<name {options}/>", items)
    general = _names(f'<name {options}><name-part name="family"/></name>', items)
    assert short == general
    assert all(short)


def test_an_affixed_node_holds_the_sequence_parts_themselves() -> None:
    inner = concat(["a", Out("fmt", ["b"], ("font-style", "italic"))])
    node = concat(["(", inner, ")"], "affixed")
    assert isinstance(node, Out)
    assert node.kind == "affixed"
    assert all(not (isinstance(c, Out) and c.kind == "seq") for c in node.children)
    assert plain(node) == "(ab)"
