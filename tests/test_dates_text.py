"""Dates as exports write them: one parser (citekit.model.date_text) for every reader, the
writers' dates read back equal, and every built-in style printing ranges, seasons and circa."""

from __future__ import annotations

import json
import warnings

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import citekit
from citekit.errors import DataLossWarning, FieldWarning, ValidationError
from citekit.io import loads
from citekit.model import SEASONS, Book, MagazineArticle, PartialDate, Person
from citekit.model.date_text import parse_date_text, parse_ris_date

# -- the parser ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("2020", "2020"),
        ("2020-05-17", "2020-05-17"),
        ("2020-05-17T10:15:00Z", "2020-05-17"),
        ("Spring 2020", "2020-21"),
        ("Summer 2021", "2021-22"),
        ("Winter 2019", "2019-24"),
        ("Fall 2018", "2018-23"),
        ("2020, Spring", "2020-21"),
        ("весна 2020", "2020-21"),
        ("2020-05/2020-06", "2020-05/2020-06"),
        ("2020/2021", "2020/2021"),
        ("2020–2021", "2020/2021"),
        ("2020-2021", "2020/2021"),
        ("May–June 2020", "2020-05/2020-06"),
        ("2020~", "2020~"),
        ("ca. 2020", "2020~"),
        ("c. 2020", "2020~"),
        ("circa 2020", "2020~"),
        ("ок. 2020", "2020~"),
        ("[2020?]", "2020~"),
        ("May 2020", "2020-05"),
        ("Sept. 2020", "2020-09"),
        ("May 17, 2020", "2020-05-17"),
        ("17 May 2020", "2020-05-17"),
        ("2020 May 17", "2020-05-17"),
        ("мая 2020", "2020-05"),
        ("май 2020", "2020-05"),
        ("17 мая 2020 г.", "2020-05-17"),
        ("2020 г.", "2020"),
    ],
)
def test_text_forms_are_read(text: str, iso: str) -> None:
    date = parse_date_text(text)
    assert date is not None
    assert date.iso() == iso


@pytest.mark.parametrize("text", ["n.d.", "n. d.", "N.D.", "no date", "б. г.", "б.г.", "s. d."])
def test_no_date_is_no_date(text: str) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert parse_date_text(text) is None


@pytest.mark.parametrize("text", ["foo", "May", "Smarch 2020", "13 2020", "2021/2020", "/", ""])
def test_what_is_no_date_is_refused(text: str) -> None:
    with pytest.raises(ValidationError):
        parse_date_text(text)


def test_an_impossible_iso_date_keeps_its_own_message() -> None:
    with pytest.raises(ValidationError, match="no day 30"):
        parse_date_text("2025-02-30")


@pytest.mark.parametrize(
    ("text", "kept"), [("2020/", "2020"), ("2020/..", "2020"), ("../2021", "2021")]
)
def test_an_open_range_keeps_what_is_known_and_says_so(text: str, kept: str) -> None:
    said: list[str] = []
    date = parse_date_text(text, lost=said.append)
    assert date is not None
    assert date.iso() == kept
    assert len(said) == 1
    assert "open range" in said[0]
    with pytest.warns(DataLossWarning, match="open range"):
        parse_date_text(text)


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("2025/03/01/10:15:00", "2025-03-01"),
        ("2025/03/01/10:15", "2025-03-01"),
        ("2020///Spring", "2020-21"),
        ("2020///2020-05/2020-06", "2020-05/2020-06"),
        ("2020///2020~", "2020~"),
        ("2021/05//", "2021-05"),
        ("2021/", "2021"),
        ("2020/2021", "2020/2021"),
        ("Spring 2020", "2020-21"),
    ],
)
def test_ris_dates(text: str, iso: str) -> None:
    date = parse_ris_date(text)
    assert date is not None
    assert date.iso() == iso


def test_ris_free_text_is_named_when_dropped() -> None:
    said: list[str] = []
    date = parse_ris_date("2020/05/01/Conference held online", lost=said.append)
    assert date == PartialDate(2020, 5, 1)
    assert said == ["'Conference held online' after the date 2020-05-01 is not a date: not kept"]


# -- every date a writer writes is read back equal -------------------------------------------


