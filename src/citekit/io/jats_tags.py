"""The JATS vocabulary the reader and the writer share: namespaces, ``publication-type``
values, and the citation elements that each hold one CSL variable.

>>> PUBLICATION_TYPES["article-journal"], READ_TYPES["confproc"], TEXT_ELEMENTS["series"]
('journal', 'paper-conference', 'collection-title')
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

__all__ = [
    "IN_A_CONTAINER",
    "PUBLICATION_TYPES",
    "READ_TYPES",
    "TEXT_ELEMENTS",
    "TEXT_VARIABLES",
    "XLINK",
    "XLINK_HREF",
    "XML_LANG",
]

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
XLINK = "http://www.w3.org/1999/xlink"
XLINK_HREF = f"{{{XLINK}}}href"

PUBLICATION_TYPES: Mapping[str, str] = MappingProxyType(
    {
        "article-journal": "journal",
        "article-magazine": "magazine",
        "article-newspaper": "newspaper",
        "webpage": "web",
        "post-weblog": "blog",
        "post": "post",
        "book": "book",
        "chapter": "book",  # with <chapter-title>, as JATS4R recommends
        "report": "report",
        "paper-conference": "confproc",
        "thesis": "thesis",
    }
)
"""The ``publication-type`` written for each CSL item type (any other is written as is)."""

READ_TYPES: Mapping[str, str] = MappingProxyType(
    {
        **{jats: csl for csl, jats in PUBLICATION_TYPES.items() if csl != "chapter"},
        "chapter": "chapter",
        "website": "webpage",
        "webpage": "webpage",
        "conf-proc": "paper-conference",
        "conference": "paper-conference",
        "proceedings": "paper-conference",
        "dissertation": "thesis",
        "gov": "report",
        "preprint": "article",
        "data": "dataset",
        "dataset": "dataset",
        "software": "software",
        "standard": "standard",
        "patent": "patent",
        "letter": "personal_communication",
        "commun": "personal_communication",
    }
)
"""CSL item type by ``publication-type``; a type the model lacks falls back with a warning."""

IN_A_CONTAINER = frozenset(
    {
        "article-journal",
        "article-magazine",
        "article-newspaper",
        "webpage",
        "post-weblog",
        "post",
        "chapter",
        "paper-conference",
        "article",
        "entry-encyclopedia",
        "entry-dictionary",
    }
)
"""Types whose title is the part (``<article-title>``) and whose ``<source>`` is the whole."""

TEXT_ELEMENTS: Mapping[str, str] = MappingProxyType(
    {
        "volume": "volume",
        "issue": "issue",
        "edition": "edition",
        "publisher-name": "publisher",
        "publisher-loc": "publisher-place",
        "series": "collection-title",
        "conf-name": "event-title",
        "conf-loc": "event-place",
        "isbn": "ISBN",
        "issn": "ISSN",
        "version": "version",
        "institution": "publisher",
    }
)
"""Citation elements read into one CSL variable each, as their text."""
TEXT_VARIABLES: Mapping[str, str] = MappingProxyType(
    {csl: jats for jats, csl in TEXT_ELEMENTS.items() if jats != "institution"}
)
"""The element each of those CSL variables is written as."""
