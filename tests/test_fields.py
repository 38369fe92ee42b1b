"""Issue #17: the fields each style's own manual or standard prints — editions, translators,
editors, volumes, original dates, dates in the item's language, places in English."""

from __future__ import annotations

import pytest

import citekit
from citekit.model import Book, Chapter, Person, Title, WebArticle
from citekit.styles import get_style
from citekit.styles.editions import english_edition, english_ordinal, russian_edition


def _piaget(**fields: object) -> Book:
    values: dict[str, object] = {
        "id": "piaget1969",
        "title": "The psychology of the child",
        "authors": [Person("Piaget", "Jean"), Person("Inhelder", "Bärbel")],
        "issued": 1969,
        "publisher": "Basic Books",
        "language": "en",
    }
    values.update(fields)
    return Book(**values)  # type: ignore[arg-type]


# -- 1. editions ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("number", "ordinal"),
    [(1, "1st"), (2, "2nd"), (3, "3rd"), (4, "4th"), (11, "11th"), (12, "12th"), (13, "13th"),
     (21, "21st"), (22, "22nd"), (23, "23rd"), (100, "100th"), (111, "111th"), (102, "102nd")],
)  # fmt: skip
def test_english_ordinals(number: int, ordinal: str) -> None:
    assert english_ordinal(number) == ordinal


def test_edition_text_is_kept_as_written() -> None:
    assert english_edition("Rev. ed.") == "Rev. ed."
    assert english_edition("2nd") == "2nd ed."
    assert russian_edition("2-е изд., испр. и доп.") == "2-е изд., испр. и доп."
    assert russian_edition(" 5 ") == "5-е изд."


def test_gost_russian_book_edition_number() -> None:
    ref = Book(id="b", title="Политология", authors=[Person("Иванов", "Иван")], edition="5",
               place="Москва", publisher="Юрайт", issued=2023, language="ru")  # fmt: skip
    line = citekit.format(ref, "gost")
    assert "Политология / И. Иванов. – 5-е изд. – Москва : Юрайт, 2023." in line
    assert "– 5." not in line


def test_gost_english_book_edition_number() -> None:
    line = citekit.format(_piaget(edition="2", place="New York"), "gost")
    assert "– 2nd ed. – New York : Basic Books, 1969." in line


def test_apa_edition_number_is_an_ordinal() -> None:
    assert "*The psychology of the child* (7th ed.)." in citekit.format(
        _piaget(edition="7"), "apa", to="markdown"
    )
    assert "(Rev. ed.)" in citekit.format(_piaget(edition="Rev. ed."), "apa")


def test_apa_chapter_host_edition_and_volume() -> None:
    ref = Chapter(id="c", title="A chapter", authors=[Person("Doe", "Jane")], issued=2020,
                  container_title="The book", edition="3", volume="2", pages="5-25")  # fmt: skip
    assert "The book (3rd ed., Vol. 2, pp. 5–25)" in citekit.format(ref, "apa")


def test_elpub_english_line_edition() -> None:
    ref = Book(id="b", title="Политология", edition="2", issued=2023, language="ru")
    assert ". 2nd ed. " in citekit.format(ref, "elpub")
    assert ". 2-е изд. " in citekit.format(ref, "elpub-ru")
    english = _piaget(edition="2")
    assert "child. 2nd ed. Basic Books; 1969." in citekit.format(english, "elpub-ru")


# -- 2. APA: translators, original date, volume ---------------------------------------------------

PIAGET_APA = (
    "Piaget, J., & Inhelder, B. (1969). The psychology of the child (H. Weaver, Trans.; 2nd ed.). "
    "Basic Books. (Original work published 1966)"
)


def test_apa_translated_reprint_matches_the_manual() -> None:
    ref = _piaget(
        translators=[Person("Weaver", "Helen")],
        edition="2",
        extra={"original-date": {"date-parts": [[1966]]}},
    )
    assert citekit.format(ref, "apa") == PIAGET_APA
    assert citekit.cite(ref, "apa") == "(Piaget & Inhelder, 1966/1969)"
    assert citekit.cite(ref, "apa", narrative=True) == "Piaget and Inhelder (1966/1969)"


