"""GOST R 7.0.100-2018 and GOST R 7.0.5-2008: options, list order, typesetting."""

from __future__ import annotations

import pytest

import citekit
from citekit.model import Book, JournalArticle, Person, Title

SEED = (
    "Кистанов, В. О. Внешняя политика Японии в эпоху Трампа 2.0: будут ли перемены? / "
    "В. О. Кистанов. – Текст : электронный // Японские исследования. – 2025. – № 3. – С. 5–25. "
    "– DOI 10.55105/2500-2872-2025-3-5-25."
)


def test_seed_article_and_alias(example_refs) -> None:  # type: ignore[no-untyped-def]
    assert citekit.format(example_refs[0], "gost") == SEED
    assert citekit.format(example_refs[0], "gost-2018") == SEED


def test_html_has_non_breaking_spaces_and_a_doi_link(example_refs) -> None:  # type: ignore[no-untyped-def]
    html = citekit.format(example_refs[0], "gost", to="html")
    assert html.startswith("Кистанов,&nbsp;В.&nbsp;О. Внешняя")
    assert "/ В.&nbsp;О.&nbsp;Кистанов.&nbsp;– Текст" in html
    assert "№&nbsp;3.&nbsp;– С.&nbsp;5–25" in html
    assert '<a href="https://doi.org/10.55105/2500-2872-2025-3-5-25">' in html
    assert "\u00a0" not in citekit.format(example_refs[0], "gost")  # text: plain spaces


def test_content_type_can_be_left_out(example_refs) -> None:  # type: ignore[no-untyped-def]
    line = citekit.format(example_refs[0], "gost", content_type=False)
    assert "Текст" not in line
    assert "/ В. О. Кистанов // Японские исследования." in line


def test_all_authors_option() -> None:
    ref = JournalArticle(
        id="x",
        title="Заглавие",
        authors=[Person(f"Автор{i}", "А. А.") for i in range(5)],
        container_title="Журнал",
        issued=2020,
    )
    short = citekit.format(ref, "gost")
    assert short.startswith("Заглавие / А. А. Автор0, А. А. Автор1, А. А. Автор2 [и др.]. –")
    full = citekit.format(ref, "gost", all_authors=True)
    assert "А. А. Автор4. – Текст" in full
    assert "[и др.]" not in full
    assert citekit.format(ref, "gost-2008").startswith("Заглавие / А. А. Автор0 [и др.] //")


def test_latin_entry_keeps_its_language() -> None:
    ref = JournalArticle(
        id="x",
        title="Title",
        authors=[Person(f"Author{i}", "A.") for i in range(4)],
        container_title="Journal",
        volume="3",
        issue="2",
        pages="5-9",
        issued=2020,
    )
    line = citekit.format(ref, "gost")
    assert "[et al.]" in line
    assert "– Vol. 3, no. 2. – P. 5–9." in line


def test_2008_dashes_option(example_refs) -> None:  # type: ignore[no-untyped-def]
    line = citekit.format(example_refs[0], "gost-2008", dashes=True)
    assert "// Японские исследования. – 2025. – № 3. – С. 5–25." in line


def test_unknown_place_and_publisher() -> None:
    book = Book(id="b", title=Title("Книга"), publisher="Наука", issued=2020)
    assert "– [Б. м.] : Наука, 2020." in citekit.format(book, "gost")


def test_bibliography_cyrillic_first_alphabetical_numbered(example_refs) -> None:  # type: ignore[no-untyped-def]
    ёж = Book(id="yo", title="Ёжик", authors=[Person("Ёлкин", "А.")], issued=2020)
    еж = Book(id="ye", title="Ель", authors=[Person("Елисеев", "Б.")], issued=2020)
    lines = citekit.bibliography([*reversed(example_refs), ёж, еж], "gost").splitlines()
    assert [line.split(" ", 1)[0] for line in lines[:3]] == ["1.", "2.", "3."]
    heads = [line.split(" ", 2)[1] for line in lines]
    assert heads[:6] == ["Елисеев,", "Ёлкин,", "Каспе,", "Кистанов,", "Кистанов,", "Тренин,"]
    assert heads[6:] == sorted(heads[6:], key=str.lower)
    assert lines[3].endswith("S0131281224020018.")  # Кистанов 2024 before 2025


@pytest.mark.parametrize("style", ["gost", "gost-2008"])
def test_question_title_without_responsibility(style: str) -> None:
    ref = Book(id="q", title="Куда идёт Россия?", publisher="Наука", place="Москва", issued=2020)
    line = citekit.format(ref, style)
    assert "?." not in line
    assert line.startswith("Куда идёт Россия? ")
