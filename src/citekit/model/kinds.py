"""Every kind of reference, one row each: the one place a kind is declared.

A row names the kind (the ``type`` of citekit's YAML), the class that holds its fields, and
what it is called in CSL-JSON, BibTeX/BibLaTeX, RIS and schema.org.  The readers, the writers,
:mod:`citekit.meta`, the JSON Schema (:mod:`citekit.model.schema`) and the test strategies
derive their tables from :data:`KINDS`; a kind added here is read, written, checked and
formatted (every built-in style has a general rule for a kind it has no rule of its own for).

Every CSL 1.0.2 item type is read as a kind.  Several kinds share the fields of one class: a
``map`` holds what a ``book`` holds, so its class is made here as a subclass of
:class:`~citekit.model.reference.Book` whose ``kind`` is ``"map"``; a style without a rule
for maps formats it as a book.

>>> KIND_BY_NAME["map"].cls.__name__, KIND_BY_NAME["map"].shape.__name__
('Map', 'Book')
>>> Map = KIND_BY_NAME["map"].cls
>>> Map(id="m", title="Карта Японии").kind
'map'
>>> KIND_BY_CSL["post-weblog"].name  # read as a web article, the type kept in ``extra``
'web-article'
>>> kind_of(Map(id="m")).ris, kind_of(Map(id="m")).schema_org
('MAP', 'Map')
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

import attrs

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
    Reference,
    Report,
    Standard,
    Thesis,
    WebArticle,
)

__all__ = [
    "BIBTEX_SUBTYPES",
    "BIBTEX_TYPES",
    "CSL_TYPES",
    "KINDS",
    "KIND_BY_CSL",
    "KIND_BY_NAME",
    "REFERENCE_TYPES",
    "RIS_TYPES",
    "Kind",
    "kind_of",
]


@attrs.frozen
class Kind:
    """One kind of reference and its names in every format citekit reads and writes."""

    name: str
    """citekit's name: the ``type`` in YAML, ``ref.kind``."""
    shape: type[Reference]
    """The class whose fields the kind has; :attr:`cls` is this class or a subclass of it."""
    csl: str
    """The CSL 1.0.2 item type written; read too."""
    bibtex: str
    """The BibTeX/BibLaTeX entry type written."""
    ris: str
    """The RIS ``TY`` written."""
    schema_org: str = "CreativeWork"
    """The schema.org type of :func:`citekit.meta.json_ld`."""
    bibtex_subtype: str | None = None
    """BibLaTeX's ``entrysubtype`` written with :attr:`bibtex` (and read back to this kind)."""
    csl_also: tuple[str, ...] = ()
    """Other CSL types read as this kind (the type read is kept in ``extra``)."""
    bibtex_also: tuple[str, ...] = ()
    """Other entry types read as this kind (kept in ``extra["bibtex-type"]``)."""
    ris_also: tuple[str, ...] = ()
    """Other RIS types read as this kind (kept in ``extra["ris-type"]``)."""
    cls: type[Reference] = attrs.field(init=False)
    """The class a reference of this kind is an instance of."""

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "cls", _class_for(self.name, self.shape))

    @property
    def fields(self) -> tuple[str, ...]:
        """The names of the fields a reference of this kind holds."""
        return tuple(field.name for field in attrs.fields(self.shape))


_MADE: dict[str, type[Reference]] = {}


def _class_for(name: str, shape: type[Reference]) -> type[Reference]:
    """``shape`` itself when it is this kind's own class, else a subclass with ``kind = name``
    (slotted like its base, and pickled by name from this module)."""
    if shape.kind == name:
        return shape
    class_name = "".join(part.capitalize() for part in name.replace("_", "-").split("-"))
    namespace: dict[str, Any] = {
        "__slots__": (),
        "__module__": __name__,
        "__qualname__": class_name,
        "__doc__": f"A {name.replace('-', ' ')}: the fields of {shape.__name__}.",
        "kind": name,
    }
    made: type[Reference] = type(class_name, (shape,), namespace)
    _MADE[class_name] = made
    return made


