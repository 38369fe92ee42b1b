"""The worked example's article page: valid HTML, every part present, hostile data inert.

The page is built by ``examples/journal_page.py`` and parsed by html5lib in strict mode. Where
Debian's ``chromium`` is installed, it is also loaded headless: the DOM Chromium built is
checked and a screenshot is taken (``.ci/run`` installs it where it is missing; elsewhere
``apt-get install chromium`` makes those run).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import html5lib
import pytest

import citekit
from citekit.render import FORMATS

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "examples"))

from journal_page import build  # noqa: E402

PWN = "document.body.setAttribute('data-pwned','{}')"
HOSTILE = [
    {
        "id": "evil",
        "type": "article-journal",
        "language": "ru",
        "title": f"<script>{PWN.format('title')}</script> Заголовок & «кавычки»",
        "container-title": f'"><img src=x onerror="{PWN.format("journal")}">',
        "author": [{"family": f"<img src=x onerror={PWN.format('name')}>", "given": "Иван"}],
        "issued": {"date-parts": [[2025]]},
        "issue": "3",
        "page": "5-25",
        "DOI": f'10.1234/"onmouseover="{PWN.format("doi")}"<b>x</b>',
        "multi": {"_keys": {"title": {"en": f"</title><script>{PWN.format('en')}</script>"}}},
    },
    {
        "id": "evil-web",
        "type": "webpage",
        "title": "<iframe src='https://evil.example'></iframe>",
        "container-title": "{{ 7*7 }} {% raw %}",
        "author": [{"literal": "<svg onload=alert(1)>"}],
        "issued": {"date-parts": [[2024, 5, 1]]},
        "URL": "https://example.org/a'onmouseover='alert(1)",
        "accessed": {"date-parts": [[2025, 1, 2]]},
    },
]


def _strict(html: str) -> Any:
    """The parsed document; html5lib raises on the first parse error."""
    return html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(html)


def _check_inert(document: Any) -> None:
    scripts = document.findall(".//script")
    assert [s.get("type") for s in scripts] == ["application/ld+json"]
    json.loads(scripts[0].text)  # the JSON-LD is still JSON, hostile strings and all
    for element in document.iter():
        for name, value in element.attrib.items():
            assert not name.lower().startswith("on"), (element.tag, name)
            if name == "href":
                assert value.startswith(("https://", "http://")) or "/" not in value, value
    assert not document.findall(".//img")
    assert not document.findall(".//iframe")
    assert not document.findall(".//svg")


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("pages")
    hostile_data = root / "hostile.json"
    hostile_data.write_text(json.dumps(HOSTILE, ensure_ascii=False), encoding="utf-8")
    with pytest.warns(citekit.errors.DataLossWarning):  # RIS keeps no English title
        corpus = build(root / "corpus")
    hostile = build(root / "hostile", hostile_data)
    return {"corpus": corpus, "hostile": hostile}


def test_page_parses_without_errors_and_has_every_part(pages: dict[str, Path]) -> None:
    html = pages["corpus"].read_text(encoding="utf-8")
    document = _strict(html)
    text = "".join(document.itertext())
    assert (
        "Kistanov V.O. Japan's foreign policy in the era of Trump 2.0: Will there be changes? "
        "Japanese Studies in Russia. 2025;(3):5-25. (In Russ.) "
        "https://doi.org/10.55105/2500-2872-2025-3-5-25"
    ) in text
    assert "Кистанов В.О. Внешняя политика Японии в эпоху Трампа 2.0: будут ли перемены?" in text
    lists = document.findall(".//*[@class='citekit-bibliography']")
    assert len(lists) == 2
    assert [(ul.tag, len(ul.findall("li"))) for ul in lists] == [
        ("ol", 11),
        ("ol", 11),
    ]  # both numbered, as the journal's page numbers them
    names = {m.get("name") for m in document.findall(".//meta") if m.get("name")}
    assert {"citation_title", "citation_author", "citation_doi", "citation_journal_title"} <= names
    exports = [a.get("href") for a in document.findall(".//p[@class='exports']/a")]
    assert exports == ["kistanov2025.bib", "kistanov2025.ris", "kistanov2025.json"]
    assert all((pages["corpus"].parent / name).is_file() for name in exports)
    _check_inert(document)


def test_hostile_data_comes_out_inert(pages: dict[str, Path]) -> None:
    document = _strict(pages["hostile"].read_text(encoding="utf-8"))
    _check_inert(document)
    text = "".join(document.itertext())
    assert "<script>document.body.setAttribute" in text  # shown as text, not run


@pytest.mark.parametrize(
    "style", [s for s in citekit.style_ids() if not s.startswith("csl:")] + ["csl:apa", "csl:ieee"]
)
def test_hostile_data_is_inert_in_every_style(tmp_path: Path, style: str) -> None:
    data = tmp_path / "hostile.json"
    data.write_text(json.dumps(HOSTILE, ensure_ascii=False), encoding="utf-8")
    for ref in citekit.load(data):
        html = citekit.format(ref, style, to="html")
        fragment = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parseFragment(html)
        tags = {element.tag for element in fragment.iter() if isinstance(element.tag, str)}
        # a CSL style's display blocks (ieee's number in the margin) are <div class="csl-…">
        assert tags <= {"DOCUMENT_FRAGMENT", "i", "a", "div"}, (style, tags)
        for block in fragment.iter("div"):
            assert set(block.attrib) == {"class"}
            assert block.get("class").startswith("csl-")
        for link in fragment.iter("a"):
            assert set(link.attrib) == {"href"}
            assert link.get("href").startswith("https://")
    assert "html" in FORMATS


CHROMIUM = shutil.which("chromium")
FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip


def _chromium(tmp: Path, *args: str) -> str:
    assert CHROMIUM is not None
    result = subprocess.run(
        [CHROMIUM, *FLAGS, f"--user-data-dir={tmp / 'profile'}", *args],
        capture_output=True, text=True, encoding="utf-8", timeout=120, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout


@pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed")
@pytest.mark.parametrize("name", ["corpus", "hostile"])
def test_chromium_renders_the_page_and_runs_nothing_from_the_data(
    pages: dict[str, Path], tmp_path: Path, name: str
) -> None:
    url = pages[name].as_uri()
    dom = html5lib.parse(_chromium(tmp_path, "--dump-dom", url), namespaceHTMLElements=False)
    body = dom.find("body")
    assert body is not None
    assert "data-pwned" not in body.attrib
    assert dom.find(".//h1") is not None
    assert len(dom.findall(".//*[@class='citekit-bibliography']")) == 2
    shot = tmp_path / f"{name}.png"
    _chromium(tmp_path, "--window-size=1000,1400", f"--screenshot={shot}", url)
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert shot.stat().st_size > 20_000  # a page, not a blank screen
