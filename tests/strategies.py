"""Hypothesis strategies for citekit's model, shared by the property tests."""

from __future__ import annotations

import string

import attrs
from hypothesis import strategies as st

from citekit.model import (
    Book,
    Chapter,
    ConferencePaper,
    JournalArticle,
    MagazineArticle,
    NewspaperArticle,
    PartialDate,
    Person,
    Report,
    Thesis,
    Title,
    WebArticle,
)
from citekit.model.kinds import KINDS, Kind
from citekit.model.reference import Reference
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


def _common() -> dict[str, st.SearchStrategy[object]]:
    return {
        "id": st.text(alphabet=string.ascii_lowercase, min_size=1, max_size=8),
        "title": st.none() | titles,
        "authors": st.lists(people | organisations, max_size=5),
        "issued": st.none() | dates,
        "language": st.sampled_from([None, "ru", "en", "de", "uk"]),
        "doi": st.none() | st.from_regex(r"10\.[0-9]{4,5}/[a-z0-9.<>&\"-]{1,12}", fullmatch=True),
        "url": st.none() | urls,
    }


organisations = st.builds(lambda name: Person(literal=name), any_text)
urls = st.sampled_from(
    ["https://example.org/a?b=1&c=%3C2%3E", "http://x.ru/путь", "https://e.org/'onmouseover=x"]
)
editions = st.none() | st.sampled_from(["2nd", "2-е изд.", "<b>3</b>"])

every_reference = st.one_of(
    journal_articles,
    st.builds(
        MagazineArticle,
        container_title=st.none() | titles,
        volume=numbers,
        issue=numbers,
        pages=page_ranges(),
        **_common(),
    ),
    st.builds(
        NewspaperArticle, container_title=st.none() | titles, pages=page_ranges(), **_common()
    ),
    st.builds(
        lambda site, accessed, common: _web_article(site, accessed, common),
        st.none() | titles,
        st.none() | dates,
        st.fixed_dictionaries(_common()),
    ),
    st.builds(
        Book,
        publisher=st.none() | any_text,
        place=st.none() | any_text,
        edition=editions,
        editors=st.lists(people, max_size=3),
        genre=st.none() | any_text,
        medium=st.none() | st.sampled_from(["Audiobook", "Текст : электронный", "<i>CD</i>"]),
        **_common(),
    ),
    st.builds(
        Chapter,
        container_title=st.none() | titles,
        pages=page_ranges(),
        editors=st.lists(people, max_size=3),
        publisher=st.none() | any_text,
        **_common(),
    ),
    st.builds(
        Report,
        number=numbers,
        genre=st.none() | any_text,
        publisher=st.none() | any_text,
        **_common(),
    ),
    st.builds(
        ConferencePaper, container_title=st.none() | titles, pages=page_ranges(), **_common()
    ),
    st.builds(Thesis, genre=st.none() | any_text, publisher=st.none() | any_text, **_common()),
)


def _web_article(
    site: Title | None, accessed: PartialDate | None, common: dict[str, object]
) -> WebArticle:
    """A web article whose retrieval date is not before its publication (the model refuses that)."""
    issued = common.get("issued")
    if accessed is not None and isinstance(issued, PartialDate) and accessed.year < issued.year:
        accessed = None
    if accessed is not None and isinstance(issued, PartialDate) and accessed.year == issued.year:
        accessed = PartialDate(issued.year + 1)
    return WebArticle(container_title=site, accessed=accessed, **common)  # type: ignore[arg-type]


# -- every kind, from the kinds table ----------------------------------------------------------

_NO_VALUE = st.none()


def _field_strategy(name: str, annotation: str) -> st.SearchStrategy[object]:
    """Values for one field of a kind, chosen by its name and type (model/kinds.py rows)."""
    if "Title" in annotation:
        return st.none() | titles
    if "Person" in annotation:
        return st.lists(people | organisations, max_size=4)
    if "PartialDate" in annotation:
        return st.none() | dates
    if name == "pages":
        return page_ranges()
    if name in ("isbn", "issn"):
        return _NO_VALUE  # checksummed: the property tests do not need them
    if name in ("edition", "volume", "issue", "number", "article_number", "collection_number"):
        return numbers | editions
    return st.none() | any_text


