"""The "For citation" line of journals on the Elpub platform (``elpub``, ``elpub-ru``).

Rules (docs/styles/elpub.md, from ../shared/spec/formats.md §1): ``Family I.O.``
names joined by commas; the title (English line: its English translation;
Russian line: the original) and the journal (English line: its official
English title) each followed by a period unless the title ends in ``?``/``!``;
``YYYY;V(I):P-P.``; ``(In Russ.)`` on the English line of a Russian work;
the DOI link last, with no period after it.

>>> from citekit.model import JournalArticle, Person, Title
>>> ref = JournalArticle(
...     id="v2011", language="ru",
...     title=Title("Терапия глибенкламидом: за или против?",
...                 translations={"en": "Glibenclamide therapy: pros and cons"}),
...     authors=[Person("Викулова", "О. К."), Person("Шестакова", "М. В.")],
...     container_title=Title("Сахарный диабет", translations={"en": "Diabetes mellitus"}),
...     volume="14", issue="3", pages="92-96", issued=2011, doi="10.14341/2072-0351-6231")
>>> from citekit.render import render
>>> render(ENGLISH.entry(ref, ENGLISH.options()))
'Vikulova O.K., Shestakova M.V. Glibenclamide therapy: pros and cons. Diabetes mellitus. 2011;14(3):92-96. (In Russ.) https://doi.org/10.14341/2072-0351-6231'
>>> render(RUSSIAN.entry(ref, RUSSIAN.options()))
'Викулова О.К., Шестакова М.В. Терапия глибенкламидом: за или против? Сахарный диабет. 2011;14(3):92-96. https://doi.org/10.14341/2072-0351-6231'
"""

from __future__ import annotations

from mypy_extensions import mypyc_attr

from citekit.model.person import Person
from citekit.model.reference import (
    IN_A_BOOK,
    JournalArticle,
    PeriodicalPart,
    Publication,
    Reference,
    Thesis,
    WebArticle,
)
from citekit.model.title import Title
from citekit.names import inverted, latin_form, original_form
from citekit.render.tree import Inline, Link, Seq, join_into, link
from citekit.styles.base import ORIGINAL_KINDS, BaseStyle, Options
from citekit.styles.dates import numeric_date, year_text
from citekit.styles.editions import english_edition, russian_edition
from citekit.styles.forms import english_text, missing_translation, work_language
from citekit.styles.languages import ELPUB_NOTES, language_note
from citekit.styles.namelists import truncated
from citekit.styles.numbers import periodical_numbers
from citekit.styles.terms import EN, RU, english_place
from citekit.styles.unprinted import unprinted
from citekit.translit import transliterate

__all__ = ["ENGLISH", "RUSSIAN", "ElpubStyle"]


_SERIAL = (PeriodicalPart, WebArticle)  # a journal, newspaper or site, not a publisher


