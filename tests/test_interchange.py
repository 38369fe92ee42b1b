"""Interchange: writers and readers give back every field the model holds, or say what they lose."""

from __future__ import annotations

import subprocess
import sys
import warnings

import attrs
from hypothesis import given, settings

import citekit
from citekit.errors import DataLossWarning
from citekit.io import loads
from citekit.model import JournalArticle, Person, Reference, Title
from conftest import EXAMPLE
from strategies import every_reference


def _title_languages_follow(ref: Reference) -> Reference:
    """CSL-JSON has one language per item: give each title the item's (the reader does)."""
    changes = {}
    for field in attrs.fields(type(ref)):
        value = getattr(ref, field.name)
        if isinstance(value, Title):
            changes[field.name] = attrs.evolve(value, lang=ref.language)
    return attrs.evolve(ref, **changes)


@settings(max_examples=300, deadline=None)
@given(ref=every_reference)
def test_csl_json_round_trip(ref: Reference) -> None:
    ref = _title_languages_follow(ref)
    with warnings.catch_warnings():
        warnings.simplefilter("error", DataLossWarning)
        text = citekit.dump([ref], "csl-json")
    assert loads(text, "csl-json") == [ref]


def test_corpus_round_trip(example_refs) -> None:  # type: ignore[no-untyped-def]
    text = citekit.dump(example_refs, "csl-json")
    assert loads(text, "csl-json") == example_refs


def test_what_cannot_be_written_is_named() -> None:
    ref = JournalArticle(
        id="x",
        language="ru",
        title=Title("Title", lang="en"),
        authors=[
            Person("Б", "В", forms={"ru-Latn": Person("B", "V", forms={"en": Person("Bee")})})
        ],
    )
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", DataLossWarning)
        citekit.dump([ref], "csl-json")
    messages = sorted(str(w.message) for w in caught)
    assert messages == [
        "x: author: not written to csl-json: the ru-Latn form of a name has forms of its own",
        "x: title: not written to csl-json: its language (en) differs from the item's",
    ]


def test_convert_command(tmp_path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "out.json"
    result = subprocess.run(
        [sys.executable, "-m", "citekit.cli", "convert", str(EXAMPLE), "--to", "csl-json",
         "-o", str(out)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert citekit.load(out) == citekit.load(EXAMPLE)
    bad = subprocess.run(
        [sys.executable, "-m", "citekit.cli", "convert", str(EXAMPLE), "--to", "docx"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert bad.returncode == 1
    assert "cannot write 'docx'" in bad.stderr
