"""Writing JATS: a ``<ref-list>``, or a whole ``<article>`` whose ``<article-meta>`` is the
first reference.

Each ``<ref>`` holds, inside ``<citation-alternatives>``, an ``<element-citation>`` (the
reference's CSL-JSON item, element by element, as :mod:`citekit.io.jats` reads it back) and a
``<mixed-citation>``: the reference as a citekit style prints it, with its italics and links.

>>> from citekit.io.jats import read_jats
>>> refs = read_jats('''<ref-list><ref id="r1"><element-citation publication-type="book">
...   <person-group person-group-type="author"><name><surname>Marx</surname>
...   <given-names>Karl</given-names></name></person-group>
...   <source>Capital</source><year>1867</year></element-citation></ref></ref-list>''')
>>> print(write_jats(refs, lose=print, style="apa"), end="")
<?xml version="1.0" encoding="UTF-8"?>
<ref-list>
  <ref id="r1">
    <citation-alternatives>
      <element-citation publication-type="book">
        <person-group person-group-type="author">
          <name>
            <surname>Marx</surname>
            <given-names>Karl</given-names>
          </name>
        </person-group>
        <source>Capital</source>
        <year>1867</year>
      </element-citation>
      <mixed-citation publication-type="book">Marx, K. (1867). <italic>Capital</italic>.</mixed-citation>
    </citation-alternatives>
  </ref>
</ref-list>
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from lxml import etree

from citekit.errors import CitekitError, UnsupportedError
from citekit.io.jats_tags import (
    IN_A_CONTAINER,
    PUBLICATION_TYPES,
    TEXT_VARIABLES,
    XLINK,
    XLINK_HREF,
    XML_LANG,
)
from citekit.io.xmlsafe import indent
from citekit.model.csl_item import Loss, reference_to_item
from citekit.model.date import SEASONS
from citekit.model.reference import Reference
from citekit.styles.registry import get_style

__all__ = ["write_jats"]

_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_NCNAME = re.compile(r"[^\W\d][\w.\-]*\Z")
_DOCTYPE = (
    '<!DOCTYPE article PUBLIC "-//NLM//DTD JATS (Z39.96) Journal Archiving and Interchange '
    'DTD v1.2 20190208//EN" "JATS-archivearticle1.dtd">'
)


class _Writer:
    """Builds elements, reporting each value it must drop to ``lose``."""

    def __init__(self, ref: Reference, lose: Loss, *, xlink: bool = True) -> None:
        self.ref = ref
        self.lose = lose
        self.xlink = xlink
        """Whether the document declares the XLink namespace (an <article> does; a bare
        <ref-list> cannot, by the DTD): links are then <ext-link xlink:href>, else <uri>."""

    def add(self, parent: Any, tag: str, text: object = None, **attributes: str) -> Any:
        element = etree.SubElement(parent, tag)
        for key, value in attributes.items():
            name = {"xml_lang": XML_LANG, "href": XLINK_HREF}.get(key, key.replace("_", "-"))
            element.set(name, self.clean(value, tag))
        if text is not None:
            element.text = self.clean(str(text), tag)
        return element

    def clean(self, text: str, field: str) -> str:
        cleaned = _INVALID_XML.sub("", text)
        if cleaned != text:
            self.lose(self.ref, field, "characters XML 1.0 cannot hold were left out")
        return cleaned


def write_jats(
    refs: Sequence[Reference],
    *,
    lose: Loss,
    style: str | None = "elpub",
    article: bool = False,
) -> str:
    """The references as a JATS ``<ref-list>`` (UTF-8 text), each ``<ref>`` with an
    ``<element-citation>`` and, unless ``style`` is None, a ``<mixed-citation>`` formatted by
    that citekit style. With ``article=True`` the first reference (a journal article) is
    written as the ``<article-meta>`` of an ``<article>``, the others as its reference list.
    """
    refs = list(refs)
    engine = None if style is None else get_style(style)  # an unknown one: before writing
    nsmap = {"xlink": XLINK}
    if article:
        if not refs:
            raise UnsupportedError("article=True needs the article as the first reference")
        root = etree.Element("article", nsmap=nsmap)
        root.set("dtd-version", "1.2")
        root.set("article-type", "research-article")
        front = etree.SubElement(root, "front")
        _write_article_meta(front, refs[0], lose)
        if refs[0].language:
            root.set(XML_LANG, refs[0].language)
        ref_list = etree.SubElement(etree.SubElement(root, "back"), "ref-list")
        listed = refs[1:]
    else:
        root = ref_list = etree.Element("ref-list")
        listed = refs
    used: set[str] = set()
    for number, ref in enumerate(listed, 1):
        _write_ref(ref_list, ref, number, used, lose, engine, xlink=article)
    etree.cleanup_namespaces(root)
    indent(root, keep="mixed-citation")
    body: str = etree.tostring(root, encoding="unicode")
    head = '<?xml version="1.0" encoding="UTF-8"?>\n'
    return head + (_DOCTYPE + "\n" if article else "") + body + "\n"


def _write_ref(
    ref_list: Any,
    ref: Reference,
    number: int,
    used: set[str],
    lose: Loss,
    style: Any,
    *,
    xlink: bool,
) -> None:
    writer = _Writer(ref, lose, xlink=xlink)
    ref_id = ref.id if _NCNAME.match(ref.id) else f"ref-{number}"
    if ref_id != ref.id:
        lose(ref, "id", f"not an XML name; written as {ref_id}")
    while ref_id in used:
        ref_id = f"{ref_id}-{number}"
    used.add(ref_id)
    element = writer.add(ref_list, "ref", id=ref_id)
    holder = writer.add(element, "citation-alternatives") if style else element
    item = reference_to_item(ref, lose)
    publication_type = PUBLICATION_TYPES.get(item["type"], item["type"])
    if item["type"] == "chapter" and not item.get("title"):
        publication_type = "chapter"
    citation = writer.add(holder, "element-citation", publication_type=publication_type)
    if item.get("language"):
        citation.set(XML_LANG, writer.clean(str(item["language"]), "language"))
    _write_citation(writer, citation, item)
    if len(citation) == 0:  # the DTD wants one part at least: an empty source says nothing
        writer.add(citation, "source")
    if style:
        _write_mixed(writer, holder, citation, style)


def _write_mixed(writer: _Writer, holder: Any, citation: Any, style: Any) -> None:
    """The reference as ``style`` prints it, its italics as ``<italic>`` and its links as
    ``<ext-link>`` (or ``<uri>`` in a bare reference list)."""
    from citekit.render.writer import write

    try:
        markup = write(style.entry(writer.ref, style.options()), _markup(writer.xlink))
        mixed = etree.fromstring(f'<mixed-citation xmlns:xlink="{XLINK}">{markup}</mixed-citation>')
    except CitekitError as exc:
        writer.lose(writer.ref, "mixed-citation", f"the {style.id} style cannot print it: {exc}")
        holder.remove(citation)
        holder.getparent().replace(holder, citation)
        return
    holder.append(mixed)
    for name in ("publication-type", XML_LANG):
        if citation.get(name):
            mixed.set(name, citation.get(name))


def _markup(xlink: bool) -> Any:
    """How a style's rich text is written inside a ``<mixed-citation>``."""
    from citekit.render.writer import OutputFormat

    def escape(text: str) -> str:
        text = _INVALID_XML.sub("", text)
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

    def link(url: str, inner: str, bare: bool) -> str:
        href = escape(url).replace('"', "&quot;")
        if xlink:
            return f'<ext-link ext-link-type="uri" xlink:href="{href}">{inner}</ext-link>'
        return f"<uri>{inner}</uri>" if bare else inner

    return OutputFormat(escape=escape, emph=("<italic>", "</italic>"), nbsp="\u00a0", link=link)


