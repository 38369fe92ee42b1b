"""citekit.format_many: the same entries as format(), in input order, with or without workers."""

from __future__ import annotations

import json
import pickle
from pathlib import Path

import pytest
from hypothesis import given, settings

import citekit
from citekit.errors import OptionError
from conftest import EXAMPLE
from strategies import every_reference
from test_cli import run


@pytest.fixture(scope="module")
def refs() -> list[citekit.Reference]:
    return citekit.load(EXAMPLE)


@pytest.mark.parametrize("style", ["elpub", "gost", "apa", "references"])
@pytest.mark.parametrize("to", ["text", "html"])
def test_same_as_format(refs: list[citekit.Reference], style: str, to: str) -> None:
    assert citekit.format_many(refs, style, to=to) == [
        citekit.format(ref, style, to=to) for ref in refs
    ]


def test_options_reach_every_entry(refs: list[citekit.Reference]) -> None:
    many = citekit.format_many(iter(refs), "references", translit="iso-9")
    assert many == [citekit.format(ref, "references", translit="iso-9") for ref in refs]


def test_workers_keep_input_order(refs: list[citekit.Reference]) -> None:
    # enough references for several chunks, so that the pool is really used
    batch = refs * 500
    expected = [citekit.format(ref, "gost", to="html") for ref in batch]
    assert citekit.format_many(batch, "gost", to="html", workers=2) == expected


@pytest.mark.parametrize("workers", [1.5, "2", True])
def test_bad_worker_count(refs: list[citekit.Reference], workers: object) -> None:
    with pytest.raises(OptionError, match="workers must be a whole number"):
        citekit.format_many(refs, "elpub", workers=workers)  # type: ignore[arg-type]


@settings(max_examples=100)
@given(ref=every_reference)
def test_every_reference_pickles_for_the_workers(ref: citekit.Reference) -> None:
    assert pickle.loads(pickle.dumps(ref)) == ref


def test_cli_workers(tmp_path: Path) -> None:
    batch = tmp_path / "batch.json"
    items = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    # 400 copies under new ids, without their DOIs: the same DOI twice is one work, listed once
    copies = [
        {**{k: v for k, v in item.items() if k != "DOI"}, "id": f"{item['id']}-{i}"}
        for i in range(400)
        for item in items
    ]
    batch.write_text(json.dumps(copies), encoding="utf-8")
    one = run("format", str(batch), "--style", "apa")
    two = run("format", str(batch), "--style", "apa", "--workers", "2")
    assert one.returncode == two.returncode == 0
    assert one.stdout == two.stdout
    assert one.stdout.count("\n") == 400 * len(items)


def test_formatting_leaves_no_reference_cycles(refs: list[citekit.Reference]) -> None:
    # format_many and bibliography pause the cyclic collector (citekit.collector), so an
    # entry must not leave garbage only that collector could free
    import gc

    styles = [s for s in citekit.style_ids() if not s.startswith("csl:")]
    for to in ("text", "html", "markdown", "latex"):
        citekit.format_many(refs, "gost", to=to)
    for style in styles:
        citekit.format_many(refs, style)
        citekit.bibliography(refs, style)
    gc.collect()
    gc.disable()
    try:
        for style in styles:
            for to in ("text", "html", "markdown", "latex"):
                citekit.format_many(refs, style, to=to)
            citekit.bibliography(refs, style)
        assert gc.collect() == 0
    finally:
        gc.enable()
