"""Reading JATS (NISO Z39.96, 1.2 and later): reference lists and an article's own metadata.

Reading takes a whole ``<article>`` (its ``<article-meta>`` becomes the first reference, the
article itself, followed by every ``<ref>`` of its ``<ref-list>``), a bare ``<ref-list>``, or a
single ``<ref>``. Each ``<element-citation>`` (or, failing one, ``<mixed-citation>``, whose
tagged parts are read and whose punctuation is not) becomes a CSL-JSON item, translations in
the Juris-M ``multi`` fields (``<trans-title xml:lang="en">`` → ``multi._keys.title.en``),
and then a :class:`~citekit.model.reference.Reference`.

Writing is :mod:`citekit.io.jats_writer`.

>>> refs = read_jats('''<ref-list><ref id="r1"><element-citation publication-type="book">
...   <person-group person-group-type="author"><name><surname>Marx</surname>
...   <given-names>Karl</given-names></name></person-group>
...   <source>Capital</source><year>1867</year></element-citation></ref></ref-list>''')
>>> refs[0].id, refs[0].title.original, refs[0].authors[0].family
('r1', 'Capital', 'Marx')
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable, Iterator
from typing import Any

from lxml import etree

from citekit.errors import CitekitError, ParseError, ValidationError
from citekit.io.jats_tags import IN_A_CONTAINER, READ_TYPES, TEXT_ELEMENTS, XLINK_HREF, XML_LANG
from citekit.io.jsonrecords import keyed
from citekit.io.problems import ErrorHandler, deliver
from citekit.io.salvage import Warn, salvage, warn_loss
from citekit.io.xmlsafe import local_name, parse_xml, text_of
from citekit.model.date import SEASONS
from citekit.model.reference import Reference

__all__ = ["read_jats"]

_ROLES = {"author": "author", "editor": "editor", "translator": "translator",
          "guest-editor": "editor", "allauthors": "author"}  # fmt: skip
_PUB_IDS = {"doi": "DOI", "pmid": "PMID", "pmcid": "PMCID", "isbn": "ISBN"}
_KNOWN_ELSEWHERE = {"label", "x", "role", "fpage", "lpage", "page-range", "elocation-id",
                    "year", "month", "day", "season", "size", "comment", "pub-id", "ext-link",
                    "uri", "date-in-citation", "person-group", "article-title", "chapter-title",
                    "part-title", "source", "trans-title", "trans-source", "name", "string-name",
                    "collab", "etal"}  # fmt: skip
_FORMATTING = ("italic", "bold", "sc", "sup", "sub", "underline", "overline", "monospace",
               "roman", "sans-serif", "strike", "fixed-case", "styled-content",
               "named-content", "inline-formula")  # fmt: skip
"""How a citation looks, not what it says: their content is read, the tags are not."""
_MONTH_NAMES = (
    "jan january", "feb february", "mar march", "apr april", "may", "jun june", "jul july",
    "aug august", "sep sept september", "oct october", "nov november", "dec december",
)  # fmt: skip
_MONTHS = {name: n for n, names in enumerate(_MONTH_NAMES, 1) for name in names.split()}

# -- reading ------------------------------------------------------------------------------------


def read_jats(
    text: str, *, file: str | None = None, on_error: ErrorHandler | None = None
) -> list[Reference]:
    """The references in a JATS document: the article's own (when there is an
    ``<article-meta>``) first, then those of its reference list, in order.

    Raises :class:`ParseError` for XML that is not well-formed or declares entities, or that
    is not JATS; :class:`ValidationError` for a reference that cannot be built (with
    ``on_error``, it is reported and the others are kept). A single bad value costs only
    that value, with a :class:`~citekit.errors.DataLossWarning`.
    """
    root = parse_xml(text, file=file)
    kind = local_name(root)
    if kind not in ("article", "ref-list", "ref", "back", "element-citation", "mixed-citation",
                    "citation"):  # fmt: skip
        raise ParseError(
            f"expected a JATS <article>, <ref-list> or <ref>, found <{kind}>",
            file=file,
            line=root.sourceline,
        )
    found: list[tuple[int, str, dict[str, Any], Callable[[Reference], Reference] | None]] = []
    meta = _article_meta(root)
    if meta is not None:
        where = _where(file, meta.sourceline)
        item, needs_key = _article_item(root, meta, warn_loss(where))
        found.append((meta.sourceline or 0, where, item, keyed if needs_key else None))
    citations = (
        [(root, root.get("id"))]
        if kind in ("element-citation", "mixed-citation", "citation")
        else _refs(root, file)
    )
    for number, (element, ref_id) in enumerate(citations, 1):
        where = _where(file, element.sourceline)
        ref_id = ref_id or f"ref-{number}"
        item = _citation_item(element, ref_id, warn_loss(where))
        found.append((element.sourceline or 0, where, item, None))
    references: list[Reference] = []
    first_line: dict[str, int] = {}
    for line, where, item, finish in found:
        try:
            ref = salvage(item, where=where, fallback_type=item.pop("_fallback", None))
            if finish is not None:
                ref = finish(ref)
            if ref.id in first_line:
                raise ValidationError(
                    f"the id is used again (first at line {first_line[ref.id]}); ids must be "
                    "unique",
                    ref_id=ref.id,
                    field="id",
                )
        except CitekitError as exc:
            deliver(exc.located(file=file, line=line or None, ref_id=item.get("id")), on_error)
            continue
        first_line[ref.id] = line
        references.append(ref)
    return references


def _where(file: str | None, line: int | None) -> str:
    return f"{file or '<jats>'}:{line}" if line else (file or "<jats>")


def _children(element: Any, *names: str) -> Iterator[Any]:
    for child in element:
        if local_name(child) in names:
            yield child


def _child(element: Any, *names: str) -> Any:
    return next(_children(element, *names), None)


def _text(element: Any, *names: str) -> str | None:
    found = _child(element, *names)
    if found is None:
        return None
    return text_of(found) or None


def _article_meta(root: Any) -> Any:
    if local_name(root) != "article":
        return None
    front = _child(root, "front")
    return None if front is None else _child(front, "article-meta")


def _refs(root: Any, file: str | None) -> list[tuple[Any, str | None]]:
    """Each ``<ref>``'s citation (its element-citation, else its mixed-citation), with the
    ref's id; the article's sub-articles and responses are not its reference list."""
    refs = [root] if local_name(root) == "ref" else _own_refs(root)
    found = []
    for ref in refs:
        citations = [c for c in ref.iter() if local_name(c) == "element-citation"]
        citations = citations or [c for c in ref.iter() if local_name(c) == "mixed-citation"]
        for older in ("nlm-citation", "citation"):  # NLM 2.x, before JATS
            citations = citations or [c for c in ref.iter() if local_name(c) == older]
        if not citations:
            continue
        if len(citations) > 1 and _child(ref, "citation-alternatives") is None:
            warn_loss(_where(file, ref.sourceline))(
                ref.get("id") or "ref", "ref", "it holds several citations; the first is read"
            )
        found.append((citations[0], ref.get("id") or citations[0].get("id")))
    return found


def _own_refs(root: Any) -> list[Any]:
    skip = {"sub-article", "response", "front", "body"}
    found: list[Any] = []

    def walk(element: Any) -> None:
        for child in element:
            name = local_name(child)
            if name == "ref":
                found.append(child)
            elif name and name not in skip:
                walk(child)

    walk(root)
    return found


# -- one citation -------------------------------------------------------------------------------


def _citation_item(cit: Any, ref_id: str, warn: Warn) -> dict[str, Any]:
    """One ``<element-citation>`` or ``<mixed-citation>`` as a CSL-JSON item."""
    item: dict[str, Any] = {"id": ref_id}
    if any(local_name(e) in _FORMATTING for e in cit.iter()):
        cit = copy.deepcopy(cit)  # <italic><source>…</source></italic>: the source is data
        etree.strip_tags(cit, *_FORMATTING)
    names = {local_name(child) for child in cit} - {""}
    publication_type = (cit.get("publication-type") or cit.get("citation-type") or "").lower()
    inner = _child(cit, "chapter-title", "article-title", "part-title", "data-title")
    source = _child(cit, "source")
    csl_type = READ_TYPES.get(publication_type)
    if csl_type == "book" and inner is not None:
        csl_type = "chapter"
    guess = "article-journal" if inner is not None and source is not None else "book"
    if csl_type is None:
        if publication_type and publication_type not in ("other", "undeclared"):
            warn(ref_id, "type", f"publication-type {publication_type!r} is not one citekit "
                 f"knows; read as {guess!r}")  # fmt: skip
        csl_type = guess
    item["type"] = csl_type
    item["_fallback"] = guess
    lang = cit.get(XML_LANG)
    if lang:
        item["language"] = lang
    if not names and local_name(cit) != "element-citation":
        text = text_of(cit)
        warn(ref_id, "mixed-citation", "it has no tagged parts; its text is kept as the note")
        if text:
            item["note"] = text
        return item
    keys: dict[str, dict[str, str]] = {}
    inner_field = source_field = None
    if inner is not None:
        inner_field, source_field = "title", "container-title"
    elif csl_type in IN_A_CONTAINER:
        source_field = "container-title"
    else:
        source_field = "title"
    for field, element in ((inner_field, inner), (source_field, source)):
        title = text_of(element) if element is not None else ""
        if field is not None and title:
            item[field] = title
            _check_lang(element, lang, ref_id, field, warn)
    translated = {"trans-title": inner_field if inner is not None else source_field,
                  "trans-source": source_field}  # fmt: skip
    for tag, field in translated.items():
        for trans in _children(cit, tag):
            if field is None or field not in item:
                warn(ref_id, tag, "a translation of a title the citation does not give")
            else:
                _add_form(keys, field, trans, ref_id, warn)
    for other in ("chapter-title", "article-title", "part-title"):
        for element in _children(cit, other):
            if element is not inner:
                warn(ref_id, other, "a second title of the part; the first is read")
    _read_people(cit, item, ref_id, warn)
    _read_date(cit, item, ref_id, warn)
    _read_pages(cit, item)
    _read_parts(cit, item, ref_id, warn)
    if keys:
        item["multi"] = {"_keys": keys}
    unread = sorted(
        names - _KNOWN_ELSEWHERE - set(TEXT_ELEMENTS) - {"data-title", "citation-alternatives"}
    )
    for name in unread:
        warn(ref_id, name, f"JATS <{name}> has no place in a citekit reference")
    return item


def _check_lang(element: Any, lang: str | None, ref_id: str, field: str, warn: Warn) -> None:
    own = element.get(XML_LANG)
    if own and lang and own.split("-")[0].lower() != lang.split("-")[0].lower():
        warn(ref_id, field, f"its xml:lang ({own}) differs from the reference's ({lang}); "
             "read as the reference's")  # fmt: skip


def _add_form(
    keys: dict[str, dict[str, str]], field: str, element: Any, ref_id: str, warn: Warn
) -> None:
    tag = element.get(XML_LANG)
    text = text_of(element)
    if not text:
        return
    if not tag:
        warn(ref_id, f"{field} translation", f"{text!r} has no xml:lang to say its language")
        return
    keys.setdefault(field, {})[tag] = text


def _read_people(cit: Any, item: dict[str, Any], ref_id: str, warn: Warn) -> None:
    lang = item.get("language")
    loose = [child for child in cit if local_name(child) in ("name", "string-name", "collab")]
    groups = [(group.get("person-group-type") or "author", list(group))
              for group in _children(cit, "person-group")]  # fmt: skip
    if loose:  # NLM 2.x and some mixed citations put names directly in the citation
        groups.append(("author", loose))
    for role, members in groups:
        key = _ROLES.get(role.lower())
        people = []
        for member in members:
            person = _person(member, lang, ref_id, warn)
            if person is not None:
                people.append(person)
        if key is None:
            if people:
                warn(ref_id, f"person-group {role}", "citekit keeps authors, editors and "
                     "translators only")  # fmt: skip
            continue
        item.setdefault(key, []).extend(people)


def _person(element: Any, lang: str | None, ref_id: str, warn: Warn) -> dict[str, Any] | None:
    kind = local_name(element)
    if kind in ("name", "string-name", "collab"):
        return _one_name(element, ref_id, warn)
    if kind in ("name-alternatives", "collab-alternatives"):
        return _alternatives(element, lang, ref_id, warn)
    if kind == "etal":
        warn(ref_id, "etal", "'et al.' stands for names the file does not give")
    elif kind == "anonymous":
        warn(ref_id, "anonymous", "an anonymous work is read without an author")
    elif kind in ("aff", "aff-alternatives", "role", "xref"):
        pass  # about a person, not a person
    elif kind:
        warn(ref_id, kind, f"<{kind}> in a person group is not a name")
    return None


def _one_name(element: Any, ref_id: str, warn: Warn) -> dict[str, Any] | None:
    kind = local_name(element)
    family = _text(element, "surname")
    if kind == "collab" or (kind == "string-name" and family is None):
        text = text_of(element)
        return {"literal": text} if text else None
    if family is None:
        given = _text(element, "given-names")
        if given is None:
            return None
        return {"literal": given}  # a mononym
    person: dict[str, Any] = {"family": family}
    for part, key in (("given-names", "given"), ("suffix", "suffix")):
        value = _text(element, part)
        if value:
            person[key] = value
    prefix = _text(element, "prefix")
    if prefix:
        warn(ref_id, "name prefix", f"an honorific ({prefix}) is not part of a citekit name")
    return person


def _alternatives(element: Any, lang: str | None, ref_id: str, warn: Warn) -> dict[str, Any] | None:
    forms = [(child.get(XML_LANG), child) for child in element
             if local_name(child) in ("name", "string-name", "collab")]  # fmt: skip
    if not forms:
        return None
    main_index = _main_form([tag for tag, _ in forms], lang)
    main = _one_name(forms[main_index][1], ref_id, warn)
    if main is None:
        return None
    others: dict[str, Any] = {}
    for index, (tag, child) in enumerate(forms):
        if index == main_index:
            continue
        form = _one_name(child, ref_id, warn)
        if form is None:
            continue
        if not tag or tag in others:
            warn(ref_id, "name-alternatives", "a form of a name without its own xml:lang")
            continue
        others[tag] = form
    if others:
        main["multi"] = {"_key": others}
    return main


def _main_form(tags: list[str | None], lang: str | None) -> int:
    """Which of a name's forms is the name: the one in the reference's language (``ru``
    before ``ru-Latn``), else one without a language, else the first."""
    wanted = (lang or "").lower()
    for matches in (
        lambda tag: bool(wanted) and tag is not None and tag.lower() == wanted,
        lambda tag: tag is None,
        lambda tag: bool(wanted) and tag is not None and tag.split("-")[0].lower() == wanted,
    ):
        for index, tag in enumerate(tags):
            if matches(tag):
                return index
    return 0


def _number(text: str | None) -> int | None:
    if text is None:
        return None
    text = text.strip()
    if text.isdigit():
        return int(text)
    return _MONTHS.get(text.lower().rstrip("."))


def _read_date(cit: Any, item: dict[str, Any], ref_id: str, warn: Warn) -> None:
    year_element = _child(cit, "year")
    if year_element is not None:
        iso = year_element.get("iso-8601-date")
        if iso:
            item["issued"] = {"raw": iso}
        else:
            year_text = text_of(year_element)
            digits = re.match(r"-?\d+", year_text)
            if digits is None:
                warn(ref_id, "year", f"{year_text!r} is not a year")
            else:
                if digits.group() != year_text:
                    warn(ref_id, "year", f"{year_text!r} read as {digits.group()}")
                parts = [int(digits.group())]
                month_text = _text(cit, "month")
                month = _number(month_text)
                if month_text and month is None:
                    warn(ref_id, "month", f"{month_text!r} is not a month")
                day = _number(_text(cit, "day")) if month else None
                parts += [n for n in (month, day) if n is not None]
                item["issued"] = {"date-parts": [parts]}
                season = (_text(cit, "season") or "").lower()
                if season in SEASONS:
                    item["issued"]["season"] = SEASONS.index(season) + 1
                elif season:
                    warn(ref_id, "season", f"{season!r} is not one of {', '.join(SEASONS)}")
    for found in _children(cit, "date-in-citation"):
        if (found.get("content-type") or "access-date") not in ("access-date", "accessed"):
            warn(ref_id, "date-in-citation", f"a {found.get('content-type')} date is not kept")
            continue
        text = text_of(found)
        item["accessed"] = {"raw": found.get("iso-8601-date") or _loose_date(text) or text}


def _loose_date(text: str) -> str | None:
    """A date as people write it in a citation (``[accessed 4 November 2008]``, ``cited 2012
    Oct 15``, ``May 8, 2025``) as ISO 8601, when its year, month and day can be told."""
    words = re.findall(r"[^\W\d_]+|\d+", text)
    years = [int(w) for w in words if w.isdigit() and len(w) == 4]
    months = [_MONTHS[w.lower()] for w in words if w.lower() in _MONTHS]
    days = [int(w) for w in words if w.isdigit() and len(w) <= 2 and 1 <= int(w) <= 31]
    if len(years) != 1 or len(months) > 1 or len(days) > 1 or (days and not months):
        return None
    parts = [f"{years[0]:04d}", *(f"{n:02d}" for n in months + days)]
    return "-".join(parts)


def _read_pages(cit: Any, item: dict[str, Any]) -> None:
    first, last, whole = _text(cit, "fpage"), _text(cit, "lpage"), _text(cit, "page-range")
    if whole:
        item["page"] = whole
    elif first:
        item["page"] = f"{first}-{last}" if last else first
    locator = _text(cit, "elocation-id")
    if locator:
        item["number"] = locator


def _read_parts(cit: Any, item: dict[str, Any], ref_id: str, warn: Warn) -> None:
    for element in cit:
        name = local_name(element)
        if name in TEXT_ELEMENTS:
            key = TEXT_ELEMENTS[name]
            value = text_of(element)
            if value and key not in item:
                item[key] = value
            elif value and item[key] != value:
                warn(ref_id, name, f"a second <{name}> ({value}); the first is read")
        elif name == "pub-id":
            kind = (element.get("pub-id-type") or "").lower()
            id_key = _PUB_IDS.get(kind)
            if id_key is None:
                warn(ref_id, f"pub-id {kind}", "citekit keeps DOI, PMID, PMCID and ISBN")
            else:
                item.setdefault(id_key, text_of(element))
        elif name in ("ext-link", "uri"):
            url = element.get(XLINK_HREF) or text_of(element)
            if "URL" in item:
                warn(ref_id, name, f"a second link ({url}); the first is read")
            elif url:
                item["URL"] = url
        elif name == "size" and (element.get("units") or "pages") == "pages":
            item["number-of-pages"] = text_of(element)
        elif name == "comment" and not _read_link_in_comment(element, item):
            _read_comment(element, item, ref_id, warn)


_LINK_WORDS = {"", "available", "available from", "available at", "retrieved from", "url", "doi"}


def _read_link_in_comment(comment: Any, item: dict[str, Any]) -> bool:
    """``<comment>Available: <ext-link xlink:href="…">…</ext-link></comment>``, as PubMed
    Central writes links: a DOI's link is the DOI, any other the URL. True when the comment
    says nothing but the link."""
    link = next((e for e in comment.iter() if local_name(e) in ("ext-link", "uri")), None)
    if link is None:
        return False
    url = link.get(XLINK_HREF) or text_of(link)
    doi = re.match(r"https?://(?:dx\.)?doi\.org/(10\.\S+)", url or "")
    if doi and "DOI" not in item:
        item["DOI"] = doi.group(1)
    elif url and not doi and "URL" not in item:
        item["URL"] = url
    rest = text_of(comment).replace(text_of(link), "").strip(" .:;,[]()").lower()
    return rest in _LINK_WORDS


def _read_comment(element: Any, item: dict[str, Any], ref_id: str, warn: Warn) -> None:
    """A plain comment is the note; ``content-type`` names the CSL variable of a value that
    JATS has no element for (as citekit writes them)."""
    key = element.get("content-type")
    value = text_of(element)
    if not value:
        return
    if key is None or key == "note":
        item["note"] = f"{item['note']} {value}" if "note" in item else value
    elif key == "changing":
        item["changing"] = value.lower() in ("true", "yes", "1")
    elif key in item:
        warn(ref_id, f"comment {key}", "given twice; the first is read")
    else:
        item[key] = value


# -- the article itself -------------------------------------------------------------------------


def _article_item(root: Any, meta: Any, warn: Warn) -> tuple[dict[str, Any], bool]:
    """The article's own metadata as a CSL-JSON item; True when it needs an id made for it."""
    ids = {(e.get("pub-id-type") or "").lower(): text_of(e) for e in _children(meta, "article-id")}
    ref_id = ids.get("publisher-id") or ids.get("citekit") or "article"
    item: dict[str, Any] = {"id": ref_id, "type": "article-journal"}
    lang = root.get(XML_LANG)
    if lang:
        item["language"] = lang
    keys: dict[str, dict[str, str]] = {}
    group = _child(meta, "title-group")
    if group is not None:
        title = _joined(_text(group, "article-title"), _text(group, "subtitle"))
        if title:
            item["title"] = title
        for trans in _children(group, "trans-title-group"):
            tag = trans.get(XML_LANG)
            text = _joined(_text(trans, "trans-title"), _text(trans, "trans-subtitle"))
            if tag and text:
                keys.setdefault("title", {})[tag] = text
    for contrib_group in _children(meta, "contrib-group"):
        for contrib in _children(contrib_group, "contrib"):
            _read_contrib(contrib, item, lang, warn)
    journal = _journal_meta(root)
    if journal is not None:
        _read_journal(journal, item, keys, warn)
    if "DOI" not in item and ids.get("doi"):
        item["DOI"] = ids["doi"]
    issued = _pub_date(meta)
    if issued is not None:
        _read_date(issued, item, ref_id, warn)
    _read_pages(meta, item)
    for name in ("volume", "issue"):
        value = _text(meta, name)
        if value:
            item[name] = value
    link = _child(meta, "self-uri")
    if link is not None and link.get(XLINK_HREF):
        item["URL"] = link.get(XLINK_HREF)
    if keys:
        item["multi"] = {"_keys": keys}
    return item, "publisher-id" not in ids and "citekit" not in ids