def test_apa_original_date_after_the_doi() -> None:
    ref = _piaget(doi="10.1000/x", extra={"original-date": "1966"})
    assert citekit.format(ref, "apa").endswith(
        "https://doi.org/10.1000/x (Original work published 1966)"
    )


def test_apa_editors_and_translators_of_an_authored_book() -> None:
    ref = _piaget(editors=[Person("Smith", "John")], translators=[Person("Weaver", "Helen")])
    assert "The psychology of the child (J. Smith, Ed.; H. Weaver, Trans.)." in citekit.format(
        ref, "apa"
    )


def test_apa_book_volume_with_and_without_edition() -> None:
    assert "child (Vol. 7)." in citekit.format(_piaget(volume="7"), "apa")
    assert "child (2nd ed., Vol. 7)." in citekit.format(_piaget(volume="7", edition="2"), "apa")


def test_apa_translator_of_an_article() -> None:
    from citekit.model import JournalArticle

    ref = JournalArticle(id="a", title="On memory", authors=[Person("Freud", "Sigmund")],
                         translators=[Person("Strachey", "James")], container_title="Journal",
                         volume="1", issued=1950, language="en")  # fmt: skip
    assert "On memory (J. Strachey, Trans.). Journal, 1." in citekit.format(ref, "apa")


# -- 3. GOST: date words in the item's language ------------------------------------------------


def _webgpu(**fields: object) -> WebArticle:
    values: dict[str, object] = {
        "id": "w",
        "title": "WebGPU: от медицинских снимков к трёхмерным моделям",
        "container_title": "Хабр",
        "issued": "2025-04-16",
        "url": "https://habr.com/ru/articles/1/",
        "accessed": "2025-05-08",
    }
    values.update(fields)
    return WebArticle(**values)  # type: ignore[arg-type]


def test_gost_russian_page_with_latin_title_gets_russian_date_words() -> None:
    line = citekit.format(_webgpu(language="ru"), "gost")
    assert "// Хабр : [сайт]. – 2025. – 16 апреля." in line


def test_gost_date_words_fall_back_to_the_title_script() -> None:
    assert "– 2025. – April 16." in citekit.format(_webgpu(), "gost")
    english = _webgpu(title="Графика", language="en")
    assert "– 2025. – April 16." in citekit.format(english, "gost")


# -- 4. the English "For citation" line of a Russian book ---------------------------------------


def test_elpub_english_line_place_and_publisher() -> None:
    ref = Book(id="b", title=Title("Философия", translations={"en": "Philosophy"}),
               place="Москва", publisher="Гнозис", issued=2020, language="ru")  # fmt: skip
    assert "Philosophy. Moscow: Gnozis; 2020." in citekit.format(ref, "elpub")
    assert "Философия. Москва: Гнозис; 2020." in citekit.format(ref, "elpub-ru")
    spb = Book(id="c", title="Х", place="СПб.", publisher="Питер", issued=2020, language="ru")
    assert "St. Petersburg: Piter; 2020." in citekit.format(spb, "elpub")
    other = Book(id="d", title="Х", place="Кострома", publisher="Питер", issued=2020)
    assert "Kostroma: Piter" in citekit.format(other, "elpub", translit="bsi")


def test_references_places_in_english() -> None:
    ref = Book(id="b", title="Философия", place="Москва", publisher="Гнозис", issued=2020,
               language="ru")  # fmt: skip
    assert "Moscow: Gnozis" in citekit.format(ref, "references")


# -- 5. GOST: translators and editors --------------------------------------------------------------


def test_gost_translators_and_editors_in_the_statement_of_responsibility() -> None:
    ref = Book(id="b", title="Психология ребёнка", authors=[Person("Пиаже", "Жан")],
               translators=[Person("Иванов", "Николай Николаевич")],
               editors=[Person("Петров", "Алексей Алексеевич")],
               place="Москва", publisher="Наука", issued=1969, language="ru")  # fmt: skip
    line = citekit.format(ref, "gost")
    assert line.startswith(
        "Пиаже, Ж. Психология ребёнка / Ж. Пиаже ; переводчик Н. Н. Иванов ; "
        "редактор А. А. Петров. – Москва : Наука, 1969."
    )
    short = citekit.format(ref, "gost-2008")
    assert short.startswith("Пиаже Ж. Психология ребёнка / переводчик Н. Н. Иванов ; редактор")


