"""The shared parts templates are made of: names, titles, container, numbers, imprint, links,
access dates. Each is written once and reads the words of the template's language from the
context (:mod:`citekit.styles.terms`); each gives None when the reference lacks what it prints.

>>> from citekit.model import JournalArticle, Person
>>> from citekit.styles.template import Context
>>> from citekit.styles.options import Options
>>> from citekit.styles.terms import EN
>>> ref = JournalArticle(id="a", title="Мир", authors=[Person("Кистанов", "Валерий Олегович")],
...                      volume="23", issue="1", pages="10-34", issued=2025)
>>> context = Context(Options(), EN, english=True)
>>> names()(ref, context), title()(ref, context), serial_numbers()(ref, context)
('Kistanov V.O.', 'Mir', '2025;23(1):10-34')
"""

from __future__ import annotations

from citekit.model.reference import PeriodicalPart, Publication, Reference
from citekit.model.title import Title
from citekit.names import inverted, latin_form, original_form
from citekit.render.tree import Inline, Link, link, seq
from citekit.styles.dates import numeric_date, year_text
from citekit.styles.editions import english_edition, russian_edition
from citekit.styles.forms import english_text, work_language
from citekit.styles.languages import ELPUB_NOTES, language_note
from citekit.styles.namelists import truncated
from citekit.styles.numbers import periodical_numbers
from citekit.styles.template import Context, Part
from citekit.styles.terms import english_place
from citekit.translit import transliterate

__all__ = [
    "doi_or_url",
    "edition",
    "extent",
    "field",
    "imprint",
    "language_note_part",
    "names",
    "numbered",
    "serial_numbers",
    "series",
    "title",
    "year",
]


def field(name: str) -> Part:
    """A text field as it is stored (``place``, ``edition``), or None."""

    def part(ref: Reference, context: Context) -> Inline | None:
        value = getattr(ref, name, None)
        return value if isinstance(value, str) and value else None

    return part


def names(role: str = "authors", *, comma: bool = False, spaced: bool = False) -> Part:
    """``Kistanov V.O., Kaspe S.I.``: the people in ``role``, family first, in Latin script
    on an English line; after ``options.max_authors`` names, or when the source's list ends
    in "and others", the term for et al."""

    def part(ref: Reference, context: Context) -> Inline | None:
        people = getattr(ref, role, ())
        if not people:
            return None
        cap = context.options.max_authors
        shown = people[:cap] if cap else people
        if context.english:
            scheme = context.options.translit
            forms = [latin_form(p, scheme) for p in shown]
        else:
            forms = [original_form(p) for p in shown]
        printed = [inverted(f, comma=comma, spaced=spaced) for f in forms]
        if len(shown) < len(people) or truncated(ref, role.rstrip("s")):
            printed.append(context.terms.et_al)
        return ", ".join(printed)

    return part


def _title_text(title: Title | None, context: Context) -> str | None:
    if title is None:
        return None
    return english_text(title, context.options.translit) if context.english else title.original


def title(name: str = "title") -> Part:
    """A title (``container_title``, ``collection_title``): its English form on an English
    line (the translation, else the transliteration), else the original."""

    def part(ref: Reference, context: Context) -> Inline | None:
        return _title_text(getattr(ref, name, None), context)

    return part


def _year(ref: Reference, context: Context) -> str | None:
    """``2025``, ``2020-2021``, ``ca. 2020`` (``ок. 2020`` on a line that is not English)."""
    return year_text(ref.issued, dash="-", circa="ca. {}" if context.english else "ок. {}")


def year() -> Part:
    """The year of publication."""

    def part(ref: Reference, context: Context) -> Inline | None:
        return _year(ref, context)

    return part


def serial_numbers() -> Part:
    """``2025;23(1):10-34``: year; volume(issue): pages or article number (Vancouver)."""

    def part(ref: Reference, context: Context) -> Inline | None:
        return periodical_numbers(ref) if isinstance(ref, PeriodicalPart) else None

    return part


def edition() -> Part:
    """``2-е изд.`` from a bare number (``"2"``) for a Russian work on a line that is not
    English, else ``2nd ed.``; an edition in words as written."""

    def part(ref: Reference, context: Context) -> Inline | None:
        value = getattr(ref, "edition", None)
        if not isinstance(value, str) or not value:
            return None
        russian = not context.english and work_language(ref) == "ru"
        return russian_edition(value) if russian else english_edition(value)

    return part


def imprint() -> Part:
    """``Moscow: Nauka; 2025`` (Vancouver); on an English line the place in English and the
    publisher transliterated (``Москва: Гнозис`` → ``Moscow: Gnozis``)."""

    def part(ref: Reference, context: Context) -> Inline | None:
        if not isinstance(ref, Publication):
            return None
        place, publisher = ref.place, ref.publisher
        if context.english:
            scheme = context.options.translit
            place = place and english_place(place, scheme)
            publisher = publisher and transliterate(publisher, scheme)
        where = ": ".join(p for p in (place, publisher) if p)
        when = _year(ref, context)
        return "; ".join(p for p in (where, when) if p) or None

    return part


def numbered() -> Part:
    """``No. 144``: a report's, a standard's, a patent's or a law's own number."""

    def part(ref: Reference, context: Context) -> Inline | None:
        number = getattr(ref, "number", None)
        return f"{context.terms.number} {number}" if number else None

    return part


def extent() -> Part:
    """``P. 5-25`` for a part of a book, ``320 p.`` for a whole one."""

    def part(ref: Reference, context: Context) -> Inline | None:
        pages = getattr(ref, "pages", None)
        if pages:
            return f"{context.terms.page} {pages}"
        count = getattr(ref, "number_of_pages", None)
        return f"{count} {context.terms.pages}" if count else None

    return part


def series() -> Part:
    """``(Asie.Visions; 144)``: the series and its number, in parentheses (Vancouver)."""

    def part(ref: Reference, context: Context) -> Inline | None:
        name = _title_text(getattr(ref, "collection_title", None), context)
        if not name:
            return None
        number = getattr(ref, "collection_number", None)
        return f"({name}; {number})" if number else f"({name})"

    return part


def language_note_part() -> Part:
    """``(In Russ.)`` after a non-English work on an English line."""

    def part(ref: Reference, context: Context) -> Inline | None:
        lang = work_language(ref)
        if not context.english or not lang or lang == "en":
            return None
        return f"({ELPUB_NOTES.get(lang) or language_note(lang)})"

    return part


def doi_or_url() -> Part:
    """The DOI as a link; else the URL, with its access date (``(accessed 08.05.2025)``)."""

    def part(ref: Reference, context: Context) -> Inline | None:
        if ref.doi:
            url = f"https://doi.org/{ref.doi}"
            return Link(url, (url,))
        if not ref.url:
            return None
        if ref.accessed is None:
            return link(ref.url)
        return seq(link(ref.url), f" ({context.terms.accessed} {numeric_date(ref.accessed)})")

    return part
