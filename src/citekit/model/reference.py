"""The reference types: one frozen attrs class per kind of work.

Every reference has an ``id``, a title, authors, dates and identifiers; each
type adds what its kind of work has (a journal article its journal, volume,
issue and pages; a web article its site and retrieval date).  Values are
checked when the reference is built and a refused value names its field.

>>> ref = JournalArticle(
...     id="kistanov2025",
...     title=Title("Внешняя политика Японии", lang="ru"),
...     authors=[Person("Кистанов", "Валерий Олегович")],
...     container_title="Японские исследования",
...     issue="3", pages="5–25", issued=2025,
...     doi="https://doi.org/10.55105/2500-2872-2025-3-5-25",
... )
>>> ref.doi, ref.pages, ref.issued.year
('10.55105/2500-2872-2025-3-5-25', '5-25', 2025)
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

import attrs

from citekit.display import show
from citekit.errors import ValidationError
from citekit.model import checks
from citekit.model.checks import optional, page_range
from citekit.model.date import PartialDate, to_date_or_none
from citekit.model.identifiers import check_isbn, check_issn, check_url, normalize_doi
from citekit.model.person import Person
from citekit.model.title import Title, to_title_or_none

__all__ = [
    "IN_A_BOOK",
    "Book",
    "Chapter",
    "ConferencePaper",
    "JournalArticle",
    "Legislation",
    "MagazineArticle",
    "Manuscript",
    "NewspaperArticle",
    "Patent",
    "PeriodicalPart",
    "Publication",
    "Reference",
    "Report",
    "Standard",
    "Thesis",
    "WebArticle",
    "page_range",
]


_people = checks.tuple_of(Person)
"""A list of names as a tuple of Person, checked compiled in the wheel (issue #18)."""


def _field(converter: Any = checks.short_text, **kwargs: Any) -> Any:
    return attrs.field(default=None, converter=converter, **kwargs)


def _names() -> Any:
    return attrs.field(factory=tuple, converter=_people)


@attrs.frozen(slots=True, kw_only=True)
class Reference:
    """What every reference has. Use one of the subclasses; this one is abstract."""

    kind: ClassVar[str] = "reference"

    id: str = attrs.field(converter=checks.reference_id)
    title: Title | None = _field(to_title_or_none)
    authors: tuple[Person, ...] = _names()
    editors: tuple[Person, ...] = _names()
    translators: tuple[Person, ...] = _names()
    issued: PartialDate | None = _field(to_date_or_none)
    """When the work was published."""
    accessed: PartialDate | None = _field(to_date_or_none)
    """When an online copy was retrieved."""
    language: str | None = _field(checks.language)
    """The language of the work (BCP 47): ``ru`` for a Russian article."""
    doi: str | None = _field(optional(normalize_doi))
    url: str | None = _field(optional(check_url))
    note: str | None = _field()
    changing: bool = attrs.field(default=False, converter=bool)
    """The content is designed to change (a wiki page, a profile): APA 7 then gives the
    retrieval date."""
    extra: Mapping[str, Any] = attrs.field(factory=dict, converter=checks.extra_fields, hash=False)
    """Fields read from a file that citekit does not model, kept so that writers lose nothing."""

    def __attrs_post_init__(self) -> None:
        if type(self) in _ABSTRACT:
            raise TypeError("Reference is abstract: use JournalArticle, Book, WebArticle, …")
        if (
            self.accessed is not None
            and self.issued is not None
            and _before(self.accessed, self.issued.start)
        ):
            raise ValidationError(
                f"retrieved {self.accessed.iso()}, before it was published ({self.issued.iso()}); "
                "check both dates",
                field="accessed",
            )

    def _repr_html_(self) -> str | None:
        """A notebook shows the reference in the default style (citekit.notebook, which the
        ``citekit`` package registers in :mod:`citekit.display`)."""
        return show(self, "text/html")

    def _repr_markdown_(self) -> str | None:
        return show(self, "text/markdown")

    @property
    def lang(self) -> str | None:
        """The work's language: the ``language`` field, else the title's language."""
        return self.language or (self.title.lang if self.title else None)


def _before(a: PartialDate, b: PartialDate) -> bool:
    """True when ``a`` is surely earlier than ``b``, comparing only the parts both have."""
    ka, kb = a.key(), b.key()
    depth = min(
        1 + (a.month is not None) + (a.day is not None),
        1 + (b.month is not None) + (b.day is not None),
    )
    return ka[:depth] < kb[:depth]


@attrs.frozen(slots=True, kw_only=True)
class PeriodicalPart(Reference):
    """What journal, magazine and newspaper articles share. Abstract."""

    container_title: Title | None = _field(to_title_or_none)
    """The journal, magazine or newspaper."""
    volume: str | None = _field()
    issue: str | None = _field()
    pages: str | None = _field(checks.pages)
    issn: str | None = _field(optional(check_issn))


@attrs.frozen(slots=True, kw_only=True)
class JournalArticle(PeriodicalPart):
    """An article in a scholarly journal."""

    kind: ClassVar[str] = "journal-article"
    article_number: str | None = _field()
    """An e-locator that takes the place of pages (``e0123``)."""


@attrs.frozen(slots=True, kw_only=True)
class MagazineArticle(PeriodicalPart):
    """An article in a magazine, in print or online."""

    kind: ClassVar[str] = "magazine-article"


@attrs.frozen(slots=True, kw_only=True)
class NewspaperArticle(PeriodicalPart):
    """An article in a newspaper, in print or online."""

    kind: ClassVar[str] = "newspaper-article"
    section: str | None = _field()


@attrs.frozen(slots=True, kw_only=True)
class WebArticle(Reference):
    """A page or post on a web site; cite it with its retrieval date (``accessed``)."""

    kind: ClassVar[str] = "web-article"
    container_title: Title | None = _field(to_title_or_none)
    """The site or blog."""
    publisher: str | None = _field()


@attrs.frozen(slots=True, kw_only=True)
class Publication(Reference):
    """What separately published works share (books, chapters, reports, …). Abstract."""

    publisher: str | None = _field()
    place: str | None = _field()
    """Where the publisher is (``М.``, ``Moscow``)."""
    edition: str | None = _field()
    volume: str | None = _field()
    collection_title: Title | None = _field(to_title_or_none)
    """The series."""
    collection_number: str | None = _field()
    number_of_pages: str | None = _field()
    isbn: str | None = _field(optional(check_isbn))
    genre: str | None = _field()
    """What kind of work it is, in the data's words: a book's ``учебное пособие`` or
    ``Monograph``, a report's ``Working paper``, a thesis's degree (``PhD thesis``, ``дис. …
    канд. ист. наук``), a standard's status, a law's kind of act (``Федеральный закон``)."""
    medium: str | None = _field()
    """The carrier or format it was published in (``Audiobook``, ``CD-ROM``, ``Текст :
    электронный``)."""


@attrs.frozen(slots=True, kw_only=True)
class Book(Publication):
    """A book; ``editors`` alone make it an edited book."""

    kind: ClassVar[str] = "book"
    number_of_volumes: str | None = _field()


@attrs.frozen(slots=True, kw_only=True)
class Chapter(Publication):
    """A chapter in an edited book or a report series (``editors`` are the book's)."""

    kind: ClassVar[str] = "chapter"
    container_title: Title | None = _field(to_title_or_none)
    """The book."""
    pages: str | None = _field(checks.pages)


@attrs.frozen(slots=True, kw_only=True)
class Report(Publication):
    """A report, working paper or policy paper; ``publisher`` is the issuing institution."""

    kind: ClassVar[str] = "report"
    number: str | None = _field()


@attrs.frozen(slots=True, kw_only=True)
class ConferencePaper(Publication):
    """A paper in conference proceedings."""

    kind: ClassVar[str] = "conference-paper"
    container_title: Title | None = _field(to_title_or_none)
    """The proceedings."""
    event_title: str | None = _field()
    event_place: str | None = _field()
    pages: str | None = _field(checks.pages)


@attrs.frozen(slots=True, kw_only=True)
class Thesis(Publication):
    """A thesis or dissertation; ``publisher`` is the degree-granting institution."""

    kind: ClassVar[str] = "thesis"


@attrs.frozen(slots=True, kw_only=True)
class Standard(Publication):
    """A standard (GOST, ISO, …): its designation in ``number`` (``ГОСТ Р 7.0.100–2018``),
    its status in ``genre`` (``национальный стандарт Российской Федерации``)."""

    kind: ClassVar[str] = "standard"
    number: str | None = _field()
    authority: str | None = _field()
    """The body that approved it (``Росстандарт``, ``ISO``)."""


@attrs.frozen(slots=True, kw_only=True)
class Patent(Publication):
    """A patent; ``authors`` are the inventors, ``issued`` the date of publication."""

    kind: ClassVar[str] = "patent"
    number: str | None = _field()
    jurisdiction: str | None = _field()
    """The country that granted it (``Российская Федерация``, ``US``)."""
    authority: str | None = _field()
    """The patent office, or the applicant GOST names after ``заявитель``."""
    submitted: PartialDate | None = _field(to_date_or_none)
    """When the application was filed (GOST's ``заявл.``)."""


@attrs.frozen(slots=True, kw_only=True)
class Legislation(Publication):
    """A law or another normative act; ``container_title`` is where it was officially
    published (``Собрание законодательства Российской Федерации``), ``section`` its article
    there (``Ст. 7598``)."""

    kind: ClassVar[str] = "legislation"
    number: str | None = _field()
    authority: str | None = _field()
    """The body that enacted it."""
    container_title: Title | None = _field(to_title_or_none)
    issue: str | None = _field()
    section: str | None = _field()
    pages: str | None = _field(checks.pages)


@attrs.frozen(slots=True, kw_only=True)
class Manuscript(Publication):
    """An unpublished document, such as an archival one: ``archive`` holds it
    (``ГАРФ``), ``archive_location`` says where in it (``Ф. Р-5446. Оп. 1. Д. 123. Л. 5``)."""

    kind: ClassVar[str] = "manuscript"
    archive: str | None = _field()
    archive_location: str | None = _field()


_ABSTRACT = frozenset({Reference, PeriodicalPart, Publication})

IN_A_BOOK = (Chapter, ConferencePaper)
"""The works printed inside a book (or proceedings) whose title and editors they cite:
``isinstance(ref, IN_A_BOOK)``. A tuple, where ``Chapter | ConferencePaper`` would build a
union object each time it is evaluated (three times the cost of the check)."""