@st.composite
def _single(draw: st.DrawFn, years: st.SearchStrategy[int]) -> PartialDate:
    year = draw(years)
    shape = draw(st.sampled_from(["year", "month", "day", "season"]))
    circa = draw(st.booleans())
    if shape == "season":
        return PartialDate(year, season=draw(st.sampled_from(SEASONS)), circa=circa)
    month = None if shape == "year" else draw(st.integers(1, 12))
    day = draw(st.integers(1, 28)) if shape == "day" else None
    return PartialDate(year, month, day, circa=circa)


_YEARS = st.integers(1, 9999)


@st.composite
def _dates(draw: st.DrawFn, years: st.SearchStrategy[int] = _YEARS) -> PartialDate:
    start = draw(_single(years))
    if not draw(st.booleans()):
        return start
    end = draw(_single(st.integers(start.year, min(start.year + 20, 9999))))
    if end.key() < start.key():
        start, end = end, start
    return PartialDate(
        start.year, start.month, start.day, season=start.season, circa=start.circa, end=end
    )


@settings(max_examples=300, deadline=None)
@given(date=_dates(st.integers(-9999, 9999)))
def test_iso_reads_back(date: PartialDate) -> None:
    assert parse_date_text(date.iso()) == date


@settings(max_examples=200, deadline=None)
@given(date=_dates(), fmt=st.sampled_from(["csl-json", "bibtex", "ris", "yaml"]))
def test_every_writer_date_reads_back(date: PartialDate, fmt: str) -> None:
    ref = Book(id="b", title="T", issued=date)
    with warnings.catch_warnings():
        warnings.simplefilter("error", DataLossWarning)
        text = citekit.dump([ref], fmt)
        (back,) = loads(text, fmt)
    assert back.issued == date


# -- every reader takes the forms ------------------------------------------------------------

_FORMS = ["Spring 2020", "n.d.", "2020-05/2020-06", "2020/2021", "ca. 2020", "мая 2020"]


def _expected(text: str) -> PartialDate | None:
    return parse_date_text(text)


@pytest.mark.parametrize("text", _FORMS)
def test_csl_json_raw_and_literal(text: str) -> None:
    for key in ("raw", "literal"):
        item = {"id": "a", "type": "book", "title": "T", "issued": {key: text}}
        (ref,) = loads(json.dumps([item]), "csl-json")
        assert ref.issued == _expected(text)


def test_csl_json_circa_flag_with_raw() -> None:
    item = {"id": "a", "type": "book", "issued": {"raw": "2020", "circa": True}}
    (ref,) = loads(json.dumps([item]), "csl-json")
    assert ref.issued == PartialDate(2020, circa=True)


@pytest.mark.parametrize("text", _FORMS)
def test_biblatex_date(text: str) -> None:
    (ref,) = loads(f"@book{{b, title={{T}}, date={{{text}}}}}", "bibtex")
    assert ref.issued == _expected(text)


@pytest.mark.parametrize("text", ["n.d.", "ca. 2020", "Spring 2020"])
def test_bibtex_year_in_words(text: str) -> None:
    (ref,) = loads(f"@book{{b, title={{T}}, year={{{text}}}}}", "bibtex")
    assert ref.issued == _expected(text)


def test_biblatex_open_range_warns() -> None:
    with pytest.warns(DataLossWarning, match="open range"):
        (ref,) = loads("@book{b, title={T}, date={2020/}}", "bibtex")
    assert ref.issued == PartialDate(2020)


# each reader says where a date lost a part: file, line, reference and field
_LOSSES = [
    ("csl-json", '[{"id": "a", "type": "book",\n  "title": "T",\n  "issued": "2020/"}]',
     "x.json:3: a: issued: '2020/' is an open range"),
    ("csl-json", '[{"id": "a", "type": "book", "title": "T",\n  "original-date": {"raw": "../1869"}}]',
     "x.json:2: a: original-date: '../1869' is an open range"),
    ("bibtex", "@book{b, title={T},\n  date={2020/..}}", "x.bib:2: b: date: '2020/..' is an open range"),
    ("bibtex", "@online{b, title={T},\n url={https://a.org}, urldate={2021/}}",
     "x.bib:2: b: urldate: '2021/' is an open range"),
    ("ris", "TY  - BOOK\nID  - r\nTI  - T\nPY  - 2020///a fine spring\nER  - \n",
     "x.ris:4: r: PY: 'a fine spring' after the date 2020 is not a date"),
    ("ris", "TY  - ELEC\nID  - r\nUR  - https://a.org\nY2  - 2021/05/01/whenever\nER  - \n",
     "x.ris:4: r: Y2: 'whenever' after the date 2021-05-01 is not a date"),
    ("yaml", "- id: y\n  type: book\n  title: T\n  accessed: 2021/..\n",
     "x.yaml:4: y: accessed: '2021/..' is an open range"),
]  # fmt: skip


