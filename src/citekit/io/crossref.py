"""Crossref works records, as the Crossref REST API returns them, read as references.

A file may hold a whole response (``{"status": "ok", "message-type": "work", "message": {…}}``
or a ``work-list`` response whose ``message.items`` are works), just the ``message``, or a
list of works. Each work becomes a CSL-JSON item (a title deposited in another language
first, as ``original-title``, is the title and the deposited one its translation), then a
:class:`~citekit.model.reference.Reference` keyed as citekit's BibTeX style keys
(``kistanov2025``). What a work holds that a reference cannot (ORCID iDs, affiliations, a
second ISSN) is named in a :class:`~citekit.errors.DataLossWarning`; Crossref's bookkeeping
(counts, index dates, links for text mining) is not bibliographic data and is passed over.

>>> refs = read_crossref('{"message-type": "work", "message": {"type": "journal-article",'
...     ' "title": ["Capital"], "author": [{"given": "Karl", "family": "Marx"}],'
...     ' "container-title": ["Das Journal"], "issued": {"date-parts": [[1867]]},'
...     ' "DOI": "10.1000/xyz"}}')
>>> refs[0].id, refs[0].title.original, refs[0].container_title.original, refs[0].doi
('marx1867', 'Capital', 'Das Journal', '10.1000/xyz')
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

from citekit.errors import ParseError
from citekit.io.jsonrecords import json_document, read_records
from citekit.io.problems import ErrorHandler
from citekit.io.salvage import Warn
from citekit.model.reference import Reference
from citekit.script import is_latin

__all__ = ["CROSSREF_TYPES", "read_crossref", "work_to_item"]

CROSSREF_TYPES: Mapping[str, str] = MappingProxyType(
    {
        "journal-article": "article-journal",
        "book-chapter": "chapter",
        "book-section": "chapter",
        "book-part": "chapter",
        "reference-entry": "chapter",
        "book": "book",
        "monograph": "book",
        "edited-book": "book",
        "reference-book": "book",
        "book-set": "book",
        "book-series": "book",
        "book-track": "book",
        "proceedings": "book",
        "proceedings-article": "paper-conference",
        "report": "report",
        "report-component": "report",
        "report-series": "report",
        "dissertation": "thesis",
        "posted-content": "article",
        "dataset": "dataset",
        "database": "dataset",
        "standard": "standard",
        "peer-review": "review",
    }
)
"""The CSL item type of each Crossref work type; any other is read by its shape."""

_TEXT = {
    "volume": "volume",
    "issue": "issue",
    "page": "page",
    "article-number": "number",
    "DOI": "DOI",
    "URL": "URL",
    "publisher": "publisher",
    "publisher-location": "publisher-place",
    "language": "language",
    "edition-number": "edition",
    "abstract": "abstract",
}
_PEOPLE = {"author": "author", "editor": "editor", "translator": "translator"}
_BOOKKEEPING = frozenset(
    [
        "indexed",
        "reference-count",
        "references-count",
        "is-referenced-by-count",
        "source",
        "prefix",
        "member",
        "score",
        "created",
        "deposited",
        "content-domain",
        "link",
        "resource",
        "relation",
        "license",
        "funder",
        "assertion",
        "update-policy",
        "archive",
        "issn-type",
        "isbn-type",
        "journal-issue",
        "published",
        "published-print",
        "published-online",
        "published-other",
        "alternative-id",
        "short-title",
        "reference",
        "update-to",
        "content-created",
        "content-updated",
        "approved",
        "accepted",
        "posted",
        "free-to-read",
        "status",
        "group-title",
        "subject",
        "subtype",
        "special_numbering",
        "clinical-trial-number",
        "chair",
        "review",
        "degree",
        "institution-department",
        "aliases",
        "original-title",
        "title",
        "subtitle",
        "container-title",
        "short-container-title",
        "issued",
        "author",
        "editor",
        "translator",
        "ISSN",
        "ISBN",
        "type",
        "event",
        "institution",
        "accessed",
    ]
)
"""Keys read elsewhere or not bibliographic: Crossref's own records of a record."""


def read_crossref(
    text: str, *, file: str | None = None, on_error: ErrorHandler | None = None
) -> list[Reference]:
    """The works in a Crossref REST API response (or its ``message``, or a list of works).

    Raises :class:`ParseError` for bad JSON or a document that holds no works;
    :class:`~citekit.errors.ValidationError` for a work that cannot be read (with
    ``on_error``, reported, and the other works kept).
    """
    works = _works(json_document(text, file), file)
    return read_records(
        text,
        works,
        work_to_item,
        doi_key="DOI",
        noun="work",
        source="crossref",
        file=file,
        on_error=on_error,
    )


def _works(document: Any, file: str | None) -> list[Any]:
    if isinstance(document, list):
        return document
    if not isinstance(document, dict):
        raise ParseError("expected a Crossref works response (a JSON object)", file=file, line=1)
    kind = document.get("message-type")
    if "message" in document:
        if kind not in (None, "work", "work-list"):
            raise ParseError(
                f"a Crossref {kind!r} response holds no works; save a /works response",
                file=file,
                line=1,
            )
        document = document["message"]
        if not isinstance(document, dict):
            raise ParseError("the response's message is not an object", file=file, line=1)
    if isinstance(document.get("items"), list):
        return list(document["items"])
    if any(key in document for key in ("DOI", "title", "type")):
        return [document]
    raise ParseError(
        "not a Crossref works record: expected message, items, or a work with DOI and title",
        file=file,
        line=1,
    )


def _texts(value: Any) -> list[str]:
    """The non-blank texts of a Crossref list (a lone text counts as a list of one)."""
    values = value if isinstance(value, list) else [value]
    return [v for v in values if isinstance(v, str) and v.strip()]


