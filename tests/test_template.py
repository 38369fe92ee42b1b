"""Styles as templates (styles/template.py) over shared parts (styles/parts.py) and term tables
(styles/terms.py): the combinators leave no punctuation behind a missing part, a template is
compiled per class of reference into what a hand-written style would run, and a new journal's
line is a short template. The built-in templates (elpub, elpub-ru, references) are pinned byte
for byte by tests/test_style_equivalence.py."""

from __future__ import annotations

import runpy
from pathlib import Path

from hypothesis import HealthCheck, given, settings

from citekit.model import Book, Chapter, JournalArticle, Person, Reference, WebArticle
from citekit.render import FORMATS, render
from citekit.render.tree import Emph, Seq
from citekit.styles.elpub import AFTER, ENGLISH, LINE, RUSSIAN
from citekit.styles.options import Options
from citekit.styles.parts import field, names, title, year
from citekit.styles.template import (
    Context,
    Static,
    TemplateStyle,
    choose,
    emph,
    first,
    group,
    join,
    optional,
    term,
    when,
)
from citekit.styles.terms import EN, RU
from strategies import every_reference, of_every_kind

ROOT = Path(__file__).resolve().parent.parent


def _by_hand(style: TemplateStyle, ref: Reference) -> str:
    """The line put together by calling the nodes one by one (each compiled on its own),
    not by the style's whole-line compilation."""
    context = Context(style.options(), style.terms, style.english)
    body = LINE(ref, context)
    tail = AFTER(ref, context)
    return render(Seq(tuple(p for p in (body, ".", " " if tail else None, tail) if p)))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(of_every_kind | every_reference)
def test_the_compiled_line_is_its_nodes_put_together(ref: Reference) -> None:
    for style in (ENGLISH, RUSSIAN):
        assert render(style.entry(ref, style.options())) == _by_hand(style, ref)
        for to in FORMATS:  # and every format renders what the style built
            assert isinstance(render(style.entry(ref, style.options()), to), str)


def test_compiling_resolves_kinds_terms_and_constants() -> None:
    english, russian = Static(EN, True, Book), Static(RU, False, Book)
    # a group of constants and terms is one string; a term is the table's word
    assert group(term("in_"), " ", "x").build(english) == "In: x"
    assert group(term("in_"), " ", "x").build(russian) == "В кн.: x"
    # a choose is its branch for the class, and a branch the class never takes is gone
    assert choose((JournalArticle, "article"), otherwise="other").build(english) == "other"
    assert when(JournalArticle, "x").build(english) is None
    assert group("(", when(JournalArticle, field("volume")), ")").build(english) is None
    assert optional(when(JournalArticle, "x")).build(english) == ""
    # joins nested through a choose become one flat list of pieces
    nested = join(". ", "a", choose((Book, join(". ", "b", "c"))), join(", ", "d", "e"))
    assert nested.pieces(english, ". ") == ["a", "b", "c", "d, e"]
    assert nested.build(english) == "a. b. c. d, e"
    assert first(when(JournalArticle, "x"), "y", field("place")).build(english) == "y"


def test_a_plain_function_is_a_part() -> None:
    def shout(ref: Reference, context: Context) -> str | None:
        return ref.title.original.upper() if ref.title else None

    style = TemplateStyle("shout", "a test", join(". ", shout, year()))
    ref = Book(id="b", title="Quiet", issued=2020)
    assert render(style.entry(ref, style.options())) == "QUIET. 2020."
    assert render(style.entry(Book(id="c", title="Q"), style.options())) == "Q."


def test_emph_and_end_and_after() -> None:
    style = TemplateStyle(
        "demo", "a test", join(", ", emph(title()), field("place")), end="!", after=year()
    )
    ref = Book(id="b", title="T", place="Moscow", issued=2020)
    entry = style.entry(ref, style.options())
    assert Emph(("T",)) in entry.children  # type: ignore[union-attr]
    assert render(entry, "html") == "<i>T</i>, Moscow! 2020"
    assert render(style.entry(Book(id="c", title="T"), style.options())) == "T!"


def test_the_line_of_each_class_is_compiled_once() -> None:
    style = TemplateStyle("demo", "a test", join(". ", names(), title()))
    for n in range(3):
        style.entry(Book(id=f"b{n}", title="T", authors=[Person("Kaspe", "S.")]), style.options())
    style.entry(Chapter(id="c", title="T"), style.options())
    style.entry(WebArticle(id="w", title="T"), style.options())
    assert set(style._lines) == {Book, Chapter, WebArticle}


def test_group_is_all_or_nothing_and_join_leaves_no_punctuation() -> None:
    context = Context(Options(), EN, english=True)
    book = Book(id="b", title="T", place="Moscow")
    assert group(field("place"), ": ", field("publisher"))(book, context) is None
    assert group(field("place"), optional(group(": ", field("publisher"))))(book, context) == (
        "Moscow"
    )
    assert join(". ", field("publisher"), title(), field("place"))(book, context) is not None
    assert render(join(". ", field("publisher"), title(), field("place"))(book, context)) == (  # type: ignore[arg-type]
        "T. Moscow"
    )
    assert join(", ", field("publisher"))(book, context) is None
    assert first(field("publisher"), field("place"))(book, context) == "Moscow"
    assert when(JournalArticle, "x")(book, context) is None
    assert choose((JournalArticle, "article"), otherwise="other")(book, context) == "other"
    assert term("page")(book, Context(Options(), RU, english=False)) == "С."


def test_a_new_journal_line_is_a_short_template(example_refs) -> None:  # type: ignore[no-untyped-def]
    path = ROOT / "examples" / "journal_template.py"
    assert len(path.read_text(encoding="utf-8").splitlines()) < 60
    style = runpy.run_path(str(path))["VESTNIK"]
    assert render(style.entry(example_refs[0], style.options())) == (
        "Kistanov V.O. Japan's foreign policy in the era of Trump 2.0: Will there be changes? "
        "// Japanese Studies in Russia. 2025. No. 3. P. 5-25. (In Russ.) "
        "https://doi.org/10.55105/2500-2872-2025-3-5-25"
    )
    assert render(style.entry(example_refs[1], style.options())).startswith(
        "Kaspe S.I. Empire on Self-Financing"
    )
