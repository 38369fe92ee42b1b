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
from citekit.names import direct, inverted, latin_form, original_form
from citekit.render.tree import Emph, Inline, Link, Seq, link, seq
from citekit.styles.dates import english_date, numeric_date, parenthetical_date, year_text
from citekit.styles.editions import english_edition, russian_edition
from citekit.styles.forms import dashed, english_text, latin_with_translation, work_language
from citekit.styles.languages import ELPUB_NOTES, language_note
from citekit.styles.namelists import ampersand_list, truncated
from citekit.styles.numbers import periodical_numbers
from citekit.styles.template import Built, Context, Node, Static, part
from citekit.styles.terms import english_place
from citekit.translit import transliterate

__all__ = [
    "date_in_parentheses",
    "doi_labelled",
    "doi_or_url",
    "edition",
    "editors_lead",
    "extent",
    "field",
    "imprint",
    "language_note_part",
    "names",
    "numbered",
    "pages",
    "retrieved",
    "serial_numbers",
    "series",
    "title",
    "title_with_translation",
    "transliterated",
    "volume_issue",
    "year",
]


def field(name: str) -> Node:
    """A text field as it is stored (``place``, ``edition``), or None."""

    def make(static: Static) -> Built:
        def field_part(ref: Reference, context: Context) -> Inline | None:
            value = getattr(ref, name, None)
            return value if isinstance(value, str) and value else None

        return field_part

    return part(make)


def names(
    role: str = "authors", *, comma: bool = False, spaced: bool = False, ampersand: bool = False
) -> Node:
    """``Kistanov V.O., Kaspe S.I.``: the people in ``role``, family first, in Latin script
    on an English line; after ``options.max_authors`` names, or when the source's list ends
    in "and others", the term for et al. ``ampersand``: APA's list instead (``Smith, S.A., & McClean, C.``; twenty-one or more:
    nineteen, ``. . .``, the last)."""

    def make(static: Static) -> Built:
        et_al = static.terms.et_al
        english = static.english
        others = role.rstrip("s")  # the source's "and others" of this role

        if ampersand:

            def ampersand_names(ref: Reference, context: Context) -> Inline | None:
                people = getattr(ref, role, ())
                if not people:
                    return None
                if english:
                    scheme = context.options.translit
                    forms = [latin_form(p, scheme) for p in people]
                else:
                    forms = [original_form(p) for p in people]
                printed = [inverted(f, comma=comma, spaced=spaced) for f in forms]
                return ampersand_list(
                    printed, cap=context.options.max_authors, more=truncated(ref, others)
                )

            return ampersand_names

        def names_part(ref: Reference, context: Context) -> Inline | None:
            people = getattr(ref, role, ())
            if not people:
                return None
            cap = context.options.max_authors
            shown = people[:cap] if cap else people
            if english:
                scheme = context.options.translit
                printed = [
                    inverted(latin_form(p, scheme), comma=comma, spaced=spaced) for p in shown
                ]
            else:
                printed = [inverted(original_form(p), comma=comma, spaced=spaced) for p in shown]
            if len(shown) < len(people) or truncated(ref, others):
                printed.append(et_al)
            return ", ".join(printed)

        return names_part

    return part(make)


def _title_text(title: Title | None, context: Context) -> str | None:
    if title is None:
        return None
    return english_text(title, context.options.translit) if context.english else title.original


def title(name: str = "title") -> Node:
    """A title (``container_title``, ``collection_title``): its English form on an English
    line (the translation, else the transliteration), else the original."""

    def make(static: Static) -> Built:
        if static.english:

            def english_title(ref: Reference, context: Context) -> Inline | None:
                value: Title | None = getattr(ref, name, None)
                return None if value is None else english_text(value, context.options.translit)

            return english_title

        def original_title(ref: Reference, context: Context) -> Inline | None:
            value: Title | None = getattr(ref, name, None)
            return None if value is None else value.original

        return original_title

    return part(make)


def _english_year(ref: Reference, context: Context) -> str | None:
    """``2025``, a span ``2020-2021`` (the ASCII hyphen of the journal's numbers), ``ca. 2020``."""
    return year_text(ref.issued, dash="-", circa="ca. {}")