def _write_citation(writer: _Writer, citation: Any, item: dict[str, Any]) -> None:
    ref, lose = writer.ref, writer.lose
    item = dict(item)
    item.pop("id")
    csl_type = item.pop("type")
    item.pop("language", None)
    multi = item.pop("multi", None) or {}
    keys = dict(multi.get("_keys", {}))
    for other in sorted(set(multi) - {"_keys", "main"}):
        lose(ref, f"multi.{other}", "JATS has no place for it")
    for role in ("author", "editor", "translator"):
        people = item.pop(role, None)
        if people:
            group = writer.add(citation, "person-group", person_group_type=role)
            for person in people:
                _write_name(writer, group, person, None)
    title, container = item.pop("title", None), item.pop("container-title", None)
    in_container = csl_type in IN_A_CONTAINER or container is not None
    title_tag = "chapter-title" if csl_type == "chapter" else "article-title"
    if title is not None:
        if in_container:
            writer.add(citation, title_tag, title)
            _write_forms(writer, citation, "trans-title", keys.pop("title", {}))
        else:
            writer.add(citation, "source", title)
            _write_forms(writer, citation, "trans-source", keys.pop("title", {}))
    if container is not None:
        writer.add(citation, "source", container)
        _write_forms(writer, citation, "trans-source", keys.pop("container-title", {}))
    for field in keys:
        lose(ref, field, "JATS has translated titles for the title and the source only")
    for key in ("edition", "collection-title", "event-title", "event-place", "publisher-place",
                "publisher"):  # fmt: skip
        if key in item:
            writer.add(citation, TEXT_VARIABLES[key], item.pop(key))
    _write_date(writer, citation, item.pop("issued", None))
    for key in ("volume", "issue"):
        if key in item:
            writer.add(citation, key, item.pop(key))
    _write_pages(writer, citation, item.pop("page", None))
    if "number" in item and csl_type == "article-journal":
        writer.add(citation, "elocation-id", item.pop("number"))
    if "number-of-pages" in item:
        writer.add(citation, "size", item.pop("number-of-pages"), units="pages")
    for key in ("ISBN", "ISSN", "version"):
        if key in item:
            writer.add(citation, TEXT_VARIABLES[key], item.pop(key))
    for key, kind in (("DOI", "doi"), ("PMID", "pmid"), ("PMCID", "pmcid")):
        if key in item:
            writer.add(citation, "pub-id", item.pop(key), pub_id_type=kind)
    if "URL" in item:
        url = item.pop("URL")
        if writer.xlink:
            writer.add(citation, "ext-link", url, ext_link_type="uri", href=url)
        else:
            writer.add(citation, "uri", url)
    accessed = item.pop("accessed", None)
    if accessed is not None:
        iso = _iso(accessed)
        writer.add(citation, "date-in-citation", iso, content_type="access-date",
                   iso_8601_date=iso)  # fmt: skip
    if "note" in item:
        writer.add(citation, "comment", item.pop("note"))
    for key, value in item.items():
        if isinstance(value, bool):
            value = "true" if value else None
        if isinstance(value, str) and value:
            writer.add(citation, "comment", value, content_type=key)
        elif value is not None:
            lose(ref, key, "JATS holds text here, not a structured value")


