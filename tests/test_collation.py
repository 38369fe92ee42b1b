"""Collation: ICU (when installed) and pyuca give the same order, keys are cached by string."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from citekit import collation
from citekit.collation import pyuca_key, text_key

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from corpus import generate  # noqa: E402


def _strings() -> list[str]:
    """Every title and name of the benchmark corpus, the shared corpus and the test data,
    with their lower-cased forms (CSL sorts those)."""
    items = generate(3000)
    for path in [*sorted((ROOT / "tests" / "data").glob("*.json")), *_shared()]:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (ValueError, UnicodeDecodeError):
            continue
        if isinstance(data, list):
            items += [item for item in data if isinstance(item, dict)]
    found: set[str] = set()
    for item in items:
        for field in ("title", "container-title", "publisher"):
            if isinstance(item.get(field), str):
                found.add(item[field])
        for person in item.get("author", []) if isinstance(item.get("author"), list) else []:
            if isinstance(person, dict):
                found.update(v for v in person.values() if isinstance(v, str))
    found |= {text.lower() for text in found}
    found |= {"", "Ёлкин", "Елисеев", "ёж", "еж", "O'Brien", "OBrien", "Émile", "Zola", "de la"}
    return sorted(found)


def _shared() -> list[Path]:
    corpus = ROOT.parent / "shared" / "corpus"
    return sorted(corpus.glob("*.json")) if corpus.is_dir() else []


def test_icu_and_pyuca_order_the_corpus_and_names_alike() -> None:
    icu = pytest.importorskip("icu", reason="PyICU is not installed: pyuca sorts alone")
    collator = icu.Collator.createInstance(icu.Locale.getRoot())
    collator.setAttribute(icu.UCollAttribute.NORMALIZATION_MODE, icu.UCollAttributeValue.ON)
    strings = _strings()
    assert len(strings) > 1000
    by_icu = sorted(strings, key=collator.getSortKey)
    by_pyuca = sorted(strings, key=pyuca_key)
    assert by_icu == by_pyuca
    # equal keys are equal in both (the APA year suffixes group by equal author keys)
    icu_keys = {collator.getSortKey(s) for s in strings}
    assert len(icu_keys) == len({pyuca_key(s) for s in strings})


def test_pyuca_bytes_compare_as_its_weights() -> None:
    from pyuca import Collator

    weights = Collator().sort_key
    words = ["Zebra", "apple", "Ёлкин", "Елисеев", "東京", "𠀀", "a", ""]
    assert sorted(words, key=pyuca_key) == sorted(words, key=weights)


def test_text_key_is_cached_by_string() -> None:
    text_key.cache_clear()
    first = text_key("Кистанов")
    assert text_key("Кистанов") is first
    assert text_key.cache_info().hits == 1


def test_backend_names_the_library_in_use() -> None:
    try:
        import icu  # noqa: F401
    except ImportError:
        assert collation.backend() == "pyuca"
    else:
        assert collation.backend() == "icu"