# fmt: off
KINDS: tuple[Kind, ...] = (
    # the kinds citekit had first, in the order of its messages
    Kind("journal-article", JournalArticle, "article-journal", "article", "JOUR",
         "ScholarlyArticle", ris_also=("JFULL", "EJOUR")),
    Kind("magazine-article", MagazineArticle, "article-magazine", "article", "MGZN",
         bibtex_subtype="magazine"),
    Kind("newspaper-article", NewspaperArticle, "article-newspaper", "article", "NEWS",
         bibtex_subtype="newspaper"),
    Kind("web-article", WebArticle, "webpage", "online", "ELEC", "Article",
         csl_also=("post-weblog", "post"), bibtex_also=("misc",), ris_also=("WEB", "BLOG")),
    Kind("book", Book, "book", "book", "BOOK", "Book", ris_also=("EBOOK", "EDBOOK")),
    Kind("chapter", Chapter, "chapter", "incollection", "CHAP", "Chapter",
         bibtex_also=("inbook",), ris_also=("ECHAP",)),
    Kind("report", Report, "report", "techreport", "RPRT", "Report", bibtex_also=("report",)),
    Kind("conference-paper", ConferencePaper, "paper-conference", "inproceedings", "CPAPER",
         bibtex_also=("conference",), ris_also=("CONF",)),
    Kind("thesis", Thesis, "thesis", "phdthesis", "THES", "Thesis",
         bibtex_also=("mastersthesis", "thesis")),
    # kinds with fields of their own
    Kind("standard", Standard, "standard", "standard", "STAND"),
    Kind("manuscript", Manuscript, "manuscript", "unpublished", "MANSCPT", "Manuscript"),
    Kind("patent", Patent, "patent", "patent", "PAT"),
    Kind("legislation", Legislation, "legislation", "legislation", "STAT", "Legislation"),
    # the other CSL 1.0.2 item types, each with the fields of a kind above
    Kind("review", JournalArticle, "review", "review", "JOUR", "Review"),
    Kind("review-book", JournalArticle, "review-book", "review", "JOUR", "Review",
         bibtex_subtype="book"),
    Kind("entry", Chapter, "entry", "inreference", "GEN"),
    Kind("entry-dictionary", Chapter, "entry-dictionary", "inreference", "DICT",
         bibtex_subtype="dictionary"),
    Kind("entry-encyclopedia", Chapter, "entry-encyclopedia", "inreference", "ENCYC",
         bibtex_subtype="encyclopedia"),
    Kind("article", Report, "article", "misc", "UNPB", "ScholarlyArticle",
         bibtex_subtype="preprint"),
    Kind("classic", Book, "classic", "book", "CLSWK", "Book", bibtex_subtype="classic"),
    Kind("collection", Book, "collection", "collection", "CTLG", "Collection"),
    Kind("pamphlet", Book, "pamphlet", "booklet", "PAMP", "Book"),
    Kind("periodical", Book, "periodical", "periodical", "SER", "Periodical"),
    Kind("document", Book, "document", "misc", "GEN", bibtex_subtype="document"),
    Kind("map", Book, "map", "misc", "MAP", "Map", bibtex_subtype="map"),
    Kind("graphic", Book, "graphic", "artwork", "ART", "VisualArtwork"),
    Kind("figure", Book, "figure", "image", "FIGURE", "ImageObject"),
    Kind("musical-score", Book, "musical_score", "misc", "MUSIC", "MusicComposition",
         bibtex_subtype="score"),
    Kind("dataset", Book, "dataset", "dataset", "DATA", "Dataset"),
    Kind("software", Book, "software", "software", "COMP", "SoftwareApplication"),
    Kind("motion-picture", Book, "motion_picture", "movie", "MPCT", "Movie"),
    Kind("broadcast", Book, "broadcast", "video", "ADVS", "Episode"),
    Kind("song", Book, "song", "audio", "SOUND", "MusicRecording"),
    Kind("performance", Book, "performance", "performance", "GEN"),
    Kind("event", Book, "event", "misc", "GEN", bibtex_subtype="event"),
    Kind("speech", Book, "speech", "misc", "GEN", bibtex_subtype="speech"),
    Kind("interview", Book, "interview", "misc", "GEN", bibtex_subtype="interview"),
    Kind("personal-communication", Book, "personal_communication", "letter", "PCOMM",
         "Message"),
    Kind("hearing", Report, "hearing", "misc", "HEAR", bibtex_subtype="hearing"),
    Kind("bill", Legislation, "bill", "legislation", "BILL", "Legislation",
         bibtex_subtype="bill"),
    Kind("regulation", Legislation, "regulation", "legislation", "LEGAL", "Legislation",
         bibtex_subtype="regulation"),
    Kind("treaty", Legislation, "treaty", "legal", "GEN", "Legislation"),
    Kind("legal-case", Legislation, "legal_case", "jurisdiction", "CASE"),
)
"""Every kind, one row each."""
# fmt: on

