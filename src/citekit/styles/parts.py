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

from citekit.model.date import PartialDate
from citekit.model.person import Person
from citekit.model.reference import PeriodicalPart, Publication, Reference
from citekit.model.title import Title, primary_language
from citekit.names import direct, inverted, latin_form, original_form
from citekit.render.tree import NBSP, Emph, Inline, Link, Seq, link, seq
from citekit.script import is_cyrillic
from citekit.styles.dates import (
    day_month,
    english_date,
    numeric_date,
    parenthetical_date,
    year_text,
)
from citekit.styles.editions import english_edition, russian_edition
from citekit.styles.forms import dashed, english_text, latin_with_translation, work_language
from citekit.styles.languages import CYRILLIC_LANGUAGES, ELPUB_NOTES, language_note
from citekit.styles.namelists import ampersand_list, truncated
from citekit.styles.numbers import periodical_numbers
from citekit.styles.template import Built, Context, Node, Static, part
from citekit.styles.terms import CONTENT_TYPES, EN, TEXT_CONTENT, english_place, gost_medium
from citekit.translit import transliterate

__all__ = [
    "archive",
    "content_type",
    "date_in_parentheses",
    "day_and_month",
    "doi_labelled",
    "doi_or_url",
    "edition",
    "editors_lead",
    "extent",
    "field",
    "heading",
    "imprint",
    "labelled",
    "language_note_part",
    "names",
    "names_direct",
    "numbered",
    "numeric_date_of",
    "pages",
    "retrieved",
    "role_word",
    "serial_numbers",
    "series",
    "title",
    "title_with_translation",
    "transliterated",
    "url_accessed",
    "volume_issue",
    "year",
]


def field(name: str, *, end: str = "") -> Node:
    """A text field as it is stored (``place``, ``edition``), or None; ``end``: with ``end``
    after it unless it ends so already (a standard's designation, ``ГОСТ Р 7.32–2017.``)."""

    def make(static: Static) -> Built:
        if not hasattr(static.kind, name):
            return None  # the class has no such field: its punctuation goes with it

        def field_part(ref: Reference, context: Context) -> Inline | None:
            value = getattr(ref, name, None)
            return value if isinstance(value, str) and value else None

        if not end:
            return field_part

        def ended(ref: Reference, context: Context) -> Inline | None:
            value = getattr(ref, name, None)
            if not isinstance(value, str) or not value:
                return None
            return value if value.endswith(end) else f"{value}{end}"

        return ended

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


def year(dash: str = "-") -> Node:
    """The year of publication: ``2025``, a span ``2020-2021`` (with ``dash``; the ASCII hyphen
    of a journal's numbers by default), an approximate year in the words of the term table
    (``ca. 2020``, ``ок. 2020``, GOST's ``[ок. 2020]``)."""

    def make(static: Static) -> Built:
        circa = static.terms.circa

        def year_part(ref: Reference, context: Context) -> Inline | None:
            return year_text(ref.issued, dash=dash, circa=circa)

        return year_part

    return part(make)


def _serial_numbers(ref: Reference, context: Context) -> Inline | None:
    return periodical_numbers(ref)  # type: ignore[arg-type]  # compiled for PeriodicalPart only


def serial_numbers() -> Node:
    """``2025;23(1):10-34``: year; volume(issue): pages or article number (Vancouver)."""
    return part(lambda static: _serial_numbers if issubclass(static.kind, PeriodicalPart) else None)


def edition(*, by_table: bool = False) -> Node:
    """``2-е изд.`` from a bare number (``"2"``) for a Russian work on a line that is not
    English, else ``2nd ed.``; an edition in words as written. ``by_table``: in the language of
    the term table instead (a description in the work's own language)."""

    def make(static: Static) -> Built:
        english = static.english
        if by_table:
            form = russian_edition if static.terms.language == "ru" else english_edition

            def edition_in_table(ref: Reference, context: Context) -> Inline | None:
                value = getattr(ref, "edition", None)
                return form(value) if isinstance(value, str) and value else None

            return edition_in_table

        def edition_part(ref: Reference, context: Context) -> Inline | None:
            value = getattr(ref, "edition", None)
            if not isinstance(value, str) or not value:
                return None
            russian = not english and work_language(ref) == "ru"
            return russian_edition(value) if russian else english_edition(value)

        return edition_part

    return part(make)


