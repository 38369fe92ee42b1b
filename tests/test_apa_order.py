"""APA's list order: the title's key, worked out only for ties, orders as the whole key does."""

from __future__ import annotations

import sys
from pathlib import Path

import attrs

from citekit.collation import text_key
from citekit.io.csljson import item_to_reference
from citekit.model.reference import Reference
from citekit.styles.apa import APA
from citekit.styles.forms import latin_text

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

from corpus import generate


def _whole_key(ref: Reference) -> tuple[object, ...]:
    options = APA.options()
    year = ref.issued.key()[0] if ref.issued else -10000
    title = latin_text(ref.title, options.translit) if ref.title else ""
    return (APA._author_key(ref, options), year, text_key(title), ref.id)


def test_the_order_is_that_of_the_whole_key() -> None:
    refs = [item_to_reference(item) for item in generate(1500)]
    # the same authors and year again, with other titles and ids: ties for the title to break
    twins = [
        attrs.evolve(ref, id=f"{ref.id}-twin", title=refs[-1 - i].title)
        for i, ref in enumerate(refs[:300])
    ]
    every = refs + twins
    ordered = APA.sort(every, APA.options())
    assert [r.id for r in ordered] == [r.id for r in sorted(every, key=_whole_key)]
    suffixed = APA.suffixes(every, APA.options())
    assert len(suffixed) >= 600  # each twin pair shares authors and year: a and b