def _write_forms(writer: _Writer, citation: Any, tag: str, forms: Mapping[str, str]) -> None:
    for lang, text in forms.items():
        writer.add(citation, tag, text, xml_lang=lang)


def _write_name(writer: _Writer, parent: Any, person: dict[str, Any], lang: str | None) -> None:
    forms = (person.get("multi") or {}).get("_key") or {}
    if not forms:
        _write_one_name(writer, parent, person, lang)
        return
    alternatives = writer.add(parent, "name-alternatives")
    _write_one_name(writer, alternatives, person, lang, alternative=True)
    for tag, form in forms.items():
        _write_one_name(writer, alternatives, form, tag, alternative=True)


def _write_one_name(
    writer: _Writer,
    parent: Any,
    person: dict[str, Any],
    lang: str | None,
    *,
    alternative: bool = False,
) -> None:
    attributes = {"xml_lang": lang} if lang else {}
    if "literal" in person:
        writer.add(parent, "string-name" if alternative else "collab", person["literal"],
                   **attributes)  # fmt: skip
        return
    name = writer.add(parent, "name", **attributes)
    family = person.get("family", "")
    particles = [person.get(k) for k in ("dropping-particle", "non-dropping-particle")]
    if any(particles):
        writer.lose(writer.ref, "name", "JATS has no element for a name particle; it is "
                    "written as part of the surname")  # fmt: skip
        family = " ".join(filter(None, [*particles, family]))
    writer.add(name, "surname", family)
    if person.get("given"):
        writer.add(name, "given-names", person["given"])
    if person.get("suffix"):
        writer.add(name, "suffix", person["suffix"])


