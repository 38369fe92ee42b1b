"""Issue #15, readers: bounds on the work a small file can ask for, nothing lost in silence,
lossless round trips, and a FILE:LINE error instead of a traceback for every reproducer."""

from __future__ import annotations

import codecs
import contextlib
import warnings

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import citekit.io
from citekit.errors import CitekitError, DataLossWarning, FieldWarning, ParseError
from citekit.io import dump, loads
from citekit.io.bibtex import _HELD, UnknownCommandWarning, _decode
from citekit.io.limits import MAX_FIELD_CHARS, MAX_NAMES
from citekit.model import Book, JournalArticle, PartialDate, Person, Title


def _error(text: str, fmt: str) -> str:
    """The error reading ``text`` stops at; strict, since a bad field alone costs only that
    field with a warning (issue #17), and is the reference's error only under --strict."""
    with warnings.catch_warnings():
        warnings.simplefilter("error", FieldWarning)
        with pytest.raises(CitekitError) as caught:
            loads(text, fmt, file="f")
    return str(caught.value)


def _kept(text: str, fmt: str) -> tuple[list[str], list[str]]:
    """The ids read with on_error, and the errors reported."""
    errors: list[CitekitError] = []
    refs = loads(text, fmt, file="f", on_error=errors.append)
    return [r.id for r in refs], [str(e) for e in errors]


# -- bombs -------------------------------------------------------------------------------------


def test_chained_bibtex_macros_are_refused() -> None:
    # the 686-byte reproducer: each macro doubles the one before it
    lines = ['@string{m0 = "xxxxxxxxxxxxxxxx"}']
    lines += [f"@string{{m{i} = m{i - 1} # m{i - 1}}}" for i in range(1, 41)]
    lines.append("@book{a, title = m40, year = 2020}")
    message = _error("\n".join(lines) + "\n", "bibtex")
    assert message.startswith("f:")
    assert "@string" in message  # its macros outgrow the budget, or one macro a field's length


def test_macros_within_the_budget_are_expanded() -> None:
    text = (
        '@string{j = "Journal"}\n@article{a, title = {T}, journal = j # " of " # j, year = 2020}\n'
    )
    (ref,) = loads(text, "bibtex")
    assert ref.container_title == Title("Journal of Journal")


def test_a_yaml_alias_bomb_is_refused() -> None:
    # the 386-byte reproducer: nine levels of aliases to nine aliases
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i, name in enumerate("bcdefghi"):
        prev = "abcdefghi"[i]
        lines.append(f"{name}: &{name} [{', '.join([f'*{prev}'] * 9)}]")
    text = "- id: x\n  type: book\n  title: T\n  extra:\n" + "".join(
        f"    {line}\n" for line in lines
    )
    assert _error(text, "yaml") == (
        "f:6: an alias (*a): citekit reads no YAML aliases; write the value out"
    )


def test_yaml_is_written_without_aliases() -> None:
    shared = ["x", "y"]
    refs = [Book(id=i, title="T", extra={"k": shared}) for i in "ab"]
    text = dump(refs, "yaml")
    assert "*" not in text
    assert loads(text, "yaml") == refs


@pytest.mark.parametrize(
    ("fmt", "template"),
    [
        ("csl-json", '[{{"id": "a", "type": "book", "title": "{}"}}]'),
        ("yaml", "- id: a\n  type: book\n  title: {}\n"),
        ("bibtex", "@book{{a, title = {{{}}}}}\n"),
        ("ris", "TY  - BOOK\nTI  - {}\nER  - \n"),
    ],
)
def test_a_field_over_the_limit_is_refused(fmt: str, template: str) -> None:
    message = _error(template.format("x" * (MAX_FIELD_CHARS + 1)), fmt)
    assert message.startswith("f:1: ")
    assert "citekit reads up to" in message


MANY = MAX_NAMES + 1


@pytest.mark.parametrize(
    ("fmt", "text"),
    [
        ("csl-json", '[{"id": "a", "type": "book", "title": "T", "author": [' +
         ", ".join(['{"family": "A"}'] * MANY) + "]}]"),
        ("bibtex", "@book{a, title = {T}, author = {" + " and ".join(["A"] * MANY) + "}}"),
        ("yaml", "- id: a\n  type: book\n  title: T\n  authors: [" + ", ".join(["A"] * MANY) + "]\n"),
    ],
)  # fmt: skip
def test_names_per_reference_are_bounded(fmt: str, text: str) -> None:
    assert "10,001 entries in one list; citekit reads up to 10,000" in _error(text, fmt)


def test_deep_yaml_is_refused() -> None:
    text = "- id: a\n  type: book\n  title: T\n  x: " + "[" * 5000 + "]" * 5000 + "\n"
    assert _error(text, "yaml") == "f:4: nested more than 16 levels deep in a reference"


# -- nothing lost in silence -------------------------------------------------------------------