def test_gost_latin_translators_and_book_volume() -> None:
    ref = _piaget(translators=[Person("Weaver", "Helen")], volume="7", place="New York")
    line = citekit.format(ref, "gost")
    assert "child. Vol. 7 / J. Piaget, B. Inhelder ; translated by H. Weaver. – New" in line


def test_gost_russian_book_volume() -> None:
    ref = Book(id="b", title="Собрание сочинений", authors=[Person("Толстой", "Лев")],
               volume="7", place="Москва", publisher="Худож. лит.", issued=1981)  # fmt: skip
    assert "Собрание сочинений. Т. 7 / Л. Толстой. – Москва" in citekit.format(ref, "gost")


# -- 6. check: what is printed is not reported, what is not printed is -----------------------------


def test_check_no_longer_reports_printed_fields() -> None:
    ref = _piaget(translators=[Person("Weaver", "Helen")], edition="2", volume="7",
                  extra={"original-date": "1966"})  # fmt: skip
    for style in ("apa", "gost"):
        warnings = get_style(style).warnings(ref, get_style(style).options())
        assert not [w for w in warnings if w.startswith(("translators", "editors", "volume"))]
    apa = get_style("apa")
    assert apa.warnings(ref, apa.options()) == []


def test_check_reports_fields_still_not_printed() -> None:
    ref = _piaget(translators=[Person("Weaver", "Helen")])
    elpub = get_style("elpub")
    assert any("translators" in w for w in elpub.warnings(ref, elpub.options()))
    gost = get_style("gost")
    dated = _piaget(extra={"original-date": "1966"})
    assert any(w.startswith("original-date (1966)") for w in gost.warnings(dated, gost.options()))
    references = get_style("references")
    volume = _piaget(volume="7")
    assert any(w.startswith("volume") for w in references.warnings(volume, references.options()))


def test_gost_chapter_host_edition_and_volume() -> None:
    ref = Chapter(id="c", title="Японская дипломатия", authors=[Person("Стрельцов", "Дмитрий")],
                  container_title="Япония в мировой политике", edition="2", volume="3",
                  place="Москва", publisher="Наука", issued=2021, pages="45-67")  # fmt: skip
    assert citekit.format(ref, "gost").endswith(
        "// Япония в мировой политике. – 2-е изд. – Москва : Наука, 2021. – Т. 3. – С. 45–67."
    )


def test_gost_latin_chapter_of_a_russian_language_item_keeps_its_words() -> None:
    ref = Chapter(id="c", title="Japan", authors=[Person("Doe", "Jane")], language="ru",
                  container_title="Asia", editors=[Person("Smith", "John")], issued=2021)  # fmt: skip
    assert "// Asia / edited by J. Smith. – 2021." in citekit.format(ref, "gost")


def test_apa_reports_translators_it_cannot_place() -> None:
    from citekit.model import Report

    ref = Report(id="r", title="A report", translators=[Person("Weaver", "Helen")], issued=2020)
    apa = get_style("apa")
    assert any(w.startswith("translators") for w in apa.warnings(ref, apa.options()))


# -- genre and medium ----------------------------------------------------------------------------


def _textbook(**fields: object) -> Book:
    values: dict[str, object] = {
        "id": "ivanov2020",
        "title": "История Японии",
        "authors": [Person("Иванов", "Иван")],
        "issued": 2020,
        "publisher": "Наука",
        "place": "Москва",
        "language": "ru",
        "genre": "учебное пособие",
    }
    values.update(fields)
    return Book(**values)  # type: ignore[arg-type]


def test_gost_prints_a_books_genre_as_other_title_information() -> None:
    for style in ("gost-2018", "gost-2008"):
        assert "История Японии : учебное пособие" in citekit.format(_textbook(), style)


