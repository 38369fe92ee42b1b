"""MkDocs hooks: the documentation's examples are formatted by citekit when the site is built.

A line ``<!-- citekit:examples STYLE [STYLE …] -->`` in a page becomes, for each style, the
example references formatted by it, as HTML (citekit's own renderer, escaped). After the
build, the worked example's article page (``examples/journal_page.py``) is built into
``example-article/`` of the site, so that the page describing it can link to it.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

import citekit

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples" / "japanese-studies-2025-3.json"
SHOWN = ["kistanov2025", "trenin2025", "akimoto2022", "pajon2025", "smith2024"]
"""A Russian article, a Russian article with a URL, a web article, a report in a series, an
English article with two authors and a date range."""

_MARKER = re.compile(r"^<!-- citekit:examples ([^>]+?) -->$", re.M)


def _examples(styles: list[str]) -> str:
    refs = {ref.id: ref for ref in citekit.load(EXAMPLES)}
    chosen = [refs[key] for key in SHOWN]
    parts = ["Formatted by citekit when this site was built, from `examples/`:\n"]
    for style in styles:
        items = "".join(f"<li>{citekit.format(ref, style, to='html')}</li>" for ref in chosen)
        parts.append(f'<p><code>{style}</code></p>\n<ul class="citekit-examples">{items}</ul>\n')
    return "\n".join(parts)


def on_page_markdown(markdown: str, **_: Any) -> str:
    """Replace every examples marker with the rendered examples."""
    return _MARKER.sub(lambda match: _examples(match.group(1).split()), markdown)


def on_post_build(config: Any, **_: Any) -> None:
    """Build the worked example's article page into the site."""
    sys.path.insert(0, str(ROOT / "examples"))
    from journal_page import build

    build(Path(config["site_dir"]) / "example-article")
