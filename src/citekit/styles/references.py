"""The journal's Latin-script References list (style ``references``).

Russian journals print every reference in Latin script for Scopus: names and
Cyrillic titles transliterated (BSI unless ``translit`` says otherwise), the
English translation of a title in square brackets after it, the journal's
official English title where it has one (else its transliteration), and
``(In Russian)`` at the end.  Japanese Studies in Russia prints the list APA-like;
every rule, with the corpus line it comes from, is in docs/styles/references.md. The entry is
a template over the shared parts (:mod:`citekit.styles.template`, :mod:`citekit.styles.parts`);
only the list's order is code.

>>> import citekit
>>> refs = citekit.load("examples/japanese-studies-2025-3.json")
>>> print(citekit.format(refs[3], "references"))
Trenin, D.V. (2025). Revizionist, a ne revolyutsioner [A Revisionist, Not a Revolutionary]. Rossiya v global'noi politike, 23 (3), 35—51. Retrieved from URL: https://globalaffairs.ru/articles/revizionist-trenin/. DOI: 10.31278/1810-6439-2025-23-3-35-51 (In Russian).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from citekit.model.reference import (
    IN_A_BOOK,
    Book,
    JournalArticle,
    Legislation,
    Patent,
    PeriodicalPart,
    Publication,
    Reference,
    Report,
    Standard,
    Thesis,
    WebArticle,
)
from citekit.render.tree import Inline
from citekit.styles.base import ORIGINAL_KINDS
from citekit.styles.forms import latin_text, missing_translation, work_language
from citekit.styles.languages import language_note
from citekit.styles.numbers import patent_or_standard
from citekit.styles.ordering import russian_list_key
from citekit.styles.parts import (
    date_in_parentheses,
    doi_labelled,
    edition,
    editors_lead,
    field,
    names,
    pages,
    retrieved,
    title,
    title_with_translation,
    transliterated,
    volume_issue,
)
from citekit.styles.template import (
    Context,
    TemplateStyle,
    choose,
    emph,
    first,
    group,
    join,
    optional,
    part,
    required,
    when,
)
from citekit.styles.terms import EN, english_place
from citekit.styles.unprinted import unprinted
from citekit.translit import transliterate

__all__ = ["ENTRY", "REFERENCES", "ReferencesStyle"]

DASH = "—"  # the journal's ranges: pages 10—34, months April—June
_WHOLE = (Book, Report, Thesis, Standard, Patent)  # stand alone: italic title, what the work is
_NUMBERED = (Patent, Standard)  # their number in parentheses after the title, as APA


# -- the parts only this list prints ----------------------------------------------------------


def _designation(ref: Reference, context: Context) -> Inline | None:
    """``RU Patent No. 2637215``, ``ISO 690:2021``, in Latin script."""
    if not getattr(ref, "number", None):
        return None
    return transliterate(patent_or_standard(ref), context.options.translit)  # type: ignore[arg-type]


def _publisher(ref: Reference, context: Context) -> Inline | None:
    """``Asie.Visions, No. 144, Ifri`` / ``Moscow: Nauka`` (a thesis's institution is in
    brackets after its title instead)."""
    if not isinstance(ref, Publication):
        return None
    scheme = context.options.translit
    series = latin_text(ref.collection_title, scheme) if ref.collection_title else None
    if series and ref.collection_number:
        series = f"{series}, No. {ref.collection_number}"
    publisher = None
    if not isinstance(ref, Thesis) and ref.publisher:
        publisher = transliterate(ref.publisher, scheme)
    place = ref.place and english_place(ref.place, scheme)  # Moscow
    if place and publisher:
        publisher = f"{place}: {publisher}"
    return ", ".join(p for p in (series, publisher or place) if p) or None


def _closing(ref: Reference, context: Context) -> Inline | None:
    """`` (In Russian).`` after a work not in English; else a period, unless the entry ends
    in its link."""
    lang = work_language(ref)
    if lang not in (None, "en"):
        return f" ({language_note(lang)})."
    return "" if ref.doi or ref.url else "."


# -- the entry ---------------------------------------------------------------------------------

# the title, then what a work that stands alone is: "Title [Translation] (2nd ed.)" in italics
WHAT = choose(
    (Book, group(" (", edition(), ")")),
    (Report, group(" (", first(field("genre"), "Report"), " No. ", field("number"), ")")),
    (Thesis, group(" [", join(", ", field("genre"), transliterated("publisher")), "]")),
    (_NUMBERED, group(" (", part(lambda static: _designation), ")")),
)
TITLE = choose(
    (_WHOLE, group(emph(title_with_translation()), optional(WHAT))),
    otherwise=title_with_translation(),
)
DATE = date_in_parentheses(DASH)
# APA's order: "Author, A. (date). Title" -- with no author the title takes its place
NAMED = join(" ", required(names(comma=True, ampersand=True)), DATE)
LEAD = first(join(". ", required(NAMED), TITLE), join(" ", TITLE, DATE))
# "Journal, 23 (1), 10—34": italic journal and volume
PERIODICAL = group(
    emph(title("container_title")),
    optional(
        group(
            ", ",
            join(
                ", ",
                volume_issue(),
                first(pages(DASH), when(JournalArticle, field("article_number"))),
            ),
        )
    ),
)
# "In E.F. Editor (Ed.), The Book (pp. 5—25)"
HOST = group(
    "In ",
    optional(group(editors_lead(), ", ")),
    emph(title_with_translation("container_title")),
    optional(group(" (pp. ", pages(DASH), ")")),
)
ENTRY = join(
    ". ",
    LEAD,
    choose(
        (PeriodicalPart, PERIODICAL),
        (WebArticle, title("container_title")),
        (IN_A_BOOK, HOST),
        (Legislation, title("container_title")),  # the gazette
    ),
    when(Publication, part(lambda static: _publisher)),
    retrieved(),
    doi_labelled(),
)
"""The entry up to its close: `` (In Russian).``, a period, or nothing after a link."""


class ReferencesStyle(TemplateStyle):
    """One Latin-script References entry per reference; the list in the Russian list's order,
    numbered as the journal's article page numbers it (``1. Kaspe, S.I. (2025). …``)."""

    rules = ORIGINAL_KINDS | {"standard", "patent"}

    def __init__(self, id: str, description: str) -> None:
        super().__init__(
            id, description, ENTRY, terms=EN, english=True, end=part(lambda static: _closing)
        )

    def warnings(self, ref: Reference, options: Any) -> list[str]:
        """A non-English title without its English translation; a kind without a rule of its
        own."""
        warning = missing_translation(ref)
        found = [warning] if warning else []
        found += unprinted(
            ref,
            translators="the journal's list shows no translated work to follow",
            editors="the journal's list names an authored book's authors only",
            volume="the journal's list shows no volume of a book to follow",
            original_date="the journal's list shows no reprint to follow",
            genre=None
            if isinstance(ref, Thesis) or (isinstance(ref, Report) and ref.number)
            else "the journal's list describes no kind of work but a thesis's or a report's",
            medium="the journal's list names no medium",
        )
        return found + super().warnings(ref, options)

    def sort(self, refs: Sequence[Reference], options: Any) -> list[Reference]:
        """The order of the article's Russian list: Cyrillic originals first, then Latin."""
        return sorted(refs, key=russian_list_key)


REFERENCES = ReferencesStyle(
    "references",
    "the journal's Latin-script References list (transliteration + [translation])",
)