def imprint(
    between: str = ": ", before_year: str = "; ", *, dash: str = "-", unknown_place: bool = False
) -> Node:
    """``Moscow: Nauka; 2025`` (Vancouver; GOST: ``Москва : Наука, 2025`` with ``" : "`` and
    ``", "``); on an English line the place in English and the publisher transliterated
    (``Москва: Гнозис`` → ``Moscow: Gnozis``). ``unknown_place``: a publisher without a place
    gets the term for it (``[Б. м.] : Ifri``). The year as :func:`year` prints it."""

    def make(static: Static) -> Built:
        if not issubclass(static.kind, Publication):
            return None
        english = static.english
        circa = static.terms.circa
        no_place = static.terms.no_place if unknown_place else None

        def imprint_part(ref: Reference, context: Context) -> Inline | None:
            place, publisher = ref.place, ref.publisher  # type: ignore[attr-defined]
            if english:
                scheme = context.options.translit
                place = place and english_place(place, scheme)
                publisher = publisher and transliterate(publisher, scheme)
            if publisher and not place:
                place = no_place
            where = between.join(p for p in (place, publisher) if p)
            when = year_text(ref.issued, dash=dash, circa=circa)
            return before_year.join(p for p in (where, when) if p) or None

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


def series(between: str = "; ") -> Node:
    """``(Asie.Visions; 144)``: the series and its number, in parentheses (Vancouver; GOST:
    ``(Asie.Visions ; 144)`` with ``" ; "``)."""

    def series_part(ref: Reference, context: Context) -> Inline | None:
        name = _title_text(getattr(ref, "collection_title", None), context)
        if not name:
            return None
        number = getattr(ref, "collection_number", None)
        return f"({name}{between}{number})" if number else f"({name})"

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


def doi_labelled(label: str = "DOI: ") -> Node:
    """``DOI: 10.31278/…``, the DOI as it is, linked, after ``label`` (GOST 2018: ``DOI ``)."""

    def doi_part(ref: Reference, context: Context) -> Inline | None:
        if not ref.doi:
            return None
        return Seq((label, Link(f"https://doi.org/{ref.doi}", (ref.doi,))))

    return part(lambda static: doi_part)


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


# -- descriptions in the cataloguer's form (GOST R 7.0.100-2018, ISBD) --------------------------


def heading(*, comma: bool = True, first_only: bool = True, most: int = 3) -> Node:
    """The heading of a description: the authors who are people, family first, the words
    joined by non-breaking spaces (``Кистанов, В. О.``; ``comma=False``: ``Кистанов В. О.``),
    when the work has one to ``most`` authors (a source's "and others" counts one more): the
    cataloguers' rule of three (GOST 7.80-2000, 5.2). ``first_only``: the first of them.
    Organisations head nothing."""

    def make(static: Static) -> Built:
        english = static.english

        def heading_part(ref: Reference, context: Context) -> Inline | None:
            authors = ref.authors
            people = [p for p in authors if not p.is_organisation]
            if not people or len(authors) + truncated(ref) > most:
                return None
            if first_only:
                people = people[:1]
            scheme = context.options.translit
            forms = [latin_form(p, scheme) if english else p.as_written for p in people]
            return ", ".join([inverted(f, comma=comma, space=NBSP, suffix=False) for f in forms])

        return heading_part

    return part(make)


def names_direct(role: str = "authors", *, abridge: tuple[int, int] | None = None) -> Node:
    """``В. О. Кистанов, П. П. Петров``: the people in ``role``, initials first, the words
    joined by non-breaking spaces (a statement of responsibility); every one of them.
    ``abridge=(3, 1)``: more than three (unless ``options.all_authors``) are cut to the first
    one, then to ``options.max_authors``, and a list cut, or one the source ends in "and
    others", ends in the term for et al. after a space (``И. И. Иванов [и др.]``)."""

    def make(static: Static) -> Built:
        english = static.english
        et_al = static.terms.et_al

        def printed(people: tuple[Person, ...], context: Context) -> str:
            if english:
                scheme = context.options.translit
                return ", ".join([direct(latin_form(p, scheme), space=NBSP) for p in people])
            return ", ".join([direct(p.as_written, space=NBSP) for p in people])

        if abridge is None:
            if english:

                def every_name(ref: Reference, context: Context) -> Inline | None:
                    people = getattr(ref, role, ())
                    return printed(people, context) if people else None

                return every_name

            def every_name_as_written(ref: Reference, context: Context) -> Inline | None:
                people = getattr(ref, role, ())
                if not people:
                    return None
                return ", ".join([direct(p.as_written, space=NBSP) for p in people])

            return every_name_as_written
        most, shown = abridge
        others = role.rstrip("s")

        def abridged(ref: Reference, context: Context) -> Inline | None:
            people = getattr(ref, role, ())
            if not people:
                return None
            options = context.options
            count = len(people)
            if count > most and not getattr(options, "all_authors", False):
                count = shown
            cap = options.max_authors
            if cap is not None:
                count = min(count, cap)
            names = printed(people[:count], context)
            more = count < len(people) or truncated(ref, others)
            return f"{names} {et_al}" if more else names

        return abridged

    return part(make)


