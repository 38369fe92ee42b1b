"""Metadata for an article's web page: Google Scholar ``citation_*`` tags and schema.org JSON-LD.

``lang="en"`` gives the forms a journal's English page shows: the English title (else the
transliteration), Latin names, the journal's English title.

>>> import citekit
>>> ref = citekit.load("examples/japanese-studies-2025-3.json")[0]
>>> print(meta_tags(ref, lang="en").splitlines()[0])
<meta name="citation_title" content="Japan&#39;s foreign policy in the era of Trump 2.0: Will there be changes?">
>>> issue = json_ld(ref)["isPartOf"]
>>> issue["isPartOf"].get("name")  # the journal
'Японские исследования'
"""

from __future__ import annotations

import json
from typing import Any

from markupsafe import Markup, escape

from citekit.model.kinds import kind_of
from citekit.model.person import Person
from citekit.model.reference import (
    Chapter,
    ConferencePaper,
    JournalArticle,
    PeriodicalPart,
    Publication,
    Reference,
    Report,
    Thesis,
    WebArticle,
    page_range,
)
from citekit.model.title import Title
from citekit.names import latin_form, original_form
from citekit.styles.forms import english_text, work_language
from citekit.translit import DEFAULT_SCHEME

__all__ = ["download_files", "json_ld", "json_ld_tag", "meta_tags"]


def _title(title: Title | None, lang: str | None) -> str | None:
    if title is None:
        return None
    return english_text(title, DEFAULT_SCHEME) if lang == "en" else title.original


def _name(person: Person, lang: str | None) -> tuple[str, str | None]:
    """(family, given) in the page's language."""
    form = latin_form(person) if lang == "en" else original_form(person)
    return form.family, form.given


def _pages(ref: Reference) -> tuple[str | None, str | None]:
    pages = getattr(ref, "pages", None)
    if not pages:
        return None, None
    return page_range(pages)


def meta_tags(ref: Reference, *, lang: str | None = None, pdf_url: str | None = None) -> Markup:
    """The ``<meta name="citation_…">`` tags Google Scholar reads, one per line, escaped."""
    tags: list[tuple[str, str | None]] = [("citation_title", _title(ref.title, lang))]
    for person in ref.authors:
        family, given = _name(person, lang)
        tags.append(("citation_author", f"{family}, {given}" if given else family))
    if ref.issued is not None:
        date = ref.issued.start
        parts = [f"{date.year:04d}"]
        parts += [f"{n:02d}" for n in (date.month, date.day) if n is not None]
        tags.append(("citation_publication_date", "/".join(parts)))
    container = _title(getattr(ref, "container_title", None), lang)
    if isinstance(ref, PeriodicalPart):
        tags += [
            ("citation_journal_title", container),
            ("citation_volume", ref.volume),
            ("citation_issue", ref.issue),
            ("citation_issn", ref.issn),
        ]
    elif isinstance(ref, Chapter):
        tags.append(("citation_inbook_title", container))
    elif isinstance(ref, ConferencePaper):
        tags.append(("citation_conference_title", container or ref.event_title))
    first, last = _pages(ref)
    tags += [("citation_firstpage", first), ("citation_lastpage", last)]
    if isinstance(ref, Thesis):
        tags.append(("citation_dissertation_institution", ref.publisher))
    elif isinstance(ref, Report):
        tags += [
            ("citation_technical_report_institution", ref.publisher),
            ("citation_technical_report_number", ref.number),
        ]
    elif isinstance(ref, Publication):
        tags += [("citation_publisher", ref.publisher), ("citation_isbn", ref.isbn)]
    tags += [
        ("citation_doi", ref.doi),
        ("citation_language", ref.lang or work_language(ref)),
        ("citation_pdf_url", pdf_url),
        ("citation_abstract_html_url", ref.url),
    ]
    return Markup("\n".join(
        f'<meta name="{name}" content="{escape(value)}">' for name, value in tags if value
    ))  # fmt: skip


def json_ld(ref: Reference, *, lang: str | None = None) -> dict[str, Any]:
    """A schema.org description (``ScholarlyArticle`` for a journal article) as a dict."""
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": kind_of(ref).schema_org,  # the kinds table (model/kinds.py)
    }
    title = _title(ref.title, lang)
    if title:
        data["headline" if isinstance(ref, JournalArticle | WebArticle) else "name"] = title
    if ref.title is not None and lang != "en" and ref.title.translation("en"):
        data["alternativeHeadline"] = ref.title.translation("en")
    authors: list[dict[str, str]] = []
    for person in ref.authors:
        family, given = _name(person, lang)
        if person.is_organisation:
            authors.append({"@type": "Organization", "name": family})
        elif given:
            authors.append(
                {"@type": "Person", "name": f"{given} {family}", "familyName": family,
                 "givenName": given}
            )  # fmt: skip
        else:
            authors.append({"@type": "Person", "name": family, "familyName": family})
    if authors:
        data["author"] = authors
    if ref.issued is not None:
        data["datePublished"] = ref.issued.start.iso()
    if ref.lang or work_language(ref):
        data["inLanguage"] = ref.lang or work_language(ref)
    if isinstance(ref, PeriodicalPart) and ref.container_title is not None:
        periodical: dict[str, Any] = {
            "@type": ["Periodical", "PublicationVolume"] if ref.volume else "Periodical",
            "name": _title(ref.container_title, lang),
        }
        if ref.volume:
            periodical["volumeNumber"] = ref.volume
        if ref.issn:
            periodical["issn"] = ref.issn
        data["isPartOf"] = (
            {"@type": "PublicationIssue", "issueNumber": ref.issue, "isPartOf": periodical}
            if ref.issue
            else periodical
        )
    first, last = _pages(ref)
    if first:
        data["pageStart"] = first
    if last:
        data["pageEnd"] = last
    if ref.doi:
        data["identifier"] = {"@type": "PropertyValue", "propertyID": "DOI", "value": ref.doi}
        data["sameAs"] = f"https://doi.org/{ref.doi}"
    if ref.url:
        data["url"] = ref.url
    if isinstance(ref, Publication) and ref.publisher:
        data["publisher"] = {"@type": "Organization", "name": ref.publisher}
    return data


def json_ld_tag(ref: Reference, *, lang: str | None = None) -> Markup:
    """``<script type="application/ld+json">…</script>``, safe to put in a page: ``<``, ``>``
    and ``&`` in the data are written as JSON escapes, so no text can close the script."""
    text = json.dumps(json_ld(ref, lang=lang), ensure_ascii=False, indent=1)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(f'<script type="application/ld+json">\n{text}\n</script>')


DOWNLOADS = {"bibtex": ".bib", "ris": ".ris", "csl-json": ".json"}


def download_files(ref: Reference) -> dict[str, str]:
    """The files an article page offers for reference managers, by file name:
    ``{"kistanov2025.bib": …, "kistanov2025.ris": …, "kistanov2025.json": …}``.

    Written by the interchange writers; what a format cannot hold is reported as a
    :class:`~citekit.errors.DataLossWarning`, as ``citekit.dump`` does.

    >>> import citekit
    >>> sorted(download_files(citekit.load("examples/japanese-studies-2025-3.json")[1]))
    ['kaspe2025.bib', 'kaspe2025.json', 'kaspe2025.ris']
    """
    from citekit.io import dump

    stem = "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in ref.id)
    return {stem + suffix: dump([ref], fmt) for fmt, suffix in DOWNLOADS.items()}
