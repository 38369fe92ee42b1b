"""Shared fixtures: the corpus beside the clone (../shared/corpus), the shipped example."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import settings

# No timed assertions: hypothesis's default 200 ms deadline per example fails a test on a busy
# machine, so no example has one (every @settings inherits this profile).
settings.register_profile("citekit", deadline=None)
settings.load_profile("citekit")

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
