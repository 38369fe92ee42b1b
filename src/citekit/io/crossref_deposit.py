"""A Crossref deposit's ``<citation_list>`` (deposit schema 5.3.1) from references.

Each reference becomes a ``<citation key="…">`` with the structured elements Crossref
matches a DOI with — ``issn``, ``journal_title``, ``author`` (the first author's surname),
``volume``, ``issue``, ``first_page``, ``elocation_id``, ``cYear``, ``doi``, ``isbn``, ``series_title``,
``volume_title``, ``edition_number``, ``article_title`` — in the order the schema wants,
and an ``<unstructured_citation>``: the reference as the chosen citekit style prints it, its
italics as ``<i>``.

A deposit is written, never read back: Crossref keeps the structured parts for matching and
the unstructured text for display. So with a style, nothing is reported lost (the style's
line is the citation); with ``style=None`` every value that has no structured element is
reported through ``lose``.

>>> from citekit.io.csljson import item_to_reference
>>> ref = item_to_reference({"id": "marx1867", "type": "book", "title": "Capital",
...     "author": [{"family": "Marx", "given": "Karl"}], "issued": {"date-parts": [[1867]]}})
>>> print(write_citation_list([ref], lose=print, style="apa"), end="")
<?xml version="1.0" encoding="UTF-8"?>
<citation_list xmlns="http://www.crossref.org/schema/5.3.1">
  <citation key="marx1867">
    <author>Marx</author>
    <cYear>1867</cYear>
    <volume_title>Capital</volume_title>
    <unstructured_citation>Marx, K. (1867). <i>Capital</i>.</unstructured_citation>
  </citation>
</citation_list>
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from lxml import etree

from citekit.errors import CitekitError
from citekit.io.xmlsafe import indent
from citekit.model.csl_item import Loss, reference_to_item
from citekit.model.reference import Reference, page_range
from citekit.styles.registry import get_style

__all__ = ["CROSSREF_NAMESPACE", "ORDER", "write_citation_list"]

CROSSREF_NAMESPACE = "http://www.crossref.org/schema/5.3.1"

ORDER = (
    "issn",
    "journal_title",
    "author",
    "volume",
    "issue",
    "first_page",
    "elocation_id",
    "cYear",
    "doi",
    "isbn",
    "series_title",
    "volume_title",
    "edition_number",
    "component_number",
    "article_title",
    "std_designator",
    "unstructured_citation",
)
"""The elements of a ``<citation>`` in the order the deposit schema lists them (it takes
them in any order: ``xsd:all``)."""

_PERIODICAL = {"article-journal", "article-magazine", "article-newspaper"}
_IN_A_BOOK = {"chapter", "paper-conference", "entry-encyclopedia", "entry-dictionary"}
_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_LIMITS = {"volume": 32, "issue": 32, "first_page": 32, "edition_number": 15}
"""The longest text the deposit schema takes in these elements."""
_ISBN = re.compile(r"(97[89]-)?\d[\d \-]+[\dX]\Z")
_DOI = re.compile(r"10\.\d{4,9}/\S{1,200}\Z")


def write_citation_list(
    refs: Sequence[Reference], *, lose: Loss, style: str | None = "elpub"
) -> str:
    """The references as a Crossref ``<citation_list>`` (UTF-8 text), each with its
    structured elements and, unless ``style`` is None, an ``<unstructured_citation>``
    formatted by that citekit style."""
    engine = None if style is None else get_style(style)  # an unknown one: before writing
    root = etree.Element(f"{{{CROSSREF_NAMESPACE}}}citation_list", nsmap={None: CROSSREF_NAMESPACE})
    keys: set[str] = set()
    for number, ref in enumerate(refs, 1):
        key = ref.id[:128] if len(ref.id) <= 128 else f"ref{number}"
        while key in keys:
            key = f"{key[:120]}-{number}"
        keys.add(key)
        citation = etree.SubElement(root, f"{{{CROSSREF_NAMESPACE}}}citation", key=key)
        for tag, value in _parts(ref, lose, engine):
            if tag == "unstructured_citation":  # the style's markup: <i>, as the schema allows
                citation.append(
                    etree.fromstring(f'<{tag} xmlns="{CROSSREF_NAMESPACE}">{value}</{tag}>')
                )
                continue
            element = etree.SubElement(citation, f"{{{CROSSREF_NAMESPACE}}}{tag}")
            element.text = value
    indent(root, keep="unstructured_citation")
    body: str = etree.tostring(root, encoding="unicode")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n"


def _parts(ref: Reference, lose: Loss, style: Any) -> list[tuple[str, str]]:
    """The structured elements (and the unstructured one) of one citation, in schema order."""
    item = reference_to_item(ref, lose if style is None else _keep)
    kind = item["type"]
    found: dict[str, str] = {}
    used = {"id", "type"}

    def put(tag: str, key: str) -> None:
        value = item.get(key)
        if value is None or value == "":
            return
        text = _INVALID_XML.sub("", str(value))
        limit = _LIMITS.get(tag)
        if limit is not None and len(text) > limit:
            return  # too long for the element: the unstructured citation carries it
        found[tag] = text
        used.add(key)

    if kind in _PERIODICAL:
        put("issn", "ISSN")
        put("journal_title", "container-title")
        put("article_title", "title")
    elif kind in _IN_A_BOOK:
        put("volume_title", "container-title")
        put("article_title", "title")
    elif kind in ("webpage", "post-weblog", "post"):
        put("article_title", "title")
    else:
        put("volume_title", "title")
    if kind == "standard":
        put("std_designator", "number")
    people = item.get("author") or item.get("editor") or []
    if people:
        first = people[0]
        surname = first.get("family") or first.get("literal")
        if surname:
            found["author"] = _INVALID_XML.sub("", surname)
            used.add("author" if item.get("author") else "editor")
    put("volume", "volume")
    put("issue", "issue")
    if item.get("page"):
        first_page, _ = page_range(str(item["page"]))
        first_page = re.split(r"[,\s]", first_page)[0]
        if first_page and len(first_page) <= _LIMITS["first_page"]:
            found["first_page"] = first_page
            used.add("page")
    issued = item.get("issued")
    if issued:
        year = issued["date-parts"][0][0]
        if 1000 <= year <= 9999:
            found["cYear"] = str(year)
            used.add("issued")
    if _DOI.match(str(item.get("DOI", ""))):
        put("doi", "DOI")
    if kind == "article-journal":
        put("elocation_id", "number")
    isbn = str(item.get("ISBN", ""))
    if _ISBN.match(isbn) and 10 <= len(isbn) <= 17:
        put("isbn", "ISBN")
    put("series_title", "collection-title")
    if str(item.get("edition", "")).isdigit():
        put("edition_number", "edition")
    if style is not None:
        text = _unstructured(ref, style, lose)
        if text:
            found["unstructured_citation"] = text
    else:
        for key in sorted(set(item) - used):
            lose(ref, key, "a Crossref citation has no structured element for it")
    return [(tag, found[tag]) for tag in ORDER if tag in found]


def _keep(_ref: Reference, _field: str, _why: str) -> None:
    """With a style, the unstructured citation carries what the structured elements cannot."""


def _unstructured(ref: Reference, style: Any, lose: Loss) -> str | None:
    """The reference as ``style`` prints it, as the content of an ``<unstructured_citation>``
    (escaped XML; italics as ``<i>``)."""
    from citekit.render.writer import write

    try:
        return write(style.entry(ref, style.options()), _markup())
    except CitekitError as exc:
        lose(ref, "unstructured_citation", f"the {style.id} style cannot print it: {exc}")
        return None


def _escape(text: str) -> str:
    text = _INVALID_XML.sub("", text)
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _markup() -> Any:
    from citekit.render.writer import OutputFormat

    return OutputFormat(escape=_escape, emph=("<i>", "</i>"), nbsp="\u00a0", link=None)