def role_word(role: str, one: str, many: str) -> Node:
    """The term ``one`` for one person in ``role``, ``many`` for several (``переводчик`` /
    ``переводчики``), or None for none: the word before their names."""
    getattr(EN, one), getattr(EN, many)  # a word the tables lack is an error here

    def make(static: Static) -> Built:
        single: str = getattr(static.terms, one)
        several: str = getattr(static.terms, many)

        def word(ref: Reference, context: Context) -> Inline | None:
            people = getattr(ref, role, ())
            if not people:
                return None
            return single if len(people) == 1 else several

        return word

    return part(make)


def labelled(word: str, name: str, *, dash: str | None = None) -> Node:
    """``Т. 3``, ``С. 10–34``: the field ``name`` after the term ``word`` and a non-breaking
    space; a value that is not a number (``January/February 2025``) as it stands. ``dash``:
    a page range with that dash."""
    getattr(EN, word)

    def make(static: Static) -> Built:
        if not hasattr(static.kind, name):
            return None  # the class has no such field
        label = f"{getattr(static.terms, word)}{NBSP}"

        def labelled_part(ref: Reference, context: Context) -> Inline | None:
            value = getattr(ref, name)
            if not value:
                return None
            if dash is not None:
                value = dashed(value, dash)
            return f"{label}{value}" if value[:1].isdigit() else value

        return labelled_part

    return part(make)


def numeric_date_of(name: str = "issued", *, with_day: bool = False) -> Node:
    """A date field in numbers (``15.02.2017``; without a day, ISO: ``2017-02``), or None;
    ``with_day``: None unless the date has its day."""

    def make(static: Static) -> Built:
        if not hasattr(static.kind, name):
            return None

        def numeric(ref: Reference, context: Context) -> Inline | None:
            date: PartialDate | None = getattr(ref, name)
            if date is None or (with_day and date.day is None):
                return None
            return numeric_date(date)

        return numeric

    return part(make)


def _latin_dates(ref: Reference) -> bool:
    """Whether the date words of ``ref`` are Latin: its ``language`` decides (any Cyrillic-script
    language has the Russian words); without one, its title's script."""
    if ref.language:
        return primary_language(ref.language) not in CYRILLIC_LANGUAGES
    title = ref.title.original if ref.title else ""
    return not is_cyrillic(title) if title else False


def _day_and_month(ref: Reference, context: Context) -> Inline | None:
    issued = ref.issued
    return None if issued is None else day_month(issued, latin=_latin_dates(ref))


def day_and_month() -> Node:
    """``16 апреля`` / ``April 16``: the day and month of publication in the words of the work's
    language (a newspaper issue, a web page)."""
    return part(lambda static: _day_and_month)


def url_accessed(label: str = "URL: ") -> Node:
    """``URL: https://… (дата обращения: 08.05.2025)``: the URL after ``label``, with the date
    of access in the term table's words when there is one."""

    def make(static: Static) -> Built:
        accessed = static.terms.accessed

        def url_part(ref: Reference, context: Context) -> Inline | None:
            url = ref.url
            if not url:
                return None
            if ref.accessed is None:
                return Seq((label, link(url)))
            return Seq((label, link(url), f" ({accessed} {numeric_date(ref.accessed)})"))

        return url_part

    return part(make)


def _archive(ref: Reference, context: Context) -> Inline | None:
    held = [p.rstrip(".") for p in (ref.archive, ref.archive_location) if p]  # type: ignore[attr-defined]
    return ". ".join(held) or None


def archive() -> Node:
    """``ГАРФ. Ф. Р-5446. Оп. 1. Д. 123. Л. 5``: the archive and the place in it, as written,
    one sentence each."""
    return part(lambda static: _archive if hasattr(static.kind, "archive") else None)


def content_type() -> Node:
    """``Текст : электронный``: the content type and means of access (GOST R 7.0.100-2018):
    the record's ``medium`` where it is in GOST's words, else the kind's
    (:data:`~citekit.styles.terms.CONTENT_TYPES`, a text's by default), online when the work
    has a URL or a DOI; nothing where ``options.content_type`` is false."""

    def make(static: Static) -> Built:
        forms = CONTENT_TYPES.get(getattr(static.kind, "kind", ""), TEXT_CONTENT)
        has_medium = hasattr(static.kind, "medium")

        def content(ref: Reference, context: Context) -> Inline | None:
            if not getattr(context.options, "content_type", True):
                return None
            if has_medium:
                medium = ref.medium  # type: ignore[attr-defined]
                if gost_medium(medium):  # the record says it in GOST's words
                    return str(medium)
            return forms[ref.url is not None or ref.doi is not None]

        return content

    return part(make)
