"""citekit's data model: typed, frozen, validated references.

>>> from citekit.model import JournalArticle, Person
>>> JournalArticle(id="a", title="T", authors=[Person("Smith", "J.")]).authors[0].family
'Smith'

References pickle (for :func:`citekit.format_many`'s worker processes, or a user's own):

>>> import pickle
>>> from citekit.model import Title
>>> title = Title("Мир", lang="ru", translations={"en": "Peace"})
>>> pickle.loads(pickle.dumps(title)) == title
True
"""

from citekit.model.date import SEASONS, PartialDate
from citekit.model.identifiers import check_isbn, check_issn, check_url, normalize_doi
from citekit.model.kinds import KINDS, REFERENCE_TYPES, Kind, kind_of
from citekit.model.person import Person, initials_of
from citekit.model.reference import (
    Book,
    Chapter,
    ConferencePaper,
    JournalArticle,
    Legislation,
    MagazineArticle,
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
    page_range,
)
from citekit.model.title import Title

__all__ = [
    "KINDS",
    "REFERENCE_TYPES",
    "SEASONS",
    "Book",
    "Chapter",
    "ConferencePaper",
    "JournalArticle",
    "Kind",
    "Legislation",
    "MagazineArticle",
    "Manuscript",
    "NewspaperArticle",
    "PartialDate",
    "Patent",
    "PeriodicalPart",
    "Person",
    "Publication",
    "Reference",
    "Report",
    "Standard",
    "Thesis",
    "Title",
    "WebArticle",
    "check_isbn",
    "check_issn",
    "check_url",
    "initials_of",
    "kind_of",
    "normalize_doi",
    "page_range",
]
