"""DataCite metadata (JSON, as the DataCite REST API returns it) read as references.

A file may hold a REST API response (``{"data": {"attributes": {…}}}``, or ``"data"`` as a
list), the bare ``attributes``, or a list of them. Each record becomes a CSL-JSON item and
then a :class:`~citekit.model.reference.Reference`: creators as authors, ``titles`` (a
``TranslatedTitle`` as the title's translation, a ``Subtitle`` joined to the title),
``publisher``, ``publicationYear`` (or the ``Issued`` date), ``types`` (its ``citeproc``
type when citekit has it, else by ``resourceTypeGeneral``), the DOI, ``url``, ``language``,
``version`` and ``container``. What a record holds that a reference cannot is named in a
:class:`~citekit.errors.DataLossWarning`.

>>> refs = read_datacite('{"data": {"attributes": {"doi": "10.5281/zenodo.1",'
...     ' "creators": [{"name": "Marx, Karl", "nameType": "Personal"}],'
...     ' "titles": [{"title": "Capital"}], "publisher": "Zenodo", "publicationYear": 2020,'
...     ' "types": {"resourceTypeGeneral": "Book"}}}}')
>>> refs[0].id, refs[0].authors[0].given, refs[0].publisher, refs[0].issued.year
('marx2020', 'Karl', 'Zenodo', 2020)
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

__all__ = ["RESOURCE_TYPES", "attributes_to_item", "read_datacite"]

RESOURCE_TYPES: Mapping[str, str] = MappingProxyType(
    {
        "JournalArticle": "article-journal",
        "Book": "book",
        "BookChapter": "chapter",
        "ConferencePaper": "paper-conference",
        "ConferenceProceeding": "book",
        "Report": "report",
        "Dissertation": "thesis",
        "Preprint": "article",
        "Text": "report",
        "Dataset": "dataset",
        "Software": "software",
        "Standard": "standard",
        "Journal": "periodical",
    }
)
"""The CSL item type of each DataCite ``resourceTypeGeneral``; any other is read as a report
(a document published on its own), with a warning."""

_IGNORED = frozenset(
    [
        "id",
        "doi",
        "identifiers",
        "creators",
        "titles",
        "publisher",
        "publicationYear",
        "types",
        "url",
        "dates",
        "language",
        "version",
        "container",
        "contributors",
        "prefix",
        "suffix",
        "state",
        "isActive",
        "created",
        "registered",
        "updated",
        "published",
        "viewCount",
        "downloadCount",
        "citationCount",
        "referenceCount",
        "partCount",
        "partOfCount",
        "versionCount",
        "versionOfCount",
        "viewsOverTime",
        "downloadsOverTime",
        "citationsOverTime",
        "source",
        "metadataVersion",
        "schemaVersion",
        "event",
        "xml",
        "isKnownConsortium",
        "reason",
        "landingPage",
        "contentUrl",
        "alternateIdentifiers",
    ]
)
"""Attributes read elsewhere, or DataCite's own bookkeeping (counts, states, dates of the
record itself)."""


def read_datacite(
    text: str, *, file: str | None = None, on_error: ErrorHandler | None = None
) -> list[Reference]:
    """The records in a DataCite REST API response (or bare attributes, or a list of them).

    Raises :class:`ParseError` for bad JSON or a document that holds no DataCite record;
    :class:`~citekit.errors.ValidationError` for a record that cannot be read (with
    ``on_error``, reported, and the others kept).
    """
    records = _records(json_document(text, file), file)
    return read_records(
        text,
        records,
        attributes_to_item,
        doi_key="doi",
        noun="record",
        source="datacite",
        file=file,
        on_error=on_error,
        fallback_type="report",  # a citeproc type that names no CSL type
    )


def _records(document: Any, file: str | None) -> list[Any]:
    if isinstance(document, dict) and "data" in document:
        document = document["data"]
    entries = document if isinstance(document, list) else [document]
    records = []
    for entry in entries:
        if isinstance(entry, dict) and isinstance(entry.get("attributes"), dict):
            entry = entry["attributes"]
        if not (isinstance(entry, dict) and ("titles" in entry or "doi" in entry)):
            raise ParseError(
                "not DataCite metadata: expected data.attributes (or attributes) with titles",
                file=file,
                line=1,
            )
        records.append(entry)
    return records


def attributes_to_item(record: Mapping[str, Any], fallback_id: str, warn: Warn) -> dict[str, Any]:
    """One DataCite record's attributes as a CSL-JSON item (its id is only a placeholder)."""
    ref_id = str(record.get("doi") or fallback_id)
    item: dict[str, Any] = {"id": fallback_id, "type": _type(record, ref_id, warn)}
    doi = record.get("doi") or _identifier(record, "DOI")
    if isinstance(doi, str) and doi:
        item["DOI"] = doi
    for key, csl in (("url", "URL"), ("language", "language"), ("version", "version")):
        if isinstance(record.get(key), str) and record[key]:
            item[csl] = record[key]
    publisher = record.get("publisher")
    if isinstance(publisher, dict):  # schema 4.5: {"name": …, "publisherIdentifier": …}
        publisher = publisher.get("name")
    if isinstance(publisher, str) and publisher:
        item["publisher"] = publisher
    keys: dict[str, dict[str, str]] = {}
    _titles(record.get("titles"), item, keys, ref_id, warn)
    creators = record.get("creators")
    if isinstance(creators, list) and creators:
        item["author"] = [p for p in (_person(c, ref_id, warn) for c in creators) if p]
    _contributors(record.get("contributors"), item, ref_id, warn)
    year = record.get("publicationYear")
    if isinstance(year, int | str) and str(year).strip().isdigit():
        item["issued"] = {"date-parts": [[int(year)]]}
    _dates(record.get("dates"), item, ref_id, warn)
    _container(record.get("container"), item)
    unread = sorted(k for k, v in record.items() if k not in _IGNORED and v not in (None, [], {}))
    if unread:
        warn(ref_id, ", ".join(unread), "a citekit reference has no place for them")
    if keys:
        item["multi"] = {"_keys": keys}
    return item


