"""The journal's Latin-script References list (style ``references``).

Russian journals print every reference in Latin script for Scopus: names and
Cyrillic titles transliterated (BSI unless ``translit`` says otherwise), the
English translation of a title in square brackets after it, the journal's
official English title where it has one (else its transliteration), and
``(In Russian)`` at the end.  Japanese Studies in Russia prints the list APA-like;
every rule, with the corpus line it comes from, is in docs/styles/references.md.

>>> import citekit
>>> refs = citekit.load("examples/japanese-studies-2025-3.json")
>>> print(citekit.format(refs[3], "references"))
Trenin, D.V. (2025). Revizionist, a ne revolyutsioner [A Revisionist, Not a Revolutionary]. Rossiya v global'noi politike, 23 (3), 35—51. Retrieved from URL: https://globalaffairs.ru/articles/revizionist-trenin/. DOI: 10.31278/1810-6439-2025-23-3-35-51 (In Russian).
"""

from __future__ import annotations

from collections.abc import Sequence

from citekit.model.person import Person
from citekit.model.reference import (
    IN_A_BOOK,
    Book,
    Chapter,
    ConferencePaper,
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
from citekit.model.title import Title
from citekit.names import direct, inverted, latin_form
from citekit.render.tree import Inline, emph, join, link, seq
from citekit.styles.base import ORIGINAL_KINDS, BaseStyle, Options
from citekit.styles.dates import english_date, parenthetical_date
from citekit.styles.editions import english_edition
from citekit.styles.forms import (
    dashed,
    english_text,
    latin_text,
    latin_with_translation,
    missing_translation,
    work_language,
)
from citekit.styles.languages import language_note
from citekit.styles.namelists import ampersand_list, truncated
from citekit.styles.numbers import patent_or_standard
from citekit.styles.ordering import russian_list_key
from citekit.styles.terms import english_place
from citekit.styles.unprinted import unprinted
from citekit.translit import transliterate

__all__ = ["REFERENCES", "ReferencesStyle"]

DASH = "—"  # the journal's ranges: pages 10—34, months April—June
_WHOLE = (Book, Report, Thesis, Standard, Patent)  # stand alone: italic title, what the work is
_NUMBERED = (Patent, Standard)  # their number in parentheses after the title, as APA


class ReferencesStyle(BaseStyle):
    """One Latin-script References entry per reference; the list in the Russian list's order,
    numbered as the journal's article page numbers it (``1. Kaspe, S.I. (2025). …``)."""

    rules = ORIGINAL_KINDS | {"standard", "patent"}

    # -- names ---------------------------------------------------------------------------------

    def _names(
        self, people: Sequence[Person], options: Options, *, more: bool = False
    ) -> str | None:
        """``Smith, S.A., & McClean, C.``: up to 20 names; 21 or more: 19, ``. . .``, the last;
        ``more`` (the source's "and others"): ``Smith, S.A., et al.``."""
        if not people:
            return None
        names = [inverted(latin_form(p, options.translit), spaced=False) for p in people]
        return ampersand_list(names, cap=options.max_authors, more=more)

    # -- titles --------------------------------------------------------------------------------

    def _title(self, title: Title | None, ref: Reference, options: Options) -> str | None:
        """The title in Latin script, then its English translation in brackets when the work
        is not in English (never an invented one)."""
        if title is None:
            return None
        text, translation = latin_with_translation(title, ref, options.translit)
        return f"{text} [{translation}]" if translation else text

    @staticmethod
    def _latin(text: str | None, options: Options) -> str | None:
        return transliterate(text, options.translit) if text else None

    # -- the parts after the title ---------------------------------------------------------------

    def _periodical(self, ref: PeriodicalPart, options: Options) -> Inline | None:
        """``Rossiya v global'noi politike, 23 (1), 10—34``."""
        if ref.container_title is None:
            return None
        container = english_text(ref.container_title, options.translit)
        if ref.volume:
            numbers: Inline | None = seq(emph(ref.volume), f" ({ref.issue})" if ref.issue else None)
        else:
            numbers = ref.issue
        locator = ref.pages and dashed(ref.pages, DASH)
        if not locator and isinstance(ref, JournalArticle):
            locator = ref.article_number
        return join([emph(container), numbers, locator], ", ")

    def _host(self, ref: Chapter | ConferencePaper, options: Options) -> Inline | None:
        """``In E.F. Editor (Ed.), The Book (pp. 5—25)``."""
        if ref.container_title is None:
            return None
        editors = [latin_form(p, options.translit) for p in ref.editors]
        lead = None
        if editors:
            shown = ", ".join(direct(e, spaced=False) for e in editors)
            lead = f"{shown} ({'Eds.' if len(editors) > 1 else 'Ed.'}), "
        pages = f" (pp. {dashed(ref.pages, DASH)})" if ref.pages else None
        book = self._title(ref.container_title, ref, options)
        return seq("In ", lead, emph(book), pages)

    def _publisher(self, ref: Publication, options: Options) -> str | None:
        """``Asie.Visions, No. 144, Ifri`` / ``Moscow: Nauka``."""
        series = (
            latin_text(ref.collection_title, options.translit) if ref.collection_title else None
        )
        if series and ref.collection_number:
            series = f"{series}, No. {ref.collection_number}"
        # a thesis names its institution in brackets after the title (see _title_block)
        publisher = None if isinstance(ref, Thesis) else self._latin(ref.publisher, options)
        place = ref.place and english_place(ref.place, options.translit)  # Moscow
        if place and publisher:
            publisher = f"{place}: {publisher}"
        return ", ".join(p for p in (series, publisher or place) if p) or None

    def _title_block(self, ref: Reference, options: Options) -> Inline | None:
        title = self._title(ref.title, ref, options)
        if title is None:
            return None
        if isinstance(ref, _WHOLE):
            # a work that stands alone: its title is italic, then what it is
            after = None
            if isinstance(ref, Book) and ref.edition:
                after = f" ({english_edition(ref.edition)})"
            elif isinstance(ref, Report) and ref.number:
                after = f" ({ref.genre or 'Report'} No. {ref.number})"
            elif isinstance(ref, Thesis):
                what = ", ".join(p for p in (ref.genre, self._latin(ref.publisher, options)) if p)
                after = f" [{what}]" if what else None
            elif isinstance(ref, _NUMBERED) and ref.number:
                after = f" ({self._latin(patent_or_standard(ref), options)})"
            return seq(emph(title), after)
        return title

    def _retrieved(self, ref: Reference) -> Inline | None:
        """``Retrieved May 8, 2025, from URL: …`` (``Retrieved from URL: …`` without a date)."""
        if not ref.url:
            return None
        if ref.accessed is not None:
            return seq(f"Retrieved {english_date(ref.accessed)}, from URL: ", link(ref.url))
        return seq("Retrieved from URL: ", link(ref.url))

    # -- the entry -------------------------------------------------------------------------------

    def entry(self, ref: Reference, options: Options) -> Inline:
        """The References entry of ``ref``."""
        date = f"({parenthetical_date(ref.issued, dash=DASH)})" if ref.issued else "(n.d.)"
        names = self._names(ref.authors, options, more=truncated(ref))
        title = self._title_block(ref, options)
        # APA's order: author (date). title. — with no author the title takes its place
        segments: list[Inline | None] = (
            [join([names, date], " "), title] if names else [join([title, date], " ")]
        )
        if isinstance(ref, PeriodicalPart):
            segments.append(self._periodical(ref, options))
        elif isinstance(ref, WebArticle):
            site = (
                english_text(ref.container_title, options.translit) if ref.container_title else None
            )
            segments.append(site)
        elif isinstance(ref, IN_A_BOOK):
            segments.append(self._host(ref, options))
        elif isinstance(ref, Legislation) and ref.container_title:  # the general rule's host
            segments.append(english_text(ref.container_title, options.translit))
        if isinstance(ref, Publication):
            segments.append(self._publisher(ref, options))
        retrieved = self._retrieved(ref)
        doi = seq("DOI: ", link(f"https://doi.org/{ref.doi}", ref.doi)) if ref.doi else None
        segments += [retrieved, doi]
        body = join(segments, ". ")
        lang = work_language(ref)
        if lang not in (None, "en"):
            return seq(body, f" ({language_note(lang)}).")
        ends_in_link = doi is not None or retrieved is not None
        return body if ends_in_link else seq(body, ".")

    def warnings(self, ref: Reference, options: Options) -> list[str]:
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

    def sort(self, refs: Sequence[Reference], options: Options) -> list[Reference]:
        """The order of the article's Russian list: Cyrillic originals first, then Latin."""
        return sorted(refs, key=russian_list_key)


REFERENCES = ReferencesStyle(
    "references",
    "the journal's Latin-script References list (transliteration + [translation])",
)
