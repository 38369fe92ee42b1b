"""Hunting for failures: every style and format on generated references of every type,
readers on arbitrary input, hostile strings in HTML, and byte-identical output across runs."""

from __future__ import annotations

import contextlib
import json
import os
import re
import subprocess
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

import citekit
from citekit.errors import CitekitError
from citekit.io.bibtex import read_bibtex
from citekit.io.csljson import read_csl_json
from citekit.io.ris import read_ris
from citekit.model import Reference
from strategies import every_reference

STYLES = ["elpub", "elpub-ru", "references", "gost", "gost-2008", "apa", "bibtex"]
FORMATS = ["text", "html", "markdown", "latex"]
OWN_MARKUP = re.compile(r'<i>|</i>|</a>|<a href="https?://[^"<>]*">')


@settings(max_examples=400, deadline=None)
@given(ref=every_reference, style=st.sampled_from(STYLES), to=st.sampled_from(FORMATS))
def test_every_style_formats_or_raises_citekit_error(ref: Reference, style: str, to: str) -> None:
    try:
        out = citekit.format(ref, style, to=to)
    except CitekitError:
        return
    assert out
    assert "\x00" not in out
    assert "\u202e" not in out
    if to == "html":
        leftover = OWN_MARKUP.sub("", out)
        assert "<" not in leftover, out
        assert ">" not in leftover, out
        assert all(
            h.startswith(("http://", "https://")) for h in re.findall(r'href="([^"]*)"', out)
        )


@settings(max_examples=200)
@given(
    refs=st.lists(every_reference, max_size=6, unique_by=lambda r: r.id),
    style=st.sampled_from(STYLES),
)
def test_every_bibliography_formats(refs: list[Reference], style: str) -> None:
    text = citekit.bibliography(refs, style)
    assert text.count("\n") == max(len(refs) - 1, 0)
    html = citekit.bibliography(refs, style, to="html")
    assert html.count("<li>") == len(refs)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(
            st.sampled_from(
                [
                    "id",
                    "type",
                    "title",
                    "author",
                    "issued",
                    "page",
                    "DOI",
                    "URL",
                    "multi",
                    "family",
                    "given",
                    "date-parts",
                    "_keys",
                    "container-title",
                    "accessed",
                ]
            ),
            children,
            max_size=6,
        )
    ),
    max_leaves=20,
)


@settings(max_examples=500)
@given(value=json_values)
def test_reader_on_arbitrary_json(value: object) -> None:
    try:
        refs = read_csl_json(json.dumps(value))
    except CitekitError as exc:
        refs, message = [], str(exc)
    else:
        message = "read"
    assert message  # an error always says what is wrong
    assert all(isinstance(r, Reference) for r in refs)


@settings(max_examples=300)
@given(text=st.text(max_size=200) | st.builds("@article{{k, {}}}".format, st.text(max_size=80)))
def test_bibtex_reader_on_arbitrary_text(text: str) -> None:
    with contextlib.suppress(CitekitError):
        read_bibtex(text)


@settings(max_examples=200)
@given(text=st.text(max_size=200).map("TY  - JOUR\n{}\nER  - \n".format))
def test_ris_reader_on_arbitrary_text(text: str) -> None:
    with contextlib.suppress(CitekitError):
        read_ris(text)


@settings(max_examples=300)
@given(text=st.text(max_size=200))
def test_reader_on_arbitrary_text(text: str) -> None:
    with contextlib.suppress(CitekitError):
        read_csl_json(text)


def test_output_is_byte_identical_across_hash_seeds() -> None:
    outputs = set()
    for seed in ("0", "1", "12345"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        runs = [
            subprocess.run(
                [sys.executable, "-m", "citekit.cli", command, "examples/japanese-studies-2025-3.json",
                 "tests/data/apa-english.json", "--style", style, "--to", "html"],
                capture_output=True, env=env, check=True,
            ).stdout
            for command in ("format", "bibliography")
            for style in STYLES
        ]  # fmt: skip
        outputs.add(b"".join(runs))
    assert len(outputs) == 1