@pytest.mark.parametrize(("fmt", "text", "said"), _LOSSES)
def test_a_lost_part_of_a_date_is_placed(fmt: str, text: str, said: str) -> None:
    ext = {"csl-json": "json", "bibtex": "bib"}.get(fmt, fmt)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        refs = loads(text, fmt, file=f"x.{ext}")
    assert len(refs) == 1
    messages = [str(w.message) for w in caught if issubclass(w.category, DataLossWarning)]
    assert len(messages) == 1, messages
    assert messages[0].startswith(said)


def test_a_lost_part_of_a_date_refuses_the_reference_under_strict() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error", FieldWarning)
        with pytest.raises(ValidationError, match=r"x.json:1: a: issued: .*open range"):
            loads('[{"id": "a", "type": "book", "issued": "2020/"}]', "csl-json", file="x.json")


@pytest.mark.parametrize("text", _FORMS)
def test_ris_py_and_da(text: str) -> None:
    for tag in ("PY", "DA"):
        (ref,) = loads(f"TY  - BOOK\nTI  - T\n{tag}  - {text}\nER  - \n", "ris")
        assert ref.issued == _expected(text)


def test_ris_access_date_with_a_time() -> None:
    record = "TY  - ELEC\nTI  - T\nUR  - https://example.org\nY2  - 2025/03/01/10:15:00\nER  - \n"
    (ref,) = loads(record, "ris")
    assert ref.accessed == PartialDate(2025, 3, 1)


@pytest.mark.parametrize("text", _FORMS)
def test_yaml_issued(text: str) -> None:
    (ref,) = loads(f"- id: a\n  type: book\n  title: T\n  issued: '{text}'\n", "yaml")
    assert ref.issued == _expected(text)


# -- the styles print them --------------------------------------------------------------------

_RANGE = PartialDate(2020, end=PartialDate(2021))
_CIRCA = PartialDate(2020, circa=True)
_SEASON = PartialDate(2020, season="spring")


def _book(date: PartialDate, language: str = "en") -> Book:
    return Book(
        id="b",
        title="Capital",
        authors=[Person("Marx", "Karl")],
        publisher="Pub",
        issued=date,
        language=language,
    )


@pytest.mark.parametrize(
    ("style", "date", "printed"),
    [
        ("apa", _RANGE, "(2020–2021)"),
        ("apa", _CIRCA, "(ca. 2020)"),
        ("references", _RANGE, "(2020—2021)"),
        ("references", _CIRCA, "(ca. 2020)"),
        ("gost", _RANGE, "Pub, 2020–2021."),
        ("gost", _CIRCA, "Pub, [ca. 2020]."),
        ("elpub", _RANGE, "Pub; 2020-2021."),
        ("elpub", _CIRCA, "Pub; ca. 2020."),
        ("bibtex", _RANGE, "date = {2020/2021}"),
        ("bibtex", _CIRCA, "date = {2020~}"),
        ("bibtex", _SEASON, "date = {2020-21}"),
        ("csl:apa", _RANGE, "(2020–2021)"),
        ("csl:apa", _CIRCA, "(ca. 2020)"),
    ],
)
def test_styles_print_ranges_and_circa(style: str, date: PartialDate, printed: str) -> None:
    assert printed in citekit.format(_book(date), style)


def test_gost_russian_circa() -> None:
    ref = Book(id="k", title="Капитал", authors=[Person("Маркс", "К.")], issued=_CIRCA)
    assert "Маркс. – [ок. 2020]." in citekit.format(ref, "gost")


@pytest.mark.parametrize(
    ("style", "printed"), [("apa", "(2020, Spring)"), ("references", "(2020, Spring)")]
)
def test_a_dated_kind_prints_its_season(style: str, printed: str) -> None:
    ref = MagazineArticle(id="m", title="T", authors=[Person("Lee", "A.")], issued=_SEASON)
    assert printed in citekit.format(ref, style)


def test_apa_citation_of_a_range_and_circa() -> None:
    assert citekit.cite(_book(_RANGE), "apa") == "(Marx, 2020–2021)"
    assert citekit.cite(_book(_CIRCA), "apa") == "(Marx, ca. 2020)"
