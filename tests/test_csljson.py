"""Reading CSL-JSON: types, fields, the Juris-M multi fields, dates, errors with lines."""

from __future__ import annotations

import json
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

import citekit
from citekit.errors import FieldWarning, ParseError, ValidationError
from citekit.io.csljson import read_csl_json
from citekit.model import JournalArticle, MagazineArticle, WebArticle


@contextmanager
def strict() -> Iterator[None]:
    """A bad field is the reference's error, as under --strict: without it, it costs only
    that field, with a FieldWarning (issue #17)."""
    with warnings.catch_warnings():
        warnings.simplefilter("error", FieldWarning)
        yield


def test_example_file(example_refs) -> None:  # type: ignore[no-untyped-def]
    refs = example_refs
    assert [r.id for r in refs][:3] == ["kistanov2025", "kaspe2025", "kistanov2024"]
    assert len(refs) == 12
    first = refs[0]
    assert isinstance(first, JournalArticle)
    assert first.title is not None
    assert first.container_title is not None
    assert first.title.translation(
        "en",
    ) == ("Japan's foreign policy in the era of Trump 2.0: Will there be changes?")
    assert first.container_title.translation("en") == "Japanese Studies in Russia"
    assert first.language == "ru"
    assert isinstance(refs[4], MagazineArticle)
    assert isinstance(refs[6], WebArticle)
    assert refs[6].extra["type"] == "post-weblog"
    ichihara = refs[7]
    assert ichihara.issued is not None
    assert ichihara.issued.iso() == "2025-04/2025-06"


def test_single_object_and_name_forms() -> None:
    (ref,) = read_csl_json(
        '{"id": "v", "type": "article-journal", "title": "T",'
        ' "author": [{"family": "Воловой", "given": "Юрий",'
        '             "multi": {"_key": {"ru-Latn": {"family": "Volkovoy", "given": "Yury"}}}}],'
        ' "multi": {"_keys": {"title": {"ru-Latn-bsi": "T-latn", "en": "T-en"}}}}'
    )
    assert ref.authors[0].latin is not None
    assert ref.authors[0].latin.family == "Volkovoy"
    assert ref.title is not None
    assert ref.title.transliteration("bsi") == "T-latn"
    assert ref.title.translation("en") == "T-en"


def test_unknown_fields_are_kept() -> None:
    (ref,) = read_csl_json('[{"id": "a", "type": "book", "abstract": "Long text", "ISBN": ""}]')
    assert ref.extra["abstract"] == "Long text"


def test_seasons_and_strings_in_dates() -> None:
    (ref,) = read_csl_json(
        '[{"id": "a", "type": "book", "issued": {"date-parts": [["2025"]], "season": 2}}]'
    )
    assert ref.issued is not None
    assert ref.issued.season == "summer"


def test_error_names_file_line_item_and_field(tmp_path: Path) -> None:
    path = tmp_path / "refs.json"
    path.write_text(
        '[\n  {"id": "ok", "type": "book"},\n  {"id": "bad",\n   "type": "book",'
        ' "issued": {"date-parts": [[2025, 2, 30]]}}\n]\n',
        encoding="utf-8",
    )
    with pytest.raises(ValidationError) as info, strict():
        citekit.load(path)
    err = info.value  # at the line of the field, not of the item
    assert (err.file, err.line, err.ref_id, err.field) == (str(path), 4, "bad", "issued.day")
    assert str(err) == f"{path}:4: bad: issued.day: 2025-02 has no day 30"
    with pytest.warns(FieldWarning, match="4: bad: issued.day: not read: 2025-02 has no day 30"):
        _, bad = citekit.load(path)
    assert (bad.id, bad.issued) == ("bad", None)