def _russian_year(ref: Reference, context: Context) -> str | None:
    """``2025``, ``2020-2021``, ``ок. 2020`` on a line that is not English."""
    return year_text(ref.issued, dash="-", circa="ок. {}")


def year() -> Node:
    """The year of publication: ``2025``, ``2020-2021``, ``ca. 2020`` (``ок. 2020`` on a line
    that is not English)."""
    return part(lambda static: _english_year if static.english else _russian_year)


def _serial_numbers(ref: Reference, context: Context) -> Inline | None:
    return periodical_numbers(ref)  # type: ignore[arg-type]  # compiled for PeriodicalPart only


def serial_numbers() -> Node:
    """``2025;23(1):10-34``: year; volume(issue): pages or article number (Vancouver)."""
    return part(lambda static: _serial_numbers if issubclass(static.kind, PeriodicalPart) else None)


def edition() -> Node:
    """``2-е изд.`` from a bare number (``"2"``) for a Russian work on a line that is not
    English, else ``2nd ed.``; an edition in words as written."""

    def make(static: Static) -> Built:
        english = static.english

        def edition_part(ref: Reference, context: Context) -> Inline | None:
            value = getattr(ref, "edition", None)
            if not isinstance(value, str) or not value:
                return None
            russian = not english and work_language(ref) == "ru"
            return russian_edition(value) if russian else english_edition(value)

        return edition_part

    return part(make)


def imprint() -> Node:
    """``Moscow: Nauka; 2025`` (Vancouver); on an English line the place in English and the
    publisher transliterated (``Москва: Гнозис`` → ``Moscow: Gnozis``)."""

    def make(static: Static) -> Built:
        if not issubclass(static.kind, Publication):
            return None
        english = static.english

        def imprint_part(ref: Reference, context: Context) -> Inline | None:
            place, publisher = ref.place, ref.publisher  # type: ignore[attr-defined]
            if english:
                scheme = context.options.translit
                place = place and english_place(place, scheme)
                publisher = publisher and transliterate(publisher, scheme)
            where = ": ".join(p for p in (place, publisher) if p)
            when = (_english_year if english else _russian_year)(ref, context)
            return "; ".join(p for p in (where, when) if p) or None

        return imprint_part

    return part(make)


def numbered() -> Node:
    """``No. 144``: a report's, a standard's, a patent's or a law's own number."""

    def make(static: Static) -> Built:
        word = static.terms.number

        def numbered_part(ref: Reference, context: Context) -> Inline | None:
            number = getattr(ref, "number", None)
            return f"{word} {number}" if number else None

        return numbered_part

    return part(make)


def extent() -> Node:
    """``P. 5-25`` for a part of a book, ``320 p.`` for a whole one."""

    def make(static: Static) -> Built:
        page, pages_word = static.terms.page, static.terms.pages

        def extent_part(ref: Reference, context: Context) -> Inline | None:
            pages = getattr(ref, "pages", None)
            if pages:
                return f"{page} {pages}"
            count = getattr(ref, "number_of_pages", None)
            return f"{count} {pages_word}" if count else None

        return extent_part

    return part(make)


def series() -> Node:
    """``(Asie.Visions; 144)``: the series and its number, in parentheses (Vancouver)."""

    def series_part(ref: Reference, context: Context) -> Inline | None:
        name = _title_text(getattr(ref, "collection_title", None), context)
        if not name:
            return None
        number = getattr(ref, "collection_number", None)
        return f"({name}; {number})" if number else f"({name})"

    return part(lambda static: series_part)


def _language_note(ref: Reference, context: Context) -> Inline | None:
    lang = work_language(ref)
    if not lang or lang == "en":
        return None
    return f"({ELPUB_NOTES.get(lang) or language_note(lang)})"


def language_note_part() -> Node:
    """``(In Russ.)`` after a non-English work on an English line."""
    return part(lambda static: _language_note if static.english else None)


