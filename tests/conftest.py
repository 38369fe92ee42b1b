"""Shared fixtures: the corpus beside the clone (../shared/corpus), the shipped example."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "japanese-studies-2025-3.json"
CORPUS = ROOT.parent / "shared" / "corpus"


@pytest.fixture(scope="session")
def corpus() -> Path:
    """The shared corpus folder; the test is skipped, saying why, when it is absent."""
    if not (CORPUS / "japanese-studies-2025-3.json").is_file():
        pytest.skip(f"the shared corpus is not beside this clone ({CORPUS} is missing)")
    return CORPUS


@pytest.fixture(scope="session")
def example_refs():  # type: ignore[no-untyped-def]
    import citekit

    return citekit.load(EXAMPLE)