def _write_date(writer: _Writer, citation: Any, date: dict[str, Any] | None) -> None:
    if date is None:
        return
    parts = date["date-parts"]
    start = parts[0]
    attributes = {}
    if len(parts) > 1:
        attributes["iso_8601_date"] = _iso(date)
    if date.get("circa"):
        writer.lose(writer.ref, "issued", "JATS has no 'circa' for a date")
    writer.add(citation, "year", start[0], **attributes)
    if len(start) > 1:
        writer.add(citation, "month", f"{start[1]:02d}")
    if len(start) > 2:
        writer.add(citation, "day", f"{start[2]:02d}")
    if date.get("season"):
        writer.add(citation, "season", SEASONS[int(date["season"]) - 1])


def _iso(date: dict[str, Any]) -> str:
    """A CSL date as ISO 8601 (an interval for a range)."""

    def one(parts: list[int]) -> str:
        year, *rest = parts
        return "-".join([f"{year:04d}" if year >= 0 else str(year), *(f"{n:02d}" for n in rest)])

    return "/".join(one(parts) for parts in date["date-parts"])


def _write_pages(writer: _Writer, citation: Any, pages: str | None) -> None:
    if not pages:
        return
    from citekit.model.reference import page_range

    first, last = page_range(pages)
    if last is None and first != pages:  # "S1-S5, S9": the first page, then the whole
        writer.add(citation, "fpage", re.split(r"[-,\s]", pages)[0])
        writer.add(citation, "page-range", pages)
        return
    writer.add(citation, "fpage", first)
    if last is not None:
        writer.add(citation, "lpage", last)


def _write_article_meta(front: Any, ref: Reference, lose: Loss) -> None:
    writer = _Writer(ref, lose)
    item = reference_to_item(ref, lose)
    if item["type"] != "article-journal":
        raise UnsupportedError(
            f"the article's own metadata must be a journal article, not {item['type']}",
            ref_id=ref.id,
        )
    keys = (item.get("multi") or {}).get("_keys", {})
    journal = writer.add(front, "journal-meta")
    if item.get("container-title"):
        titles = writer.add(journal, "journal-title-group")
        writer.add(titles, "journal-title", item["container-title"])
        for lang, text in keys.get("container-title", {}).items():
            writer.add(writer.add(titles, "trans-title-group", xml_lang=lang), "trans-title", text)
        if item.get("container-title-short"):
            writer.add(titles, "abbrev-journal-title", item["container-title-short"])
    if item.get("ISSN"):
        writer.add(journal, "issn", item["ISSN"])
    if item.get("publisher"):
        publisher = writer.add(journal, "publisher")
        writer.add(publisher, "publisher-name", item["publisher"])
        if item.get("publisher-place"):
            writer.add(publisher, "publisher-loc", item["publisher-place"])
    meta = writer.add(front, "article-meta")
    writer.add(meta, "article-id", ref.id, pub_id_type="publisher-id")
    if item.get("DOI"):
        writer.add(meta, "article-id", item["DOI"], pub_id_type="doi")
    group = writer.add(meta, "title-group")
    writer.add(group, "article-title", item.get("title", ""))
    for lang, text in keys.get("title", {}).items():
        writer.add(writer.add(group, "trans-title-group", xml_lang=lang), "trans-title", text)
    roles = [role for role in ("author", "editor", "translator") if item.get(role)]
    if roles:
        contribs = writer.add(meta, "contrib-group")
        for role in roles:
            for person in item[role]:
                contrib = writer.add(contribs, "contrib", contrib_type=role)
                _write_name(writer, contrib, person, item.get("language"))
    if item.get("issued"):
        date = writer.add(meta, "pub-date", publication_format="print", date_type="pub")
        _write_date(writer, date, item["issued"])
        # the order a pub-date wants: day, month, year
        date[:] = sorted(date, key=lambda e: ("day", "month", "season", "year").index(e.tag))
    for key in ("volume", "issue"):
        if item.get(key):
            writer.add(meta, key, item[key])
    _write_pages(writer, meta, item.get("page"))
    if item.get("number"):
        writer.add(meta, "elocation-id", item["number"])
    if item.get("URL"):
        writer.add(meta, "self-uri", href=item["URL"])
    written = {"id", "type", "language", "multi", "container-title", "container-title-short",
               "ISSN", "publisher", "publisher-place", "DOI", "title", "author", "editor",
               "translator", "issued", "volume", "issue", "page", "number", "URL"}  # fmt: skip
    for key in sorted(set(item) - written):
        lose(ref, key, "the article's metadata (<article-meta>) has no place for it")
    for key in set(keys) - {"title", "container-title"}:
        lose(ref, key, "the article's metadata has translations of its titles only")