def test_csl_field_names_in_messages() -> None:
    with pytest.raises(ValidationError) as info, strict():
        read_csl_json('[{"id": "x", "type": "article-journal", "DOI": "nope"}]')
    assert info.value.field == "DOI"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "the file is empty"),
        ("  \n ", "the file is empty"),
        ("[{]", "not valid JSON"),
        ('[{"id": "a", "type": "book"} {"id": "b"}]', "expected ',' or ']'"),
        ('[{"id": "a", "type": "book"}] trailing', "unexpected text"),
        ('[{"id": "a"}]', "item type missing is not supported"),
        ('[{"id": "a", "type": "novel"}]', "item type 'novel' is not supported"),
        ("[42]", "must be a JSON object"),
        ('[{"id": "a", "type": "book", "author": [{"given": "A"}]}]', "family name"),
        ('[{"id": "a", "type": "book", "issued": {"literal": "Spring"}}]', "literal date"),
    ],
)
def test_bad_items(text: str, message: str) -> None:
    with pytest.raises((ParseError, ValidationError), match=message), strict():
        read_csl_json(text)


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ('[{"id": "a", "type": "book"},\n\n {"id": "b" "type": "book"}]', 3),
        ('[{"id": "a", "type": "book"},\n {"id": "b",\n  "id": "c", "type": "book"}]', 2),
        (
            '[{"id": "a", "type": "book"},\n {"id": "b", "type": "book",\n  "page": 1'
            + "0" * 200
            + "}]",
            2,
        ),
    ],
)
def test_json_the_decoder_refuses_is_placed_at_its_line(text: str, line: int) -> None:
    with pytest.raises(ParseError) as info:
        read_csl_json(text, file="x.json")
    assert (info.value.file, info.value.line) == ("x.json", line)


def test_space_json_does_not_know_between_items_is_read_past() -> None:
    text = '\u00a0[{"id": "a", "type": "book"},\x0c{"id": "b", "type": "book"}]'
    assert [ref.id for ref in read_csl_json(text)] == ["a", "b"]


def test_bad_encoding_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "cp1251.json"
    path.write_bytes('[{"id": "a", "type": "book", "title": "Война"}]'.encode("cp1251"))
    with pytest.raises(ParseError, match="not UTF-8") as info:
        citekit.load(path)
    assert info.value.file == str(path)
    assert info.value.line == 1


def test_unknown_extension(tmp_path: Path) -> None:
    path = tmp_path / "refs.txt"
    path.write_text("[]", encoding="utf-8")
    with pytest.raises(ParseError, match="cannot tell the format"):
        citekit.load(path)
    assert citekit.load(path, format="csl-json") == []


def test_load_from_open_files(tmp_path: Path) -> None:
    path = tmp_path / "refs.json"
    path.write_text('[{"id": "a", "type": "book", "title": "Т"}]', encoding="utf-8")
    with path.open("rb") as binary:
        assert citekit.load(binary)[0].id == "a"
    with path.open(encoding="utf-8") as text:
        assert citekit.load(text, format="csl-json")[0].id == "a"


def test_a_document_builds_each_name_and_title_once() -> None:
    journal = '"container-title": "Японские исследования"'
    text = (
        f'[{{"id": "a", "type": "article-journal", "title": "T", {journal},'
        '   "author": [{"family": "Кистанов", "given": "В. О."}]},'
        f' {{"id": "b", "type": "article-journal", "title": "U", {journal},'
        '   "author": [{"family": "Кистанов", "given": "В. О."}, {"family": "Кистанов"}],'
        '   "editor": [{"family": "Кистанов", "given": "В. О.",'
        '               "multi": {"_key": {"ru-Latn": {"family": "Kistanov"}}}}]}]'
    )
    a, b = read_csl_json(text)
    assert b.authors[0] is a.authors[0]  # the same name: one object
    assert b.container_title is a.container_title  # type: ignore[attr-defined]
    assert b.authors[1] != a.authors[0]  # a different name is not taken for it
    assert b.editors[0].forms  # a name with forms is built on its own
    assert b.editors[0] is not a.authors[0]


def test_a_bad_name_is_refused_every_time_it_appears() -> None:
    bad = '{"family": "Иванов", "given": ["И."]}'  # a list where text belongs: no key
    good = '{"family": "Иванов", "given": "И."}'
    text = (
        f'[{{"id": "a", "type": "book", "title": "T", "author": [{good}]}},'
        f' {{"id": "b", "type": "book", "title": "U", "author": [{bad}]}},'
        f' {{"id": "c", "type": "book", "title": "V", "author": [{bad}]}}]'
    )
    problems: list[Exception] = []
    with strict():
        refs = read_csl_json(text, on_error=problems.append)
    assert [r.id for r in refs] == ["a"]
    assert [str(p) for p in problems] == [
        "line 1: b: author[0].given: must be non-empty text or absent",
        "line 1: c: author[0].given: must be non-empty text or absent",
    ]
    with pytest.warns(FieldWarning) as caught:  # not strict: the name is left out each time
        refs = read_csl_json(text)
    assert [len(r.authors) for r in refs] == [1, 0, 0]
    assert len(caught) == 2