globals().update(_MADE)  # the made classes pickle as citekit.model.kinds.<Name>


def _first(pairs: list[tuple[str, Kind]]) -> dict[str, Kind]:
    """The first kind to claim each name (a format with fewer types than citekit reads its
    type back as the first kind written with it)."""
    table: dict[str, Kind] = {}
    for name, kind in pairs:
        table.setdefault(name, kind)
    return table


KIND_BY_NAME: Mapping[str, Kind] = MappingProxyType({kind.name: kind for kind in KINDS})
"""Each kind by citekit's name for it."""

REFERENCE_TYPES: Mapping[str, type[Reference]] = MappingProxyType(
    {kind.name: kind.cls for kind in KINDS}
)
"""Each kind's class by citekit's name for it (the ``type`` of citekit's YAML)."""

_BY_CLASS: Mapping[type[Reference], Kind] = MappingProxyType({kind.cls: kind for kind in KINDS})

KIND_BY_CSL: Mapping[str, Kind] = MappingProxyType(
    _first([(csl, kind) for kind in KINDS for csl in (kind.csl, *kind.csl_also)])
)
"""Each CSL item type citekit reads, and the kind it is read as."""

CSL_TYPES: Mapping[str, type[Reference]] = MappingProxyType(
    {csl: kind.cls for csl, kind in KIND_BY_CSL.items()}
)
"""Each CSL item type citekit reads, and the class it is read into."""

BIBTEX_TYPES: Mapping[str, type[Reference]] = MappingProxyType(
    {
        name: kind.cls
        for name, kind in _first(
            [
                (name, kind)
                for kind in KINDS
                if kind.bibtex_subtype is None
                for name in (kind.bibtex, *kind.bibtex_also)
            ]
        ).items()
    }
)
"""Each entry type the BibTeX reader knows, and the class it is read into (before
``entrysubtype`` is looked at: see :data:`BIBTEX_SUBTYPES`)."""

BIBTEX_SUBTYPES: Mapping[tuple[str, str], type[Reference]] = MappingProxyType(
    {
        (kind.bibtex, kind.bibtex_subtype): kind.cls
        for kind in KINDS
        if kind.bibtex_subtype is not None
    }
)
"""(entry type, ``entrysubtype``) → the class it is read into, where the pair means a kind of
its own (``@article`` with ``entrysubtype = {magazine}``)."""

RIS_TYPES: Mapping[str, type[Reference]] = MappingProxyType(
    {
        name: kind.cls
        for name, kind in _first(
            [(name, kind) for kind in KINDS for name in (kind.ris, *kind.ris_also)]
        ).items()
    }
)
"""Each RIS ``TY`` the reader knows, and the class it is read into."""


def kind_of(ref: Reference | type[Reference]) -> Kind:
    """The row of ``ref``'s kind (a subclass made outside this table: its nearest base's)."""
    cls = ref if isinstance(ref, type) else type(ref)
    for base in cls.__mro__:
        kind = _BY_CLASS.get(base)
        if kind is not None:
            return kind
    raise TypeError(f"{cls.__name__} is not a kind of reference")
