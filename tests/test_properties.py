"""Properties that hold for every reference, not just the examples."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

import citekit
from citekit.model import JournalArticle, Person
from citekit.names import latin_form
from citekit.script import has_cyrillic
from strategies import RUSSIAN, cyrillic_words, journal_articles, people

STYLES = ["elpub", "elpub-ru", "references", "gost", "gost-2008", "apa"]
LATIN_STYLES = ["elpub", "references", "apa"]
FORMATS = ["text", "html", "markdown", "latex"]


@settings(max_examples=300)
@given(ref=journal_articles, style=st.sampled_from(STYLES))
def test_punctuation_is_never_doubled(ref: JournalArticle, style: str) -> None:
    given_text = _inputs(ref)
    if any(not t[:1].isalnum() for t in given_text.split(" | ") if t):
        return  # a title that starts with punctuation is printed as given
    prose = re.split(r" https://doi\.org/| DOI:? ", citekit.format(ref, style))[0]
    out = prose.replace("...", "…")
    for doubled in ("?.", "!.", "..", " .", "  "):
        assert doubled not in out or doubled in given_text.replace("...", "…"), out


def _inputs(ref: JournalArticle) -> str:
    parts = [ref.title, ref.container_title]
    return " | ".join(text for t in parts if t for text in (t.original, *t.translations.values()))


@settings(max_examples=300)
@given(ref=journal_articles, style=st.sampled_from(STYLES), to=st.sampled_from(FORMATS))
def test_every_format_renders_and_html_is_inert(ref: JournalArticle, style: str, to: str) -> None:
    out = citekit.format(ref, style, to=to)
    assert isinstance(out, str)
    assert out
    assert "\u202e" not in out
    assert "\x00" not in out
    if to == "html":
        # The only markup is citekit's own: <i>, and <a> to an https DOI. Input stays text.
        markup = out.replace("<i>", "").replace("</i>", "").replace("</a>", "")
        markup = re.sub(r'<a href="https://doi\.org/[^"<>]+">', "", markup)
        assert "<" not in markup, out
        assert ">" not in markup, out


@settings(max_examples=300)
@given(ref=journal_articles, style=st.sampled_from(LATIN_STYLES))
def test_latin_styles_print_no_cyrillic(ref: JournalArticle, style: str) -> None:
    out = citekit.format(ref, style)
    assert not has_cyrillic(out), out


@given(person=people)
def test_latin_names_have_no_cyrillic(person: Person) -> None:
    form = latin_form(person)
    assert not has_cyrillic(form.family + "".join(form.initials))


@given(family=cyrillic_words, given_names=st.lists(cyrillic_words, min_size=1, max_size=3))
def test_one_initial_per_given_name(family: str, given_names: list[str]) -> None:
    person = Person(family, " ".join(given_names))
    assert len(person.initials) == len(given_names)
    assert all(i.endswith(".") and i[0].isupper() for i in person.initials)
    assert all(i[0] in RUSSIAN for i in person.initials)


@given(ref=journal_articles)
def test_formatting_is_deterministic(ref: JournalArticle) -> None:
    assert citekit.format(ref, "elpub") == citekit.format(ref, "elpub")
