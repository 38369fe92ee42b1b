"""Hostile references for the output tests: a hostile value in every field a reference type
has (each field the model refuses that value for is left out), hostile names, title forms,
ids and extra fields."""

from __future__ import annotations

import string

import attrs
from hypothesis import strategies as st

from citekit.errors import CitekitError
from citekit.model import PartialDate, Person, Reference, Title
from citekit.model.kinds import REFERENCE_TYPES
from citekit.script import folded

PAYLOADS = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "javascript:alert(1)",
    "*a* _b_ [l](javascript:x) ![i](x) `c` <https://evil.org>",
    "1. item",
    "- item",
    "# head",
    "\\input{secret} $x$ %c #1 & ~ ^^5c _ {} }{",
    "^^5ccsname^^20@@input^^5cendcsname^^20secret^^20",
    "x},note={\\input{secret}}",
    "a\nER  - \nTY  - BOOK\nTI  - injected",
    "\\cyra \\`e \\\\ \\",
    "-- --- `` '' ,, !` ?`",
    "&amp; &lt; &#x3c;",
    "a\u202eb\u2028c\x85d",
]
hostile_text = st.one_of(
    st.sampled_from(PAYLOADS),
    st.text(alphabet=string.printable + "Яё–—«»é", min_size=1, max_size=30).filter(
        lambda text: bool(folded(text))  # the model refuses text with nothing printable
    ),
    st.lists(st.sampled_from(PAYLOADS), min_size=2, max_size=3).map(" ".join),
)
urls = st.sampled_from(
    ["https://example.org/a?b=1&c=%3C2%3E#f", "http://x.ru/путь", "https://e.org/'onmouseover=x",
     "https://e.org/~u/a_b$c;d=e,f!g*h(i)"]
)  # fmt: skip
dois = st.sampled_from(
    ["10.1234/" + p for p in ("^^5ccsname^^20@@input^^5cendcsname^^20secret^^20",
                               "x},note={\\input{secret}}", "a%b#c~d&e_f$g", "<x>\"y\"", "ok")]
)  # fmt: skip
people = st.builds(
    lambda family, given, literal: Person(literal=family) if literal else Person(family, given),
    hostile_text,
    st.none() | hostile_text,
    st.booleans(),
)
titles = st.builds(
    Title, hostile_text, translations=st.dictionaries(st.just("en"), hostile_text, max_size=1)
)
TEXT_FIELDS = {
    cls: [
        f.name
        for f in attrs.fields(cls)
        if f.type == "str | None" and f.name not in ("doi", "url", "language", "isbn", "issn")
    ]
    for cls in REFERENCE_TYPES.values()
}


@st.composite
def hostile_references(draw: st.DrawFn, ref_id: str) -> Reference:
    """One reference of any type with a hostile value in every field it takes."""
    cls = draw(st.sampled_from(sorted(REFERENCE_TYPES.values(), key=lambda c: c.__name__)))
    ref: Reference = cls(id=ref_id, title=draw(titles))
    values: dict[str, object] = {
        "authors": draw(st.lists(people, min_size=1, max_size=3)),
        "editors": draw(st.lists(people, max_size=2)),
        "translators": draw(st.lists(people, max_size=2)),
        "issued": PartialDate(draw(st.integers(1900, 2030)), circa=draw(st.booleans())),
        "doi": draw(dois),
        "url": draw(urls),
        "container_title": draw(titles),
        "collection_title": draw(titles),
        "extra": {
            "note-extra": draw(hostile_text),
            "PMID": "123",
            "ris:N1": [draw(hostile_text)],
            "bad key}": "x",
        },
    }
    values.update({name: draw(hostile_text) for name in TEXT_FIELDS[cls]})
    for name, value in values.items():
        if name not in attrs.fields_dict(cls):
            continue
        try:
            ref = attrs.evolve(ref, **{name: value})
        except (CitekitError, ValueError):
            continue  # the model refuses this value for this field
    return ref


@st.composite
def hostile_lists(draw: st.DrawFn, size: int) -> list[Reference]:
    """``size`` hostile references with distinct, partly hostile ids."""
    ids = [f"r{i}" for i in range(size)]
    ids[0] = "k},note={\\input{secret}}"
    return [draw(hostile_references(ref_id)) for ref_id in ids]
