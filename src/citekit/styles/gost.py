"""GOST styles: GOST R 7.0.100-2018 (``gost-2018``, also ``gost``) and GOST R 7.0.5-2008
(``gost-2008``).

Every rule, with the clause it comes from, is in docs/styles/gost.md. In short:

* 2018: areas separated by ``. – ``; a heading ``Фамилия, И. О.`` (the first author) when there
  are one to three authors, all of them in the statement of responsibility after ``/``; four
  or more: no heading, three names and ``[и др.]``; the content type ``Текст : электронный``
  (online) or ``Текст : непосредственный`` (print) before ``//`` in a part of a publication and
  last in a whole one.
* 2008: areas separated by ``. `` (or ``. – `` with ``dashes=True``); a heading with one to
  three authors ``Фамилия И. О., Фамилия И. О.``; four or more: title first and
  ``/ И. О. Фамилия [и др.]``.
* Latin-script sources keep their language: ``Vol. 23, no. 1. – P. 10–34``, ``[et al.]``.
* Non-breaking spaces in initials, after ``С.``, ``№``, ``Т.``: ``&nbsp;`` in HTML.

>>> import citekit
>>> ref = citekit.load("examples/japanese-studies-2025-3.json")[0]
>>> print(citekit.format(ref, "gost"))
Кистанов, В. О. Внешняя политика Японии в эпоху Трампа 2.0: будут ли перемены? / В. О. Кистанов. – Текст : электронный // Японские исследования. – 2025. – № 3. – С. 5–25. – DOI 10.55105/2500-2872-2025-3-5-25.
>>> print(citekit.format(ref, "gost-2008"))
Кистанов В. О. Внешняя политика Японии в эпоху Трампа 2.0: будут ли перемены? // Японские исследования. 2025. № 3. С. 5–25. DOI: 10.55105/2500-2872-2025-3-5-25.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from mypy_extensions import mypyc_attr

from citekit.model.date import PartialDate
from citekit.model.person import Person
from citekit.model.reference import (
    IN_A_BOOK,
    JournalArticle,
    Legislation,
    Manuscript,
    NewspaperArticle,
    Patent,
    PeriodicalPart,
    Publication,
    Reference,
    Report,
    Standard,
    Thesis,
    WebArticle,
)
from citekit.model.title import primary_language
from citekit.render.tree import NBSP, Inline, Link, Seq, join_into, link, seq
from citekit.script import is_cyrillic
from citekit.styles.base import ORIGINAL_KINDS, BaseStyle
from citekit.styles.dates import MONTHS, numeric_date, year_text
from citekit.styles.editions import english_edition, russian_edition
from citekit.styles.forms import dashed
from citekit.styles.namelists import truncated
from citekit.styles.options import GostOptions
from citekit.styles.ordering import russian_list_key
from citekit.styles.terms import EN, GOST_LATIN, RU, Terms, gost_medium
from citekit.styles.unprinted import unprinted

__all__ = ["GOST_2008", "GOST_2018", "GostOptions", "GostStyle"]

EN_DASH = "–"
_PARTS = (PeriodicalPart, WebArticle, *IN_A_BOOK)  # described with their host after "//"
MONTHS_GENITIVE = (
    "января", "февраля", "марта", "апреля", "мая", "июня",
    "июля", "августа", "сентября", "октября", "ноября", "декабря",
)  # fmt: skip


# GOST brackets what the cataloguer supplies: "[и др.]", "[Б. м.]"; the words are the shared ones
_RU = RU._replace(
    et_al=f"[{RU.et_al}]", no_place=f"[{RU.no_place}]", no_publisher=f"[{RU.no_publisher}]"
)
_LATIN = GOST_LATIN._replace(
    et_al=f"[{EN.et_al}]", no_place=f"[{EN.no_place}]", no_publisher=f"[{EN.no_publisher}]"
)

_CONTENT_TYPES = {
    "map": ("Изображение картографическое : непосредственное",
            "Изображение картографическое : электронное"),
    "graphic": ("Изображение : непосредственное", "Изображение : электронное"),
    "figure": ("Изображение : непосредственное", "Изображение : электронное"),
    "musical-score": ("Музыка (знаковая) : непосредственная", "Музыка (знаковая) : электронная"),
    "song": ("Музыка (исполнительская) : аудио", "Музыка (исполнительская) : электронная"),
    "motion-picture": ("Изображение (движущееся ; двухмерное) : видео",
                       "Изображение (движущееся ; двухмерное) : электронное"),
    "broadcast": ("Изображение (движущееся ; двухмерное) : видео",
                  "Изображение (движущееся ; двухмерное) : электронное"),
    "software": ("Программа (визуальная) : электронная", "Программа (визуальная) : электронная"),
}  # fmt: skip
"""GOST R 7.0.100-2018's content type and means of access (print, online) for what is not
text; every other kind is ``Текст : непосредственный`` / ``Текст : электронный``."""
_CYRILLIC_LANGUAGES = frozenset({"ru", "uk", "be", "bg", "sr", "mk", "kk", "ky", "tg", "mn"})
"""Languages written in Cyrillic: their date words are printed in Russian."""
_NO_HEADING = (Standard, Patent, Legislation)  # described under their title (or designation)
_DESCRIBED_AFTER_TITLE = (Patent, Legislation)  # ": патент № …", ": Федеральный закон от … № …"


def _role(one: str, many: str, people: Sequence[Person]) -> str:
    """``редактор`` / ``редакторы``: the role word of GOST R 7.0.100-2018's subsequent
    statements of responsibility, in the nominative, as the names are."""
    return one if len(people) == 1 else many


def _year(ref: Reference, words: Terms) -> str | None:
    """``2020``, a span ``2020–2021``, an approximate year ``[ок. 2020]`` (``[ca. 2020]`` in a
    Latin-script description): GOST R 7.0.100-2018 puts a supplied or approximate date in
    square brackets."""
    circa = "[ca. {}]" if words is _LATIN else "[ок. {}]"
    return year_text(ref.issued, dash="–", circa=circa)


def _label(label: str, value: str) -> str:
    """``С. 5–25`` with a non-breaking space; a value that is not a number
    (``January/February 2025``) is printed as it stands."""
    return f"{label}{NBSP}{value}" if value[:1].isdigit() else value


@mypyc_attr(allow_interpreted_subclasses=True)  # compiled, it may still be subclassed
class GostStyle(BaseStyle):
    """A GOST reference list entry: GOST R 7.0.100-2018 or GOST R 7.0.5-2008."""

    options_class = GostOptions
    rules = ORIGINAL_KINDS | {"standard", "patent", "legislation", "manuscript", *_CONTENT_TYPES}

    def __init__(self, id: str, description: str, *, edition: int) -> None:
        super().__init__(id, description)
        self.edition = edition
        self.area = f".{NBSP}{EN_DASH} "  # ". – "
        self.short = ". "

    # -- names ---------------------------------------------------------------------------------

    # GOST describes a work in its own script: names are printed as written.

    def _inverted(self, person: Person) -> str:
        """Heading form: ``Кистанов, В. О.`` (2018) or ``Кистанов В. О.`` (2008)."""
        family, _, initials, _, organisation = person.as_written
        if organisation or not initials:
            return family
        comma = "," if self.edition == 2018 else ""
        return f"{family}{comma}{NBSP}{NBSP.join(initials)}"

    @staticmethod
    def _direct(person: Person) -> str:
        """Statement-of-responsibility form: ``В. О. Кистанов``."""
        family, _, initials, _, organisation = person.as_written
        if organisation or not initials:
            return family
        return f"{NBSP.join(initials)}{NBSP}{family}"

    def _heading_authors(self, ref: Reference, options: GostOptions) -> list[Person]:
        """The authors in the heading: none for four or more (or for organisations), none for
        a standard, a patent or a law."""
        people = [p for p in ref.authors if not p.is_organisation]
        count = len(ref.authors) + truncated(ref)  # "and others": at least one more
        if not people or count > 3 or isinstance(ref, _NO_HEADING):
            return []
        return people if self.edition == 2008 else people[:1]

    def _responsibility(self, ref: Reference, options: GostOptions, words: Terms) -> str | None:
        """``/ В. О. Кистанов, П. П. Петров`` or ``/ А. А. Иванов, Б. Б. Петров, В. В. Сидоров
        [и др.]`` (2008: the authors only when there is no heading), then the subsequent
        statements: ``; переводчик Н. Н. Иванов ; редактор А. А. Петров`` (5.3)."""
        latin = words is _LATIN
        statements = [self._authors_statement(ref, options, words)]
        if ref.translators:
            role = "translated by" if latin else _role("переводчик", "переводчики", ref.translators)
            statements.append(f"{role} {self._names(ref.translators)}")
        if ref.editors and not isinstance(ref, IN_A_BOOK):  # a chapter's editors are its book's
            role = "edited by" if latin else _role("редактор", "редакторы", ref.editors)
            statements.append(f"{role} {self._names(ref.editors)}")
        return " ; ".join(s for s in statements if s) or None

    def _names(self, people: Sequence[Person]) -> str:
        return ", ".join([self._direct(p) for p in people])

    def _authors_statement(self, ref: Reference, options: GostOptions, words: Terms) -> str | None:
        authors = ref.authors
        if not authors:
            return None
        if self.edition == 2008 and self._heading_authors(ref, options):
            return None
        shown_count = len(authors)
        if len(authors) > 3 and not options.all_authors:
            shown_count = 3 if self.edition == 2018 else 1
        if options.max_authors is not None:
            shown_count = min(shown_count, options.max_authors)
        names = ", ".join([self._direct(p) for p in authors[:shown_count]])
        more = shown_count < len(authors) or truncated(ref)  # the source's "and others"
        return f"{names} {words.et_al}" if more else names

    # -- dates and places ----------------------------------------------------------------------

    @staticmethod
    def _day_month(date: PartialDate, latin: bool) -> str | None:
        """``16 апреля`` / ``April 16``; a month alone ``апрель`` becomes ``April`` in Latin."""
        if date.month is None:
            return None
        if latin:
            month = MONTHS[date.month - 1]
            return f"{month} {date.day}" if date.day else month
        if date.day:
            return f"{date.day} {MONTHS_GENITIVE[date.month - 1]}"
        return None

    def _imprint(self, ref: Publication, words: Terms) -> Inline | None:
        """``Москва : Наука, 2020`` (``[Б. м.] : Ifri, 2025`` when the place is unknown)."""
        year = _year(ref, words)
        if ref.publisher and not isinstance(ref, Thesis):  # a thesis names it after " ; "
            where = f"{ref.place or words.no_place} : {ref.publisher}"
            return f"{where}, {year}" if year else where
        if ref.place:
            return f"{ref.place}, {year}" if year else ref.place
        return year

    # -- pieces of the description ---------------------------------------------------------------

    def _latin(self, ref: Reference) -> bool:
        """A Latin-script source is described in its own language (Vol., no., P.)."""
        title = ref.title.original if ref.title else ""
        return not is_cyrillic(title) if title else False

    def _latin_dates(self, ref: Reference) -> bool:
        """Date words (``16 апреля`` / ``April 16``) follow the item's ``language``; the
        script of its title decides only when the item has none. A Cyrillic-script language
        other than Russian gets the Russian words of the list (Decided)."""
        if ref.language:
            return primary_language(ref.language) not in _CYRILLIC_LANGUAGES
        return self._latin(ref)

    def _sep(self, options: GostOptions) -> Inline:
        if self.edition == 2008 and not options.dashes:
            return self.short
        return self.area

    def _title_part(self, ref: Reference, options: GostOptions, words: Terms) -> str:
        """Heading, title (with its subordinate title) and statement of responsibility: one
        string, as nothing in it ends a sentence that the writer would have to tidy."""
        heading = ", ".join([self._inverted(p) for p in self._heading_authors(ref, options)])
        title = ref.title.original if ref.title else ""
        if isinstance(ref, _DESCRIBED_AFTER_TITLE):
            what = self._what(ref, words)
            title = f"{title} : {what}" if title and what else title or what
        elif isinstance(ref, Publication) and ref.genre:
            # other title information: "… : учебник для вузов", "… : дис. … канд. наук"
            title = f"{title} : {ref.genre}" if title else ref.genre
        if (
            isinstance(ref, Standard) and ref.number
        ):  # the designation heads it: "ГОСТ Р 7.32–2017."
            heading = ref.number if ref.number.endswith(".") else f"{ref.number}."
        if (
            isinstance(ref, Publication)
            and ref.volume
            and not isinstance(ref, IN_A_BOOK)
            and not (isinstance(ref, Legislation) and ref.container_title)  # the gazette's
        ):
            # a volume of a multi-volume work: its number in the title area (5.3)
            volume = _label(words.volume, ref.volume)
            title = f"{title}. {volume}" if title else volume
        responsibility = self._responsibility(ref, options, words)
        if isinstance(ref, Thesis) and ref.publisher:  # the institution: "/ И. Ю. Иванов ; МГИМО"
            responsibility = (
                f"{responsibility} ; {ref.publisher}" if responsibility else ref.publisher
            )
        body = f"{title} / {responsibility}" if responsibility else title
        return f"{heading} {body}" if heading else body

    @staticmethod
    def _what(ref: Patent | Legislation, words: Terms) -> str:
        """``патент № 2637215 Российская Федерация``; ``Федеральный закон от 29.12.2012
        № 273-ФЗ``."""
        if isinstance(ref, Patent):
            number = f"{words.patent}{NBSP}{ref.number}" if ref.number else None
            return " ".join(p for p in (number, ref.jurisdiction) if p)
        dated = None
        if ref.issued is not None and ref.issued.day is not None:
            dated = f"{words.dated} {numeric_date(ref.issued)}"
        number = f"{words.act_number}{NBSP}{ref.number}" if ref.number else None
        return " ".join(p for p in (ref.genre, dated, number) if p)

    def _content_type(self, ref: Reference, options: GostOptions) -> str | None:
        if self.edition != 2018 or not options.content_type:
            return None
        medium = getattr(ref, "medium", None)
        if gost_medium(medium):  # the record says it in GOST's words; any other is not printed
            return str(medium)
        online = ref.url is not None or ref.doi is not None
        forms = _CONTENT_TYPES.get(ref.kind)
        if forms is not None:
            return forms[online]
        return "Текст : электронный" if online else "Текст : непосредственный"

    def _periodical_numbers(self, ref: PeriodicalPart, words: Terms) -> list[str | None]:
        """``Т. 23, № 1`` and ``С. 10–34`` (for Latin sources ``Vol. 23, no. 1``, ``P. 10–34``)."""
        volume = _label(words.volume, ref.volume) if ref.volume else None
        issue = _label(words.number, ref.issue) if ref.issue else None
        numbers = f"{volume}, {issue}" if volume and issue else volume or issue
        locator: str | None = None
        if ref.pages:
            locator = _label(words.page, dashed(ref.pages, EN_DASH))
        elif isinstance(ref, JournalArticle) and ref.article_number:
            locator = _label("Art." if words is _LATIN else "Ст.", ref.article_number)
        return [numbers, locator]

    def _host(self, ref: Reference, options: GostOptions, words: Terms) -> list[Inline | None]:
        """What follows ``//``: the journal, site or book, with its own areas."""
        latin = words is _LATIN
        latin_dates = self._latin_dates(ref)  # date words follow the item's language
        year = _year(ref, words)
        if isinstance(ref, PeriodicalPart):
            container = ref.container_title.original if ref.container_title else None
            when = None
            if isinstance(ref, NewspaperArticle) or (not ref.volume and not ref.issue):
                when = self._day_month(ref.issued, latin_dates) if ref.issued else None
            return [container, year, when, *self._periodical_numbers(ref, words)]
        if isinstance(ref, WebArticle):
            site = ref.container_title.original if ref.container_title else None
            when = self._day_month(ref.issued, latin_dates) if ref.issued else None
            return [f"{site} : [сайт]" if site else None, year, when]
        if isinstance(ref, IN_A_BOOK):
            book = ref.container_title.original if ref.container_title else None
            if ref.editors:
                editors = ", ".join([self._direct(p) for p in ref.editors])
                lead = "edited by" if latin else "под редакцией"
                book = f"{book or ''} / {lead} {editors}"
            edition = self._edition(ref, words)  # the book's own areas (7.3)
            volume = _label(words.volume, ref.volume) if ref.volume else None
            pages = _label(words.page, dashed(ref.pages, EN_DASH)) if ref.pages else None
            return [book, edition, self._imprint(ref, words), self._series(ref), volume, pages]
        if isinstance(
            ref, Legislation
        ):  # "// Собрание законодательства РФ. – 2012. – № 53. – Ст. 7598"
            gazette = ref.container_title.original if ref.container_title else None
            volume = _label(words.volume, ref.volume) if ref.volume else None
            issue = _label(words.number, ref.issue) if ref.issue else None
            numbers = f"{volume}, {issue}" if volume and issue else volume or issue
            where = _label(words.article, ref.section) if ref.section else None
            if where is None and ref.pages:
                where = _label(words.page, dashed(ref.pages, EN_DASH))
            return [gazette, year, numbers, where]
        if isinstance(ref, Manuscript):  # "// ГАРФ. Ф. Р-5446. Оп. 1. Д. 123. Л. 5": one area
            held = [p.rstrip(".") for p in (ref.archive, ref.archive_location) if p]
            return [". ".join(held) or None]
        host = getattr(ref, "container_title", None)  # the general rule: the host and the year
        return [host.original if host is not None else None, year]

    @staticmethod
    def _series(ref: Publication) -> Inline | None:
        """``(Asie.Visions ; № 144)``."""
        if ref.collection_title is None:
            return None
        number = f" ; {ref.collection_number}" if ref.collection_number else ""
        return f"({ref.collection_title.original}{number})"

    def _publication(self, ref: Publication, words: Terms) -> list[Inline | None]:
        """The areas of a whole publication after its title: edition, imprint, extent, series
        (a patent: when it was filed and published, and its extent)."""
        extent = f"{ref.number_of_pages} {words.pages}" if ref.number_of_pages else None
        if isinstance(ref, Patent):
            dates = [
                f"{words.filed} {numeric_date(ref.submitted)}" if ref.submitted else None,
                f"{words.published} {numeric_date(ref.issued)}" if ref.issued else None,
            ]
            return [" ; ".join(d for d in dates if d) or None, extent]
        number = None
        if isinstance(ref, Report) and ref.number:
            number = _label(words.number, ref.number)
        edition = self._edition(ref, words)
        return [edition, self._imprint(ref, words), extent, self._series(ref), number]

    @staticmethod
    def _edition(ref: Publication, words: Terms) -> str | None:
        """``5-е изд.`` / ``2nd ed.`` from a bare number, else as written (7.0.100-2018, 5.4)."""
        if not ref.edition:
            return None
        return english_edition(ref.edition) if words is _LATIN else russian_edition(ref.edition)

    def _links(self, ref: Reference) -> list[Inline | None]:
        """``URL: … (дата обращения: 08.05.2025)`` (notes area), then ``DOI …`` (identifier
        area), in the order of the areas (GOST R 7.0.100-2018, 5.2)."""
        url = None
        if ref.url:
            when = f" (дата обращения: {numeric_date(ref.accessed)})" if ref.accessed else None
            url = seq("URL: ", link(ref.url), when)
        doi = None
        if ref.doi:
            label = "DOI " if self.edition == 2018 else "DOI: "
            doi = Seq((label, Link(f"https://doi.org/{ref.doi}", (ref.doi,))))
        isbn = f"ISBN {ref.isbn}" if isinstance(ref, Publication) and ref.isbn else None
        return [url, doi, isbn]

    # -- the entry -----------------------------------------------------------------------------

    def entry(self, ref: Reference, options: GostOptions) -> Inline:
        """The GOST description of ``ref``."""
        words = _LATIN if self._latin(ref) else _RU
        sep = self._sep(options)
        title = self._title_part(ref, options, words)
        content_type = self._content_type(ref, options)
        if (
            isinstance(ref, _PARTS)
            or (isinstance(ref, Legislation) and ref.container_title is not None)
            or (isinstance(ref, Manuscript) and ref.archive is not None)
        ):
            # a part of a publication: its own areas, then // and the host's, then the links
            # (an archival document's date is one of its own areas)
            dated = None
            if isinstance(ref, Manuscript) and ref.issued is not None:
                dated = numeric_date(ref.issued) if ref.issued.day else _year(ref, words)
            line = join_into([], [title, dated, content_type], sep)
            host = join_into([], self._host(ref, options, words), sep)
            if host:
                line += (" // ", *host)
            join_into(line, self._links(ref), sep)
        else:
            if isinstance(ref, Publication):
                body = self._publication(ref, words)
            else:  # the general rule for a kind that is neither: the year
                body = [_year(ref, words)]
            areas = [title, *body, *self._links(ref), content_type]
            line = join_into([], areas, sep)
        line.append(".")
        return Seq(tuple(line))

    def warnings(self, ref: Reference, options: Any) -> list[str]:
        """An access date needs a URL, and a URL wants its access date; a kind without a rule
        of its own."""
        found = super().warnings(ref, options)
        if ref.accessed is not None and ref.url is None:
            found.append("no URL, so no access date is printed")
        if ref.url is not None and ref.accessed is None:
            found.append("a URL without an access date: GOST asks for (дата обращения: …)")
        if ref.issued is None:
            found.append("no year of publication")
        found += unprinted(
            ref,
            original_date="GOST R 7.0.100-2018 describes the edition in hand; the original's "
            "year belongs in a note, which citekit does not write",
            genre="GOST describes a patent as 'патент № …' and its country"
            if isinstance(ref, Patent)
            else None,
            medium=None
            if self.edition == 2018 and gost_medium(getattr(ref, "medium", None))
            else "GOST's content type and means of access are printed in its own words "
            "(Текст : электронный) only",
        )
        return found

    def sort(self, refs: Sequence[Reference], options: Any) -> list[Reference]:
        """Cyrillic descriptions first, then Latin, each alphabetical (ё with е)."""
        return sorted(refs, key=russian_list_key)


GOST_2018 = GostStyle(
    "gost-2018", "GOST R 7.0.100-2018 bibliographic description (Russian lists)", edition=2018
)
GOST_2008 = GostStyle(
    "gost-2008", "GOST R 7.0.5-2008 bibliographic references (Russian lists)", edition=2008
)
