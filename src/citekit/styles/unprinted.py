"""What a style leaves out of a reference that holds it: ``citekit check --style`` reports
each such field with the reason, so that nothing is dropped without a word.

>>> from citekit.model import Book, Person
>>> book = Book(id="b", translators=[Person("Weaver", "Helen")], extra={"origdate": "1966"})
>>> unprinted(book, translators="the line names authors only",
...           original_date="no place for it in the line")
['translators not printed: the line names authors only', 'original-date (1966) not printed: no place for it in the line']
"""

from __future__ import annotations

from citekit.model.reference import IN_A_BOOK, Publication, Reference
from citekit.styles.dates import original_year

__all__ = ["unprinted"]


def unprinted(
    ref: Reference,
    *,
    translators: str | None = None,
    editors: str | None = None,
    volume: str | None = None,
    original_date: str | None = None,
    genre: str | None = None,
    medium: str | None = None,
) -> list[str]:
    """One message for each field ``ref`` holds that the style does not print; a keyword
    names the field and gives the reason (a field not named is printed). ``editors`` are a
    whole work's (a chapter's editors are its book's, which the styles print)."""
    found: list[str] = []
    if translators and ref.translators:
        found.append(f"translators not printed: {translators}")
    if editors and ref.editors and ref.authors and not isinstance(ref, IN_A_BOOK):
        found.append(f"editors not printed: {editors}")
    if volume and isinstance(ref, Publication) and ref.volume and not isinstance(ref, IN_A_BOOK):
        found.append(f"volume not printed: {volume}")
    for name, reason in (("genre", genre), ("medium", medium)):
        value = getattr(ref, name, None) if reason else None
        if value:
            found.append(f"{name} ({value}) not printed: {reason}")
    if original_date:
        year = original_year(ref)
        if year:
            found.append(f"original-date ({year}) not printed: {original_date}")
    return found