@mypyc_attr(allow_interpreted_subclasses=True)  # compiled, it may still be subclassed
class ElpubStyle(BaseStyle):
    """One Elpub "For citation" line per reference, in English or in Russian."""

    rules = ORIGINAL_KINDS

    def __init__(self, id: str, description: str, *, english: bool) -> None:
        super().__init__(id, description)
        self.english = english
        self.words = EN if english else RU

    # -- the parts ---------------------------------------------------------------------------

    def _names(
        self, people: tuple[Person, ...], options: Options, *, more: bool = False
    ) -> str | None:
        """``Kistanov V.O., Kaspe S.I.``; after ``max_authors`` names, or when the source's
        list ends in "and others" (``more``), ``et al.`` / ``и др.``."""
        if not people:
            return None
        shown = people[: options.max_authors] if options.max_authors else people
        if self.english:
            names = [
                inverted(latin_form(p, options.translit), comma=False, spaced=False) for p in shown
            ]
        else:
            names = [inverted(original_form(p), comma=False, spaced=False) for p in shown]
        if len(shown) < len(people) or more:
            names.append(self.words.et_al)
        return ", ".join(names)

    def _title(self, title: Title | None, options: Options) -> str | None:
        if title is None:
            return None
        return english_text(title, options.translit) if self.english else title.original

    def _year(self, ref: Reference) -> str | None:
        """``2025``, a span ``2020-2021`` (the ASCII hyphen of the journal's numbers), an
        approximate year ``ca. 2020`` (``ок. 2020`` on the Russian line)."""
        return year_text(ref.issued, dash="-", circa="ca. {}" if self.english else "ок. {}")

    def _published(self, ref: Publication, options: Options) -> str | None:
        """``Moscow: Nauka; 2025``; on the English line the place in English and the
        publisher transliterated (``Москва: Гнозис`` → ``Moscow: Gnozis``)."""
        place, publisher = ref.place, ref.publisher
        if self.english:
            scheme = options.translit
            place = place and english_place(place, scheme)
            publisher = publisher and transliterate(publisher, scheme)
        where = ": ".join(p for p in (place, publisher) if p)
        year = self._year(ref)
        return "; ".join(p for p in (where, year) if p) or None

    def _segments(self, ref: Reference, options: Options) -> list[Inline | None]:
        """The period-separated segments of the line after names and title."""
        words = self.words
        if isinstance(ref, _SERIAL):
            container = self._title(ref.container_title, options)
            if isinstance(ref, WebArticle):
                return [container, self._year(ref)]
            return [container, periodical_numbers(ref)]
        if not isinstance(ref, Publication):  # the general rule: the year after the title
            return [self._year(ref)]
        segments: list[Inline | None] = []
        if isinstance(ref, IN_A_BOOK):
            editors = self._names(ref.editors, options)
            host = self._title(ref.container_title, options)
            lead = f"{words.in_} " + (f"{editors}, {words.editors} " if editors else "")
            segments.append(f"{lead}{host}" if host else None)
        else:  # a publication printed in another (a law in its official gazette)
            segments.append(self._title(getattr(ref, "container_title", None), options))
        if isinstance(ref, Thesis) and ref.genre:
            segments.append(f"[{ref.genre}]")
        if ref.edition:  # Vancouver: "2nd ed."; the Russian line of a Russian work "2-е изд."
            russian = not self.english and work_language(ref) == "ru"
            segments.append(
                russian_edition(ref.edition) if russian else english_edition(ref.edition)
            )
        number = getattr(ref, "number", None)  # a report's, a standard's, a patent's, a law's
        if number:
            segments.append(f"{words.number} {number}")
        segments.append(self._published(ref, options))
        pages = getattr(ref, "pages", None)
        if pages:
            segments.append(f"{words.page} {pages}")
        elif ref.number_of_pages:
            segments.append(f"{ref.number_of_pages} {words.pages}")
        series = self._title(ref.collection_title, options)
        if series:  # Vancouver: (Series; number) after the publication details
            number = f"; {ref.collection_number}" if ref.collection_number else ""
            segments.append(f"({series}{number})")
        return segments

    def warnings(self, ref: Reference, options: Options) -> list[str]:
        """Missing journal, DOI, or (English line) English title; a kind without a rule of
        its own."""
        found = super().warnings(ref, options)
        if isinstance(ref, JournalArticle) and ref.container_title is None:
            found.append("no journal title")
        if ref.doi is None:
            found.append("no DOI: the line ends with the URL, or with nothing")
        if self.english and (warning := missing_translation(ref)):
            found.append(warning)
        found += unprinted(
            ref,
            translators="the Elpub line names the authors only",
            editors="the Elpub line names the authors of an authored book only",
            volume="the Elpub line of a book has no place for a volume",
            original_date="the Elpub line has no place for it",
            genre=None
            if isinstance(ref, Thesis)
            else "the Elpub line describes no kind of work but a thesis's degree",
            medium="the Elpub line names no medium",
        )
        return found

    # -- the line ----------------------------------------------------------------------------

    def entry(self, ref: Reference, options: Options) -> Inline:
        """The "For citation" line of ``ref``."""
        names = self._names(ref.authors, options, more=truncated(ref))
        title = self._title(ref.title, options)
        line = join_into([], [names, title, *self._segments(ref, options)], ". ")
        line.append(".")
        lang = work_language(ref)
        if self.english and lang and lang != "en":
            line += (" ", f"({ELPUB_NOTES.get(lang) or language_note(lang)})")
        if ref.doi:
            url = f"https://doi.org/{ref.doi}"
            line += (" ", Link(url, (url,)))
        elif ref.url:
            line += (" ", link(ref.url))
            if ref.accessed:
                line.append(f" ({self.words.accessed} {numeric_date(ref.accessed)})")
        return Seq(tuple(line))


ENGLISH = ElpubStyle(
    "elpub", 'the journal\'s "For citation" line in English (Elpub platform)', english=True
)
RUSSIAN = ElpubStyle(
    "elpub-ru", 'the journal\'s "For citation" line in Russian (Elpub platform)', english=False
)
