"""GOST as a template (issue #16): the description is a declaration over the shared parts and
term tables; what the engine gained for it (glued joins, prefixes, if_present, a term table per
reference) does what it says, and the compiled line is the template's nodes put together.
tests/test_style_equivalence.py pins the output against the hand-written style it replaced."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings

from citekit.model import KINDS, Book, JournalArticle, PartialDate, Person, Reference
from citekit.render import render
from citekit.render.tree import Seq
from citekit.styles.gost import GOST_2008, GOST_2018, GostStyle
from citekit.styles.options import GostOptions, Options
from citekit.styles.parts import field, title, year
from citekit.styles.template import (
    Context,
    TemplateStyle,
    choose,
    group,
    if_present,
    join,
    prefix,
)
from citekit.styles.terms import EN, GOST_LATIN, GOST_RU, RU, by_title_script
from strategies import every_reference, of_every_kind


def _by_nodes(style: TemplateStyle, ref: Reference, options: GostOptions) -> str:
    """The description put together by calling the template node (compiled as one part), not
    by the style's flattened line."""
    words = style.words(ref) if style.words is not None else style.terms
    body = style.template(ref, Context(options, words, style.english))
    return render(Seq(tuple(p for p in (body, ".") if p)))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(of_every_kind | every_reference)
def test_the_compiled_gost_line_is_its_template(ref: Reference) -> None:
    for style, options in (
        (GOST_2018, GostOptions()),
        (GOST_2018, GostOptions(content_type=False, all_authors=True)),
        (GOST_2008, GostOptions()),
    ):
        assert render(style.entry(ref, options)) == _by_nodes(style, ref, options)
    dashed = GOST_2008.dashed
    assert dashed is not None
    options = GostOptions(dashes=True)
    assert render(GOST_2008.entry(ref, options)) == _by_nodes(dashed, ref, options)


def test_gost_is_a_template_in_the_words_of_the_title() -> None:
    assert isinstance(GOST_2018, TemplateStyle)
    assert isinstance(GOST_2018, GostStyle)
    russian = JournalArticle(id="r", title="Мир", container_title="Журнал", volume="3", issued=2020)
    latin = JournalArticle(
        id="l", title="Peace", container_title="Journal", volume="3", issued=2020
    )
    options = GOST_2018.options(content_type=False)
    assert render(GOST_2018.entry(russian, options)) == "Мир // Журнал. – 2020. – Т. 3."
    assert render(GOST_2018.entry(latin, options)) == "Peace // Journal. – 2020. – Vol. 3."
    assert render(GOST_2008.entry(latin, GOST_2008.options(dashes=True))) == (
        "Peace // Journal. – 2020. – Vol. 3."
    )
    assert render(GOST_2008.entry(latin, GOST_2008.options())) == "Peace // Journal. 2020. Vol. 3."


def test_check_names_the_rule_gost_used() -> None:
    by_kind = {kind.name: kind.cls for kind in KINDS}
    assert GOST_2018.rule(by_kind["map"](id="m")) == "map"
    assert GOST_2018.rule(by_kind["dataset"](id="d")) == "book"
    notes = GOST_2018.warnings(by_kind["dataset"](id="d", title="Данные"), GOST_2018.options())
    assert "gost-2018 has no rule of its own for the kind 'dataset': formatted as a 'book'" in notes
    assert not any(
        "no rule" in n for n in GOST_2018.warnings(by_kind["patent"](id="p"), GOST_2018.options())
    )


def test_a_glued_join_is_one_string_a_join_is_pieces() -> None:
    context = Context(Options(), RU, english=False)
    book = Book(id="b", title="Мир", place="М.", publisher="Наука")
    glued = join(" : ", field("place"), field("publisher"), glued=True)
    assert glued(book, context) == "М. : Наука"
    assert join(" : ", field("place"), field("publisher"))(book, context) == Seq(
        ("М.", " : ", "Наука")
    )
    assert glued(Book(id="c", publisher="Наука"), context) == "Наука"
    assert glued(Book(id="d"), context) is None
    # inside a group, a glued join that is missing takes the group with it
    assert group("[", glued, "]")(Book(id="d"), context) is None


def test_a_prefix_stands_instead_of_the_separator() -> None:
    line = TemplateStyle(
        "demo", "a test", join(". ", title(), prefix(" // ", field("publisher")), year())
    )
    options = line.options()
    book = Book(id="b", title="Мир", publisher="Наука", issued=2020)
    assert render(line.entry(book, options)) == "Mir // Наука. 2020."
    assert render(line.entry(Book(id="c", publisher="Наука"), options)) == "// Наука."
    assert render(line.entry(Book(id="d", title="Мир", issued=2020), options)) == "Mir. 2020."


def test_if_present_chooses_by_what_the_reference_holds() -> None:
    context = Context(Options(), EN, english=True)
    node = if_present(field("place"), "placed", "nowhere")
    assert node(Book(id="b", place="М."), context) == "placed"
    assert node(Book(id="c"), context) == "nowhere"
    unless = if_present(field("place"), None, field("publisher"))
    assert unless(Book(id="d", place="М.", publisher="Наука"), context) is None
    assert unless(Book(id="e", publisher="Наука"), context) == "Наука"
    # a case of None prints nothing for its kinds
    assert choose((Book, None), otherwise="x")(Book(id="f"), context) is None


def test_a_term_table_per_reference() -> None:
    words = by_title_script(GOST_RU, GOST_LATIN)
    style = TemplateStyle(
        "demo",
        "a test",
        join(" ", title(), group(field("volume"), " ", field("edition")), year("–")),
        terms=GOST_RU,
        english=False,
        words=words,
    )
    circa = PartialDate(2020, circa=True)
    russian = Book(id="r", title="Мир", issued=circa)
    latin = Book(id="l", title="Peace", issued=circa, authors=[Person("Smith", "John")])
    options = style.options()
    assert render(style.entry(russian, options)) == "Мир [ок. 2020]."
    assert render(style.entry(latin, options)) == "Peace [ca. 2020]."
    assert words(Book(id="n")) is GOST_RU  # no title: the Cyrillic table
