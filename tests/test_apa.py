"""APA 7: the manual's rules, the spec's seen lines, citations, and the 42-item ratchet."""

from __future__ import annotations

from pathlib import Path

import pytest

import citekit
from citekit.errors import UnsupportedError
from citekit.model import Book, JournalArticle, Person, Title, WebArticle

DATA = Path(__file__).parent / "data"


def test_seen_lines_from_the_spec() -> None:
    richards = JournalArticle(
        id="r",
        title="Impact of social media on the health of children and young people",
        authors=[Person("Richards", "D."), Person("Caldwell", "P. H."), Person("Go", "H.")],
        container_title="Journal of Paediatrics and Child Health",
        volume="51",
        issue="12",
        pages="1152-1157",
        issued=2015,
        doi="10.1111/jpc.13023",
    )
    assert citekit.format(richards, "apa") == (
        "Richards, D., Caldwell, P. H., & Go, H. (2015). Impact of social media on the health of "
        "children and young people. Journal of Paediatrics and Child Health, 51(12), 1152–1157. "
        "https://doi.org/10.1111/jpc.13023"
    )
    felipa = JournalArticle(
        id="f",
        language="es",
        title=Title(
            "El marketing del partido político en el gobierno",
            translations={"en": "Marketing of the political party in government"},
        ),
        authors=[Person("Felipa", "P. B.")],
        container_title="Semestre Económico",
        volume="13",
        issue="26",
        pages="119-134",
        issued=2010,
    )
    assert citekit.format(felipa, "apa") == (
        "Felipa, P. B. (2010). El marketing del partido político en el gobierno [Marketing of the "
        "political party in government]. Semestre Económico, 13(26), 119–134."
    )


def test_the_english_corpus_ratchet() -> None:
    refs = citekit.load(DATA / "apa-english.json")
    expected = (DATA / "apa-english.apa-bibliography.txt").read_text(encoding="utf-8")
    assert citekit.bibliography(refs, "apa") + "\n" == expected


def test_russian_article_transliterated_with_translation(example_refs) -> None:  # type: ignore[no-untyped-def]
    line = citekit.format(example_refs[3], "apa")
    assert line.startswith(
        "Trenin, D. V. (2025). Revizionist, a ne revolyutsioner [A Revisionist, Not a "
        "Revolutionary]. Rossiya v global'noi politike, 23(3), 35–51."
    )
    ala = citekit.format(example_refs[3], "apa", translit="ala-lc")
    assert ala.startswith("Trenin, D. V. (2025). Revizionist, a ne revoli͡ut͡sioner [")


def test_issue_without_volume(example_refs) -> None:  # type: ignore[no-untyped-def]
    assert "Yaponskie issledovaniya, (3), 5–25." in citekit.format(example_refs[0], "apa")


@pytest.mark.parametrize(
    ("to", "fragment"),
    [
        ("html", "<i>Journal of Paediatrics and Child Health</i>, <i>51</i>(12)"),
        ("markdown", "*Journal of Paediatrics and Child Health*, *51*(12)"),
        ("latex", "\\emph{Journal of Paediatrics and Child Health}, \\emph{51}(12)"),
    ],
)
def test_italics_in_every_markup(to: str, fragment: str) -> None:
    refs = citekit.load(DATA / "apa-english.json")
    assert fragment in citekit.format(refs[0], "apa", to=to)


def test_year_suffixes_in_list_and_citations() -> None:
    refs = citekit.load(DATA / "apa-english.json")
    posner = [r for r in refs if r.id.startswith("same2020")]
    listing = citekit.bibliography(posner, "apa").splitlines()
    assert listing[0].startswith("Posner, M. I. (2020a). Attention in the wild.")
    assert listing[1].startswith("Posner, M. I. (2020b). Brain networks of attention.")
    assert citekit.cite(posner[1], "apa", context=refs) == "(Posner, 2020b)"
    assert citekit.cite(posner, "apa", context=refs) == "(Posner, 2020a, 2020b)"
    assert citekit.cite(posner[0], "apa") == "(Posner, 2020)"  # alone: nothing to tell apart


@pytest.mark.parametrize(
    ("ids", "kwargs", "expected"),
    [
        (["issueonly2025"], {}, "(Kistanov, 2025)"),
        (["smith2024"], {}, "(Smith & McClean, 2024)"),
        (["kalhori2020"], {}, "(Kalhori et al., 2020)"),
        (["issueonly2025"], {"narrative": True}, "Kistanov (2025)"),
        (["smith2024"], {"narrative": True}, "Smith and McClean (2024)"),
        (["issueonly2025"], {"locator": "p. 7"}, "(Kistanov, 2025, p. 7)"),
        (["webgroup"], {}, "(World Health Organization, 2023)"),
        (["webnoauthor"], {}, "(Seasonal influenza vaccination, 2019)"),
        (["thesisnd"], {}, "(Goldberg, n.d.)"),
        (["smith2024", "grady2019"], {}, "(Grady, 2019; Smith & McClean, 2024)"),
    ],
)
def test_citations(ids: list[str], kwargs: dict[str, object], expected: str) -> None:
    refs = {r.id: r for r in citekit.load(DATA / "apa-english.json")}
    assert citekit.cite([refs[i] for i in ids], "apa", **kwargs) == expected  # type: ignore[arg-type]


def test_untitled_author_less_work_cites_its_title_in_italics() -> None:
    book = Book(id="b", title="Handbook of the obvious", issued=2020)
    assert citekit.cite(book, "apa", to="html") == "(<i>Handbook of the obvious</i>, 2020)"
    assert citekit.format(book, "apa") == "Handbook of the obvious. (2020)."


def test_a_work_without_author_or_title_starts_with_its_date() -> None:
    # §9.12 moves the title into the author position; with no title either, the date leads
    assert citekit.format(Book(id="x", publisher="Nauka", issued=2020), "apa") == "(2020). Nauka."
    titled = Book(id="y", title="Only a title", publisher="Nauka")
    assert citekit.format(titled, "apa") == "Only a title. (n.d.). Nauka."


def test_retrieval_date_only_for_changing_content() -> None:
    kwargs = {"id": "w", "title": "Page", "url": "https://x.org/", "accessed": "2025-05-08"}
    dated = WebArticle(issued="2025-01-01", **kwargs)  # type: ignore[arg-type]
    assert "Retrieved" not in citekit.format(dated, "apa")
    changing = WebArticle(issued="2025-01-01", changing=True, **kwargs)  # type: ignore[arg-type]
    assert "Retrieved May 8, 2025, from https://x.org/" in citekit.format(changing, "apa")


def test_styles_without_citations_say_so(example_refs) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(UnsupportedError, match="makes no in-text citations"):
        citekit.cite(example_refs[0], "gost")
    with pytest.raises(UnsupportedError, match="at least one"):
        citekit.cite([], "apa")