def test_a_ris_record_without_er_does_not_swallow_the_next() -> None:
    text = "TY  - BOOK\nID  - a\nTI  - A\nTY  - BOOK\nID  - b\nTI  - B\nER  - \n"
    assert _error(text, "ris") == (
        "f:1: the record has no end: line 4 starts another before its 'ER  - ' line"
    )
    assert _kept(text, "ris") == (
        ["b"],
        ["f:1: the record has no end: line 4 starts another before its 'ER  - ' line"],
    )


def test_a_ris_record_cut_off_at_the_end_is_reported() -> None:
    text = "TY  - BOOK\nID  - a\nTI  - A\nER  - \nTY  - BOOK\nID  - b\nTI  - B\n"
    assert _kept(text, "ris") == (
        ["a"],
        ["f:5: the record has no end: the file ends before its 'ER  - ' line"],
    )


def test_one_bibtex_syntax_error_costs_one_entry() -> None:
    text = (
        "@book{a, title = {A}}\n"
        "@book{b, title = {B}\n"  # unclosed
        "@book{c, title = {C}}\n"
        "@book{d, title = {D} year = 2020}\n"  # a missing comma
        "@book{e, title = {E}}\n"
    )
    ids, errors = _kept(text, "bibtex")
    assert ids == ["a", "c", "e"]
    assert [e.split(":")[1] for e in errors] == ["2", "4"]
    assert all(e.startswith("f:") and "not valid BibTeX" in e for e in errors)


def test_an_at_sign_that_starts_a_line_inside_a_value_stays_there() -> None:
    text = "@book{a, title = {A},\n note = {write to\n@home}}\n@book{b, title = {B}}\n"
    refs = loads(text, "bibtex")
    assert [r.id for r in refs] == ["a", "b"]
    assert refs[0].note == "write to @home"


def test_bibtex_lines_are_counted_per_entry() -> None:
    text = "".join(f"@book{{k{i}, title = {{T}},\n  year = 2020}}\n\n" for i in range(50))
    text += "@book{bad, title = {T}, year = {x}}\n"
    assert _error(text, "bibtex") == "f:151: bad: year: not a year: 'x'"


def test_and_others_is_not_an_author() -> None:
    (ref,) = loads("@book{a, title = {T}, author = {Ivanov, I. and others}}", "bibtex")
    assert ref.authors == (Person("Ivanov", "I."),)
    assert ref.extra["others"] == ["author"]
    text = dump([ref], "bibtex")
    assert "author = {Ivanov, I. and others}" in text
    assert loads(text, "bibtex") == [ref]


def test_an_impossible_ris_year_is_refused() -> None:
    assert _error("TY  - BOOK\nTI  - T\nPY  - 2020/13/45\nER  - \n", "ris") == (
        "f:3: ris-1: PY.month: not a month: 13; use 1 to 12"  # the PY line (issue #17)
    )
    (ref,) = loads("TY  - BOOK\nTI  - T\nPY  - 2020/04//\nER  - \n", "ris")
    assert ref.issued == PartialDate(2020, 4)


def test_unknown_latex_commands_are_warned_about() -> None:
    with pytest.warns(UnknownCommandWarning, match=r"f:1: a: the LaTeX command \\cyra is unknown"):
        loads("@book{a, title = {\\cyra\\cyrb}}", "bibtex", file="f")


def test_rispy_tags_citekit_does_not_model_are_kept() -> None:
    (ref,) = loads("TY  - BOOK\nTI  - T\nN2  - Abstract\nKW  - a\nKW  - b\nER  - \n", "ris")
    assert ref.extra["ris:N2"] == ["Abstract"]
    assert ref.extra["ris:KW"] == ["a", "b"]
    assert loads(dump([ref], "ris"), "ris") == [ref]


# -- round trips -------------------------------------------------------------------------------


def _round_trip(ref: JournalArticle, fmt: str) -> JournalArticle:
    with warnings.catch_warnings():
        warnings.simplefilter("error", DataLossWarning)
        (back,) = loads(dump([ref], fmt), fmt)
    return back  # type: ignore[return-value]


ROUND_TRIP = JournalArticle(
    id="a",
    title=Title("T"),
    authors=[Person("Ivanov", "I.")],
    translators=[Person("Petrov", "P.")],
    container_title=Title("J"),
    issued=PartialDate(2020, circa=True),
    extra={"title-short": "Short", "PMID": "123", "PMCID": "PMC1", "journalAbbreviation": "J."},
)


@pytest.mark.parametrize("fmt", ["bibtex", "csl-json", "yaml"])
def test_round_trips_keep_translators_circa_and_the_case_of_extras(fmt: str) -> None:
    assert _round_trip(ROUND_TRIP, fmt) == ROUND_TRIP


def test_translators_read_from_bibtex_are_names_that_csl_json_takes() -> None:
    (ref,) = loads("@book{a, title = {T}, translator = {Petrov, P.}}", "bibtex")
    assert ref.translators == (Person("Petrov", "P."),)
    assert loads(dump([ref], "csl-json"), "csl-json") == [ref]


