"""Styles as templates (styles/template.py) over shared parts (styles/parts.py) and term tables
(styles/terms.py): the Elpub line written as a template gives what the hand-written style gives,
for every kind and every output format; a new journal's line is a short template."""

from __future__ import annotations

import runpy
from pathlib import Path

from hypothesis import HealthCheck, given, settings

from citekit.model import Book, JournalArticle, PeriodicalPart, Publication, Reference, WebArticle
from citekit.model.reference import IN_A_BOOK, Thesis
from citekit.render import FORMATS, render
from citekit.styles.elpub import ENGLISH, RUSSIAN
from citekit.styles.options import Options
from citekit.styles.parts import (
    doi_or_url,
    edition,
    extent,
    field,
    imprint,
    language_note_part,
    names,
    numbered,
    serial_numbers,
    series,
    title,
    year,
)
from citekit.styles.template import (
    Context,
    TemplateStyle,
    choose,
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

# the Elpub "For citation" line (styles/elpub.py) as a template
IN_BOOK = group(
    term("in_"),
    " ",
    optional(group(names("editors"), ", ", term("editors"), " ")),
    title("container_title"),
)
SERIAL = join(
    ". ", title("container_title"), choose((WebArticle, year()), otherwise=serial_numbers())
)
PUBLICATION = join(
    ". ",
    choose((IN_A_BOOK, IN_BOOK), otherwise=title("container_title")),
    choose((Thesis, group("[", field("genre"), "]"))),
    edition(),
    numbered(),
    imprint(),
    extent(),
    series(),
)
LINE = join(
    ". ",
    names(),
    title(),
    choose(((PeriodicalPart, WebArticle), SERIAL), (Publication, PUBLICATION), otherwise=year()),
)
AFTER = join(" ", language_note_part(), doi_or_url())
ELPUB = TemplateStyle("elpub-template", "Elpub", LINE, terms=EN, english=True, after=AFTER)
ELPUB_RU = TemplateStyle("elpub-ru-template", "Elpub", LINE, terms=RU, english=False, after=AFTER)


def _same(ref: Reference) -> None:
    for template, style in ((ELPUB, ENGLISH), (ELPUB_RU, RUSSIAN)):
        options = style.options()
        mine, theirs = template.entry(ref, options), style.entry(ref, options)
        for to in FORMATS:
            assert render(mine, to) == render(theirs, to)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(of_every_kind)
def test_the_elpub_template_gives_the_elpub_line_for_every_kind(ref: Reference) -> None:
    _same(ref)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(every_reference)
def test_the_elpub_template_gives_the_elpub_line(ref: Reference) -> None:
    _same(ref)


def test_the_elpub_template_on_the_examples(example_refs) -> None:  # type: ignore[no-untyped-def]
    for ref in example_refs:
        _same(ref)


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