def _type(record: Mapping[str, Any], ref_id: str, warn: Warn) -> str:
    found = record.get("types")
    types: Mapping[str, Any] = found if isinstance(found, dict) else {}
    general = types.get("resourceTypeGeneral")
    csl = RESOURCE_TYPES.get(general) if isinstance(general, str) else None
    citeproc = types.get("citeproc")
    if csl is None and isinstance(citeproc, str) and citeproc:
        csl = citeproc
    if csl is None:
        warn(ref_id, "types", f"resource type {general!r} read as a report")
        csl = "report"
    return csl


def _identifier(record: Mapping[str, Any], kind: str) -> str | None:
    entries = record.get("identifiers")
    for entry in entries if isinstance(entries, list) else []:
        if isinstance(entry, dict) and entry.get("identifierType") == kind:
            value = entry.get("identifier")
            return value if isinstance(value, str) else None
    return None


def _titles(
    titles: Any, item: dict[str, Any], keys: dict[str, dict[str, str]], ref_id: str, warn: Warn
) -> None:
    if not isinstance(titles, list):
        return
    main = subtitle = None
    for entry in titles:
        if not isinstance(entry, dict) or not isinstance(entry.get("title"), str):
            continue
        kind, text, lang = entry.get("titleType"), entry["title"], entry.get("lang")
        if kind is None and main is None:
            main = text
            if lang and "language" not in item:
                item["language"] = lang
        elif kind == "Subtitle" and subtitle is None:
            subtitle = text
        elif kind == "TranslatedTitle" and isinstance(lang, str) and lang:
            keys.setdefault("title", {})[lang] = text
        else:
            warn(ref_id, "titles", f"{kind or 'another'} title {text!r} is not kept")
    if main is not None:
        item["title"] = f"{main}: {subtitle}" if subtitle else main


def _person(creator: Any, ref_id: str, warn: Warn) -> dict[str, Any] | None:
    if not isinstance(creator, dict):
        return None
    family, given, name = creator.get("familyName"), creator.get("givenName"), creator.get("name")
    if creator.get("nameIdentifiers") or creator.get("affiliation"):
        warn(ref_id, "creators", f"name identifiers and affiliations of {name or family!r}")
    if creator.get("nameType") == "Organizational":
        return {"literal": name} if isinstance(name, str) and name else None
    if isinstance(family, str) and family:
        person = {"family": family}
        if isinstance(given, str) and given:
            person["given"] = given
        return person
    if isinstance(name, str) and name:
        if "," in name:  # "Family, Given", as DataCite writes personal names
            family, _, given = name.partition(",")
            return (
                {"family": family.strip(), "given": given.strip()}
                if given.strip()
                else {"family": family.strip()}
            )
        return {"literal": name}
    return None


def _contributors(contributors: Any, item: dict[str, Any], ref_id: str, warn: Warn) -> None:
    if not isinstance(contributors, list):
        return
    for contributor in contributors:
        if not isinstance(contributor, dict):
            continue
        role = contributor.get("contributorType")
        person = _person(contributor, ref_id, warn)
        if person is None:
            continue
        if role == "Editor":
            item.setdefault("editor", []).append(person)
        else:
            warn(ref_id, "contributors", f"a contributor of type {role!r} is not kept")


def _dates(dates: Any, item: dict[str, Any], ref_id: str, warn: Warn) -> None:
    if not isinstance(dates, list):
        return
    for entry in dates:
        if not isinstance(entry, dict) or not isinstance(entry.get("date"), str):
            continue
        kind, value = entry.get("dateType"), entry["date"]
        if kind == "Issued":
            item["issued"] = {"raw": value}
        elif kind == "Accessed":
            item["accessed"] = {"raw": value}
        elif kind not in (
            "Created",
            "Updated",
            "Submitted",
            "Available",
            "Accepted",
            "Copyrighted",
        ):
            warn(ref_id, "dates", f"a {kind} date ({value}) is not kept")


def _container(container: Any, item: dict[str, Any]) -> None:
    if not isinstance(container, dict):
        return
    title = container.get("title")
    if isinstance(title, str) and title:
        item["container-title"] = title
    for key in ("volume", "issue"):
        if isinstance(container.get(key), str | int) and str(container[key]):
            item[key] = str(container[key])
    first, last = container.get("firstPage"), container.get("lastPage")
    if first:
        item["page"] = f"{first}-{last}" if last and last != first else str(first)