# -- a FILE:LINE error, not a traceback --------------------------------------------------------


@pytest.mark.parametrize(
    ("fmt", "text", "expected"),
    [
        ("bibtex", "@book{a, title = {T}, year = {²}}", "f:1: a: year: not a year: '²'"),
        ("bibtex", "@book{a, title = {T}, year = {%s}}" % ("9" * 4400), "f:1: a: year: not a year"),
        ("csl-json", '[{"id": "a", "type": "book", "title": "T", "volume": %s}]' % ("9" * 4400),
         "f:1: a number of 4,400 digits; citekit reads numbers of up to 100"),
        ("csl-json", '[{"id": "a", "type": "book", "title": "T", "issued": "%s"}]' % ("9" * 4400),
         "f:1: a: a value citekit cannot take"),
        ("yaml", "- id: a\n  type: book\n  volume: %s\n" % ("9" * 4400),
         "f:3: a number of 4,400 characters; citekit reads numbers of up to 100 digits"),
        ("ris", "TY  - BOOK\nTI  - T\nPY  - %s\nER  - \n" % ("9" * 4400),
         "f:1: a value citekit cannot take"),
        ("csl-json", '[{"id": "a", "type": "book", "title": "T", "author": [{"family": "A", '
         '"multi": {"_key": "x"}}]}]',
         "f:1: a: author[0].multi._key: a name's multi._key must be an object of tag: name"),
        ("yaml", "- id: a\n  type: book\n  title: T\n  ? [a, b]\n  : c\n",
         "f:4: a key must be text, not list (['a', 'b']); quote it"),
    ],
)  # fmt: skip
def test_bad_values_are_errors_with_a_place(fmt: str, text: str, expected: str) -> None:
    assert _error(text, fmt).startswith(expected)


def test_an_isbn_given_as_a_json_number_is_read() -> None:
    (ref,) = loads('[{"id": "a", "type": "book", "title": "T", "ISBN": 9783161484100}]', "csl-json")
    assert ref.isbn == "9783161484100"


def test_superscript_pages_are_not_a_traceback() -> None:
    with contextlib.suppress(CitekitError):
        loads('[{"id": "a", "type": "book", "title": "T", "page": "²-³"}]', "csl-json")


def test_the_readers_are_reachable_by_name() -> None:
    assert set(citekit.io.READERS) >= {"bibtex", "ris", "csl-json", "yaml"}
    assert issubclass(ParseError, CitekitError)


def test_macro_expansion_has_a_budget_proportional_to_the_file() -> None:
    big = "x" * 90_000
    entries = "".join(f"@misc{{k{i}, note = m}}\n" for i in range(40))
    message = _error(f'@string{{m = "{big}"}}\n{entries}', "bibtex")
    assert "@string macros expand to more text than the file can mean" in message
    assert message.startswith("f:")


@settings(max_examples=300)
@given(
    st.text(
        alphabet=st.sampled_from(list("ab -,.'`!?~%\\{}$Яé\t^_&#<>\"*+=|;:()[]@09")), max_size=12
    )
)
def test_decoding_without_latexcodec_gives_latexcodecs_result(text: str) -> None:
    """The reader skips latexcodec for text it would not change: the same result either way."""
    held = text
    for i, escaped in enumerate(_HELD):
        held = held.replace(escaped, chr(0xE000 + i))
    try:
        decoded = codecs.decode(held, "ulatex")
    except UnicodeDecodeError:
        return
    expected = decoded.replace("{", "").replace("}", "")
    for i, plain in enumerate(_HELD.values()):
        expected = expected.replace(chr(0xE000 + i), plain)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UnknownCommandWarning)
        assert _decode(text) == " ".join(expected.split())


def test_csl_name_and_date_variables_kept_in_extra_have_their_shape() -> None:
    item = '[{"id": "a", "type": "book", "title": "T", %s}]'
    assert _error(item % '"original-author": "Tolstoy"', "csl-json") == (
        "f:1: a: original-author: expected a list of names"
    )
    assert _error(item % '"original-date": 5', "csl-json") == (
        'f:1: a: original-date: expected a date object such as {"date-parts": [[1869]]}'
    )
    (ref,) = loads(item % '"original-date": "1869"', "csl-json")
    assert ref.extra["original-date"] == {"date-parts": [[1869]]}


@settings(max_examples=500)
@given(st.text(alphabet=st.sampled_from(list("aZя Я-.,'2 ~{}\\")), min_size=1, max_size=14))
def test_the_quick_name_split_is_pybtexs(text: str) -> None:
    from pybtex.database import Person as BibPerson

    from citekit.io.bibtex import _bib_name

    try:
        expected = BibPerson(text)
    except Exception:
        return
    found = _bib_name(text)
    parts = ("first_names", "middle_names", "prelast_names", "last_names", "lineage_names")
    assert [getattr(found, p) for p in parts] == [getattr(expected, p) for p in parts]