def doi_or_url() -> Node:
    """The DOI as a link; else the URL, with its access date (``(accessed 08.05.2025)``)."""

    def make(static: Static) -> Built:
        accessed = static.terms.accessed

        def link_part(ref: Reference, context: Context) -> Inline | None:
            if ref.doi:
                url = f"https://doi.org/{ref.doi}"
                return Link(url, (url,))
            if not ref.url:
                return None
            if ref.accessed is None:
                return link(ref.url)
            return seq(link(ref.url), f" ({accessed} {numeric_date(ref.accessed)})")

        return link_part

    return part(make)


def transliterated(name: str) -> Node:
    """A text field in Latin script (``publisher``: ``Наука`` → ``Nauka``), or None."""

    def make(static: Static) -> Built:
        def latin_field(ref: Reference, context: Context) -> Inline | None:
            value = getattr(ref, name, None)
            if not isinstance(value, str) or not value:
                return None
            return transliterate(value, context.options.translit)

        return latin_field

    return part(make)


def pages(dash: str = "-") -> Node:
    """The page range with the style's dash (``10—34``), or None."""

    def page_range(ref: Reference, context: Context) -> Inline | None:
        value = getattr(ref, "pages", None)
        return dashed(value, dash) if value else None

    return part(lambda static: page_range)


def title_with_translation(name: str = "title") -> Node:
    """``Revizionist [A Revisionist]``: the title in Latin script, then, for a work not in
    English, its English translation in square brackets (never an invented one)."""

    def bracketed(ref: Reference, context: Context) -> Inline | None:
        value: Title | None = getattr(ref, name, None)
        if value is None:
            return None
        text, translation = latin_with_translation(value, ref, context.options.translit)
        return f"{text} [{translation}]" if translation else text

    return part(lambda static: bracketed)


def date_in_parentheses(dash: str = "-") -> Node:
    """``(2025, April—June)`` (APA's date, ranges with ``dash``); ``(n.d.)`` without one."""

    def make(static: Static) -> Built:
        undated = f"({static.terms.no_date})"

        def dated(ref: Reference, context: Context) -> Inline | None:
            issued = ref.issued
            return f"({parenthetical_date(issued, dash=dash)})" if issued else undated

        return dated

    return part(make)


def editors_lead() -> Node:
    """``E.F. Editor (Ed.)``, ``E.F. Editor, G. Other (Eds.)``: every editor, initials first,
    in Latin script (APA's ``In`` clause)."""

    def make(static: Static) -> Built:
        one, several = static.terms.editor_apa, static.terms.editors_apa

        def lead(ref: Reference, context: Context) -> Inline | None:
            people = getattr(ref, "editors", ())
            if not people:
                return None
            scheme = context.options.translit
            shown = ", ".join(direct(latin_form(p, scheme), spaced=False) for p in people)
            return f"{shown} ({several if len(people) > 1 else one})"

        return lead

    return part(make)


def _retrieved(ref: Reference, context: Context) -> Inline | None:
    if not ref.url:
        return None
    if ref.accessed is not None:
        return seq(f"Retrieved {english_date(ref.accessed)}, from URL: ", link(ref.url))
    return seq("Retrieved from URL: ", link(ref.url))


def retrieved() -> Node:
    """``Retrieved May 8, 2025, from URL: …`` (``Retrieved from URL: …`` without a date)."""
    return part(lambda static: _retrieved)


def _doi_labelled(ref: Reference, context: Context) -> Inline | None:
    if not ref.doi:
        return None
    return seq("DOI: ", link(f"https://doi.org/{ref.doi}", ref.doi))


def doi_labelled() -> Node:
    """``DOI: 10.31278/…``, the DOI as it is, linked."""
    return part(lambda static: _doi_labelled)


def volume_issue(between: str = " ") -> Node:
    """``23 (1)`` with the volume in italics (APA-like lists; ``between=""``: ``23(1)``); the
    issue alone without a volume; None without either."""

    def numbers_part(ref: Reference, context: Context) -> Inline | None:
        volume, issue = getattr(ref, "volume", None), getattr(ref, "issue", None)
        if not volume:
            return issue or None
        italic = Emph((volume,))
        return Seq((italic, f"{between}({issue})")) if issue else italic

    return part(lambda static: numbers_part)