def test_dates_are_shared_but_a_lookalike_is_still_refused() -> None:
    text = (
        '[{"id": "a", "type": "book", "title": "T", "issued": {"date-parts": [[2025, 1]]}},'
        ' {"id": "b", "type": "book", "title": "U", "issued": {"date-parts": [[2025, 1]]}},'
        ' {"id": "c", "type": "book", "title": "V", "issued": {"date-parts": [[2025, true]]}},'
        ' {"id": "d", "type": "book", "title": "W", "issued": {"date-parts": [[2025.0, 1]]}}]'
    )
    problems: list[Exception] = []
    with strict():
        a, b = read_csl_json(text, on_error=problems.append)
    assert b.issued is a.issued
    assert [str(p).split(": ")[1] for p in problems] == ["c", "d"]


_ODD_VALUES = [5, 5.5, True, [], {}, ["x"], {"a": 1}, [[1]], [{"family": 5}]]


@pytest.mark.parametrize("field", ["language", "DOI", "URL", "ISSN", "page", "volume", "title"])
@pytest.mark.parametrize("value", _ODD_VALUES, ids=repr)
def test_a_value_of_the_wrong_type_costs_its_field_not_a_traceback(
    field: str, value: object
) -> None:
    # the compiled reader checks its arguments' types: some of these once escaped as a bare
    # TypeError or AttributeError (a language tag of 5, an ISSN of true)
    item = {"id": "a", "type": "article-journal", "title": "Война и мир", "ISSN": "2500-2872"}
    item[field] = value
    with warnings.catch_warnings(record=True) as said:
        warnings.simplefilter("always")
        refs = read_csl_json(json.dumps([item]), file="odd.json")
    assert [ref.id for ref in refs] == ["a"]
    warned = [str(w.message) for w in said if isinstance(w.message, FieldWarning)]
    if type(value) is int and field in ("page", "volume"):  # a number is the same text
        assert getattr(refs[0], "pages" if field == "page" else field) == "5"
        return
    assert any(message.startswith("odd.json:1: a: ") for message in warned), warned


def test_public_constructors_refuse_a_language_or_identifier_of_the_wrong_type() -> None:
    for fields in ({"language": 5}, {"doi": True}, {"issn": True}, {"url": 5}):
        with pytest.raises(ValidationError):
            JournalArticle(id="a", title="T", **fields)  # type: ignore[arg-type]
    with pytest.raises(ValidationError):
        citekit.model.Title("T", lang=5)  # type: ignore[arg-type]


@pytest.mark.parametrize("form", [{}, [], 5, True, ["x"]], ids=repr)
def test_a_title_form_that_is_not_text_costs_its_field(form: object) -> None:
    # found by fuzzing the compiled reader: a form {"en": {}} escaped as a bare TypeError
    item = {"id": "a", "type": "book", "title": "Война и мир"}
    item["multi"] = {"_keys": {"title": {"en": form}}}
    with warnings.catch_warnings(record=True) as said:
        warnings.simplefilter("always")
        refs = read_csl_json(json.dumps([item]), file="odd.json")
    assert [ref.id for ref in refs] == ["a"]
    warned = [str(w.message) for w in said if isinstance(w.message, FieldWarning)]
    assert any(": a: title" in message for message in warned), warned


def test_model_checks_refuse_values_of_the_wrong_type_by_name() -> None:
    from citekit.model import PartialDate, Title

    for build in (
        lambda: Title(5),
        lambda: Title("T", translations={"en": {}}),
        lambda: Title("T", transliterations={"ru-Latn": 5}),
        lambda: PartialDate("2020"),
        lambda: PartialDate(2020, "5"),
        lambda: PartialDate(2020, season=3),
    ):
        with pytest.raises(ValidationError):
            build()