@st.composite
def of_kind(draw: st.DrawFn, kind: Kind) -> Reference:
    """A reference of ``kind`` with any of its fields filled."""
    values: dict[str, object] = {}
    for field in attrs.fields(kind.shape):
        if field.name in ("id", "extra", "accessed", "changing"):
            continue
        values[field.name] = draw(_field_strategy(field.name, str(field.type)))
    values.update(draw(st.fixed_dictionaries(_common())))
    issued = values.get("issued")
    if draw(st.booleans()):  # a retrieval date, never before publication (the model refuses it)
        values["accessed"] = (
            PartialDate(issued.year + 1)
            if isinstance(issued, PartialDate)
            else (PartialDate(2026, 1, 2))
        )
    submitted = values.get("submitted")
    if isinstance(submitted, PartialDate) and isinstance(issued, PartialDate):
        values["submitted"] = PartialDate(min(submitted.year, issued.year))
    return kind.cls(**values)  # type: ignore[arg-type]


of_every_kind = st.one_of([of_kind(kind) for kind in KINDS])
"""A reference of any kind in the kinds table, with any of its fields filled."""


# -- references as authors keep them in a reference manager ----------------------------------
# Plain words in one script, names with initials, real-looking identifiers: what a journal's
# authors cite. Used where two processors are compared line by line (tests/test_journal_csl.py),
# so that a difference says something about the styles rather than about odd input.


# A Russian word starts with neither ъ nor ь (nor ы), ends in no ъ, and has no ъ beside ь or ъ:
# BSI writes ъ as a straight double quote, which a CSL processor reads as a quotation mark
# where it stands at the edge of a word.
plain_cyrillic_words = st.builds(
    lambda first, rest: first + rest,
    st.sampled_from([c for c in RUSSIAN_LOWER if c not in "ъьы"]),
    st.text(alphabet=RUSSIAN_LOWER, max_size=11),
).filter(lambda w: not w.endswith("ъ") and not any(p in w for p in ("ъъ", "ьъ", "ъь", "ьь")))


def _sentence(words: list[str]) -> str:
    text = " ".join(words)
    return text[:1].upper() + text[1:].lower()


def _plain_title(script: st.SearchStrategy[str], lang: str) -> st.SearchStrategy[Title]:
    return st.builds(
        lambda words, english: Title(
            _sentence(words), lang=lang, translations={"en": english} if english else {}
        ),
        st.lists(script, min_size=1, max_size=6),
        st.none() | st.lists(latin_words, min_size=1, max_size=5).map(_sentence)
        if lang == "ru"
        else st.none(),
    )


def _person(family: str, initials: str) -> Person:
    return Person(family[:1].upper() + family[1:].lower(), initials)


@st.composite
def _plain_people(draw: st.DrawFn, cyrillic: bool) -> list[Person]:
    words = plain_cyrillic_words if cyrillic else latin_words
    letters = "АБВГДЕЖЗИКЛМНОПРСТЮЯ" if cyrillic else string.ascii_uppercase
    count = draw(st.integers(0, 5))
    found = []
    for _ in range(count):
        family = draw(words)
        initials = draw(st.lists(st.sampled_from(letters), min_size=1, max_size=2))
        found.append(_person(family, " ".join(f"{i}." for i in initials)))
    return found


@st.composite
def journal_references(draw: st.DrawFn) -> object:
    """A journal article, magazine article, web article, book or chapter, Russian or English."""
    russian = draw(st.booleans())
    script = plain_cyrillic_words if russian else latin_words
    lang = "ru" if russian else "en"
    common: dict[str, object] = {
        "id": draw(st.text(alphabet=string.ascii_lowercase, min_size=4, max_size=8)),
        "title": draw(_plain_title(script, lang)),
        "authors": tuple(draw(_plain_people(russian))),
        "issued": draw(dates),
        "language": lang,
        "doi": draw(st.none() | st.from_regex(r"10\.[0-9]{4,5}/[a-z0-9.-]{1,12}", fullmatch=True)),
    }
    kind = draw(st.sampled_from(["journal", "magazine", "web", "book", "chapter"]))
    if kind in ("journal", "magazine"):
        cls = JournalArticle if kind == "journal" else MagazineArticle
        return cls(
            container_title=draw(_plain_title(script, lang)),
            volume=draw(numbers),
            issue=draw(numbers),
            pages=draw(page_ranges()),
            **common,  # type: ignore[arg-type]
        )
    url = draw(st.sampled_from(["https://example.org/a/1", "https://journal.example.ru/view/2"]))
    if kind == "web":
        common["url"] = url
        return _web_article(draw(_plain_title(script, lang)), draw(dates), common)
    extra = {
        "publisher": draw(st.none() | st.lists(script, min_size=1, max_size=2).map(_sentence)),
        "place": draw(st.none() | st.sampled_from(["Москва", "London"])),
    }
    if kind == "book":
        return Book(**extra, **common)  # type: ignore[arg-type]
    return Chapter(
        container_title=draw(_plain_title(script, lang)),
        pages=draw(page_ranges()),
        **extra,
        **common,  # type: ignore[arg-type]
    )