def _joined(title: str | None, subtitle: str | None) -> str | None:
    if title and subtitle:
        return f"{title}: {subtitle}"
    return title or subtitle


def _read_contrib(contrib: Any, item: dict[str, Any], lang: str | None, warn: Warn) -> None:
    role = (contrib.get("contrib-type") or "author").lower()
    key = _ROLES.get(role)
    ref_id = item["id"]
    person = None
    for child in contrib:
        if local_name(child) in ("name", "string-name", "collab", "name-alternatives",
                                 "collab-alternatives"):  # fmt: skip
            person = _person(child, lang, ref_id, warn)
            break
    if person is None:
        return
    if key is None:
        warn(ref_id, f"contrib {role}", "citekit keeps authors, editors and translators only")
        return
    if any(local_name(c) == "contrib-id" for c in contrib):
        warn(ref_id, key, "a contributor's ORCID iD has no place in a citekit reference")
    item.setdefault(key, []).append(person)


def _journal_meta(root: Any) -> Any:
    front = _child(root, "front")
    return None if front is None else _child(front, "journal-meta")


def _read_journal(
    journal: Any, item: dict[str, Any], keys: dict[str, dict[str, str]], warn: Warn
) -> None:
    ref_id = item["id"]
    titles = _child(journal, "journal-title-group")
    if titles is not None:
        title = _text(titles, "journal-title")
        if title:
            item["container-title"] = title
        for trans in _children(titles, "trans-title-group"):
            tag, text = trans.get(XML_LANG), _text(trans, "trans-title")
            if tag and text:
                keys.setdefault("container-title", {})[tag] = text
        short = _text(titles, "abbrev-journal-title")
        if short:
            item["container-title-short"] = short
    issns = [text_of(e) for e in _children(journal, "issn")]
    issns = [i for i in issns if i]
    if issns:
        item["ISSN"] = issns[0]
        if len(issns) > 1:
            warn(ref_id, "ISSN", f"a reference keeps one ISSN; {', '.join(issns[1:])} not kept")
    publisher = _child(journal, "publisher")
    if publisher is not None:
        for name, key in (("publisher-name", "publisher"), ("publisher-loc", "publisher-place")):
            value = _text(publisher, name)
            if value:
                item[key] = value


def _pub_date(meta: Any) -> Any:
    dates = list(_children(meta, "pub-date"))
    for date in dates:
        kind = date.get("date-type") or date.get("pub-type") or ""
        if kind in ("pub", "ppub", "collection", "epub-ppub") or (
            date.get("publication-format") == "print"
        ):
            return date
    return dates[0] if dates else None
