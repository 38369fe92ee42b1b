"""DataCite JSON: REST API responses and bare attributes read as references."""

from __future__ import annotations

import json
import warnings
from pathlib import Path

import pytest

import citekit
from citekit.errors import DataLossWarning, ParseError
from citekit.io import load
from citekit.io.datacite import read_datacite

RECORD = Path(__file__).parent / "data" / "kistanov2025.datacite.json"


def _read(document: object) -> list[citekit.Reference]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DataLossWarning)
        return read_datacite(json.dumps(document))


def test_a_rest_api_response_reads_as_the_corpus_article(example_refs) -> None:  # type: ignore[no-untyped-def]
    with warnings.catch_warnings():
        warnings.simplefilter("error", DataLossWarning)  # nothing in it is lost
        (ref,) = load(RECORD)  # found by its .datacite.json extension
    corpus = example_refs[0]
    assert ref.id == corpus.id == "kistanov2025"
    for field in ("title", "authors", "issued", "language", "doi", "issue", "pages"):
        assert getattr(ref, field) == getattr(corpus, field), field
    assert ref.container_title.original == corpus.container_title.original
    assert ref.url == "https://www.japanreview.ru/jour/article/view/1000"


def test_shapes_people_titles_and_dates() -> None:
    attributes = {
        "doi": "10.5281/zenodo.123",
        "creators": [
            {"name": "Smith, Jane", "nameType": "Personal"},
            {"name": "CERN", "nameType": "Organizational"},
            {"familyName": "Doe", "givenName": "J."},
        ],
        "contributors": [
            {"name": "Ed, Itor", "contributorType": "Editor"},
            {"name": "Keeper, Data", "contributorType": "DataCurator"},
        ],
        "titles": [
            {"title": "Main"},
            {"title": "Sub", "titleType": "Subtitle"},
            {"title": "Главный", "titleType": "TranslatedTitle", "lang": "ru"},
            {"title": "Alt", "titleType": "AlternativeTitle"},
        ],
        "publisher": {"name": "Zenodo"},
        "publicationYear": "2020",
        "dates": [{"date": "2020-05-04", "dateType": "Issued"}],
        "types": {"resourceTypeGeneral": "Book"},
        "version": "1.2",
        "subjects": [{"subject": "physics"}],
    }
    for document in (
        {"data": {"attributes": attributes}},
        {"data": [{"attributes": attributes}]},
        attributes,
        [attributes],
    ):
        with pytest.warns(DataLossWarning) as caught:
            (ref,) = read_datacite(json.dumps(document), file="d.json")
        assert ref.id == "smith2020"
        assert [(p.family, p.given, p.literal) for p in ref.authors] == [
            ("Smith", "Jane", None), (None, None, "CERN"), ("Doe", "J.", None)
        ]  # fmt: skip
        assert ref.editors[0].family == "Ed"
        assert ref.title.original == "Main: Sub"
        assert ref.title.translation("ru") == "Главный"
        assert (ref.issued.year, ref.issued.month, ref.issued.day) == (2020, 5, 4)
        assert ref.publisher == "Zenodo"
        assert ref.extra["version"] == "1.2"
        messages = " | ".join(str(w.message) for w in caught)
        assert "DataCurator" in messages
        assert "AlternativeTitle" in messages
        assert "subjects" in messages


def test_types_follow_citeproc_or_resource_type() -> None:
    (article,) = _read({"titles": [{"title": "A"}], "types": {"resourceTypeGeneral": "JournalArticle"},
                        "container": {"title": "J", "volume": "4", "firstPage": "5", "lastPage": "9"}})  # fmt: skip
    assert type(article).__name__ == "JournalArticle"
    assert (article.container_title.original, article.volume, article.pages) == ("J", "4", "5-9")
    (data,) = read_datacite(
        '{"titles": [{"title": "D"}], "types": {"resourceTypeGeneral": "Dataset"}}'
    )
    assert data.kind == "dataset"  # every CSL type is a kind (citekit.model.kinds)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{", "not valid JSON"),
        ('{"data": {"attributes": {"foo": 1}}}', "not DataCite metadata"),
        ('{"data": 3}', "not DataCite metadata"),
        ("", "empty"),
    ],
)
def test_wrong_shapes_are_refused_cleanly(text: str, message: str) -> None:
    with pytest.raises(ParseError, match=message) as caught:
        read_datacite(text, file="bad.json")
    assert str(caught.value).startswith("bad.json")
