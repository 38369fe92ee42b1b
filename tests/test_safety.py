"""Issue #15, outputs: every reproducer of an injection into LaTeX, BibTeX, RIS and Jinja,
checked with the output's own reader and, where installed, with pdflatex and bibtex."""

from __future__ import annotations

import warnings

import pytest
from jinja2 import Environment
from pybtex.database import parse_string

import citekit
import citekit.jinja
from citekit.errors import DataLossWarning
from citekit.io.bibtex import read_bibtex, write_bibtex
from citekit.io.ris import read_ris, write_ris
from citekit.model import Book, JournalArticle, Person, Title
from citekit.render.latex import latex_url
from tex import compile_latex, needs_tex

# ``\csname @@input\endcsname secret `` spelled in TeX's ^^ notation
TEX_INPUT = "^^5ccsname^^20@@input^^5cendcsname^^20secret^^20"
LATEX_STYLES = ["elpub", "elpub-ru", "references", "gost", "gost-2008", "apa"]


def _article(**fields: object) -> JournalArticle:
    values: dict[str, object] = {
        "id": "a",
        "title": Title("T"),
        "authors": [Person("Ivanov", "I.")],
        "container_title": Title("J"),
        "issued": 2020,
    }
    values.update(fields)
    return JournalArticle(**values)  # type: ignore[arg-type]


def _silently(function, *args, **kwargs):  # type: ignore[no-untyped-def]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DataLossWarning)
        return function(*args, **kwargs)


def _losses(refs: list[JournalArticle], writer) -> tuple[str, list[str]]:  # type: ignore[no-untyped-def]
    lost: list[str] = []
    text = writer(refs, lose=lambda ref, field, why: lost.append(f"{ref.id}: {field}: {why}"))
    return text, lost


# -- LaTeX -------------------------------------------------------------------------------------


def test_latex_url_percent_encodes_what_tex_reads() -> None:
    assert latex_url("https://doi.org/10.1234/" + TEX_INPUT) == (
        "https://doi.org/10.1234/\\%5E\\%5E5ccsname\\%5E\\%5E20@@input\\%5E\\%5E5cendcsname"
        "\\%5E\\%5E20secret\\%5E\\%5E20"
    )
    assert latex_url("https://x.org/a b\\{}$~_&#%") == (
        "https://x.org/a\\%20b\\%5C\\%7B\\%7D\\%24~_&\\#\\%"
    )


@pytest.mark.parametrize("style", LATEX_STYLES)
def test_a_doi_with_carets_reaches_latex_without_one(style: str) -> None:
    out = citekit.format(_article(doi="10.1234/" + TEX_INPUT), style, to="latex")
    assert "^" not in out.replace("\\textasciicircum{}", "")


@needs_tex
def test_pdflatex_does_not_read_a_file_named_by_a_doi(tmp_path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "secret.tex").write_text("\\typeout{SECRET-WAS-READ}\n")
    ref = _article(doi="10.1234/" + TEX_INPUT)
    body = "\n\n".join(citekit.format(ref, style, to="latex") for style in LATEX_STYLES)
    log = compile_latex(tmp_path, body)
    assert "SECRET-WAS-READ" not in log


# -- BibTeX ------------------------------------------------------------------------------------


def test_a_doi_cannot_add_a_field_to_a_bibtex_entry() -> None:
    doi = "10.1234/x},note={\\input{secret}}"
    text = write_bibtex([_article(doi=doi)], lose=lambda *_: None)
    (entry,) = parse_string(text, "bibtex").entries.values()
    assert "note" not in entry.fields
    assert "\\" not in text
    assert "{secret" not in text
    assert read_bibtex(text)[0].doi == doi


def test_key_type_and_extra_field_names_cannot_break_out() -> None:
    ref = _article(
        id="k},note={\\input{x}}",
        extra={
            "bibtex-type": "article{x,note={\\input{y}}",
            "note={\\input{z}},x": "v",
            "PMID": "123",
            "title-short": "Short",
        },
    )
    text, lost = _losses([ref], write_bibtex)
    (_key, entry), *_ = parse_string(text, "bibtex").entries.items()
    assert "\\input" not in text
    assert set(entry.fields) == {"title", "journal", "year", "date", "PMID", "title-short"}
    assert entry.type == "article"
    assert [line.split(":")[1].strip() for line in lost] == [
        "bibtex-type",
        "note={\\input{z}},x",
        "id",
    ]
    back = read_bibtex(text)[0]
    assert back.extra == {"PMID": "123", "title-short": "Short"}
    assert back.title == Title("T")


def test_pages_are_escaped_in_bibtex() -> None:
    ref = Book(id="b", title="T", number_of_pages="5")
    assert "5" in write_bibtex([ref], lose=lambda *_: None)


@needs_tex
def test_bibtex_and_pdflatex_do_not_execute_a_field(tmp_path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "secret.tex").write_text("\\typeout{SECRET-WAS-READ}\n")
    refs = [
        _article(id="a", doi="10.1234/x},note={\\input{secret}}"),
        _article(id="b", doi="10.1234/" + TEX_INPUT),
        _article(id="c}, note={\\input{secret}}", extra={"note={\\input{secret}}": "x"}),
    ]
    bib = _silently(write_bibtex, refs, lose=lambda *_: None)
    log = compile_latex(tmp_path, "\\nocite{*}", bib=bib)
    assert "SECRET-WAS-READ" not in log


# -- RIS ---------------------------------------------------------------------------------------


def test_a_line_break_in_an_extra_ris_value_cannot_inject_a_record() -> None:
    ref = _article(
        extra={
            "ris:N2": "abstract\nER  - \n\nTY  - BOOK\nTI  - Injected",
            "ris:XX\nTI": ["x"],
            "ris-type": "JOUR\nTI  - Injected",
        }
    )
    text, lost = _losses([ref], write_ris)
    assert [line[:2] for line in text.splitlines() if line[2:5] == "  -"].count("TY") == 1
    (back,) = read_ris(text)
    assert back.title == Title("T")
    assert back.extra["ris:N2"] == ["abstract ER  - TY  - BOOK TI  - Injected"]
    assert len(lost) == 3


def test_ris_extra_text_is_not_split_into_letters() -> None:
    ref = _article(extra={"ris:N2": "abstract"})
    (back,) = read_ris(write_ris([ref], lose=lambda *_: None))
    assert back.extra["ris:N2"] == ["abstract"]


# -- Jinja -------------------------------------------------------------------------------------


@pytest.mark.parametrize("to", ["text", "markdown", "latex"])
def test_jinja_escapes_other_formats_without_autoescape(to: str) -> None:
    env = Environment()  # Jinja's default: autoescape=False
    citekit.jinja.install(env)
    ref = _article(title=Title("<script>alert(1)</script>"))
    page = env.from_string(
        "{{ ref | reference('apa', to=to) }}{{ ref | cite('apa', to=to) }}"
        "{{ [ref] | bibliography('gost', to=to) }}"
    )
    out = page.render(ref=ref, to=to)
    assert "<" not in out
    assert "&lt;script" in out


def test_a_url_with_a_delete_character_is_refused() -> None:
    """Found by atheris: a URL holding DEL (U+007F) was kept, and came back from BibTeX
    percent-encoded; like the other control characters it cannot stand in a URL."""
    from citekit.errors import ValidationError
    from citekit.model.identifiers import check_url

    with pytest.raises(ValidationError, match="not a web address"):
        check_url("https://example.org/a\x7fb")
