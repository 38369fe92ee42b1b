"""Integrations: Jinja2 filters, notebook displays, meta tags and JSON-LD for article pages."""

from __future__ import annotations

import json
from html.parser import HTMLParser

import attrs
import pytest
from jinja2 import Environment

import citekit
import citekit.jinja
from citekit.meta import json_ld_tag
from citekit.model import JournalArticle, Person, Title

HOSTILE = JournalArticle(
    id="x",
    title=Title('</script><script>alert("x")</script> & "quotes"', lang="en"),
    authors=[Person("O'Brien", '<img src=x onerror="alert(1)">')],
    container_title="<b>Journal</b>",
    issued=2024,
    doi='10.1234/a"b<c',
    url="https://example.org/?q=%3Cx%3E&y='z'",
)


@pytest.fixture
def env() -> Environment:
    environment = Environment(autoescape=True)
    citekit.jinja.install(environment)
    return environment


def test_reference_filter_escapes_once(env: Environment, example_refs) -> None:  # type: ignore[no-untyped-def]
    out = env.from_string("{{ ref | reference('elpub') }}").render(ref=example_refs[0])
    assert out == citekit.format(example_refs[0], "elpub", to="html")
    assert "Japan&#39;s foreign policy" in out
    assert "&amp;#39;" not in out


def test_filters_keep_hostile_input_inert(env: Environment) -> None:
    templates = ("{{ r | reference('gost') }}", "{{ [r] | bibliography('apa') }}")
    for template in templates:
        out = env.from_string(template).render(r=HOSTILE)
        assert "<script" not in out
        assert "<img" not in out
        assert "<b>" not in out
        assert "&lt;/script&gt;" in out


def test_text_output_is_not_markup(env: Environment, example_refs) -> None:  # type: ignore[no-untyped-def]
    out = env.from_string("{{ ref | reference('elpub', 'text') }}").render(ref=example_refs[0])
    assert "Japan&#39;s" in out  # plain text is escaped by the environment, as it must be


def test_cite_filter_writes_in_text_citations_as_the_api(  # type: ignore[no-untyped-def]
    env: Environment, example_refs
) -> None:
    refs = [example_refs[2], example_refs[0]]
    out = env.from_string("{{ refs | cite }}").render(refs=refs)
    assert out == citekit.cite(refs, "apa") == "(Kistanov, 2024, 2025)"
    narrative = env.from_string("{{ r | cite('apa', narrative=True, locator='p. 7') }}")
    assert narrative.render(r=example_refs[0]) == "Kistanov (2025, p. 7)"


def test_cite_filter_points_to_reference_for_a_style_without_citations(  # type: ignore[no-untyped-def]
    env: Environment, example_refs
) -> None:
    with pytest.raises(citekit.UnsupportedError, match="the 'reference' filter"):
        env.from_string("{{ r | cite('elpub') }}").render(r=example_refs[0])


def test_bibliography_filter(env: Environment, example_refs) -> None:  # type: ignore[no-untyped-def]
    out = env.from_string("{{ refs | bibliography('gost') }}").render(refs=example_refs)
    assert out.startswith('<ol class="citekit-bibliography"><li>Каспе,&nbsp;С.&nbsp;И.')
    assert out.count("<li>") == 12


def test_notebook_displays(example_refs) -> None:  # type: ignore[no-untyped-def]
    ref = example_refs[0]
    assert ref._repr_html_() == citekit.format(ref, "elpub", to="html")
    assert ref._repr_markdown_() == citekit.format(ref, "elpub", to="markdown")
    listing = citekit.Bibliography(example_refs, "apa")
    assert str(listing) == citekit.bibliography(example_refs, "apa")
    assert listing._repr_html_().startswith('<ul class="citekit-bibliography">')
    assert listing._repr_markdown_().startswith("Akimoto, D. (2022, April 25).")
    assert repr(listing) == "<Bibliography of 12 references in 'apa'>"


def test_compare_shows_every_style(example_refs) -> None:  # type: ignore[no-untyped-def]
    table = citekit.compare(example_refs[0])._repr_html_()
    for style in citekit.style_ids():
        assert f"<th>{style}</th>" in table
    broken = citekit.compare(HOSTILE, ["apa", "no-such-style"])._repr_html_()
    assert "<em>unknown style &#39;no-such-style&#39;" in broken
    assert "<script" not in broken


class _Strict(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def test_meta_tags(example_refs) -> None:  # type: ignore[no-untyped-def]
    tags = citekit.meta_tags(example_refs[0], lang="en", pdf_url="https://example.org/a.pdf")
    parser = _Strict()
    parser.feed(str(tags))
    found = [(attrs["name"], attrs["content"]) for _, attrs in parser.tags]
    assert found == [
        (
            "citation_title",
            "Japan's foreign policy in the era of Trump 2.0: Will there be changes?",
        ),
        ("citation_author", "Kistanov, Valerii Olegovich"),
        ("citation_publication_date", "2025"),
        ("citation_journal_title", "Japanese Studies in Russia"),
        ("citation_issue", "3"),
        ("citation_firstpage", "5"),
        ("citation_lastpage", "25"),
        ("citation_doi", "10.55105/2500-2872-2025-3-5-25"),
        ("citation_language", "ru"),
        ("citation_pdf_url", "https://example.org/a.pdf"),
    ]
    original = str(citekit.meta_tags(example_refs[0]))
    assert 'content="Кистанов, Валерий Олегович"' in original


def test_meta_tags_escape_quotes() -> None:
    parser = _Strict()
    parser.feed(str(citekit.meta_tags(HOSTILE)))
    assert [tag for tag, _ in parser.tags] == ["meta"] * len(parser.tags)
    title = dict(parser.tags[0][1])["content"]
    assert title == '</script><script>alert("x")</script> & "quotes"'


def test_json_ld(example_refs) -> None:  # type: ignore[no-untyped-def]
    data = citekit.json_ld(example_refs[1])
    assert data["@type"] == "ScholarlyArticle"
    assert data["isPartOf"] == {
        "@type": "PublicationIssue",
        "issueNumber": "1",
        "isPartOf": {
            "@type": ["Periodical", "PublicationVolume"],
            "name": "Россия в глобальной политике",
            "volumeNumber": "23",
        },
    }
    assert data["sameAs"] == "https://doi.org/10.31278/1810-6439-2025-23-3-10-34"
    assert data["alternativeHeadline"].startswith("Empire on Self-Financing")


def test_json_ld_tag_cannot_be_broken_out_of() -> None:
    tag = str(json_ld_tag(HOSTILE))
    assert tag.count("</script>") == 1
    assert tag.endswith("</script>")
    body = tag.split(">", 1)[1].rsplit("<", 1)[0]
    assert json.loads(body)["headline"].startswith("</script><script>")


def test_download_files_read_back(example_refs) -> None:  # type: ignore[no-untyped-def]
    from citekit.io import loads
    from citekit.meta import download_files

    files = download_files(example_refs[1])
    assert set(files) == {"kaspe2025.bib", "kaspe2025.ris", "kaspe2025.json"}
    assert loads(files["kaspe2025.bib"], "bibtex") == [example_refs[1]]
    assert loads(files["kaspe2025.json"], "csl-json") == [example_refs[1]]
    assert loads(files["kaspe2025.ris"], "ris") == [example_refs[1]]
    unsafe = download_files(attrs.evolve(example_refs[1], id="../../etc/passwd"))
    assert all("/" not in name for name in unsafe)
