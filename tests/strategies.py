"""Hypothesis strategies for citekit's model, shared by the property tests."""

from __future__ import annotations

import string

from hypothesis import strategies as st

from citekit.model import JournalArticle, PartialDate, Person, Title
from citekit.script import printable

RUSSIAN_LOWER = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя"
RUSSIAN = RUSSIAN_LOWER + RUSSIAN_LOWER.upper()

cyrillic_words = st.text(alphabet=RUSSIAN, min_size=1, max_size=12)
latin_words = st.text(alphabet=string.ascii_letters, min_size=1, max_size=12)
hostile = st.sampled_from(
    [
        "<script>alert(1)</script>",
        '"><img src=x onerror=alert(1)>',
        "javascript:alert(1)",
        "*bold* _x_ [l](javascript:x)",
        "\\input{/etc/passwd} $x$ %c #",
        "a\u202eb\x00c",
        "&amp; &lt;",
    ]
)
any_text = st.one_of(
    st.text(min_size=1, max_size=40).filter(printable),
    hostile,
    st.builds(lambda a, b: f"{a} {b}", cyrillic_words, latin_words),
)


def _name_part(word: str) -> str:
    return word[:1].upper() + word[1:].lower()


people = st.builds(
    Person,
    st.one_of(cyrillic_words, latin_words).map(_name_part),
    st.one_of(st.none(), cyrillic_words.map(_name_part), latin_words.map(_name_part)),
)
titles = st.builds(
    Title,
    any_text,
    lang=st.sampled_from([None, "ru", "en"]),
    translations=st.dictionaries(st.just("en"), any_text, max_size=1),
)
dates = st.builds(PartialDate, st.integers(1900, 2030), st.none() | st.integers(1, 12))
numbers = st.none() | st.integers(1, 999).map(str)


@st.composite
def page_ranges(draw: st.DrawFn) -> str | None:
    if draw(st.booleans()):
        return None
    first = draw(st.integers(1, 500))
    return f"{first}-{first + draw(st.integers(0, 50))}"


journal_articles = st.builds(
    JournalArticle,
    id=st.text(alphabet=string.ascii_lowercase, min_size=1, max_size=8),
    title=titles,
    authors=st.lists(people, max_size=6),
    container_title=st.none() | titles,
    volume=numbers,
    issue=numbers,
    pages=page_ranges(),
    issued=st.none() | dates,
    language=st.sampled_from([None, "ru", "en", "de"]),
    doi=st.none() | st.from_regex(r"10\.[0-9]{4,5}/[a-z0-9.-]{1,12}", fullmatch=True),
)