def _first(value: Any) -> Any:
    """Crossref gives most texts as lists: the first entry."""
    if isinstance(value, list):
        return value[0] if value else None
    return value


def work_to_item(work: Mapping[str, Any], fallback_id: str, warn: Warn) -> dict[str, Any]:
    """One Crossref work as a CSL-JSON item (its id is only a placeholder)."""
    ref_id = str(work.get("DOI") or fallback_id)
    kind = work.get("type")
    csl_type = CROSSREF_TYPES.get(kind) if isinstance(kind, str) else None
    if csl_type is None:
        csl_type = "article-journal" if work.get("container-title") else "book"
        warn(ref_id, "type", f"Crossref type {kind!r} read as {csl_type!r}")
    item: dict[str, Any] = {"id": fallback_id, "type": csl_type}
    for key, csl in _TEXT.items():
        value = _first(work.get(key))
        if isinstance(value, int) and not isinstance(value, bool):
            value = str(value)
        if isinstance(value, str) and value.strip():
            item[csl] = value
        elif value is not None:
            warn(ref_id, key, f"expected text, got {type(value).__name__}")
    doi, url = item.get("DOI"), item.get("URL")
    if doi and url and url.lower().split("doi.org/")[-1] == doi.lower():
        del item["URL"]  # Crossref's URL is the DOI's link: the DOI says it already
    keys: dict[str, dict[str, str]] = {}
    _titles(work, item, keys, ref_id, warn)
    containers = _texts(work.get("container-title"))
    if containers:
        item["container-title"] = containers[0]
        _other_forms(containers[0], containers[1:], "container-title", keys, ref_id, warn)
    short = _first(work.get("short-container-title"))
    if isinstance(short, str) and short:
        item["container-title-short"] = short
    for key, csl in _PEOPLE.items():
        people = work.get(key)
        if isinstance(people, list) and people:
            item[csl] = _people(people, key, ref_id, warn)
    for key in ("issued", "published-print", "published-online", "published"):
        date = _date(work.get(key))
        if date is not None:
            item["issued"] = date
            break
    for key, csl in (("ISSN", "ISSN"), ("ISBN", "ISBN")):
        numbers = _texts(work.get(key))
        if numbers:
            item[csl] = numbers[0]
            if len(numbers) > 1:
                warn(ref_id, key, f"a reference keeps one; {', '.join(numbers[1:])} not kept")
    event = work.get("event")
    if isinstance(event, dict):
        for key, csl in (("name", "event-title"), ("location", "event-place")):
            if isinstance(event.get(key), str):
                item[csl] = event[key]
    institutions = work.get("institution")
    if isinstance(institutions, list) and institutions and "publisher" not in item:
        name = institutions[0].get("name") if isinstance(institutions[0], dict) else None
        if isinstance(name, str):
            item["publisher"] = name
    unread = sorted(set(work) - _BOOKKEEPING - set(_TEXT))
    if unread:
        warn(ref_id, ", ".join(unread), "a citekit reference has no place for them")
    if isinstance(work.get("reference"), list):
        warn(ref_id, "reference", "the work's own reference list is not read")
    if keys:
        item["multi"] = {"_keys": keys}
    return item


def _titles(
    work: Mapping[str, Any],
    item: dict[str, Any],
    keys: dict[str, dict[str, str]],
    ref_id: str,
    warn: Warn,
) -> None:
    titles = _texts(work.get("title"))
    subtitles = _texts(work.get("subtitle"))
    originals = _texts(work.get("original-title"))
    if titles and subtitles:
        titles[0] = f"{titles[0]}: {subtitles[0]}"
        for other in subtitles[1:]:
            warn(ref_id, "subtitle", f"a second subtitle ({other!r})")
    main = originals[0] if originals else (titles[0] if titles else None)
    if main is None:
        return
    item["title"] = main
    _other_forms(main, [*originals[1:], *titles], "title", keys, ref_id, warn)


def _other_forms(
    main: str,
    others: list[str],
    field: str,
    keys: dict[str, dict[str, str]],
    ref_id: str,
    warn: Warn,
) -> None:
    """A Latin-script title beside a title in another script is its English form (as Russian
    journals deposit them); any other second title cannot be placed."""
    for other in others:
        if other == main:
            continue
        if is_latin(other) and not is_latin(main) and "en" not in keys.get(field, {}):
            keys.setdefault(field, {})["en"] = other
        else:
            warn(ref_id, field, f"another title ({other!r}) in a language citekit cannot tell")


def _people(people: list[Any], key: str, ref_id: str, warn: Warn) -> list[dict[str, Any]]:
    result = []
    extras = set()
    for person in people:
        if not isinstance(person, dict):
            warn(ref_id, key, f"a name that is not an object ({person!r})")
            continue
        if person.get("family"):
            name = {k: person[k] for k in ("family", "given", "suffix") if person.get(k)}
        elif person.get("name"):
            name = {"literal": person["name"]}
        else:
            warn(ref_id, key, f"a name with neither family nor name ({person!r})")
            continue
        result.append(name)
        if person.get("ORCID"):
            extras.add("ORCID iDs")
        if person.get("affiliation"):
            extras.add("affiliations")
    if extras:
        warn(ref_id, key, f"{' and '.join(sorted(extras))} have no place in a citekit name")
    return result


def _date(value: Any) -> dict[str, Any] | None:
    if not isinstance(value, dict):
        return None
    parts = value.get("date-parts")
    if not (isinstance(parts, list) and parts and isinstance(parts[0], list)):
        return None
    numbers = [n for n in parts[0] if n is not None]
    if not numbers:
        return None
    return {"date-parts": [numbers]}