def test_gost_takes_a_medium_in_its_own_words_as_the_content_type() -> None:
    online = _textbook(medium="Текст : электронный")
    assert citekit.format(online, "gost").endswith("2020. – Текст : электронный.")
    audio = _textbook(medium="Audiobook")
    assert citekit.format(audio, "gost").endswith("2020. – Текст : непосредственный.")
    style = get_style("gost")
    assert any(
        "medium (Audiobook) not printed" in w for w in style.warnings(audio, style.options())
    )
    assert not any("medium" in w for w in style.warnings(online, style.options()))


def test_apa_describes_a_book_in_brackets() -> None:
    """§9.21: ``[Audiobook]`` after the parenthetical details; genre and medium joined as
    apa.csl joins them."""
    book = _piaget(genre="Monograph", medium="Audiobook", edition="2")
    assert citekit.format(book, "apa") == (
        "Piaget, J., & Inhelder, B. (1969). The psychology of the child (2nd ed.) "
        "[Monograph; Audiobook]. Basic Books."
    )
    gost_words = _textbook(medium="Текст : электронный")
    assert "[uchebnoe posobie]. Nauka." in citekit.format(gost_words, "apa")


@pytest.mark.parametrize("style", ["elpub", "elpub-ru", "references"])
def test_journal_lines_say_they_leave_out_genre_and_medium(style: str) -> None:
    engine = get_style(style)
    found = engine.warnings(_textbook(medium="Audiobook"), engine.options())
    assert any(w.startswith("genre (учебное пособие) not printed") for w in found), found
    assert any(w.startswith("medium (Audiobook) not printed") for w in found), found


def test_biblatex_subtitles_join_their_titles() -> None:
    """A BibLaTeX ``subtitle`` was kept as an extra that no style printed."""
    refs = citekit.loads(
        "@book{a, author={Smith, John}, title={The history}, subtitle={A {USA} view}, year=2019}"
        "@incollection{b, title={Why?}, subtitle={An answer}, booktitle={Essays},"
        " booksubtitle={Second series}, year=2019}"
        "@book{c, subtitle={No title to join}, year=2019}",
        "bibtex",
    )
    assert refs[0].title == Title("The history: A USA view")
    assert citekit.format(refs[1], "apa") == "Why? An answer. (2019). In Essays: Second series."
    assert refs[2].title is None
    assert refs[2].extra["subtitle"] == "No title to join"


def test_check_counts_a_place_printed_in_english(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The English line prints Москва as Moscow: that is the place printed, not left out."""
    path = tmp_path / "book.yaml"
    citekit.dump([_textbook()], "yaml", path)
    said = [str(p) for p in citekit.check(path, style="elpub")]
    assert not any(": place (" in message for message in said), said
    assert any(
        "place (Москва) not printed" in m for m in map(str, citekit.check(path, style="apa"))
    )


def test_apa_article_number_in_place_of_pages() -> None:
    """§9.27: the article number replaces the page range, even where both are stored."""
    from citekit.model import JournalArticle

    ref = JournalArticle(
        id="a", title="T", authors=[Person("Smith", "Jane")], issued=2021,
        container_title=Title("Journal"), volume="12", issue="3", pages="101-115",
        article_number="e0123",
    )  # fmt: skip
    assert citekit.format(ref, "apa") == "Smith, J. (2021). T. Journal, 12(3), Article e0123."


def test_apa_standards_body_as_group_author() -> None:
    """§9.11: a standard without authors is headed by the body that issued it."""
    from citekit.model import Standard

    ref = Standard(id="s", title="Information and documentation", number="ISO 690:2021",
                   authority="International Organization for Standardization", issued=2021)  # fmt: skip
    assert citekit.format(ref, "apa") == (
        "International Organization for Standardization. (2021). "
        "Information and documentation (ISO 690:2021)."
    )


def test_apa_describes_a_data_set_in_the_manuals_words() -> None:
    """§10.9: ``[Data set]`` after the title when the record gives no genre."""
    from citekit.model.kinds import KIND_BY_NAME

    dataset = KIND_BY_NAME["dataset"].cls(id="d", title="Sleep records", issued=2021)
    assert citekit.format(dataset, "apa") == "Sleep records [Data set]. (2021)."
