"""The order of a Russian reference list: Cyrillic entries first, then Latin, each alphabetical.

The key is taken from the original forms (a Russian list sorts Кистанов under К),
first author's family name and initials, then the year, then the title; an
entry without authors sorts by its title.

>>> from citekit.model import Book, Person
>>> refs = [Book(id="b", title="B", authors=[Person("Smith", "J.")]),
...         Book(id="a", title="A", authors=[Person("Ёлкин", "А.")]),
...         Book(id="c", title="C", authors=[Person("Елисеев", "Б.")])]
>>> [r.id for r in sorted(refs, key=russian_list_key)]
['c', 'a', 'b']
"""

from __future__ import annotations

from citekit.collation import text_key
from citekit.model.reference import Reference

__all__ = ["russian_list_key"]


def russian_list_key(ref: Reference) -> tuple[object, ...]:
    """Sort key: (script group and collation of the heading), year, title, id."""
    title = ref.title.original if ref.title else ""
    if ref.authors:
        first = ref.authors[0]
        heading = " ".join([first.display_family, *first.initials])
    else:
        heading = title
    year = ref.issued.year if ref.issued else 0
    return (text_key(heading), year, text_key(title), ref.id)
