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
from citekit.model.person import Person, initials_of
from citekit.model.reference import (
    REFERENCE_TYPES,
    Book,
    Chapter,
    ConferencePaper,
    JournalArticle,
    MagazineArticle,
    NewspaperArticle,
    PeriodicalPart,
    Publication,
    Reference,
    Report,
    Thesis,
    WebArticle,
    page_range,
)
from citekit.model.title import Title

__all__ = [
    "REFERENCE_TYPES",
    "SEASONS",
    "Book",
    "Chapter",
    "ConferencePaper",
    "JournalArticle",
    "MagazineArticle",
    "NewspaperArticle",
    "PartialDate",
    "PeriodicalPart",
    "Person",
    "Publication",
    "Reference",
    "Report",
    "Thesis",
    "Title",
    "WebArticle",
    "check_isbn",
    "check_issn",
    "check_url",
    "initials_of",
    "normalize_doi",
    "page_range",
]
