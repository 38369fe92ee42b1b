"""citekit's own CSL processor (citekit.csl): parsing, locales, rendering, sorting,
disambiguation, the rich-text output and the engine switch of csl: styles."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import citekit
from citekit.csl import Processor, parse_style, parse_style_file
from citekit.csl.locale import load_locale
from citekit.csl.numbers import page_range, roman
from citekit.csl.output import plain, to_html
from citekit.csl.rich import to_tree
from citekit.errors import OptionError, StyleError
from citekit.render import render
from citekit.render.tree import Block, Emph, Seq, SmallCaps, Strong, Sub, Sup, Upright
from conftest import EXAMPLE

NS = 'xmlns="http://purl.org/net/xbiblio/csl" version="1.0"'


def _style(citation: str = "", bibliography: str = "", extra: str = "", attrs: str = "") -> str:
    parts = [f"<style {NS} {attrs}>", extra]
    if citation:
        parts.append(citation)
    if bibliography:
        parts.append(bibliography)
    parts.append("</style>")
    return "\n".join(parts)


def _cite(layout: str, items: list[dict[str, Any]], citation_attrs: str = "", **kw: Any) -> str:
    style = parse_style(_style(f"<citation {citation_attrs}><layout>{layout}</layout></citation>"))
    processor = Processor(style, kw.get("lang"))
    result = processor.process(items, [[{"id": i["id"]} for i in items]])
    return to_html(result.citations[0], processor.locale.punctuation_in_quote)


# -- parsing -------------------------------------------------------------------------------


def test_malformed_xml_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "broken.csl"
    path.write_text(f"<style {NS}>\n<citation>\n<layout>\n</style>", encoding="utf-8")
    with pytest.raises(StyleError) as caught:
        parse_style_file(path)
    assert caught.value.file == str(path)
    assert caught.value.line == 4
    assert str(caught.value).startswith(f"{path}:4: ")


def test_unknown_element_and_recursive_macro_are_style_errors() -> None:
    with pytest.raises(StyleError, match="unknown CSL element <blink>") as caught:
        parse_style(_style("<citation><layout>\n<blink/></layout></citation>"))
    assert caught.value.line == 4
    recursive = _style(
        '<citation><layout><text macro="a"/></layout></citation>',
        extra='<macro name="a"><text macro="b"/></macro><macro name="b"><text macro="a"/></macro>',
    )
    with pytest.raises(StyleError, match="calls itself"):
        parse_style(recursive)
    with pytest.raises(StyleError, match="no macro called 'nope'"):
        parse_style(_style('<citation><layout><text macro="nope"/></layout></citation>'))


def test_external_entities_are_not_read(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET", encoding="utf-8")
    text = f'<!DOCTYPE style [<!ENTITY x SYSTEM "file://{secret}">]>\n' + _style(
        '<citation><layout><text value="a"/>&x;</layout></citation>'
    )
    try:
        style = parse_style(text)
    except StyleError:
        return  # refusing the document is as good
    result = Processor(style).process([{"id": "1"}], [[{"id": "1"}]])
    assert "SECRET" not in plain(result.citations[0])


def test_parsed_files_are_cached(tmp_path: Path) -> None:
    path = tmp_path / "s.csl"
    path.write_text(_style('<citation><layout><text value="x"/></layout></citation>'), "utf-8")
    assert parse_style_file(path) is parse_style_file(path)


# -- locales -------------------------------------------------------------------------------


def test_locale_fallbacks() -> None:
    assert load_locale("de-AT").term("and") == "und"  # de-AT's file, or de-DE's
    assert load_locale("xx-YY").term("and") == "and"  # unknown: en-US
    assert load_locale("fr-FR").term("page", "short", plural=True) == "p."
    assert load_locale("en-US").ordinal(22) == "nd"
    assert load_locale("en-US").ordinal(12) == "th"
    style = parse_style(
        _style(
            '<citation><layout><text term="and"/></layout></citation>',
            extra='<locale xml:lang="en"><terms><term name="and">plus</term></terms></locale>',
        )
    )
    assert Processor(style, "en-GB").locale.term("and") == "plus"  # in-style, language only


# -- rendering -----------------------------------------------------------------------------

PEOPLE = [
    {"family": "Doe", "given": "Jean-Paul"},
    {"family": "Roe", "given": "Anna Maria"},
    {"family": "Poe", "given": "Edgar"},
]


def test_names_et_al_initials_and_and() -> None:
    item = {"id": "a", "author": PEOPLE}
    layout = '<names variable="author"><name and="text" initialize-with=". "/></names>'
    assert _cite(layout, [item]) == "J.-P. Doe, A. M. Roe, and E. Poe"
    short = (
        '<names variable="author"><name form="short" et-al-min="3" et-al-use-first="1"/></names>'
    )
    assert _cite(short, [item]) == "Doe et al."
    inverted = '<names variable="author"><name name-as-sort-order="first" and="symbol"/></names>'
    assert _cite(inverted, [item]) == "Doe, Jean-Paul, Anna Maria Roe, &#38; Edgar Poe"


def test_dates_and_ranges() -> None:
    item = {"id": "a", "issued": {"date-parts": [[2000, 5, 3], [2000, 5, 5]]}}
    assert _cite('<date variable="issued" form="text"/>', [item]) == "May 3–5, 2000"
    bc = {"id": "b", "issued": {"date-parts": [[-44, 3, 15]]}}
    assert _cite('<date variable="issued"><date-part name="year"/></date>', [bc]) == "44 BC"


def test_numbers_pages_and_text_case() -> None:
    assert page_range("321-28", "chicago") == "321–28"
    assert page_range("1496-1504", "minimal") == "1496–504"
    assert page_range("42-45", "expanded") == "42–45"
    assert roman(1999) == "mcmxcix"
    item = {"id": "a", "edition": "2", "title": "the art of war: a study of it"}
    assert _cite('<number variable="edition" form="ordinal"/>', [item]) == "2nd"
    assert _cite('<text variable="title" text-case="title"/>', [item]) == (
        "The Art of War: A Study of It"
    )


def test_group_with_only_empty_variables_is_left_out() -> None:
    layout = (
        '<group delimiter=" "><text value="Vol."/><text variable="volume"/></group>'
        '<text variable="title"/>'
    )
    assert _cite(layout, [{"id": "a", "title": "T"}]) == "T"
    assert _cite(layout, [{"id": "a", "title": "T", "volume": "2"}]) == "Vol. 2T"


def test_quotes_flip_and_punctuation_moves_inside() -> None:
    item = {"id": "a", "title": 'On "Walden"', "container-title": "J"}
    layout = '<group delimiter=", "><text variable="title" quotes="true"/><text variable="container-title"/></group>'
    assert _cite(layout, [item]) == "“On ‘Walden,’” J"


def test_bibliography_sorts_and_numbers_follow_it() -> None:
    style = parse_style(
        _style(
            '<citation><layout><text variable="citation-number"/></layout></citation>',
            '<bibliography><sort><key variable="title"/></sort><layout>'
            '<text variable="citation-number" suffix=". "/><text variable="title"/>'
            "</layout></bibliography>",
        )
    )
    items = [{"id": "1", "title": "Zebra"}, {"id": "2", "title": "Apple"}]
    result = Processor(style).process(items, [[{"id": "1"}], [{"id": "2"}]])
    assert [plain(e) for e in result.bibliography] == ["1. Apple", "2. Zebra"]
    assert [plain(c) for c in result.citations] == ["2", "1"]


def test_year_suffixes_disambiguate() -> None:
    item = {"author": [{"family": "Doe", "given": "J"}], "issued": {"date-parts": [[2000]]}}
    items = [{"id": "a", "title": "A", **item}, {"id": "b", "title": "B", **item}]
    layout = (
        '<group delimiter=" "><names variable="author"><name form="short"/></names>'
        '<date variable="issued"><date-part name="year"/></date></group>'
    )
    text = _cite(layout, items, 'disambiguate-add-year-suffix="true"')
    assert text == "Doe 2000aDoe 2000b"


def test_positions_give_ibid() -> None:
    style = parse_style(
        _style(
            '<citation><layout><choose><if position="ibid"><text term="ibid"/></if>'
            '<else><text variable="title"/></else></choose></layout></citation>',
            attrs='class="note"',
        )
    )
    result = Processor(style).process(
        [{"id": "a", "title": "Walden"}], [[{"id": "a"}], [{"id": "a"}]]
    )
    assert [plain(c) for c in result.citations] == ["Walden", "Ibid."]


# -- the rich text -------------------------------------------------------------------------


def test_output_becomes_rich_text_with_new_nodes() -> None:
    style = parse_style(
        _style(
            '<citation><layout><text variable="title" font-style="italic"/>'
            '<text value="b" font-weight="bold"/><text value="c" font-variant="small-caps"/>'
            '<text value="2" vertical-align="sup"/><text value="x" vertical-align="sub"/>'
            '<text value="d" display="block"/></layout></citation>'
        )
    )
    result = Processor(style).process([{"id": "a", "title": "A <i>B</i>"}], [[{"id": "a"}]])
    tree = to_tree(result.citations[0])
    assert tree == Seq(
        (
            Emph(("A ", Upright(("B",)))),
            Strong(("b",)),
            SmallCaps(("c",)),
            Sup(("2",)),
            Sub(("x",)),
            Block("block", ("d",)),
        )
    )
    assert render(tree, "html") == (
        '<i>A <span style="font-style:normal;">B</span></i><b>b</b>'
        '<span style="font-variant:small-caps;">c</span><sup>2</sup><sub>x</sub>'
        '<div class="csl-block">d</div>'
    )
    assert render(tree, "latex") == (
        "\\emph{A \\textup{B}}\\textbf{b}\\textsc{c}\\textsuperscript{2}\\textsubscript{x} d"
    )
    assert render(tree, "markdown") == "*A B***b**c<sup>2</sup><sub>x</sub> d"
    assert render(tree, "text") == "A Bbc2x d"


def test_html_in_a_block_stays_escaped() -> None:
    assert render(Block("indent", ("<script>",)), "html") == (
        '<div class="csl-indent">&lt;script&gt;</div>'
    )


# -- the engine switch ---------------------------------------------------------------------


def test_engine_option(example_refs: list[citekit.Reference]) -> None:
    ours = citekit.format(example_refs[0], "csl:apa")
    theirs = citekit.format(example_refs[0], "csl:apa", engine="citeproc-py")
    assert ours.startswith("Кистанов, В. О. (2025).")
    assert theirs.startswith("Кистанов, В. О. (2025).")
    with pytest.raises(OptionError, match="unknown CSL engine 'other'"):
        citekit.format(example_refs[0], "csl:apa", engine="other")


def test_cli_csl_engine() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "citekit.cli", "format", str(EXAMPLE), "--style", "csl:ieee",
         "--csl-engine", "citeproc-py"],
        capture_output=True, text=True, encoding="utf-8", check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert len(result.stdout.splitlines()) == 12


def test_numbered_style_numbers_as_its_bibliography(example_refs: list[citekit.Reference]) -> None:
    text = citekit.bibliography(example_refs[:3], "csl:ieee")
    assert [line[:3] for line in text.splitlines()] == ["[1]", "[2]", "[3]"]


def test_odd_values_do_not_break_the_processor() -> None:
    style = parse_style(
        _style(
            '<citation><layout><group delimiter=", "><names variable="author"/>'
            '<date variable="issued" form="text"/><text variable="page"/>'
            '<number variable="edition" form="ordinal"/><label variable="locator"/>'
            '<text variable="locator"/></group></layout></citation>'
        )
    )
    odd: list[dict[str, Any]] = [
        {"id": "a", "author": True, "issued": {"date-parts": "x"}, "page": {}},
        {"id": "b", "author": [{"family": 5}, "x"], "issued": [[1]], "edition": []},
        {"id": "c", "issued": {"date-parts": [[2000, 99, 99]]}, "edition": "1-2-3--"},
    ]
    cites = [[{"id": i["id"], "locator": ["a"], "label": 5, "prefix": 3}] for i in odd]
    result = Processor(style).process(odd, cites)
    # nothing of the first item is text; a prefix comes with a cite that prints
    assert [plain(c) for c in result.citations] == ["", "3 5", "3 2000, 1-2-3--"]


def test_empty_entry_of_a_numbered_style_keeps_its_number() -> None:
    # citations print numbers, so the list keeps a place for an entry the style leaves
    # empty and says why (citeproc-js); in a style without numbers the entry goes
    layout = '<choose><if type="book"><text variable="citation-number" suffix=". "/><text variable="title"/></if></choose>'
    items = [
        {"id": "a", "type": "book", "title": "One"},
        {"id": "b", "type": "personal_communication", "title": "Letter"},
        {"id": "c", "type": "book", "title": "Two"},
    ]
    numbered = _style(
        '<citation><layout><text variable="citation-number"/></layout></citation>',
        f"<bibliography><layout>{layout}</layout></bibliography>",
    )
    result = Processor(parse_style(numbered)).process(items)
    assert [plain(e) for e in result.bibliography] == [
        "1. One",
        "2. [CSL STYLE ERROR: reference with no printed form.]",
        "3. Two",
    ]
    plain_style = _style(
        '<citation><layout><text variable="title"/></layout></citation>',
        f"<bibliography><layout>{layout}</layout></bibliography>",
    )
    result = Processor(parse_style(plain_style)).process(items)
    assert [plain(e) for e in result.bibliography] == ["1. One", "3. Two"]
    assert result.listed == ["a", "c"]


def test_format_of_a_numbered_style_with_an_empty_entry(tmp_path: Path) -> None:
    # format numbers each entry as the list does; an entry the style prints nothing for
    # is an empty line, where the entries were once matched to the ids one by one
    layout = '<choose><if type="book"><text variable="citation-number" suffix=". "/><text variable="title"/></if></choose>'
    path = tmp_path / "n.csl"
    path.write_text(
        _style(
            '<citation><layout><text variable="title"/></layout></citation>',
            f"<bibliography><layout>{layout}</layout></bibliography>",
        ),
        encoding="utf-8",
    )
    items = [
        {"id": "a", "type": "book", "title": "One"},
        {"id": "b", "type": "personal_communication", "title": "Letter"},
        {"id": "c", "type": "book", "title": "Two"},
    ]
    assert citekit.format_many(items, f"csl:{path}") == ["1. One", "", "3. Two"]


def test_page_range_prefix_may_start_with_digits() -> None:
    # 8n11564: note 11564 on page 8; the prefix "8n" is the same on both sides
    assert page_range("8n11564-8n1568", "chicago") == "8n11564\u201368"
    assert page_range("n11564-1568", "chicago") == "n11564-1568"  # prefixes differ
    assert page_range("110-15", "expanded") == "110\u2013115"


def test_initials_keep_the_markup_of_a_given_name() -> None:
    layout = '<names variable="author"><name initialize-with=". "/></names>'
    item = {"id": "a", "author": [{"family": "Doe", "given": "<b>John</b> Quiggly"}]}
    assert _cite(layout, [item]) == "<b>J.</b> Q. Doe"
    hyphened = {"id": "a", "author": [{"family": "Doe", "given": "<i>John</i>-Quiggly"}]}
    assert _cite(layout, [hyphened]) == "<i>J.</i>-Q. Doe"
    whole = '<names variable="author"><name/></names>'
    assert _cite(whole, [item]) == "<b>John</b> Quiggly Doe"


def test_layout_suffix_goes_inside_the_last_display_block() -> None:
    bib = (
        '<bibliography><layout suffix=".">'
        '<group display="left-margin"><text variable="citation-number"/></group>'
        '<group display="right-inline"><text variable="title" font-variant="small-caps"/></group>'
        "</layout></bibliography>"
    )
    style = parse_style(
        _style('<citation><layout><text variable="title"/></layout></citation>', bib)
    )
    result = Processor(style).process([{"id": "a", "title": "Here"}])
    html = to_html(result.bibliography[0])
    assert html.endswith(
        '<div class="csl-right-inline"><span style="font-variant:small-caps;">Here</span>.</div>\n  '
    )


def test_note_style_tells_cites_apart_by_their_later_form() -> None:
    # both books first cited in note 1 print "Doe, supra note 1" later: the later form is
    # what tells them apart, so disambiguate="true" adds the title (citeproc-js)
    layout = (
        '<choose><if position="first"><names variable="author"><name/></names>'
        '<text variable="title" prefix=", "/></if>'
        '<else><names variable="author"><name form="short"/></names>'
        '<choose><if disambiguate="true"><text variable="title" prefix=", "/></if></choose>'
        '<text variable="first-reference-note-number" prefix=", supra note "/></else></choose>'
    )
    style = parse_style(
        _style(f"<citation><layout>{layout}</layout></citation>", attrs='class="note"')
    )
    doe = [{"family": "Doe", "given": "John"}]
    items = [
        {"id": "a", "author": doe, "title": "His Book"},
        {"id": "b", "author": doe, "title": "His Other Book"},
        {"id": "c", "author": [{"family": "Roe", "given": "Jane"}], "title": "Her Book"},
    ]
    citations = [[{"id": "a"}, {"id": "b"}], [{"id": "c"}], [{"id": "a"}], [{"id": "c"}]]
    result = Processor(style).process(items, citations, [1, 2, 3, 4])
    assert [plain(c) for c in result.citations[2:]] == [
        "Doe, His Book, supra note 1",
        "Roe, supra note 2",
    ]


def test_a_cite_may_give_its_own_position() -> None:
    # as a citation item for citeproc-js's makeCitationCluster: 1 subsequent, 2 ibid
    layout = (
        '<choose><if position="ibid"><text value="Ibid."/></if>'
        '<else-if position="subsequent"><text value="later"/></else-if>'
        '<else><text variable="title"/></else></choose>'
    )
    style = parse_style(_style(f"<citation><layout>{layout}</layout></citation>"))
    items = [{"id": "a", "title": "T"}]
    given = [
        [{"id": "a", "position": 1}],
        [{"id": "a", "position": 0}],
        [{"id": "a", "position": 2}],
    ]
    result = Processor(style).process(items, given)
    assert [plain(c) for c in result.citations] == ["later", "T", "Ibid."]
    computed = Processor(style).process(items, [[{"id": "a"}], [{"id": "a"}]])
    assert [plain(c) for c in computed.citations] == ["T", "Ibid."]


def test_a_date_a_substitute_printed_is_not_printed_again() -> None:
    bib = (
        '<bibliography><layout><names variable="author"><name/><substitute>'
        '<text macro="title"/></substitute></names>'
        '<date variable="issued" form="text" date-parts="year" prefix=" "/>'
        "</layout></bibliography>"
    )
    macro = (
        '<macro name="title"><text variable="title" suffix=", "/>'
        '<date variable="issued" form="text" date-parts="year"/></macro>'
    )
    style = parse_style(
        _style('<citation><layout><text variable="title"/></layout></citation>', bib, macro)
    )
    item = {"id": "a", "title": "Arrêté", "issued": {"date-parts": [[1992, 3, 23]]}}
    result = Processor(style).process([item])
    assert plain(result.bibliography[0]) == "Arrêté, 1992"


def test_names_and_given_names_are_added_together_by_cite() -> None:
    # the given name that told one item apart stays for the items told apart later
    layout = '<names variable="author"><name delimiter=", " initialize-with="."/></names>'
    attrs = (
        'disambiguate-add-names="true" disambiguate-add-givenname="true" '
        'et-al-min="3" et-al-use-first="1"'
    )

    def item(key: str, second: str, third: str) -> dict[str, Any]:
        names = [("Doe", "John"), ("Roe", second), ("Jones", third)]
        return {"id": key, "author": [{"family": f, "given": g} for f, g in names]}

    items = [item("a", "Jane", "Robert"), item("b", "Josephine", "Robert")]
    items.append(item("c", "Jane", "Richard"))
    style = parse_style(
        _style(f'<citation {attrs}><layout delimiter="; ">{layout}</layout></citation>')
    )
    result = Processor(style).process(items, [[{"id": i["id"]} for i in items]])
    assert plain(result.citations[0]).split("; ") == [
        "J. Doe, Jane Roe, Robert Jones",
        "J. Doe, Josephine Roe, et al.",
        "J. Doe, Jane Roe, Richard Jones",
    ]


def test_an_empty_author_substitute_does_not_run_the_names_substitute() -> None:
    # subsequent-author-substitute="" blanks the repeated names; the <substitute> (the
    # title) is for an entry without names and must not take the title away
    bib = (
        '<bibliography subsequent-author-substitute=""><layout>'
        '<names variable="author" suffix=". "><name/><substitute><text variable="title"/>'
        '</substitute></names><text variable="title"/></layout></bibliography>'
    )
    style = parse_style(
        _style('<citation><layout><text variable="title"/></layout></citation>', bib)
    )
    doe = [{"family": "Doe", "given": "John"}]
    items = [{"id": "a", "author": doe, "title": "One"}, {"id": "b", "author": doe, "title": "Two"}]
    result = Processor(style).process(items)
    assert [plain(e) for e in result.bibliography] == ["John Doe. One", "Two"]
