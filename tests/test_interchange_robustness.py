"""The JATS, Crossref and DataCite readers on arbitrary input: references or a CitekitError,
never another exception."""

from __future__ import annotations

import json
import warnings
from xml.sax.saxutils import escape, quoteattr

from hypothesis import given, settings
from hypothesis import strategies as st

from citekit.errors import CitekitError
from citekit.io.crossref import read_crossref
from citekit.io.datacite import read_datacite
from citekit.io.jats import read_jats
from citekit.model import Reference

scalars = st.none() | st.booleans() | st.integers(-5, 3000) | st.text(max_size=12)
json_values = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=12,
)
CROSSREF_KEYS = ["type", "title", "subtitle", "original-title", "container-title", "author",
                 "editor", "issued", "published-print", "volume", "issue", "page", "DOI", "URL",
                 "ISSN", "ISBN", "publisher", "language", "event", "institution", "article-number",
                 "short-container-title", "edition-number"]  # fmt: skip
DATACITE_KEYS = ["doi", "creators", "titles", "publisher", "publicationYear", "types", "url",
                 "dates", "language", "version", "container", "contributors", "identifiers"]  # fmt: skip
names = st.sampled_from(["person-group", "name", "surname", "given-names", "string-name",
                         "collab", "article-title", "source", "trans-title", "year", "month",
                         "day", "season", "fpage", "lpage", "page-range", "pub-id", "ext-link",
                         "date-in-citation", "comment", "volume", "issue", "etal", "x",
                         "name-alternatives", "elocation-id", "isbn", "issn", "size"])  # fmt: skip
attributes = st.dictionaries(
    st.sampled_from(["publication-type", "pub-id-type", "content-type", "iso-8601-date",
                     "xml:lang", "person-group-type", "units", "xlink:href"]),
    st.text(max_size=10),
    max_size=2,
)  # fmt: skip


def _element(name: str, attrs: dict[str, str], body: str) -> str:
    shown = "".join(f" {key}={quoteattr(value)}" for key, value in attrs.items())
    return f"<{name}{shown}>{body}</{name}>"


elements = st.recursive(
    st.text(max_size=10).map(escape),
    lambda inner: st.builds(_element, names, attributes, st.lists(inner, max_size=3).map("".join)),
    max_leaves=15,
)


def _quietly(read: object, text: str) -> list[Reference]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            return read(text)  # type: ignore[operator,no-any-return]
        except CitekitError as exc:
            message = str(exc)
        assert message  # an error always says what is wrong
        return []


@settings(max_examples=300, deadline=None)
@given(work=st.dictionaries(st.sampled_from(CROSSREF_KEYS), json_values, max_size=8))
def test_crossref_reader_on_arbitrary_works(work: dict[str, object]) -> None:
    for document in (work, {"message-type": "work", "message": work}, [work]):
        assert all(isinstance(r, Reference) for r in _quietly(read_crossref, json.dumps(document)))


@settings(max_examples=300, deadline=None)
@given(record=st.dictionaries(st.sampled_from(DATACITE_KEYS), json_values, max_size=8))
def test_datacite_reader_on_arbitrary_records(record: dict[str, object]) -> None:
    document = {"data": {"attributes": record}}
    assert all(isinstance(r, Reference) for r in _quietly(read_datacite, json.dumps(document)))


@settings(max_examples=300, deadline=None)
@given(value=json_values)
def test_json_readers_on_arbitrary_json(value: object) -> None:
    _quietly(read_crossref, json.dumps(value))
    _quietly(read_datacite, json.dumps(value))


@settings(max_examples=400, deadline=None)
@given(kind=st.sampled_from(["element-citation", "mixed-citation"]), attrs=attributes,
       body=st.lists(elements, max_size=6).map("".join))  # fmt: skip
def test_jats_reader_on_arbitrary_citations(kind: str, attrs: dict[str, str], body: str) -> None:
    text = (
        '<ref-list xmlns:xlink="http://www.w3.org/1999/xlink"><ref id="r">'
        + _element(kind, attrs, body)
        + "</ref></ref-list>"
    )
    assert all(isinstance(r, Reference) for r in _quietly(read_jats, text))


@settings(max_examples=200, deadline=None)
@given(text=st.text(max_size=200))
def test_jats_reader_on_arbitrary_text(text: str) -> None:
    _quietly(read_jats, text)
