"""The documentation site: built with mkdocs --strict, its examples rendered by citekit."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

from griffe_doctests import fence_doctests, plain_roles  # noqa: E402


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
        cwd=ROOT, capture_output=True, text=True, encoding="utf-8", check=False,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-3000:]
    return out


def test_style_pages_show_examples_rendered_at_build_time(site: Path) -> None:
    gost = (site / "styles" / "gost" / "index.html").read_text(encoding="utf-8")
    assert "<!-- citekit:examples" not in gost
    assert "Кистанов,&nbsp;В.&nbsp;О. Внешняя политика Японии" in gost  # gost-2018, escaped HTML
    assert "Кистанов&nbsp;В.&nbsp;О. Внешняя политика Японии" in gost  # gost-2008
    elpub = (site / "styles" / "elpub" / "index.html").read_text(encoding="utf-8")
    assert (
        "Kistanov V.O. Japan&#39;s foreign policy in the era of Trump 2.0: Will there be changes?"
        in elpub
    )
    for page in ("references", "apa", "csl"):
        html = (site / "styles" / page / "index.html").read_text(encoding="utf-8")
        assert 'class="citekit-examples"' in html, page


def test_api_reference_shows_doctests_as_code(site: Path) -> None:
    api = (site / "api" / "index.html").read_text(encoding="utf-8")
    assert 'id="citekit.api.format_many"' in api
    assert "<blockquote>" not in api  # >>> read as nested quotes
    assert "language-pycon" in api or "highlight" in api


def test_worked_example_page_is_built_into_the_site(site: Path) -> None:
    page = site / "example-article" / "index.html"
    assert "Для цитирования:" in page.read_text(encoding="utf-8")
    assert (site / "example-article" / "kistanov2025.bib").is_file()


def test_doctests_are_fenced() -> None:
    text = "Sum:\n\n>>> 1 + 1\n2\n\nDone."
    assert fence_doctests(text) == "Sum:\n\n```pycon\n>>> 1 + 1\n2\n```\n\nDone."
    assert fence_doctests(">>> x") == "```pycon\n>>> x\n```"


def test_roles_become_code() -> None:
    assert plain_roles(":class:`~citekit.errors.OptionError`") == "`OptionError`"
    assert plain_roles(":func:`citekit.format`") == "`citekit.format`"
